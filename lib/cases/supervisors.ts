import "server-only";
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { assertCan, type Ctx } from "@/lib/core/context";
import { memberships, organisations, supervisions, users } from "@/db/schema";

// Who can review a trainee's cases right now: assigned supervisors whose membership is active and
// whose account is enabled with a verified email (the same rule as lib/cases/access.ts). A trainee
// with none is "unsupervised", and their submissions would wait for nobody.

export const NO_SUPERVISOR =
  "You have no active supervisor, so nobody could review this case. Your draft is saved: ask your organisation's admin to assign you a supervisor, then submit it.";

export type ActiveSupervisor = { membershipId: string; userId: string; name: string; email: string };

export async function activeSupervisorsOf(db: DbOrTx, orgId: string, traineeMembershipId: string): Promise<ActiveSupervisor[]> {
  return db
    .select({ membershipId: memberships.id, userId: users.id, name: users.name, email: users.email })
    .from(supervisions)
    .innerJoin(memberships, and(eq(memberships.id, supervisions.supervisorMembershipId), eq(memberships.organisationId, supervisions.organisationId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(supervisions.organisationId, orgId),
        eq(supervisions.traineeMembershipId, traineeMembershipId),
        eq(memberships.status, "active"),
        isNull(users.disabledAt),
        isNotNull(users.emailVerifiedAt),
      ),
    )
    .orderBy(asc(users.name));
}

export type UnassignedPolicy = "refuse" | "admin_queue";

export async function unassignedPolicy(db: DbOrTx, orgId: string): Promise<UnassignedPolicy> {
  const [row] = await db.select({ p: organisations.unassignedCases }).from(organisations).where(eq(organisations.id, orgId));
  return row?.p === "admin_queue" ? "admin_queue" : "refuse";
}

/** For the trainee: who can review their cases now, and what happens if nobody can. */
export async function getMySupervision(ctx: Ctx): Promise<{ supervisors: ActiveSupervisor[]; policy: UnassignedPolicy }> {
  assertCan(ctx, "cases.log");
  const db = await getDb();
  const [supervisors, policy] = await Promise.all([activeSupervisorsOf(db, ctx.orgId, ctx.membershipId), unassignedPolicy(db, ctx.orgId)]);
  return { supervisors, policy };
}
