import "server-only";
import { and, asc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Db } from "@/db/client";
import { cohorts, evaluationFormVersions, evaluationResponses, evaluationRounds, evaluations, memberships, users, type FormDefinition, type StoredCompetencyRating } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { readReplica } from "@/lib/core/replica";
import { distribution, history, type CompetencyDistribution, type HistoryRow } from "./distribution";

// Reports count only evaluations with both sides submitted: before then each side is private to
// its author (the same rule as the evaluation page), so no report can reveal a draft or a side
// the other person has not yet been allowed to read.

const both = and(isNotNull(evaluations.selfSubmittedAt), isNotNull(evaluations.supervisorSubmittedAt));

type Pair = { self: Record<string, StoredCompetencyRating>; supervisor: Record<string, StoredCompetencyRating>; selfRecommendation: string | null; recommendation: string | null; selfComment: string; supervisorComment: string };

async function responsesOf(orgId: string, evaluationIds: string[], reader?: Db): Promise<Map<string, Pair>> {
  const out = new Map<string, Pair>();
  if (evaluationIds.length === 0) return out;
  const db = reader ?? (await getDb());
  const rows = await db
    .select({ evaluationId: evaluationResponses.evaluationId, side: evaluationResponses.side, ratings: evaluationResponses.ratings, recommendation: evaluationResponses.recommendation, overallComment: evaluationResponses.overallComment })
    .from(evaluationResponses)
    .where(and(eq(evaluationResponses.organisationId, orgId), inArray(evaluationResponses.evaluationId, evaluationIds), isNotNull(evaluationResponses.submittedAt)));
  for (const r of rows) {
    const p = out.get(r.evaluationId) ?? { self: {}, supervisor: {}, selfRecommendation: null, recommendation: null, selfComment: "", supervisorComment: "" };
    if (r.side === "self") Object.assign(p, { self: r.ratings, selfRecommendation: r.recommendation, selfComment: r.overallComment });
    else Object.assign(p, { supervisor: r.ratings, recommendation: r.recommendation, supervisorComment: r.overallComment });
    out.set(r.evaluationId, p);
  }
  return out;
}

export type TraineeHistory = {
  traineeName: string;
  rounds: { evaluationId: string; roundName: string; openedAt: Date; formName: string; formNumber: number; definition: FormDefinition; recommendation: string | null; locked: boolean }[];
  rows: HistoryRow[];
  inProgress: number;
};

