import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { calibrationCases, calibrationParticipants, calibrationRounds, memberships, users, type ReferenceReview, type StoredReviewEntry } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { THERAPIST_CONDITION_CODES, type TherapistConditionCode } from "@/lib/cases/codes";
import type { StoredCaseContent } from "@/lib/cases/schemas";
import { loadRound, seesResults } from "./access";
import { conditionAlphaAcrossRounds, pooledAlpha, roundResults, type RaterRatings, type RoundResults } from "./agreement";
import type { AlphaResult } from "./alpha";
import { closedWhen, roundState, type RoundState } from "./status";

// What the caller may read of a round. Before an invited supervisor submits, they get the case and
// their form only: no other rating, no reference review, no result (blind review). Once they have
// submitted, and for admins always, the reviews, the reference review and the agreement results.

export type SubmittedReview = { membershipId: string; name: string; ratings: Record<string, StoredReviewEntry>; decision: string | null; whatToChange: string | null; submittedAt: Date };

export type RoundView = {
  id: string;
  name: string;
  openedAt: Date;
  dueOn: string | null;
  state: RoundState;
  closedAt: Date | null;
  version: number;
  discussionNote: string;
  noteUpdatedAt: Date | null;
  reference: { title: string; source: string; content: StoredCaseContent; codeListVersion: string };
  me: { admin: boolean; participant: boolean; submitted: boolean };
  invited: number;
  submittedCount: number;
  /** Only once the caller may see results. */
  visible: null | {
    referenceReview: ReferenceReview | null;
    invitees: { name: string; submitted: boolean }[];
    reviews: SubmittedReview[];
    results: RoundResults;
    decisions: { changes_requested: number; signed_off: number };
  };
};

function ratingsOf(r: Record<string, StoredReviewEntry> | null): RaterRatings["ratings"] {
  const out: RaterRatings["ratings"] = {};
  for (const c of THERAPIST_CONDITION_CODES) {
    const e = r?.[c];
    if (e && "rating" in e) out[c] = e.rating;
  }
  return out;
}

