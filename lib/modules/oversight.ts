import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { certificates, checkAttempts, lessonProgress, memberships, modules, reflections, supervisions, users } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { catalogueFor } from "./queries";

// What supervisors see of their assigned trainees' training, and admins of everyone's progress.
// Supervisors: assigned trainees only, including shared reflections. Admins: progress, never reflections.

async function visibleTraineeIds(ctx: Ctx, only?: string): Promise<string[]> {
  assertCan(ctx, "trainees.progress.view");
  const db = await getDb();
  if (ctx.role === "supervisor") {
    const rows = await db
      .select({ id: supervisions.traineeMembershipId })
      .from(supervisions)
      .innerJoin(memberships, and(eq(memberships.id, supervisions.traineeMembershipId), eq(memberships.status, "active")))
      .where(
        and(
          eq(supervisions.organisationId, ctx.orgId),
          eq(supervisions.supervisorMembershipId, ctx.membershipId),
          only ? eq(supervisions.traineeMembershipId, only) : undefined,
        ),
      );
    return rows.map((r) => r.id);
  }
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organisationId, ctx.orgId), eq(memberships.role, "trainee"), only ? eq(memberships.id, only) : undefined));
  return rows.map((r) => r.id);
}

export async function listTraineeProgress(ctx: Ctx) {
  const ids = await visibleTraineeIds(ctx);
  if (ids.length === 0) return { moduleCount: 0, rows: [] };
  const db = await getDb();
  const inOrg = (col: AnyPgColumn) => eq(col, ctx.orgId);
  const [people, [{ moduleCount }], done, active] = await Promise.all([
    db
      .select({ membershipId: memberships.id, name: users.name, email: users.email, status: memberships.status })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organisationId, ctx.orgId), inArray(memberships.id, ids)))
      .orderBy(asc(users.name)),
    db.select({ moduleCount: sql<number>`count(*)::int` }).from(modules).where(isNull(modules.retiredAt)),
    db
      .select({ membershipId: certificates.membershipId, n: sql<number>`count(*)::int` })
      .from(certificates)
      .where(and(inOrg(certificates.organisationId), inArray(certificates.membershipId, ids)))
      .groupBy(certificates.membershipId),
    db
      .select({ membershipId: lessonProgress.membershipId, modules: sql<number>`count(distinct ${lessonProgress.moduleId})::int`, last: sql<Date>`max(${lessonProgress.completedAt})` })
      .from(lessonProgress)
      .where(and(inOrg(lessonProgress.organisationId), inArray(lessonProgress.membershipId, ids)))
      .groupBy(lessonProgress.membershipId),
  ]);
  const doneBy = new Map(done.map((d) => [d.membershipId, d.n]));
  const activeBy = new Map(active.map((a) => [a.membershipId, a]));
  return {
    moduleCount,
    rows: people.map((p) => {
      const complete = doneBy.get(p.membershipId) ?? 0;
      const started = activeBy.get(p.membershipId);
      return { ...p, complete, started: Math.max(started?.modules ?? 0, complete), lastActivity: started?.last ? new Date(started.last) : null };
    }),
  };
}

export async function getTraineeTraining(ctx: Ctx, membershipId: string) {
  const [id] = await visibleTraineeIds(ctx, membershipId);
  if (!id) throw new NotFoundError();
  const db = await getDb();
  const [[person], catalogue, attempts, shared] = await Promise.all([
    db
      .select({ name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.id, id), eq(memberships.organisationId, ctx.orgId))),
    catalogueFor(ctx.orgId, id),
    db
      .select({ id: checkAttempts.id, moduleTitle: modules.title, score: checkAttempts.score, passed: checkAttempts.passed, createdAt: checkAttempts.createdAt })
      .from(checkAttempts)
      .innerJoin(modules, eq(modules.id, checkAttempts.moduleId))
      .where(and(eq(checkAttempts.organisationId, ctx.orgId), eq(checkAttempts.membershipId, id)))
      .orderBy(desc(checkAttempts.createdAt))
      .limit(50),
    ctx.role === "supervisor"
      ? db
          .select({ id: reflections.id, moduleTitle: modules.title, reflection: modules.reflection, content: reflections.content, sharedAt: reflections.sharedAt, updatedAt: reflections.updatedAt })
          .from(reflections)
          .innerJoin(modules, eq(modules.id, reflections.moduleId))
          .where(and(eq(reflections.organisationId, ctx.orgId), eq(reflections.membershipId, id), isNotNull(reflections.sharedAt)))
          .orderBy(asc(modules.position))
      : Promise.resolve([]),
  ]);
  if (!person) throw new NotFoundError();
  return { membershipId: id, ...person, catalogue, attempts, sharedReflections: shared };
}
