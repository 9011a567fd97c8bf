import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { cohortMembers, cohorts, memberships, supervisions, users } from "@/db/schema";
import { actorEvent, auditMany } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { appBaseUrl } from "@/lib/email/base-url";
import { queueEmails, type Pending } from "@/lib/email/send";
import { supervisorAssignedEmail } from "@/lib/email/templates";
import { BULK_MAX } from "./admin-schemas";

// Bulk actions from the members list. Each is all or nothing: one id from another organisation (or
// one that doesn't exist) refuses the whole request as not found, so nothing half-happens and
// nothing reveals which ids exist elsewhere.

async function membersOf(tx: Tx, ctx: Ctx, ids: string[]) {
  if (ids.length === 0 || ids.length > BULK_MAX) throw new ValidationError(`Choose between 1 and ${BULK_MAX} members.`);
  const rows = await tx
    .select({ id: memberships.id, role: memberships.role, status: memberships.status, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, ctx.orgId), inArray(memberships.id, ids)));
  if (rows.length !== new Set(ids).size) throw new NotFoundError();
  return rows;
}

/** Assigns one supervisor to several trainees; returns how many links were new. */
export async function bulkAssignSupervisor(ctx: Ctx, input: { membershipIds: string[]; supervisorMembershipId: string }): Promise<{ assigned: number }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  let pending: Pending | undefined;
  let assigned = 0;
  await db.transaction(async (tx) => {
    const trainees = await membersOf(tx, ctx, input.membershipIds);
    const [sup] = await membersOf(tx, ctx, [input.supervisorMembershipId]);
    if (sup.role !== "supervisor" || sup.status !== "active") throw new ValidationError("Check the highlighted fields.", { supervisorMembershipId: ["Choose an active supervisor."] });
    const notTrainees = trainees.filter((t) => t.role !== "trainee");
    if (notTrainees.length)
      throw new ValidationError(`Only trainees have a supervisor. Leave out ${notTrainees.map((t) => t.name).join(", ")}.`, { membershipIds: ["Choose trainees only."] });
    const added = await tx
      .insert(supervisions)
      .values(trainees.map((t) => ({ organisationId: ctx.orgId, supervisorMembershipId: sup.id, traineeMembershipId: t.id })))
      .onConflictDoNothing()
      .returning({ traineeMembershipId: supervisions.traineeMembershipId });
    assigned = added.length;
    const newIds = new Set(added.map((a) => a.traineeMembershipId));
    await auditMany(
      tx,
      added.map((a) => actorEvent(ctx, { action: "supervision.assigned", targetType: "membership", targetId: a.traineeMembershipId, detail: { supervisorMembershipId: sup.id, via: "bulk" } })),
    );
    pending = await queueEmails(
      tx,
      trainees
        .filter((t) => newIds.has(t.id))
        .map((t) => ({ organisationId: ctx.orgId, to: t.email, kind: "supervisor_assigned", ...supervisorAssignedEmail({ orgName: ctx.orgName, name: t.name, supervisorName: sup.name, url: `${appBaseUrl()}/cases` }) })),
    );
  });
  await pending?.deliver();
  return { assigned };
}

/** Adds several members to one (unarchived) cohort; returns how many joined. */
export async function bulkAddToCohort(ctx: Ctx, input: { membershipIds: string[]; cohortId: string }): Promise<{ added: number }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const members = await membersOf(tx, ctx, input.membershipIds);
    const [c] = await tx.select({ id: cohorts.id, archivedAt: cohorts.archivedAt }).from(cohorts).where(and(eq(cohorts.id, input.cohortId), eq(cohorts.organisationId, ctx.orgId)));
    if (!c) throw new NotFoundError();
    if (c.archivedAt) throw new ConflictError("This cohort is archived. Restore it before adding people.");
    const added = await tx
      .insert(cohortMembers)
      .values(members.map((m) => ({ organisationId: ctx.orgId, cohortId: c.id, membershipId: m.id })))
      .onConflictDoNothing()
      .returning({ membershipId: cohortMembers.membershipId });
    await auditMany(tx, added.map((a) => actorEvent(ctx, { action: "cohort.member_added", targetType: "membership", targetId: a.membershipId, detail: { cohortId: c.id, via: "bulk" } })));
    return { added: added.length };
  });
}
