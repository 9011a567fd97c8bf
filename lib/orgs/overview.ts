import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { memberships, supervisions, users } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";

export async function getMemberCounts(ctx: Ctx) {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const rows = await db
    .select({ role: memberships.role, status: memberships.status, n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(eq(memberships.organisationId, ctx.orgId))
    .groupBy(memberships.role, memberships.status);
  const active = (role: string) => rows.find((r) => r.role === role && r.status === "active")?.n ?? 0;
  return {
    trainees: active("trainee"),
    supervisors: active("supervisor"),
    admins: active("org_admin"),
    deactivated: rows.filter((r) => r.status === "deactivated").reduce((s, r) => s + r.n, 0),
  };
}

/** The trainees assigned to the calling supervisor, in the caller's organisation only. */
export async function listMyTrainees(ctx: Ctx) {
  assertCan(ctx, "cases.review");
  const db = await getDb();
  const trainee = alias(memberships, "trainee");
  return db
    .select({ membershipId: trainee.id, name: users.name, email: users.email })
    .from(supervisions)
    .innerJoin(trainee, and(eq(trainee.id, supervisions.traineeMembershipId), eq(trainee.organisationId, supervisions.organisationId)))
    .innerJoin(users, eq(users.id, trainee.userId))
    .where(
      and(
        eq(supervisions.organisationId, ctx.orgId),
        eq(supervisions.supervisorMembershipId, ctx.membershipId),
        eq(trainee.status, "active"),
      ),
    )
    .orderBy(asc(users.name));
}
