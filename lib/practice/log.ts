import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { cases, memberships, practiceAttempts, practiceFeedback, users } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { MARKER_CODES } from "@/lib/cases/codes";
import { loadTraineeFor, supervises } from "./access";
import { customDrills } from "./drills";
import { shippedDrills } from "./library";
import { meanScore } from "./scales";
import { levelsByMarker, rankSuggestions, targetDifficulty, type RatedAttempt, type Suggestion } from "./suggest";
import { keyOf } from "./types";

// The practice log (drills done, levels reached per marker, feedback over time), the drills to
// suggest after a case, and the supervisor's and admin's overviews. The log is the trainee's own
// or a supervised trainee's; the admin's overview is counts only.

type LoggedAttempt = RatedAttempt & { id: string; title: string; mode: string; createdAt: Date; feedbackCount: number };

/** A trainee's attempts, newest first, each with the best mean of its feedback (one statement). */
async function ratedAttempts(db: DbOrTx, orgId: string, traineeMembershipId: string): Promise<LoggedAttempt[]> {
  const rows = await db
    .select({
      id: practiceAttempts.id,
      drillSlug: practiceAttempts.drillSlug,
      drillId: practiceAttempts.drillId,
      title: practiceAttempts.drillTitle,
      difficulty: practiceAttempts.drillDifficulty,
      markers: practiceAttempts.drillMarkers,
      mode: practiceAttempts.mode,
      createdAt: practiceAttempts.createdAt,
      best: sql<string | null>`(select max((f.attunement + f.non_defensiveness + f.invitation) / 3.0)::text from practice_feedback f
        where f.organisation_id = "practice_attempts"."organisation_id" and f.attempt_id = "practice_attempts"."id")`,
      feedbackCount: sql<number>`(select count(*)::int from practice_feedback f where f.organisation_id = "practice_attempts"."organisation_id" and f.attempt_id = "practice_attempts"."id")`,
    })
    .from(practiceAttempts)
    .where(and(eq(practiceAttempts.organisationId, orgId), eq(practiceAttempts.traineeMembershipId, traineeMembershipId)))
    .orderBy(desc(practiceAttempts.createdAt))
    .limit(500);
  return rows.map((r) => ({
    id: r.id,
    drillKey: keyOf(r),
    title: r.title,
    difficulty: r.difficulty,
    markers: r.markers,
    mode: r.mode,
    createdAt: r.createdAt,
    feedbackCount: r.feedbackCount,
    mean: r.best === null ? null : Math.round(Number(r.best) * 10) / 10,
  }));
}

export type PracticeLog = {
  trainee: { membershipId: string; name: string; own: boolean };
  attempts: LoggedAttempt[];
  drills: { drillKey: string; title: string; attempts: number; best: number | null; lastAt: Date }[];
  levels: { marker: string; level: number }[];
  feedback: { attemptId: string; title: string; at: Date; reviewer: string; attunement: number; nonDefensiveness: number; invitation: number; mean: number; strategies: string[] }[];
};

