import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { oncePerDb } from "@/db/prepared";
import { rowsOf } from "@/db/rows";
import { json, type JsonCell } from "@/lib/util/json-cell";
import { certificates, checkAttempts, lessonProgress, lessons, moduleActivity, modules, reflections } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { curriculum, type CurriculumModule } from "./curriculum-cache";

export type ModuleStatus = "not_started" | "in_progress" | "complete";

export type CatalogueRow = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  position: number;
  lessonCount: number;
  lessonsDone: number;
  passed: boolean;
  bestScore: number | null;
  certificateSerial: string | null;
  status: ModuleStatus;
  percent: number;
};

function statusOf(done: number, total: number, passed: boolean, attempted: boolean, certified: boolean): ModuleStatus {
  if (certified) return "complete";
  return done > 0 || attempted || passed ? "in_progress" : "not_started";
}

/** Progress counts lessons plus the check as one more step. */
export function percentOf(done: number, total: number, passed: boolean): number {
  return Math.round(((done + (passed ? 1 : 0)) / (total + 1)) * 100);
}

/** Every module with the caller's progress: four queries whatever the number of modules. */
export async function listCatalogue(ctx: Ctx): Promise<CatalogueRow[]> {
  assertCan(ctx, "modules.study");
  return catalogueFor(ctx.orgId, ctx.membershipId);
}

/** Internal: callers must have authorised access to this membership's progress. */
export async function catalogueFor(orgId: string, membershipId: string): Promise<CatalogueRow[]> {
  const db = await getDb();
  const ctx = { orgId, membershipId };
  const [mods, done, attempts, certs] = await Promise.all([
    db
      .select({
        id: modules.id,
        slug: modules.slug,
        title: modules.title,
        summary: modules.summary,
        position: modules.position,
        // Spelled out: drizzle renders a single-table select's columns unqualified, which inside this
        // subquery would compare lessons.module_id with lessons.id.
        lessonCount: sql<number>`(select count(*)::int from lessons l where l.module_id = "modules"."id" and l.retired_at is null)`,
      })
      .from(modules)
      .where(isNull(modules.retiredAt))
      .orderBy(asc(modules.position)),
    db
      .select({ moduleId: lessonProgress.moduleId, n: sql<number>`count(*)::int` })
      .from(lessonProgress)
      .innerJoin(lessons, and(eq(lessons.id, lessonProgress.lessonId), isNull(lessons.retiredAt)))
      .where(and(eq(lessonProgress.organisationId, ctx.orgId), eq(lessonProgress.membershipId, ctx.membershipId)))
      .groupBy(lessonProgress.moduleId),
    db
      .select({ moduleId: checkAttempts.moduleId, passed: sql<boolean>`bool_or(${checkAttempts.passed})`, best: sql<number>`max(${checkAttempts.score})::int` })
      .from(checkAttempts)
      .where(and(eq(checkAttempts.organisationId, ctx.orgId), eq(checkAttempts.membershipId, ctx.membershipId)))
      .groupBy(checkAttempts.moduleId),
    db
      .select({ moduleId: certificates.moduleId, serial: certificates.serial })
      .from(certificates)
      .where(and(eq(certificates.organisationId, ctx.orgId), eq(certificates.membershipId, ctx.membershipId))),
  ]);
  const doneBy = new Map(done.map((d) => [d.moduleId, d.n]));
  const attemptBy = new Map(attempts.map((a) => [a.moduleId, a]));
  const certBy = new Map(certs.map((c) => [c.moduleId, c.serial]));
  return mods.map((m) => {
    const lessonsDone = doneBy.get(m.id) ?? 0;
    const a = attemptBy.get(m.id);
    const passed = Boolean(a?.passed);
    const serial = certBy.get(m.id) ?? null;
    return {
      ...m,
      lessonsDone,
      passed,
      bestScore: a?.best ?? null,
      certificateSerial: serial,
      status: statusOf(lessonsDone, m.lessonCount, passed, Boolean(a), Boolean(serial)),
      percent: serial ? 100 : percentOf(lessonsDone, m.lessonCount, passed),
    };
  });
}

/** A live module and its live lessons (without bodies), from the curriculum cache. */
export async function getModuleBySlug(slug: string): Promise<CurriculumModule> {
  const row = (await curriculum(await getDb())).bySlug.get(slug);
  if (!row) throw new NotFoundError();
  return row;
}

