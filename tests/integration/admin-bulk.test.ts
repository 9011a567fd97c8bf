import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, cohortMembers, supervisions } from "@/db/schema";
import { NotFoundError, ValidationError, ConflictError } from "@/lib/core/errors";
import { bulkCohortInput } from "@/lib/orgs/admin-schemas";
import { bulkAddToCohort, bulkAssignSupervisor } from "@/lib/orgs/bulk";
import { createCohort, setCohortArchived } from "@/lib/orgs/cohorts";
import { addMember, createOrg, createUser } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

async function linksOf(orgId: string, supervisorId: string) {
  const db = await getDb();
  const rows = await db.select().from(supervisions).where(and(eq(supervisions.organisationId, orgId), eq(supervisions.supervisorMembershipId, supervisorId)));
  return rows.map((r) => r.traineeMembershipId).sort();
}
async function events(orgId: string, action: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, orgId), eq(auditEvents.action, action)));
}

describe("bulk actions on members", () => {
  it("assigns one supervisor to several trainees in one go, audits each link, and skips links that exist", async () => {
    const org = await createOrg("Bulk");
    const admin = ctxOf(org, org.admin);
    const third = await createUser("Third Trainee");
    const m3 = await addMember(org.orgId, third.id, "trainee");
    const before = await linksOf(org.orgId, org.otherSupervisor.membershipId);
    const r = await bulkAssignSupervisor(admin, { membershipIds: [org.trainee.membershipId, org.otherTrainee.membershipId, m3.id], supervisorMembershipId: org.otherSupervisor.membershipId });
    expect(r.assigned).toBe(3 - before.length);
    expect(await linksOf(org.orgId, org.otherSupervisor.membershipId)).toEqual([org.trainee.membershipId, org.otherTrainee.membershipId, m3.id].sort());
    const audited = await events(org.orgId, "supervision.assigned");
    expect(audited.map((e) => e.targetId).sort()).toEqual([org.trainee.membershipId, org.otherTrainee.membershipId, m3.id].filter((id) => !before.includes(id)).sort());
    expect(audited.every((e) => e.actorUserId === org.admin.userId && (e.detail as { via?: string }).via === "bulk")).toBe(true);
    const again = await bulkAssignSupervisor(admin, { membershipIds: [org.trainee.membershipId], supervisorMembershipId: org.otherSupervisor.membershipId });
    expect(again.assigned).toBe(0);
  });

  it("changes nothing when one id belongs to another organisation, or one member isn't a trainee", async () => {
    const a = await createOrg("BulkA");
    const b = await createOrg("BulkB");
    const admin = ctxOf(a, a.admin);
    const before = await linksOf(a.orgId, a.otherSupervisor.membershipId);
    await expect(
      bulkAssignSupervisor(admin, { membershipIds: [a.otherTrainee.membershipId, b.trainee.membershipId], supervisorMembershipId: a.otherSupervisor.membershipId }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(bulkAssignSupervisor(admin, { membershipIds: [a.otherTrainee.membershipId], supervisorMembershipId: b.supervisor.membershipId })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      bulkAssignSupervisor(admin, { membershipIds: [a.otherTrainee.membershipId, a.supervisor.membershipId], supervisorMembershipId: a.otherSupervisor.membershipId }),
    ).rejects.toBeInstanceOf(ValidationError);
    expect(await linksOf(a.orgId, a.otherSupervisor.membershipId)).toEqual(before);
    expect(await linksOf(b.orgId, a.otherSupervisor.membershipId)).toEqual([]);

    const cohort = await createCohort(admin, { name: "Bulk cohort" });
    await expect(bulkAddToCohort(admin, { membershipIds: [a.trainee.membershipId, b.trainee.membershipId], cohortId: cohort.id })).rejects.toBeInstanceOf(NotFoundError);
    const db = await getDb();
    expect(await db.select().from(cohortMembers).where(eq(cohortMembers.cohortId, cohort.id))).toEqual([]);
    expect(await events(a.orgId, "cohort.member_added")).toEqual([]);
    expect(await events(b.orgId, "cohort.member_added")).toEqual([]);
    // Only admins.
    await expect(bulkAddToCohort(ctxOf(a, a.supervisor), { membershipIds: [a.trainee.membershipId], cohortId: cohort.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("adds several members to a cohort, refuses an archived one, and caps the request", async () => {
    const org = await createOrg("BulkCohort");
    const admin = ctxOf(org, org.admin);
    const cohort = await createCohort(admin, { name: "Spring" });
    const ids = [org.trainee.membershipId, org.otherTrainee.membershipId, org.supervisor.membershipId];
    expect((await bulkAddToCohort(admin, { membershipIds: ids, cohortId: cohort.id })).added).toBe(3);
    const db = await getDb();
    expect((await db.select().from(cohortMembers).where(and(eq(cohortMembers.cohortId, cohort.id), inArray(cohortMembers.membershipId, ids)))).length).toBe(3);
    expect((await events(org.orgId, "cohort.member_added")).map((e) => e.targetId).sort()).toEqual([...ids].sort());
    await setCohortArchived(admin, { id: cohort.id, archived: true, version: 0 });
    await expect(bulkAddToCohort(admin, { membershipIds: [org.admin.membershipId], cohortId: cohort.id })).rejects.toBeInstanceOf(ConflictError);
    const tooMany = bulkCohortInput.safeParse({ membershipIds: Array.from({ length: 201 }, () => crypto.randomUUID()), cohortId: cohort.id });
    expect(tooMany.success).toBe(false);
    expect(bulkCohortInput.safeParse({ membershipIds: [], cohortId: cohort.id }).success).toBe(false);
  });
});
