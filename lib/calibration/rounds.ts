import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { calibrationCases, calibrationParticipants, calibrationRounds, memberships, users } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { deliverLater } from "@/lib/cases/events";
import { FEEDBACK_CONFIRM_MESSAGE, FEEDBACK_FLAGGED_MESSAGE, feedbackFlags } from "@/lib/cases/identifier-check";
import type { Pending } from "@/lib/email/send";
import { orgTimeZone } from "@/lib/orgs/settings";
import { keyPage } from "@/lib/util/pagination";
import { loadRound } from "./access";
import { roundClosedNotice, roundOpenedNotice } from "./events";
import { ensureExemplar } from "./references";
import type { OpenCalibrationRoundInput } from "./schemas";
import { endOfDayIn, roundState, todayIn, type RoundState } from "./status";

// Calibration rounds: an organisation admin opens one on a reference case and invites two or more
// supervisors; each reviews it alone (reviews.ts); the admin closes it, or it closes itself at the
// end of its due day, and writes the discussion note. Rapport has no lead-supervisor role, so
// opening, closing and the note are the admins' (TAXONOMY.md section 1).

const PAGE = 20;

/** Active supervisors who have verified their email (as for reading any case narrative). */
export async function listInvitableSupervisors(ctx: Ctx): Promise<{ membershipId: string; name: string }[]> {
  assertCan(ctx, "calibration.manage");
  const db = await getDb();
  return db
    .select({ membershipId: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, ctx.orgId), eq(memberships.role, "supervisor"), eq(memberships.status, "active"), isNotNull(users.emailVerifiedAt)))
    .orderBy(asc(users.name), asc(memberships.id))
    .limit(500);
}

type OpenInput = { name: string; referenceId: string; invitees: string[]; dueOn: string | null };

export async function openCalibrationRound(ctx: Ctx, input: OpenInput): Promise<{ roundId: string }> {
  assertCan(ctx, "calibration.manage");
  const db = await getDb();
  const timeZone = await orgTimeZone(ctx);
  if (input.dueOn && input.dueOn < todayIn(timeZone)) throw new ValidationError("Check the highlighted fields.", { dueOn: ["Choose a due date from today on, or leave it empty."] });
  let pending: Pending | undefined;
  try {
    const out = await db.transaction(async (tx) => {
      const invitees = await tx
        .select({ id: memberships.id })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(memberships.organisationId, ctx.orgId),
            inArray(memberships.id, input.invitees),
            eq(memberships.role, "supervisor"),
            eq(memberships.status, "active"),
            isNotNull(users.emailVerifiedAt),
          ),
        );
      if (invitees.length !== input.invitees.length) throw new ValidationError("Check the highlighted fields.", { invitees: ["Choose supervisors from the list: one of them can't be invited (no longer active, or not a supervisor here)."] });
      let referenceCaseId: string;
      if (input.referenceId.startsWith("exemplar:")) {
        referenceCaseId = await ensureExemplar(tx, ctx, input.referenceId.slice("exemplar:".length));
      } else {
        const [ref] = await tx
          .select({ id: calibrationCases.id })
          .from(calibrationCases)
          .where(and(eq(calibrationCases.id, input.referenceId), eq(calibrationCases.organisationId, ctx.orgId)));
        if (!ref) throw new NotFoundError();
        referenceCaseId = ref.id;
      }
      const [round] = await tx
        .insert(calibrationRounds)
        .values({
          organisationId: ctx.orgId,
          name: input.name,
          referenceCaseId,
          openedByMembershipId: ctx.membershipId,
          dueOn: input.dueOn,
          closesAt: input.dueOn ? endOfDayIn(input.dueOn, timeZone) : null,
        })
        .returning();
      await tx.insert(calibrationParticipants).values(invitees.map((m) => ({ organisationId: ctx.orgId, roundId: round.id, membershipId: m.id })));
      await auditAs(tx, ctx, {
        action: "calibration.round_opened",
        targetType: "calibration_round",
        targetId: round.id,
        detail: { name: round.name, referenceCaseId, invited: invitees.length, dueOn: input.dueOn },
      });
      pending = await roundOpenedNotice(tx, ctx, { roundId: round.id, name: round.name, dueOn: input.dueOn, invitees: invitees.map((m) => m.id) });
      return { roundId: round.id };
    });
    deliverLater(pending);
    return out;
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError("Check the highlighted fields.", { name: ["You have already opened a round with this name. Choose another name."] });
    throw e;
  }
}

export async function closeCalibrationRound(ctx: Ctx, input: { roundId: string; version: number }): Promise<{ version: number }> {
  assertCan(ctx, "calibration.manage");
  const db = await getDb();
  let pending: Pending | undefined;
  const out = await db.transaction(async (tx) => {
    const loaded = await loadRound(tx, ctx, input.roundId, { forUpdate: true });
    if (loaded.state === "closed") throw new ConflictError("This round is already closed.");
    const now = new Date();
    const [row] = await tx
      .update(calibrationRounds)
      .set({ closedAt: now, closedByMembershipId: ctx.membershipId, version: sql`${calibrationRounds.version} + 1` })
      .where(and(eq(calibrationRounds.id, loaded.round.id), eq(calibrationRounds.organisationId, ctx.orgId), eq(calibrationRounds.version, input.version)))
      .returning({ version: calibrationRounds.version });
    if (!row) throw new ConflictError("This round changed while you were looking at it. Reload to see it as it is now.");
    const people = await tx
      .select({ id: calibrationParticipants.membershipId, submittedAt: calibrationParticipants.submittedAt })
      .from(calibrationParticipants)
      .where(and(eq(calibrationParticipants.organisationId, ctx.orgId), eq(calibrationParticipants.roundId, loaded.round.id)));
    await auditAs(tx, ctx, {
      action: "calibration.round_closed",
      targetType: "calibration_round",
      targetId: loaded.round.id,
      detail: { invited: people.length, submitted: people.filter((p) => p.submittedAt).length },
    });
    pending = await roundClosedNotice(tx, ctx, { roundId: loaded.round.id, name: loaded.round.name, participants: people.map((p) => p.id) });
    return row;
  });
  deliverLater(pending);
  return out;
}

