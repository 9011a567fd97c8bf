import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, cohortMembers, memberships, supervisions, users } from "@/db/schema";
import { listOrgChoices } from "@/lib/core/context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { cohortsOfMembers, createCohort, listCohorts, searchCohortChoices, renameCohort, setCohortArchived, setCohortMembership } from "@/lib/orgs/cohorts";
import { changeRole, LAST_ADMIN_ROLE, listMembers, setMemberStatus } from "@/lib/orgs/members";
import { getSupervisionLinks, setSupervision } from "@/lib/orgs/supervision";
import { createOrg, uid } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

describe("roles", () => {
  it("changes a role, audits it and drops supervision links that no longer fit", async () => {
    const org = await createOrg("Role");
    const admin = ctxOf(org, org.admin);
    const row = await changeRole(admin, { membershipId: org.trainee.membershipId, role: "supervisor", version: 0 });
    expect(row).toMatchObject({ role: "supervisor", version: 1 });
    const db = await getDb();
    expect(await db.select().from(supervisions).where(eq(supervisions.traineeMembershipId, org.trainee.membershipId))).toHaveLength(0);
    const [ev] = await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, org.trainee.membershipId), eq(auditEvents.action, "member.role_changed")));
    expect(ev.detail).toMatchObject({ from: "trainee", to: "supervisor", supervisionLinksRemoved: 1 });
    await expect(changeRole(admin, { membershipId: org.trainee.membershipId, role: "trainee", version: 0 })).rejects.toBeInstanceOf(ConflictError);
  });

  it("never demotes the last active admin, but can once there is a second", async () => {
    const org = await createOrg("RoleLast");
    const admin = ctxOf(org, org.admin);
    await expect(changeRole(admin, { membershipId: org.admin.membershipId, role: "trainee", version: 0 })).rejects.toThrow(LAST_ADMIN_ROLE);
    const db = await getDb();
    const [m] = await db.select().from(memberships).where(eq(memberships.id, org.admin.membershipId));
    expect(m.role).toBe("org_admin");
    await changeRole(admin, { membershipId: org.otherSupervisor.membershipId, role: "org_admin", version: 0 });
    // A deactivated admin doesn't count as the other admin.
    await setMemberStatus(admin, { membershipId: org.otherSupervisor.membershipId, status: "deactivated", version: 1 });
    await expect(changeRole(admin, { membershipId: org.admin.membershipId, role: "trainee", version: 0 })).rejects.toThrow(LAST_ADMIN_ROLE);
    await setMemberStatus(admin, { membershipId: org.otherSupervisor.membershipId, status: "active", version: 2 });
    expect(await changeRole(admin, { membershipId: org.admin.membershipId, role: "trainee", version: 0 })).toMatchObject({ role: "trainee" });
  });

  it("is refused to other organisations' admins and to non-admins, changing nothing", async () => {
    const a = await createOrg("RoleA");
    const b = await createOrg("RoleB");
    await expect(changeRole(ctxOf(b, b.admin), { membershipId: a.trainee.membershipId, role: "org_admin", version: 0 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeRole(ctxOf(a, a.supervisor), { membershipId: a.trainee.membershipId, role: "org_admin", version: 0 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeRole(ctxOf(a, a.trainee), { membershipId: a.trainee.membershipId, role: "org_admin", version: 0 })).rejects.toBeInstanceOf(NotFoundError);
    const db = await getDb();
    const [m] = await db.select().from(memberships).where(eq(memberships.id, a.trainee.membershipId));
    expect(m).toMatchObject({ role: "trainee", version: 0 });
  });
});

describe("deactivation", () => {
  it("ends access to the organisation at once (the session no longer resolves to it) and keeps the data", async () => {
    const org = await createOrg("Deact");
    const admin = ctxOf(org, org.admin);
    expect((await listOrgChoices(org.trainee.userId)).map((c) => c.orgId)).toEqual([org.orgId]);
    await setMemberStatus(admin, { membershipId: org.trainee.membershipId, status: "deactivated", version: 0 });
    expect(await listOrgChoices(org.trainee.userId)).toEqual([]);
    const db = await getDb();
    expect(await db.select().from(supervisions).where(eq(supervisions.traineeMembershipId, org.trainee.membershipId))).toHaveLength(1);
    await setMemberStatus(admin, { membershipId: org.trainee.membershipId, status: "active", version: 1 });
    expect((await listOrgChoices(org.trainee.userId)).map((c) => c.orgId)).toEqual([org.orgId]);
  });
});

describe("cohorts", () => {
  it("create, rename, archive and restore, each audited; names unique per organisation in any case", async () => {
    const org = await createOrg("Coh");
    const other = await createOrg("CohOther");
    const admin = ctxOf(org, org.admin);
    const c = await createCohort(admin, { name: "2027 intake" });
    await expect(createCohort(admin, { name: "2027 INTAKE" })).rejects.toBeInstanceOf(ValidationError);
    await createCohort(ctxOf(other, other.admin), { name: "2027 intake" }); // another org may use the name
    const renamed = await renameCohort(admin, { id: c.id, name: "2027 February intake", version: 0 });
    expect(renamed).toMatchObject({ name: "2027 February intake", version: 1 });
    await expect(renameCohort(admin, { id: c.id, name: "Stale", version: 0 })).rejects.toBeInstanceOf(ConflictError);
    await setCohortArchived(admin, { id: c.id, archived: true, version: 1 });
    expect((await listCohorts(admin)).map((x) => x.id)).not.toContain(c.id);
    expect((await listCohorts(admin, { includeArchived: true })).map((x) => x.id)).toContain(c.id);
    // The filters' cohort picker follows the same rules, and shows the archived one last.
    expect((await searchCohortChoices(admin, "")).map((x) => x.id)).not.toContain(c.id);
    const choices = await searchCohortChoices(admin, "", { includeArchived: true });
    expect(choices[choices.length - 1]).toEqual({ id: c.id, name: "2027 February intake", archivedAt: expect.any(Date) });
    expect((await searchCohortChoices(ctxOf(other, other.admin), "", { includeArchived: true })).map((x) => x.id)).not.toContain(c.id);
    await expect(searchCohortChoices(ctxOf(org, org.supervisor), "")).rejects.toBeInstanceOf(NotFoundError);
    await expect(setCohortMembership(admin, { membershipId: org.trainee.membershipId, cohortId: c.id, member: true })).rejects.toBeInstanceOf(ConflictError);
    await setCohortArchived(admin, { id: c.id, archived: false, version: 2 });
    const db = await getDb();
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.targetId, c.id))).map((e) => e.action).sort();
    expect(actions).toEqual(["cohort.archived", "cohort.created", "cohort.renamed", "cohort.restored"]);
  });

  it("assigns members, filters the member list by cohort, and refuses cross-organisation pairs", async () => {
    const org = await createOrg("CohM");
    const other = await createOrg("CohM2");
    const admin = ctxOf(org, org.admin);
    const c = await createCohort(admin, { name: `Intake ${uid()}` });
    await setCohortMembership(admin, { membershipId: org.trainee.membershipId, cohortId: c.id, member: true });
    await setCohortMembership(admin, { membershipId: org.otherTrainee.membershipId, cohortId: c.id, member: true });
    const listed = await listMembers(admin, { cohortId: c.id });
    expect(listed.rows.map((r) => r.membershipId).sort()).toEqual([org.trainee.membershipId, org.otherTrainee.membershipId].sort());
    expect((await listCohorts(admin)).find((x) => x.id === c.id)?.members).toBe(2);
    expect((await cohortsOfMembers(org.orgId, [org.trainee.membershipId])).get(org.trainee.membershipId)).toEqual([{ id: c.id, name: c.name, archived: false }]);
    await setCohortMembership(admin, { membershipId: org.otherTrainee.membershipId, cohortId: c.id, member: false });
    expect((await listMembers(admin, { cohortId: c.id })).rows).toHaveLength(1);

    // Another org's admin: neither the cohort nor the member exists for them.
    await expect(setCohortMembership(ctxOf(other, other.admin), { membershipId: other.trainee.membershipId, cohortId: c.id, member: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setCohortMembership(admin, { membershipId: other.trainee.membershipId, cohortId: c.id, member: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(renameCohort(ctxOf(other, other.admin), { id: c.id, name: "Hijack", version: 0 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(listCohorts(ctxOf(org, org.trainee))).rejects.toBeInstanceOf(NotFoundError);
    await expect(createCohort(ctxOf(org, org.supervisor), { name: "Nope" })).rejects.toBeInstanceOf(NotFoundError);
    const db = await getDb();
    expect(await db.select().from(cohortMembers).where(eq(cohortMembers.membershipId, other.trainee.membershipId))).toHaveLength(0);
  });
});

describe("supervision", () => {
  it("assigns many to many, visible from both sides, and removes", async () => {
    const org = await createOrg("Supv");
    const admin = ctxOf(org, org.admin);
    await setSupervision(admin, { supervisorMembershipId: org.otherSupervisor.membershipId, traineeMembershipId: org.trainee.membershipId, assigned: true });
    await setSupervision(admin, { supervisorMembershipId: org.otherSupervisor.membershipId, traineeMembershipId: org.otherTrainee.membershipId, assigned: true });
    const traineeSide = await getSupervisionLinks(admin, org.trainee.membershipId);
    expect(traineeSide.supervisors.map((s) => s.membershipId).sort()).toEqual([org.supervisor.membershipId, org.otherSupervisor.membershipId].sort());
    const supervisorSide = await getSupervisionLinks(admin, org.otherSupervisor.membershipId);
    expect(supervisorSide.trainees.map((s) => s.membershipId).sort()).toEqual([org.trainee.membershipId, org.otherTrainee.membershipId].sort());
    await setSupervision(admin, { supervisorMembershipId: org.otherSupervisor.membershipId, traineeMembershipId: org.trainee.membershipId, assigned: false });
    expect((await getSupervisionLinks(admin, org.trainee.membershipId)).supervisors.map((s) => s.membershipId)).toEqual([org.supervisor.membershipId]);
    const db = await getDb();
    const actions = (await db.select().from(auditEvents).where(eq(auditEvents.targetId, org.trainee.membershipId))).map((e) => e.action).sort();
    expect(actions).toEqual(["supervision.assigned", "supervision.removed"]);
  });

  it("refuses wrong roles, other organisations and non-admins", async () => {
    const a = await createOrg("SupvA");
    const b = await createOrg("SupvB");
    const admin = ctxOf(a, a.admin);
    await expect(setSupervision(admin, { supervisorMembershipId: a.trainee.membershipId, traineeMembershipId: a.otherTrainee.membershipId, assigned: true })).rejects.toBeInstanceOf(ValidationError);
    await expect(setSupervision(admin, { supervisorMembershipId: b.supervisor.membershipId, traineeMembershipId: a.otherTrainee.membershipId, assigned: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setSupervision(ctxOf(b, b.admin), { supervisorMembershipId: a.supervisor.membershipId, traineeMembershipId: a.trainee.membershipId, assigned: false })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setSupervision(ctxOf(a, a.supervisor), { supervisorMembershipId: a.supervisor.membershipId, traineeMembershipId: a.otherTrainee.membershipId, assigned: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSupervisionLinks(ctxOf(a, a.trainee), a.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    const db = await getDb();
    expect(await db.select().from(supervisions).where(eq(supervisions.traineeMembershipId, a.otherTrainee.membershipId))).toHaveLength(0);
    expect(await db.select().from(supervisions).where(eq(supervisions.traineeMembershipId, a.trainee.membershipId))).toHaveLength(1);
  });
});

describe("the member list's order by name", () => {
  it("follows people's names as they change (memberships.sort_name is kept by the database), page by page", async () => {
    const org = await createOrg("Sort");
    const admin = ctxOf(org, org.admin);
    const db = await getDb();
    const [m] = await db.select({ sortName: memberships.sortName }).from(memberships).where(eq(memberships.id, org.trainee.membershipId));
    expect(m.sortName).toBe(org.trainee.name.toLowerCase());
    // Renamed to sort first, then last: the list follows at once.
    await db.update(users).set({ name: "Aaron Aardvark" }).where(eq(users.id, org.trainee.userId));
    expect((await listMembers(admin, {})).rows[0].membershipId).toBe(org.trainee.membershipId);
    await db.update(users).set({ name: "Zed Zulu" }).where(eq(users.id, org.trainee.userId));
    const all = (await listMembers(admin, {})).rows;
    expect(all[all.length - 1].membershipId).toBe(org.trainee.membershipId);
    // The application cannot set it to anything else.
    await db.update(memberships).set({ sortName: "aaa" }).where(eq(memberships.id, org.trainee.membershipId));
    const [again] = await db.select({ sortName: memberships.sortName }).from(memberships).where(eq(memberships.id, org.trainee.membershipId));
    expect(again.sortName).toBe("zed zulu");
    // A cursor after the first row continues with the second, whatever the case of the names.
    const first = all[0];
    const next = await listMembers(admin, { after: { name: first.name.toLowerCase(), id: first.membershipId } });
    expect(next.rows.map((r) => r.membershipId)).toEqual(all.slice(1).map((r) => r.membershipId));
  });
});