export async function getPracticeLog(ctx: Ctx, traineeMembershipId: string): Promise<PracticeLog> {
  assertCan(ctx, "practice.use");
  const db = await getDb();
  const trainee = await loadTraineeFor(db, ctx, traineeMembershipId);
  const [attempts, feedback] = await Promise.all([
    ratedAttempts(db, ctx.orgId, trainee.membershipId),
    db
      .select({
        attemptId: practiceFeedback.attemptId,
        title: practiceAttempts.drillTitle,
        at: practiceFeedback.updatedAt,
        reviewer: users.name,
        attunement: practiceFeedback.attunement,
        nonDefensiveness: practiceFeedback.nonDefensiveness,
        invitation: practiceFeedback.invitation,
        strategies: practiceFeedback.strategies,
      })
      .from(practiceFeedback)
      .innerJoin(practiceAttempts, and(eq(practiceAttempts.organisationId, practiceFeedback.organisationId), eq(practiceAttempts.id, practiceFeedback.attemptId)))
      .innerJoin(memberships, and(eq(memberships.organisationId, practiceFeedback.organisationId), eq(memberships.id, practiceFeedback.reviewerMembershipId)))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(practiceFeedback.organisationId, ctx.orgId), eq(practiceAttempts.traineeMembershipId, trainee.membershipId)))
      .orderBy(asc(practiceFeedback.updatedAt))
      .limit(500),
  ]);
  const byDrill = new Map<string, PracticeLog["drills"][number]>();
  for (const a of [...attempts].reverse()) {
    const d = byDrill.get(a.drillKey) ?? { drillKey: a.drillKey, title: a.title, attempts: 0, best: null, lastAt: a.createdAt };
    d.attempts += 1;
    d.title = a.title;
    d.lastAt = a.createdAt;
    if (a.mean !== null) d.best = Math.max(d.best ?? 0, a.mean);
    byDrill.set(a.drillKey, d);
  }
  const levels = levelsByMarker(attempts);
  return {
    trainee,
    attempts,
    drills: [...byDrill.values()].sort((a, b) => b.lastAt.getTime() - a.lastAt.getTime()),
    levels: MARKER_CODES.map((m) => ({ marker: m, level: levels.get(m) ?? 0 })),
    feedback: feedback.map((f) => ({ ...f, mean: meanScore(f) })),
  };
}

/** Drills to practise after a case with these markers, ranked for the caller's own level. */
export async function suggestDrills(ctx: Ctx, markers: readonly string[], limit = 3): Promise<{ suggestions: Suggestion[]; target: number }> {
  assertCan(ctx, "practice.use");
  const db = await getDb();
  const [custom, attempts] = await Promise.all([customDrills(db, ctx.orgId), ratedAttempts(db, ctx.orgId, ctx.membershipId)]);
  const levels = levelsByMarker(attempts);
  const suggestions = rankSuggestions([...custom, ...shippedDrills()], markers, { levels, attempted: new Set(attempts.map((a) => a.drillKey)), limit });
  return { suggestions, target: targetDifficulty(levels, markers) };
}

/** The markers of the caller's most recently changed case (their own), for the practice page. */
export async function latestCaseMarkers(ctx: Ctx): Promise<{ caseId: string; clientCode: string | null; markers: string[] } | null> {
  assertCan(ctx, "practice.use");
  const db = await getDb();
  const [row] = await db
    .select({ caseId: cases.id, clientCode: cases.clientCode, markers: sql<string[] | null>`${cases.content}->'markers'` })
    .from(cases)
    .where(and(eq(cases.organisationId, ctx.orgId), eq(cases.authorMembershipId, ctx.membershipId)))
    .orderBy(desc(cases.updatedAt))
    .limit(1);
  const markers = Array.isArray(row?.markers) ? row.markers.filter((m): m is string => typeof m === "string") : [];
  return row && markers.length ? { caseId: row.caseId, clientCode: row.clientCode, markers } : null;
}

export type AwaitingRow = { attemptId: string; traineeName: string; title: string; mode: string; createdAt: Date };

