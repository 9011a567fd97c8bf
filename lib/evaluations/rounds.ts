import "server-only";
import { and, asc, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type DbOrTx } from "@/db/client";
import { cohortMembers, cohorts, evaluationForms, evaluationFormVersions, evaluationResponses, evaluationRounds, evaluations, memberships, supervisions, users } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { deliverLater } from "@/lib/cases/events";
import type { Pending } from "@/lib/email/send";
import { keyPage } from "@/lib/util/pagination";
import { evaluatorAssigned, roundOpened } from "./events";
import type { EvaluationState } from "./status";

// Evaluation rounds: an admin opens one for a cohort's trainees, a supervisor for the trainees of
// the cohort they supervise. Each trainee gets one evaluation; its evaluator is the opening
// supervisor, or (opened by an admin) the trainee's longest-standing active supervisor, whom an
// admin can change until the supervisor's side is submitted.

const PAGE = 20;

/** Rounds a supervisor may open or read: ones they opened, or with a trainee they supervise. */
function supervisorSeesRound(ctx: Ctx) {
  return or(
    eq(evaluationRounds.openedByMembershipId, ctx.membershipId),
    sql`exists (select 1 from evaluations e join supervisions s on s.organisation_id = e.organisation_id and s.trainee_membership_id = e.trainee_membership_id
      where e.organisation_id = "evaluation_rounds"."organisation_id" and e.round_id = "evaluation_rounds"."id" and s.supervisor_membership_id = ${ctx.membershipId})`,
  );
}

/** The caller's view of evaluations in a round: all of them for an admin, supervised trainees' for a supervisor. */
function visibleInRound(ctx: Ctx) {
  return ctx.role === "org_admin"
    ? sql`true`
    : sql`exists (select 1 from supervisions s where s.organisation_id = "evaluations"."organisation_id" and s.trainee_membership_id = "evaluations"."trainee_membership_id" and s.supervisor_membership_id = ${ctx.membershipId})`;
}

/** Cohorts a round can be opened for, with the number of trainees it would include for the caller. */
export async function listOpenableCohorts(ctx: Ctx): Promise<{ id: string; name: string; trainees: number }[]> {
  assertCan(ctx, "evaluations.open");
  const db = await getDb();
  const mine = ctx.role === "supervisor" ? sql`and exists (select 1 from supervisions s where s.organisation_id = m.organisation_id and s.trainee_membership_id = m.id and s.supervisor_membership_id = ${ctx.membershipId})` : sql``;
  const rows = await db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      trainees: sql<number>`(select count(*)::int from ${cohortMembers} cm join ${memberships} m on m.id = cm.membership_id and m.organisation_id = cm.organisation_id
        where cm.organisation_id = "cohorts"."organisation_id" and cm.cohort_id = "cohorts"."id" and m.role = 'trainee' and m.status = 'active' ${mine})`,
    })
    .from(cohorts)
    .where(and(eq(cohorts.organisationId, ctx.orgId), isNull(cohorts.archivedAt)))
    .orderBy(asc(sql`lower(${cohorts.name})`))
    .limit(500);
  return ctx.role === "supervisor" ? rows.filter((r) => r.trainees > 0) : rows;
}

