import "server-only";
import type { DbOrTx } from "@/db/client";
import type { Ctx } from "@/lib/core/context";
import type { Pending } from "@/lib/email/send";
import { notify, type NewNotification } from "@/lib/notifications/notify";
import type { Side } from "./status";

// Who hears about what happens to an evaluation. Every function runs inside the change's
// transaction, so a change that rolls back tells nobody. Titles name the round and people, never
// ratings or comments (notifications are emailed).

type Item = NewNotification & { dedupeKey?: string };

/** A round opened: each trainee about their self-evaluation, each evaluator about their trainees. */
export async function roundOpened(
  tx: DbOrTx,
  ctx: Ctx,
  r: { roundId: string; name: string; evaluations: { id: string; traineeMembershipId: string; evaluatorMembershipId: string | null }[] },
): Promise<Pending> {
  const items: Item[] = [];
  const base = { organisationId: ctx.orgId, actorUserId: ctx.userId, kind: "evaluation_opened" as const, dedupeKey: `round-${r.roundId}` };
  for (const e of r.evaluations) {
    items.push({ ...base, recipientMembershipId: e.traineeMembershipId, subjectType: "evaluation", subjectId: e.id, title: `Your self-evaluation for “${r.name}” is open.`, href: `/evaluations/${e.id}` });
  }
  const perEvaluator = new Map<string, number>();
  for (const e of r.evaluations) if (e.evaluatorMembershipId && e.evaluatorMembershipId !== ctx.membershipId) perEvaluator.set(e.evaluatorMembershipId, (perEvaluator.get(e.evaluatorMembershipId) ?? 0) + 1);
  for (const [m, n] of perEvaluator) {
    items.push({
      ...base,
      recipientMembershipId: m,
      subjectType: "evaluation_round",
      subjectId: r.roundId,
      title: `Evaluations for “${r.name}” are open: ${n === 1 ? "1 trainee" : `${n} trainees`} of yours to evaluate.`,
      href: `/evaluations/rounds/${r.roundId}`,
    });
  }
  return notify(tx, items);
}

/** A side was submitted: the other person hears of it; when both are in, both are asked to read and sign. */
export async function sideSubmitted(
  tx: DbOrTx,
  ctx: Ctx,
  e: { id: string; roundName: string; side: Side; traineeMembershipId: string; evaluatorMembershipId: string | null; bothIn: boolean },
): Promise<Pending> {
  const other = e.side === "self" ? e.evaluatorMembershipId : e.traineeMembershipId;
  const base = { organisationId: ctx.orgId, actorUserId: ctx.userId, kind: "evaluation_submitted" as const, subjectType: "evaluation", subjectId: e.id, href: `/evaluations/${e.id}` };
  const items: Item[] = [];
  if (e.bothIn) {
    for (const m of [e.traineeMembershipId, e.evaluatorMembershipId]) {
      if (!m) continue;
      items.push({ ...base, recipientMembershipId: m, dedupeKey: "both-submitted", title: `Both sides of the “${e.roundName}” evaluation are in: read them side by side, then sign.` });
    }
  } else if (other) {
    items.push({
      ...base,
      recipientMembershipId: other,
      dedupeKey: `${e.side}-submitted`,
      title: e.side === "self" ? `${ctx.userName} submitted their self-evaluation for “${e.roundName}”.` : `${ctx.userName} submitted their evaluation of you for “${e.roundName}”.`,
      body: "You'll see it beside yours once you have submitted too.",
    });
  }
  return notify(tx, items);
}

/** One side signed: the other person hears of it (and whether the evaluation is now locked). */
export async function sideSigned(
  tx: DbOrTx,
  ctx: Ctx,
  e: { id: string; roundName: string; side: Side; traineeMembershipId: string; evaluatorMembershipId: string | null; locked: boolean; disagreement: boolean },
): Promise<Pending> {
  const other = e.side === "self" ? e.evaluatorMembershipId : e.traineeMembershipId;
  if (!other) return notify(tx, []);
  return notify(tx, [
    {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      kind: "evaluation_signed",
      recipientMembershipId: other,
      subjectType: "evaluation",
      subjectId: e.id,
      dedupeKey: `${e.side}-signed`,
      title: `${ctx.userName} signed the “${e.roundName}” evaluation${e.side === "self" && e.disagreement ? " and recorded a disagreement" : ""}.`,
      body: e.locked ? "Both of you have signed: the evaluation is now locked." : "Read it and add your signature.",
      href: `/evaluations/${e.id}`,
    },
  ]);
}

/** An admin assigned the evaluator: they hear about the trainee waiting for them. */
export async function evaluatorAssigned(tx: DbOrTx, ctx: Ctx, e: { id: string; roundName: string; traineeName: string; evaluatorMembershipId: string }): Promise<Pending> {
  return notify(tx, [
    {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      kind: "evaluation_opened",
      recipientMembershipId: e.evaluatorMembershipId,
      subjectType: "evaluation",
      subjectId: e.id,
      dedupeKey: `evaluator-${e.evaluatorMembershipId}`,
      title: `You are asked to evaluate ${e.traineeName} for “${e.roundName}”.`,
      href: `/evaluations/${e.id}`,
    },
  ]);
}