export async function getRoundView(ctx: Ctx, roundId: string): Promise<RoundView> {
  const db = await getDb();
  const loaded = await loadRound(db, ctx, roundId);
  const [reference] = await db
    .select()
    .from(calibrationCases)
    .where(and(eq(calibrationCases.id, loaded.round.referenceCaseId), eq(calibrationCases.organisationId, ctx.orgId)));
  const people = await db
    .select({ p: calibrationParticipants, name: users.name })
    .from(calibrationParticipants)
    .innerJoin(memberships, and(eq(memberships.id, calibrationParticipants.membershipId), eq(memberships.organisationId, calibrationParticipants.organisationId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(calibrationParticipants.organisationId, ctx.orgId), eq(calibrationParticipants.roundId, loaded.round.id)))
    .orderBy(asc(users.name), asc(calibrationParticipants.id));
  const submitted = people.filter((x) => x.p.submittedAt);
  const r = loaded.round;
  const view: RoundView = {
    id: r.id,
    name: r.name,
    openedAt: r.openedAt,
    dueOn: r.dueOn,
    state: loaded.state,
    closedAt: closedWhen(r),
    version: r.version,
    discussionNote: r.discussionNote,
    noteUpdatedAt: r.noteUpdatedAt,
    reference: { title: reference.title, source: reference.source, content: reference.content as StoredCaseContent, codeListVersion: reference.codeListVersion },
    me: { admin: loaded.relation.admin, participant: Boolean(loaded.relation.participant), submitted: loaded.submitted },
    invited: people.length,
    submittedCount: submitted.length,
    visible: null,
  };
  if (!seesResults(loaded)) return view;
  const reviews: SubmittedReview[] = submitted.map((x) => ({
    membershipId: x.p.membershipId,
    name: x.name,
    ratings: x.p.ratings ?? {},
    decision: x.p.decision,
    whatToChange: x.p.whatToChange,
    submittedAt: x.p.submittedAt!,
  }));
  const refReview = reference.referenceReview ?? null;
  view.visible = {
    referenceReview: refReview,
    invitees: people.map((x) => ({ name: x.name, submitted: Boolean(x.p.submittedAt) })),
    reviews,
    results: roundResults(
      reviews.map((v) => ({ membershipId: v.membershipId, name: v.name, ratings: ratingsOf(v.ratings) })),
      refReview ? ratingsOf(refReview.ratings) : null,
    ),
    decisions: { changes_requested: reviews.filter((v) => v.decision === "changes_requested").length, signed_off: reviews.filter((v) => v.decision === "signed_off").length },
  };
  return view;
}

export type TrendRow = { id: string; name: string; openedAt: Date; closedAt: Date | null; reviews: number; overall: AlphaResult };
export type Trend = {
  rounds: TrendRow[];
  /** Per condition, with rounds as units: all closed rounds, the earlier half and the later half. */
  conditions: { code: TherapistConditionCode; all: AlphaResult; earlier: AlphaResult; later: AlphaResult }[];
  pooled: { earlier: AlphaResult; later: AlphaResult };
};

const TREND_ROUNDS = 60;

/**
 * Closed rounds over time, oldest first (the most recent 60): an admin sees the organisation's; a
 * supervisor the rounds they submitted a review in. Two queries whatever the number of rounds.
 */
export async function getTrend(ctx: Ctx): Promise<Trend> {
  assertCan(ctx, "calibration.view");
  const db = await getDb();
  const supervisor = ctx.role === "supervisor";
  const candidates = await db
    .select({ id: calibrationRounds.id, name: calibrationRounds.name, openedAt: calibrationRounds.openedAt, closedAt: calibrationRounds.closedAt, closesAt: calibrationRounds.closesAt })
    .from(calibrationRounds)
    .where(
      and(
        eq(calibrationRounds.organisationId, ctx.orgId),
        sql`(${calibrationRounds.closedAt} is not null or ${calibrationRounds.closesAt} <= now())`,
        supervisor
          ? sql`exists (select 1 from ${calibrationParticipants} p where p.organisation_id = "calibration_rounds"."organisation_id" and p.round_id = "calibration_rounds"."id" and p.membership_id = ${ctx.membershipId} and p.submitted_at is not null)`
          : undefined,
      ),
    )
    .orderBy(desc(calibrationRounds.openedAt), desc(calibrationRounds.id))
    .limit(TREND_ROUNDS);
  const rounds = candidates.filter((r) => roundState(r) === "closed").reverse();
  const ids = rounds.map((r) => r.id);
  const reviews = ids.length
    ? await db
        .select({ roundId: calibrationParticipants.roundId, membershipId: calibrationParticipants.membershipId, ratings: calibrationParticipants.ratings })
        .from(calibrationParticipants)
        .where(and(eq(calibrationParticipants.organisationId, ctx.orgId), inArray(calibrationParticipants.roundId, ids), isNotNull(calibrationParticipants.submittedAt)))
    : [];
  const byRound = new Map<string, RaterRatings[]>();
  for (const v of reviews) byRound.set(v.roundId, [...(byRound.get(v.roundId) ?? []), { membershipId: v.membershipId, name: "", ratings: ratingsOf(v.ratings) }]);
  const perRound = rounds.map((r) => byRound.get(r.id) ?? []);
  const half = Math.floor(perRound.length / 2);
  const earlier = perRound.slice(0, half);
  const later = perRound.slice(half);
  const all = conditionAlphaAcrossRounds(perRound);
  const early = conditionAlphaAcrossRounds(earlier);
  const late = conditionAlphaAcrossRounds(later);
  return {
    rounds: rounds.map((r, i) => ({ id: r.id, name: r.name, openedAt: r.openedAt, closedAt: closedWhen(r), reviews: perRound[i].length, overall: roundResults(perRound[i]).overall })),
    conditions: THERAPIST_CONDITION_CODES.map((code) => ({ code, all: all[code], earlier: early[code], later: late[code] })),
    pooled: { earlier: pooledAlpha(earlier), later: pooledAlpha(later) },
  };
}