/** The round owner's (an admin's) note of the discussion; scanned for identifiers like any feedback. */
export async function saveDiscussionNote(ctx: Ctx, input: { roundId: string; version: number; note: string; identifiersChecked: boolean }): Promise<{ version: number }> {
  assertCan(ctx, "calibration.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadRound(tx, ctx, input.roundId, { forUpdate: true });
    const flags = feedbackFlags({ note: input.note });
    if (Object.keys(flags).length && !input.identifiersChecked) throw new ValidationError(FEEDBACK_FLAGGED_MESSAGE, { ...flags, identifiersChecked: [FEEDBACK_CONFIRM_MESSAGE] });
    const [row] = await tx
      .update(calibrationRounds)
      .set({ discussionNote: input.note, noteUpdatedAt: new Date(), version: sql`${calibrationRounds.version} + 1` })
      .where(and(eq(calibrationRounds.id, loaded.round.id), eq(calibrationRounds.organisationId, ctx.orgId), eq(calibrationRounds.version, input.version)))
      .returning({ version: calibrationRounds.version });
    if (!row) throw new ConflictError("Someone else changed this round while you were writing. Copy your note, then reload to see theirs.");
    await auditAs(tx, ctx, {
      action: "calibration.note_saved",
      targetType: "calibration_round",
      targetId: loaded.round.id,
      detail: { length: input.note.length, ...(Object.keys(flags).length ? { flaggedFieldsConfirmed: ["note"] } : {}) },
    });
    return row;
  });
}

export type RoundListRow = {
  id: string;
  name: string;
  referenceTitle: string;
  openedAt: Date;
  dueOn: string | null;
  state: RoundState;
  invited: number;
  submitted: number;
  /** A supervisor's own part: null for an admin. */
  mine: { submitted: boolean } | null;
};

/** Rounds the caller may see, newest first, a page at a time: all for an admin, invitations for a supervisor. */
export async function listCalibrationRounds(ctx: Ctx, after?: { at: string; id: string }): Promise<{ rows: RoundListRow[]; next: { at: string; id: string } | null }> {
  assertCan(ctx, "calibration.view");
  const db = await getDb();
  const count = (cond: ReturnType<typeof sql>) =>
    sql<number>`(select count(*)::int from ${calibrationParticipants} p where p.organisation_id = "calibration_rounds"."organisation_id" and p.round_id = "calibration_rounds"."id" and ${cond})`;
  const supervisor = ctx.role === "supervisor";
  const rows = await db
    .select({
      id: calibrationRounds.id,
      name: calibrationRounds.name,
      referenceTitle: calibrationCases.title,
      openedAt: calibrationRounds.openedAt,
      dueOn: calibrationRounds.dueOn,
      closedAt: calibrationRounds.closedAt,
      closesAt: calibrationRounds.closesAt,
      invited: count(sql`true`),
      submitted: count(sql`p.submitted_at is not null`),
      mineSubmitted: sql<boolean>`exists (select 1 from ${calibrationParticipants} p where p.organisation_id = "calibration_rounds"."organisation_id" and p.round_id = "calibration_rounds"."id" and p.membership_id = ${ctx.membershipId} and p.submitted_at is not null)`,
    })
    .from(calibrationRounds)
    .innerJoin(calibrationCases, and(eq(calibrationCases.id, calibrationRounds.referenceCaseId), eq(calibrationCases.organisationId, calibrationRounds.organisationId)))
    .where(
      and(
        eq(calibrationRounds.organisationId, ctx.orgId),
        supervisor
          ? sql`exists (select 1 from ${calibrationParticipants} p where p.organisation_id = "calibration_rounds"."organisation_id" and p.round_id = "calibration_rounds"."id" and p.membership_id = ${ctx.membershipId})`
          : undefined,
        after ? or(lt(calibrationRounds.openedAt, new Date(after.at)), and(eq(calibrationRounds.openedAt, new Date(after.at)), lt(calibrationRounds.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(calibrationRounds.openedAt), desc(calibrationRounds.id))
    .limit(PAGE + 1);
  const page = keyPage(rows, PAGE, (last) => ({ at: last.openedAt.toISOString(), id: last.id }));
  return {
    next: page.next,
    rows: page.rows.map((r) => ({
      id: r.id,
      name: r.name,
      referenceTitle: r.referenceTitle,
      openedAt: r.openedAt,
      dueOn: r.dueOn,
      state: roundState(r),
      invited: r.invited,
      submitted: r.submitted,
      mine: supervisor ? { submitted: Boolean(r.mineSubmitted) } : null,
    })),
  };
}
