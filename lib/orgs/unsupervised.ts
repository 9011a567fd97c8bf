import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cases, memberships, organisations, users } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import type { UnassignedPolicy } from "@/lib/cases/supervisors";

// Nobody is left without supervision unnoticed: the admins see every active trainee with no
// active, verified supervisor, and every submitted case that nobody can review.

/** SQL: the trainee membership in the outer row has an active, enabled, verified supervisor. */
const hasActiveSupervisor = sql`exists (select 1 from supervisions s
  join memberships sm on sm.id = s.supervisor_membership_id and sm.organisation_id = s.organisation_id and sm.status = 'active'
  join users su on su.id = sm.user_id and su.disabled_at is null and su.email_verified_at is not null
  where s.organisation_id = "memberships"."organisation_id" and s.trainee_membership_id = "memberships"."id")`;

export type UnsupervisedTrainee = { membershipId: string; name: string; email: string; waitingCases: number };

export async function listUnsupervisedTrainees(ctx: Ctx): Promise<UnsupervisedTrainee[]> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db
    .select({
      membershipId: memberships.id,
      name: users.name,
      email: users.email,
      waitingCases: sql<number>`(select count(*)::int from cases c where c.organisation_id = "memberships"."organisation_id" and c.author_membership_id = "memberships"."id" and c.status = 'submitted')`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, ctx.orgId), eq(memberships.role, "trainee"), eq(memberships.status, "active"), sql`not ${hasActiveSupervisor}`))
    .orderBy(asc(sql`lower(${users.name})`))
    .limit(500);
}

export type UnreviewableCase = { id: string; clientCode: string | null; traineeName: string; traineeMembershipId: string; submittedAt: Date | null; urgent: boolean };

/** Submitted cases whose trainee has nobody who can review them (metadata only). */
export async function listUnreviewableCases(ctx: Ctx): Promise<UnreviewableCase[]> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db
    .select({ id: cases.id, clientCode: cases.clientCode, traineeName: users.name, traineeMembershipId: memberships.id, submittedAt: cases.submittedAt, urgent: cases.urgent })
    .from(cases)
    .innerJoin(memberships, and(eq(memberships.id, cases.authorMembershipId), eq(memberships.organisationId, cases.organisationId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(cases.organisationId, ctx.orgId), eq(cases.status, "submitted"), sql`not ${hasActiveSupervisor}`))
    .orderBy(asc(cases.submittedAt))
    .limit(500);
}

export async function getUnassignedPolicy(ctx: Ctx): Promise<UnassignedPolicy> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const [row] = await db.select({ p: organisations.unassignedCases }).from(organisations).where(eq(organisations.id, ctx.orgId));
  return row?.p === "admin_queue" ? "admin_queue" : "refuse";
}

/** What happens when a trainee without a supervisor submits; audited. */
export async function setUnassignedPolicy(ctx: Ctx, policy: UnassignedPolicy): Promise<void> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(organisations).set({ unassignedCases: policy }).where(eq(organisations.id, ctx.orgId));
    await auditAs(tx, ctx, { action: "org.unassigned_cases_policy_changed", targetType: "organisation", targetId: ctx.orgId, detail: { policy } });
  });
}