/** The module overview for the caller: lessons with completion, attempts, reflection and certificate. */
export async function getModuleView(ctx: Ctx, slug: string) {
  assertCan(ctx, "modules.study");
  const mod = await getModuleBySlug(slug);
  const db = await getDb();
  const mine = (t: { organisationId: AnyPgColumn; membershipId: AnyPgColumn }) => and(eq(t.organisationId, ctx.orgId), eq(t.membershipId, ctx.membershipId));
  const [done, attempts, [cert], [reflection]] = await Promise.all([
    db.select({ lessonId: lessonProgress.lessonId }).from(lessonProgress).where(and(mine(lessonProgress), eq(lessonProgress.moduleId, mod.id))),
    db
      .select({ id: checkAttempts.id, score: checkAttempts.score, passed: checkAttempts.passed, createdAt: checkAttempts.createdAt })
      .from(checkAttempts)
      .where(and(mine(checkAttempts), eq(checkAttempts.moduleId, mod.id)))
      .orderBy(desc(checkAttempts.createdAt))
      .limit(20),
    db.select().from(certificates).where(and(mine(certificates), eq(certificates.moduleId, mod.id))),
    db
      .select({ content: reflections.content, sharedAt: reflections.sharedAt, updatedAt: reflections.updatedAt })
      .from(reflections)
      .where(and(mine(reflections), eq(reflections.moduleId, mod.id))),
  ]);
  const completed = new Set(done.map((d) => d.lessonId));
  return { module: mod, completed, attempts, certificate: cert ?? null, reflection: reflection ?? null };
}

/** Opens one lesson (with its neighbours) and records it as the place the learner continues from: a read that writes, hence the verb. */
export async function openLesson(ctx: Ctx, moduleSlug: string, lessonSlug: string) {
  assertCan(ctx, "modules.study");
  const mod = await getModuleBySlug(moduleSlug);
  const index = mod.lessons.findIndex((l) => l.slug === lessonSlug);
  if (index < 0) throw new NotFoundError();
  const db = await getDb();
  const meta = mod.lessons[index];
  const lesson = (await curriculum(db)).lessonsById.get(meta.id);
  if (!lesson) throw new NotFoundError();
  // Where to continue from is recorded in the same statement that reads this lesson's completion.
  const [progress] = rowsOf<{ completed_at: string | Date | null }>(
    await db.execute(sql`
      with seen as (
        insert into module_activity (organisation_id, membership_id, module_id, last_lesson_id)
        values (${ctx.orgId}, ${ctx.membershipId}, ${mod.id}, ${meta.id})
        on conflict (organisation_id, membership_id, module_id) do update set last_lesson_id = excluded.last_lesson_id, last_seen_at = now()
        returning 1
      )
      select completed_at from lesson_progress
      where organisation_id = ${ctx.orgId} and membership_id = ${ctx.membershipId} and lesson_id = ${meta.id}`),
  );
  return {
    module: mod,
    lesson,
    position: index + 1,
    total: mod.lessons.length,
    previous: mod.lessons[index - 1] ?? null,
    next: mod.lessons[index + 1] ?? null,
    completedAt: progress?.completed_at ? new Date(progress.completed_at) : null,
  };
}

/** The most recently opened unfinished module, and the lesson to open next. */
/**
 * The module the caller touched last and hasn't finished, with the lessons they have completed in
 * it (one statement, prepared once); when there is none, how many modules they have finished.
 */
const lastActivity = oncePerDb((db) =>
  db
    .select({
      moduleId: moduleActivity.moduleId,
      lastLessonId: moduleActivity.lastLessonId,
      slug: modules.slug,
      title: modules.title,
      // Outer columns spelled out: drizzle may render them unqualified inside the subquery.
      done: sql<JsonCell<string[]>>`(
        select coalesce(json_agg(lp.lesson_id), '[]'::json) from lesson_progress lp
        where lp.organisation_id = "module_activity"."organisation_id" and lp.membership_id = "module_activity"."membership_id" and lp.module_id = "module_activity"."module_id")`,
    })
    .from(moduleActivity)
    .innerJoin(modules, and(eq(modules.id, moduleActivity.moduleId), isNull(modules.retiredAt)))
    .where(and(eq(moduleActivity.organisationId, sql.placeholder("orgId")), eq(moduleActivity.membershipId, sql.placeholder("membershipId")), isNull(moduleActivity.completedAt)))
    .orderBy(desc(moduleActivity.lastSeenAt))
    .limit(1)
    .prepare("continue_learning"),
);

export async function getContinueLearning(ctx: Ctx) {
  assertCan(ctx, "modules.study");
  const db = await getDb();
  const [recent] = await lastActivity(db).execute({ orgId: ctx.orgId, membershipId: ctx.membershipId });
  if (!recent) {
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(certificates)
      .where(and(eq(certificates.organisationId, ctx.orgId), eq(certificates.membershipId, ctx.membershipId)));
    return n > 0 ? { allDone: true as const, completed: n } : null;
  }
  const cur = await curriculum(db);
  const list = cur.byId.get(recent.moduleId)?.lessons ?? [];
  const completed = new Set(json(recent.done));
  const last = list.findIndex((l) => l.id === recent.lastLessonId);
  const next = (last >= 0 && !completed.has(list[last].id) ? list[last] : undefined) ?? list.find((l) => !completed.has(l.id)) ?? null;
  return { allDone: false as const, moduleSlug: recent.slug, moduleTitle: recent.title, lesson: next, lessonsDone: completed.size, lessonCount: list.length };
}

export async function listModuleIds(slugs: string[]) {
  const db = await getDb();
  return db.select({ id: modules.id, slug: modules.slug }).from(modules).where(inArray(modules.slug, slugs));
}
