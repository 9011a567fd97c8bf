import "server-only";
import type { DbOrTx } from "@/db/client";
import type { Ctx } from "@/lib/core/context";
import { activeSupervisorsOf } from "@/lib/cases/supervisors";
import type { Pending } from "@/lib/email/send";
import { notify } from "@/lib/notifications/notify";
import { quoted } from "./types";

// Who hears about practice. Each runs inside the change's transaction, so a change that rolls back
// tells nobody. Titles name the drill and the people, never what the trainee said or the ratings
// (notifications may be emailed).

/** A trainee responded: their active supervisors are asked for feedback. */
export async function responseSubmitted(tx: DbOrTx, ctx: Ctx, a: { attemptId: string; drillTitle: string }): Promise<Pending | undefined> {
  const supervisors = (await activeSupervisorsOf(tx, ctx.orgId, ctx.membershipId)).filter((s) => s.membershipId !== ctx.membershipId);
  if (supervisors.length === 0) return undefined;
  return notify(
    tx,
    supervisors.map((s) => ({
      organisationId: ctx.orgId,
      recipientMembershipId: s.membershipId,
      kind: "practice_response" as const,
      actorUserId: ctx.userId,
      title: `${ctx.userName} responded to the practice drill ${quoted(a.drillTitle)}.`,
      href: `/practice/attempts/${a.attemptId}`,
      subjectType: "practice_attempt",
      subjectId: a.attemptId,
    })),
  );
}

export async function feedbackGiven(tx: DbOrTx, ctx: Ctx, a: { attemptId: string; traineeMembershipId: string; drillTitle: string }): Promise<Pending> {
  return notify(tx, [
    {
      organisationId: ctx.orgId,
      recipientMembershipId: a.traineeMembershipId,
      kind: "practice_feedback",
      actorUserId: ctx.userId,
      title: `${ctx.userName} gave feedback on your response to ${quoted(a.drillTitle)}.`,
      href: `/practice/attempts/${a.attemptId}`,
      subjectType: "practice_attempt",
      subjectId: a.attemptId,
      dedupeKey: `feedback-${ctx.membershipId}`,
    },
  ]);
}

export async function drillAssigned(tx: DbOrTx, ctx: Ctx, a: { assignmentId: string; drillKey: string; drillTitle: string; dueOn: string | null; trainees: string[] }): Promise<Pending> {
  return notify(
    tx,
    a.trainees.map((t) => ({
      organisationId: ctx.orgId,
      recipientMembershipId: t,
      kind: "drill_assigned" as const,
      actorUserId: ctx.userId,
      title: `${ctx.userName} assigned you the practice drill ${quoted(a.drillTitle)}${a.dueOn ? `, due ${a.dueOn}` : ""}.`,
      href: `/practice/drills/${a.drillKey}`,
      subjectType: "practice_assignment",
      subjectId: a.assignmentId,
      dedupeKey: "assigned",
    })),
  );
}