/** One trainee's evaluations over time: the trainee themself, their supervisors, or an admin. */
export async function getTraineeHistory(ctx: Ctx, traineeMembershipId: string): Promise<TraineeHistory> {
  assertCan(ctx, "evaluations.view");
  const db = await getDb();
  const [person] = await db
    .select({
      name: users.name,
      role: memberships.role,
      supervised: sql<boolean>`exists (select 1 from supervisions s where s.organisation_id = ${memberships.organisationId} and s.trainee_membership_id = ${memberships.id} and s.supervisor_membership_id = ${ctx.membershipId})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, traineeMembershipId), eq(memberships.organisationId, ctx.orgId)));
  const allowed =
    person &&
    ((ctx.role === "trainee" && traineeMembershipId === ctx.membershipId) || (ctx.role === "supervisor" && person.supervised) || ctx.role === "org_admin");
  if (!allowed) throw new NotFoundError();
  const rows = await db
    .select({
      evaluationId: evaluations.id,
      roundName: evaluationRounds.name,
      openedAt: evaluationRounds.openedAt,
      formName: evaluationFormVersions.name,
      formNumber: evaluationFormVersions.number,
      definition: evaluationFormVersions.definition,
      lockedAt: evaluations.lockedAt,
      complete: sql<boolean>`${evaluations.selfSubmittedAt} is not null and ${evaluations.supervisorSubmittedAt} is not null`,
    })
    .from(evaluations)
    .innerJoin(evaluationRounds, and(eq(evaluationRounds.id, evaluations.roundId), eq(evaluationRounds.organisationId, evaluations.organisationId)))
    .innerJoin(evaluationFormVersions, and(eq(evaluationFormVersions.id, evaluationRounds.formVersionId), eq(evaluationFormVersions.organisationId, evaluationRounds.organisationId)))
    .where(and(eq(evaluations.organisationId, ctx.orgId), eq(evaluations.traineeMembershipId, traineeMembershipId)))
    .orderBy(asc(evaluationRounds.openedAt), asc(evaluations.id))
    .limit(200);
  const done = rows.filter((r) => r.complete);
  const pairs = await responsesOf(ctx.orgId, done.map((r) => r.evaluationId));
  const rounds = done.map((r) => ({
    evaluationId: r.evaluationId,
    roundName: r.roundName,
    openedAt: r.openedAt,
    formName: r.formName,
    formNumber: r.formNumber,
    definition: r.definition,
    recommendation: pairs.get(r.evaluationId)?.recommendation ?? null,
    locked: Boolean(r.lockedAt),
  }));
  return {
    traineeName: person.name,
    rounds,
    rows: history(done.map((r) => ({ key: r.evaluationId, definition: r.definition, self: pairs.get(r.evaluationId)?.self ?? {}, supervisor: pairs.get(r.evaluationId)?.supervisor ?? {} }))),
    inProgress: rows.length - done.length,
  };
}

export type RoundReport = {
  id: string;
  name: string;
  cohortName: string;
  formName: string;
  formNumber: number;
  definition: FormDefinition;
  evaluations: number;
  complete: number;
  competencies: CompetencyDistribution[];
  recommendations: { code: string; label: string; count: number }[];
};

async function roundMeta(ctx: Ctx, roundId: string) {
  const db = await getDb();
  const [round] = await db
    .select({
      id: evaluationRounds.id,
      name: evaluationRounds.name,
      cohortName: cohorts.name,
      formName: evaluationFormVersions.name,
      formNumber: evaluationFormVersions.number,
      definition: evaluationFormVersions.definition,
      openedAt: evaluationRounds.openedAt,
    })
    .from(evaluationRounds)
    .innerJoin(cohorts, and(eq(cohorts.id, evaluationRounds.cohortId), eq(cohorts.organisationId, evaluationRounds.organisationId)))
    .innerJoin(evaluationFormVersions, and(eq(evaluationFormVersions.id, evaluationRounds.formVersionId), eq(evaluationFormVersions.organisationId, evaluationRounds.organisationId)))
    .where(and(eq(evaluationRounds.id, roundId), eq(evaluationRounds.organisationId, ctx.orgId)));
  if (!round) throw new NotFoundError();
  return round;
}

/** A cohort's round: per competency, how the ratings spread over the scale. */
export async function getRoundReport(ctx: Ctx, roundId: string): Promise<RoundReport> {
  assertCan(ctx, "evaluations.reports");
  const round = await roundMeta(ctx, roundId);
  // The round is found (and so authorised) on the primary; its counts come from the replica when there is one.
  return readReplica(ctx, (db) => readRoundReport(db, ctx, round));
}

async function readRoundReport(db: Db, ctx: Ctx, round: Awaited<ReturnType<typeof roundMeta>>): Promise<RoundReport> {
  const rows = await db
    .select({ id: evaluations.id, complete: sql<boolean>`${evaluations.selfSubmittedAt} is not null and ${evaluations.supervisorSubmittedAt} is not null` })
    .from(evaluations)
    .where(and(eq(evaluations.organisationId, ctx.orgId), eq(evaluations.roundId, round.id)));
  const done = rows.filter((r) => r.complete).map((r) => r.id);
  const pairs = [...(await responsesOf(ctx.orgId, done, db)).values()];
  const recommendations = round.definition.recommendation.options.map((o) => ({ code: o.code, label: o.label, count: pairs.filter((p) => p.recommendation === o.code).length }));
  return {
    id: round.id,
    name: round.name,
    cohortName: round.cohortName,
    formName: round.formName,
    formNumber: round.formNumber,
    definition: round.definition,
    evaluations: rows.length,
    complete: done.length,
    competencies: distribution(round.definition, pairs),
    recommendations,
  };
}

export type CsvRow = {
  round: string;
  cohort: string;
  form: string;
  formVersion: number;
  trainee: string;
  traineeEmail: string;
  supervisor: string;
  side: "self" | "supervisor";
  domain: string;
  competency: string;
  rating: string;
  comment: string;
  signed: boolean;
};

const trainee = alias(memberships, "trainee");
const traineeUser = alias(users, "trainee_user");
const evaluator = alias(memberships, "evaluator");
const evaluatorUser = alias(users, "evaluator_user");

/** Every rating of the organisation's completed evaluations (one round, or all), for the CSV export. */
export async function listRatingsForExport(ctx: Ctx, roundId?: string): Promise<{ rows: (CsvRow & { definition: FormDefinition; recommendation: string | null })[] }> {
  assertCan(ctx, "evaluations.reports");
  if (roundId) await roundMeta(ctx, roundId);
  // Authorised above (the role, and the round found on the primary); the rows come from the replica when there is one.
  return readReplica(ctx, (db) => readRatings(db, ctx, roundId));
}

async function readRatings(db: Db, ctx: Ctx, roundId: string | undefined): Promise<{ rows: (CsvRow & { definition: FormDefinition; recommendation: string | null })[] }> {
  const list = await db
    .select({
      id: evaluations.id,
      round: evaluationRounds.name,
      cohort: cohorts.name,
      form: evaluationFormVersions.name,
      formVersion: evaluationFormVersions.number,
      definition: evaluationFormVersions.definition,
      trainee: traineeUser.name,
      traineeEmail: traineeUser.email,
      supervisor: evaluatorUser.name,
      lockedAt: evaluations.lockedAt,
    })
    .from(evaluations)
    .innerJoin(evaluationRounds, and(eq(evaluationRounds.id, evaluations.roundId), eq(evaluationRounds.organisationId, evaluations.organisationId)))
    .innerJoin(cohorts, and(eq(cohorts.id, evaluationRounds.cohortId), eq(cohorts.organisationId, evaluationRounds.organisationId)))
    .innerJoin(evaluationFormVersions, and(eq(evaluationFormVersions.id, evaluationRounds.formVersionId), eq(evaluationFormVersions.organisationId, evaluationRounds.organisationId)))
    .innerJoin(trainee, and(eq(trainee.id, evaluations.traineeMembershipId), eq(trainee.organisationId, evaluations.organisationId)))
    .innerJoin(traineeUser, eq(traineeUser.id, trainee.userId))
    .leftJoin(evaluator, and(eq(evaluator.id, evaluations.evaluatorMembershipId), eq(evaluator.organisationId, evaluations.organisationId)))
    .leftJoin(evaluatorUser, eq(evaluatorUser.id, evaluator.userId))
    .where(and(eq(evaluations.organisationId, ctx.orgId), roundId ? eq(evaluations.roundId, roundId) : undefined, both))
    .orderBy(asc(evaluationRounds.openedAt), asc(traineeUser.name), asc(evaluations.id))
    .limit(5000);
  const pairs = await responsesOf(ctx.orgId, list.map((e) => e.id), db);
  const rows: (CsvRow & { definition: FormDefinition; recommendation: string | null })[] = [];
  for (const e of list) {
    const p = pairs.get(e.id);
    if (!p) continue;
    for (const side of ["self", "supervisor"] as const) {
      for (const d of e.definition.domains) {
        for (const c of d.competencies) {
          const r = p[side][c.code];
          rows.push({
            round: e.round,
            cohort: e.cohort,
            form: e.form,
            formVersion: e.formVersion,
            trainee: e.trainee,
            traineeEmail: e.traineeEmail,
            supervisor: e.supervisor ?? "",
            side,
            domain: d.title,
            competency: c.title,
            rating: r?.rating ?? "",
            comment: r?.comment ?? "",
            signed: Boolean(e.lockedAt),
            definition: e.definition,
            recommendation: side === "self" ? p.selfRecommendation : p.recommendation,
          });
        }
      }
    }
  }
  return { rows };
}