/** Each trainee's longest-standing active supervisor (ties by id), for rounds an admin opens. */
async function defaultEvaluators(tx: DbOrTx, orgId: string, traineeIds: string[]): Promise<Map<string, string>> {
  if (traineeIds.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([supervisions.traineeMembershipId], { trainee: supervisions.traineeMembershipId, supervisor: supervisions.supervisorMembershipId })
    .from(supervisions)
    .innerJoin(memberships, and(eq(memberships.id, supervisions.supervisorMembershipId), eq(memberships.organisationId, supervisions.organisationId)))
    .where(and(eq(supervisions.organisationId, orgId), inArray(supervisions.traineeMembershipId, traineeIds), eq(memberships.status, "active"), eq(memberships.role, "supervisor")))
    .orderBy(supervisions.traineeMembershipId, asc(supervisions.createdAt), asc(supervisions.supervisorMembershipId));
  return new Map(rows.map((r) => [r.trainee, r.supervisor]));
}

export type OpenedRound = { roundId: string; evaluations: number; withoutEvaluator: number };

export async function openRound(ctx: Ctx, input: { formId: string; cohortId: string; name: string; dueOn: string | null }): Promise<OpenedRound> {
  assertCan(ctx, "evaluations.open");
  const db = await getDb();
  let pending: Pending | undefined;
  try {
    const out = await db.transaction(async (tx) => {
      const [form] = await tx
        .select({ id: evaluationForms.id, archivedAt: evaluationForms.archivedAt, versionId: evaluationFormVersions.id })
        .from(evaluationForms)
        .innerJoin(
          evaluationFormVersions,
          and(eq(evaluationFormVersions.organisationId, evaluationForms.organisationId), eq(evaluationFormVersions.formId, evaluationForms.id), eq(evaluationFormVersions.number, evaluationForms.currentVersion)),
        )
        .where(and(eq(evaluationForms.id, input.formId), eq(evaluationForms.organisationId, ctx.orgId)));
      const [cohort] = await tx.select({ id: cohorts.id, archivedAt: cohorts.archivedAt }).from(cohorts).where(and(eq(cohorts.id, input.cohortId), eq(cohorts.organisationId, ctx.orgId)));
      if (!form || !cohort) throw new NotFoundError();
      if (form.archivedAt) throw new ValidationError("Check the highlighted fields.", { formId: ["This form is archived. Choose another form, or restore it first."] });
      if (cohort.archivedAt) throw new ValidationError("Check the highlighted fields.", { cohortId: ["This cohort is archived. Choose another cohort."] });
      const trainees = await tx
        .select({ id: memberships.id })
        .from(cohortMembers)
        .innerJoin(memberships, and(eq(memberships.id, cohortMembers.membershipId), eq(memberships.organisationId, cohortMembers.organisationId)))
        .where(
          and(
            eq(cohortMembers.organisationId, ctx.orgId),
            eq(cohortMembers.cohortId, cohort.id),
            eq(memberships.role, "trainee"),
            eq(memberships.status, "active"),
            ctx.role === "supervisor"
              ? sql`exists (select 1 from supervisions s where s.organisation_id = ${ctx.orgId} and s.trainee_membership_id = ${memberships.id} and s.supervisor_membership_id = ${ctx.membershipId})`
              : undefined,
          ),
        );
      if (trainees.length === 0) {
        throw new ValidationError("Check the highlighted fields.", {
          cohortId: [ctx.role === "supervisor" ? "None of the active trainees in this cohort are assigned to you. Choose a cohort with trainees you supervise." : "This cohort has no active trainees. Add trainees to it first, or choose another cohort."],
        });
      }
      const ids = trainees.map((t) => t.id);
      const evaluators = ctx.role === "supervisor" ? new Map(ids.map((id) => [id, ctx.membershipId])) : await defaultEvaluators(tx, ctx.orgId, ids);
      const [round] = await tx
        .insert(evaluationRounds)
        .values({ organisationId: ctx.orgId, name: input.name, formVersionId: form.versionId, cohortId: cohort.id, dueOn: input.dueOn, openedByMembershipId: ctx.membershipId })
        .returning();
      const created = await tx
        .insert(evaluations)
        .values(ids.map((t) => ({ organisationId: ctx.orgId, roundId: round.id, traineeMembershipId: t, evaluatorMembershipId: evaluators.get(t) ?? null })))
        .returning({ id: evaluations.id, traineeMembershipId: evaluations.traineeMembershipId, evaluatorMembershipId: evaluations.evaluatorMembershipId });
      const withoutEvaluator = created.filter((e) => !e.evaluatorMembershipId).length;
      await audit(tx, {
        organisationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "evaluation_round.opened",
        targetType: "evaluation_round",
        targetId: round.id,
        detail: { name: round.name, cohortId: cohort.id, formVersionId: form.versionId, evaluations: created.length, withoutEvaluator },
      });
      pending = await roundOpened(tx, ctx, { roundId: round.id, name: round.name, evaluations: created });
      return { roundId: round.id, evaluations: created.length, withoutEvaluator };
    });
    deliverLater(pending);
    return out;
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError("Check the highlighted fields.", { name: ["You have already opened a round with this name for this cohort. Choose another name."] });
    throw e;
  }
}

export type RoundListRow = {
  id: string;
  name: string;
  cohortName: string;
  formName: string;
  formVersion: number;
  openedAt: Date;
  openedByName: string;
  dueOn: string | null;
  total: number;
  bothSubmitted: number;
  locked: number;
};

const opener = alias(memberships, "opener");
const openerUser = alias(users, "opener_user");

/** Rounds the caller may see, newest first, a page at a time (key pagination on opened_at, id). */
export async function listRounds(ctx: Ctx, after?: { at: string; id: string }): Promise<{ rows: RoundListRow[]; next: { at: string; id: string } | null }> {
  assertCan(ctx, "evaluations.open");
  const db = await getDb();
  const mine = visibleInRound(ctx);
  const count = (cond: ReturnType<typeof sql>) =>
    sql<number>`(select count(*)::int from ${evaluations} where "evaluations"."organisation_id" = "evaluation_rounds"."organisation_id" and "evaluations"."round_id" = "evaluation_rounds"."id" and ${mine} and ${cond})`;
  const rows = await db
    .select({
      id: evaluationRounds.id,
      name: evaluationRounds.name,
      cohortName: cohorts.name,
      formName: evaluationFormVersions.name,
      formVersion: evaluationFormVersions.number,
      openedAt: evaluationRounds.openedAt,
      openedByName: openerUser.name,
      dueOn: evaluationRounds.dueOn,
      total: count(sql`true`),
      bothSubmitted: count(sql`"evaluations"."self_submitted_at" is not null and "evaluations"."supervisor_submitted_at" is not null`),
      locked: count(sql`"evaluations"."locked_at" is not null`),
    })
    .from(evaluationRounds)
    .innerJoin(cohorts, and(eq(cohorts.id, evaluationRounds.cohortId), eq(cohorts.organisationId, evaluationRounds.organisationId)))
    .innerJoin(evaluationFormVersions, and(eq(evaluationFormVersions.id, evaluationRounds.formVersionId), eq(evaluationFormVersions.organisationId, evaluationRounds.organisationId)))
    .innerJoin(opener, and(eq(opener.id, evaluationRounds.openedByMembershipId), eq(opener.organisationId, evaluationRounds.organisationId)))
    .innerJoin(openerUser, eq(openerUser.id, opener.userId))
    .where(
      and(
        eq(evaluationRounds.organisationId, ctx.orgId),
        ctx.role === "org_admin" ? undefined : supervisorSeesRound(ctx),
        after ? or(lt(evaluationRounds.openedAt, new Date(after.at)), and(eq(evaluationRounds.openedAt, new Date(after.at)), lt(evaluationRounds.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(evaluationRounds.openedAt), desc(evaluationRounds.id))
    .limit(PAGE + 1);
  return keyPage(rows, PAGE, (last) => ({ at: last.openedAt.toISOString(), id: last.id }));
}

export type RoundEvaluationRow = EvaluationState & {
  id: string;
  version: number;
  traineeMembershipId: string;
  traineeName: string;
  evaluatorName: string | null;
  traineeSignedAt: Date | null;
  supervisorSignedAt: Date | null;
};

export type RoundView = {
  id: string;
  name: string;
  cohortName: string;
  formName: string;
  formVersion: number;
  openedAt: Date;
  openedByName: string;
  dueOn: string | null;
  evaluations: RoundEvaluationRow[];
  /** Admins only: who may evaluate each trainee (their active supervisors). */
  candidates: Map<string, { membershipId: string; name: string }[]>;
};

const trainee = alias(memberships, "trainee");
const traineeUser = alias(users, "trainee_user");
const evaluator = alias(memberships, "evaluator");
const evaluatorUser = alias(users, "evaluator_user");

export async function getRound(ctx: Ctx, roundId: string): Promise<RoundView> {
  assertCan(ctx, "evaluations.open");
  const db = await getDb();
  const [round] = await db
    .select({
      id: evaluationRounds.id,
      name: evaluationRounds.name,
      cohortName: cohorts.name,
      formName: evaluationFormVersions.name,
      formVersion: evaluationFormVersions.number,
      openedAt: evaluationRounds.openedAt,
      openedByName: openerUser.name,
      dueOn: evaluationRounds.dueOn,
    })
    .from(evaluationRounds)
    .innerJoin(cohorts, and(eq(cohorts.id, evaluationRounds.cohortId), eq(cohorts.organisationId, evaluationRounds.organisationId)))
    .innerJoin(evaluationFormVersions, and(eq(evaluationFormVersions.id, evaluationRounds.formVersionId), eq(evaluationFormVersions.organisationId, evaluationRounds.organisationId)))
    .innerJoin(opener, and(eq(opener.id, evaluationRounds.openedByMembershipId), eq(opener.organisationId, evaluationRounds.organisationId)))
    .innerJoin(openerUser, eq(openerUser.id, opener.userId))
    .where(and(eq(evaluationRounds.id, roundId), eq(evaluationRounds.organisationId, ctx.orgId), ctx.role === "org_admin" ? undefined : supervisorSeesRound(ctx)));
  if (!round) throw new NotFoundError();
  const rows = await db
    .select({
      id: evaluations.id,
      version: evaluations.version,
      traineeMembershipId: evaluations.traineeMembershipId,
      traineeName: traineeUser.name,
      evaluatorMembershipId: evaluations.evaluatorMembershipId,
      evaluatorName: evaluatorUser.name,
      selfSubmittedAt: evaluations.selfSubmittedAt,
      supervisorSubmittedAt: evaluations.supervisorSubmittedAt,
      traineeSignedAt: evaluations.traineeSignedAt,
      supervisorSignedAt: evaluations.supervisorSignedAt,
      lockedAt: evaluations.lockedAt,
    })
    .from(evaluations)
    .innerJoin(trainee, and(eq(trainee.id, evaluations.traineeMembershipId), eq(trainee.organisationId, evaluations.organisationId)))
    .innerJoin(traineeUser, eq(traineeUser.id, trainee.userId))
    .leftJoin(evaluator, and(eq(evaluator.id, evaluations.evaluatorMembershipId), eq(evaluator.organisationId, evaluations.organisationId)))
    .leftJoin(evaluatorUser, eq(evaluatorUser.id, evaluator.userId))
    .where(and(eq(evaluations.organisationId, ctx.orgId), eq(evaluations.roundId, round.id), visibleInRound(ctx)))
    .orderBy(asc(traineeUser.name), asc(evaluations.id));
  const candidates = new Map<string, { membershipId: string; name: string }[]>();
  if (ctx.role === "org_admin" && rows.length > 0) {
    const sup = alias(memberships, "sup");
    const supUser = alias(users, "sup_user");
    const links = await db
      .select({ trainee: supervisions.traineeMembershipId, membershipId: sup.id, name: supUser.name })
      .from(supervisions)
      .innerJoin(sup, and(eq(sup.id, supervisions.supervisorMembershipId), eq(sup.organisationId, supervisions.organisationId)))
      .innerJoin(supUser, eq(supUser.id, sup.userId))
      .where(
        and(
          eq(supervisions.organisationId, ctx.orgId),
          inArray(
            supervisions.traineeMembershipId,
            rows.map((r) => r.traineeMembershipId),
          ),
          eq(sup.status, "active"),
          eq(sup.role, "supervisor"),
        ),
      )
      .orderBy(asc(supUser.name));
    for (const l of links) candidates.set(l.trainee, [...(candidates.get(l.trainee) ?? []), { membershipId: l.membershipId, name: l.name }]);
  }
  return { ...round, evaluations: rows, candidates };
}

/** Admins choose (or change) who completes the supervisor's side, until that side is submitted. */
export async function assignEvaluator(ctx: Ctx, input: { evaluationId: string; evaluatorMembershipId: string; version: number }) {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  let pending: Pending | undefined;
  const out = await db.transaction(async (tx) => {
    const [e] = await tx
      .select({ row: evaluations, roundName: evaluationRounds.name, traineeName: users.name })
      .from(evaluations)
      .innerJoin(evaluationRounds, and(eq(evaluationRounds.id, evaluations.roundId), eq(evaluationRounds.organisationId, evaluations.organisationId)))
      .innerJoin(memberships, and(eq(memberships.id, evaluations.traineeMembershipId), eq(memberships.organisationId, evaluations.organisationId)))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(evaluations.id, input.evaluationId), eq(evaluations.organisationId, ctx.orgId)))
      .for("update", { of: evaluations });
    if (!e) throw new NotFoundError();
    if (e.row.supervisorSubmittedAt || e.row.lockedAt) throw new ConflictError("The supervisor's side of this evaluation is already submitted, so the evaluator can't change now.");
    if (e.row.version !== input.version) throw new ConflictError("This evaluation changed while you were looking at it. Reload to see who evaluates it now.");
    const [sup] = await tx
      .select({ id: memberships.id })
      .from(supervisions)
      .innerJoin(memberships, and(eq(memberships.id, supervisions.supervisorMembershipId), eq(memberships.organisationId, supervisions.organisationId)))
      .where(
        and(
          eq(supervisions.organisationId, ctx.orgId),
          eq(supervisions.traineeMembershipId, e.row.traineeMembershipId),
          eq(supervisions.supervisorMembershipId, input.evaluatorMembershipId),
          eq(memberships.status, "active"),
          eq(memberships.role, "supervisor"),
        ),
      );
    if (!sup) {
      throw new ValidationError("Check the highlighted fields.", {
        evaluatorMembershipId: [`Choose one of ${e.traineeName}'s active supervisors. To choose someone else, assign them as a supervisor on the trainee's member page first.`],
      });
    }
    if (e.row.evaluatorMembershipId === sup.id) return { changed: false };
    // A draft by the previous evaluator is theirs, not the new evaluator's: it goes.
    await tx
      .delete(evaluationResponses)
      .where(and(eq(evaluationResponses.organisationId, ctx.orgId), eq(evaluationResponses.evaluationId, e.row.id), eq(evaluationResponses.side, "supervisor"), isNull(evaluationResponses.submittedAt)));
    const [after] = await tx
      .update(evaluations)
      .set({ evaluatorMembershipId: sup.id, version: sql`${evaluations.version} + 1`, updatedAt: new Date() })
      .where(and(eq(evaluations.id, e.row.id), eq(evaluations.organisationId, ctx.orgId), eq(evaluations.version, input.version)))
      .returning({ id: evaluations.id });
    if (!after) throw new ConflictError();
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "evaluation.evaluator_assigned",
      targetType: "evaluation",
      targetId: e.row.id,
      detail: { from: e.row.evaluatorMembershipId, to: sup.id },
    });
    pending = await evaluatorAssigned(tx, ctx, { id: e.row.id, roundName: e.roundName, traineeName: e.traineeName, evaluatorMembershipId: sup.id });
    return { changed: true };
  });
  deliverLater(pending);
  return out;
}
