import "server-only";
import type { DbOrTx } from "@/db/client";
import type { Ctx } from "@/lib/core/context";
import type { Pending } from "@/lib/email/send";
import { notify } from "@/lib/notifications/notify";

// Who hears about a calibration round. Runs inside the change's transaction, so a change that rolls
// back tells nobody. Titles name the round only: never a rating, a case detail or another person's view.

export async function roundOpenedNotice(tx: DbOrTx, ctx: Ctx, r: { roundId: string; name: string; dueOn: string | null; invitees: string[] }): Promise<Pending> {
  return notify(
    tx,
    r.invitees.map((m) => ({
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      kind: "calibration_invited" as const,
      recipientMembershipId: m,
      subjectType: "calibration_round",
      subjectId: r.roundId,
      dedupeKey: "invited",
      title: `You are invited to the calibration round “${r.name}”${r.dueOn ? `, due ${r.dueOn}` : ""}.`,
      body: "Review the reference case on your own; you'll see the others' ratings once you have submitted yours.",
      href: `/calibration/${r.roundId}`,
    })),
  );
}

export async function roundClosedNotice(tx: DbOrTx, ctx: Ctx, r: { roundId: string; name: string; participants: string[] }): Promise<Pending> {
  return notify(
    tx,
    r.participants.map((m) => ({
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      kind: "calibration_closed" as const,
      recipientMembershipId: m,
      subjectType: "calibration_round",
      subjectId: r.roundId,
      dedupeKey: "closed",
      title: `The calibration round “${r.name}” has closed.`,
      body: "If you submitted a review, the group's results and the discussion note are on the round's page.",
      href: `/calibration/${r.roundId}`,
    })),
  );
}