/** Responses of the supervisor's trainees that they have not rated yet, newest first. */
export async function listAwaitingFeedback(ctx: Ctx): Promise<AwaitingRow[]> {
  assertCan(ctx, "practice.supervise");
  const db = await getDb();
  return db
    .select({ attemptId: practiceAttempts.id, traineeName: users.name, title: practiceAttempts.drillTitle, mode: practiceAttempts.mode, createdAt: practiceAttempts.createdAt })
    .from(practiceAttempts)
    .innerJoin(memberships, and(eq(memberships.organisationId, practiceAttempts.organisationId), eq(memberships.id, practiceAttempts.traineeMembershipId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(practiceAttempts.organisationId, ctx.orgId),
        sql`${practiceAttempts.traineeMembershipId} <> ${ctx.membershipId}`,
        supervises(ctx, sql.raw(`"practice_attempts"."trainee_membership_id"`)),
        sql`not exists (select 1 from practice_feedback f where f.organisation_id = "practice_attempts"."organisation_id" and f.attempt_id = "practice_attempts"."id" and f.reviewer_membership_id = ${ctx.membershipId})`,
      ),
    )
    .orderBy(desc(practiceAttempts.createdAt))
    .limit(30);
}

export type TraineePracticeRow = { membershipId: string; name: string; attempts: number; lastAt: Date | null };

/** The supervisor's trainees with how much they have practised (counts only). */
export async function listMyTraineesPractice(ctx: Ctx): Promise<TraineePracticeRow[]> {
  assertCan(ctx, "practice.supervise");
  const db = await getDb();
  const rows = await db
    .select({
      membershipId: memberships.id,
      name: users.name,
      attempts: sql<number>`(select count(*)::int from practice_attempts a where a.organisation_id = "memberships"."organisation_id" and a.trainee_membership_id = "memberships"."id")`,
      lastAt: sql<string | null>`(select max(a.created_at)::text from practice_attempts a where a.organisation_id = "memberships"."organisation_id" and a.trainee_membership_id = "memberships"."id")`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, ctx.orgId), eq(memberships.status, "active"), supervises(ctx, sql.raw(`"memberships"."id"`))))
    .orderBy(asc(sql`lower(${users.name})`))
    .limit(500);
  return rows.map((r) => ({ ...r, lastAt: r.lastAt ? new Date(r.lastAt) : null }));
}

export type PracticeOverview = { attempts: number; spoken: number; typed: number; rated: number; trainees: number; recordings: number; assignments: number; customDrills: number };

/** For admins: how much the organisation practises, as counts. Never a response, a rating or a recording. */
export async function getPracticeOverview(ctx: Ctx): Promise<PracticeOverview> {
  assertCan(ctx, "practice.author");
  const db = await getDb();
  const [row] = await db
    .select({
      attempts: sql<number>`count(*)::int`,
      spoken: sql<number>`count(*) filter (where ${practiceAttempts.mode} = 'spoken')::int`,
      typed: sql<number>`count(*) filter (where ${practiceAttempts.mode} = 'typed')::int`,
      rated: sql<number>`count(*) filter (where exists (select 1 from practice_feedback f where f.organisation_id = "practice_attempts"."organisation_id" and f.attempt_id = "practice_attempts"."id"))::int`,
      trainees: sql<number>`count(distinct ${practiceAttempts.traineeMembershipId})::int`,
      recordings: sql<number>`(select count(*)::int from practice_recordings r where r.organisation_id = ${ctx.orgId})`,
      assignments: sql<number>`(select count(*)::int from practice_assignments x where x.organisation_id = ${ctx.orgId})`,
      customDrills: sql<number>`(select count(*)::int from practice_drills d where d.organisation_id = ${ctx.orgId} and d.archived_at is null)`,
    })
    .from(practiceAttempts)
    .where(eq(practiceAttempts.organisationId, ctx.orgId));
  return row;
}

/** How many times the caller responded to each drill (for the library's "your responses" column). */
export async function myResponseCounts(ctx: Ctx): Promise<Map<string, number>> {
  assertCan(ctx, "practice.view");
  if (ctx.role === "org_admin") return new Map();
  const db = await getDb();
  const rows = await db
    .select({ drillSlug: practiceAttempts.drillSlug, drillId: practiceAttempts.drillId, n: sql<number>`count(*)::int` })
    .from(practiceAttempts)
    .where(and(eq(practiceAttempts.organisationId, ctx.orgId), eq(practiceAttempts.traineeMembershipId, ctx.membershipId)))
    .groupBy(practiceAttempts.drillSlug, practiceAttempts.drillId);
  return new Map(rows.map((r) => [keyOf(r), r.n]));
}
