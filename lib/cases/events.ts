import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import type { Pending } from "@/lib/email/send";
import { notify, type NewNotification } from "@/lib/notifications/notify";
import { activeSupervisorsOf } from "./supervisors";

// Who hears about what happens to a case. Every function runs inside the change's transaction:
// a change that rolls back notifies nobody. Titles name the case by its made-up client code and
// the people by name; never any narrative.

const label = (clientCode: string | null | undefined) => (clientCode ? `case ${clientCode}` : "a case");

export async function orgAdminsOf(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organisationId, orgId), eq(memberships.role, "org_admin"), eq(memberships.status, "active")));
  return rows.map((r) => r.id);
}

/** Submitted or resubmitted: the trainee's supervisors; a risk: supervisors and admins at once; nobody to review: the admins. */
export async function caseSubmitted(
  tx: DbOrTx,
  ctx: Ctx,
  c: { caseId: string; clientCode: string | null | undefined; submission: number; urgent: boolean; authorMembershipId: string },
): Promise<Pending> {
  const supervisors = (await activeSupervisorsOf(tx, ctx.orgId, c.authorMembershipId)).map((s) => s.membershipId);
  const items: (NewNotification & { dedupeKey?: string })[] = [];
  const base = { organisationId: ctx.orgId, actorUserId: ctx.userId, subjectType: "case", subjectId: c.caseId, dedupeKey: `submission-${c.submission}` };
  for (const m of supervisors) {
    items.push({
      ...base,
      recipientMembershipId: m,
      kind: c.submission > 1 ? "case_resubmitted" : "case_submitted",
      title: `${ctx.userName} ${c.submission > 1 ? "resubmitted" : "submitted"} ${label(c.clientCode)} for your review.`,
      href: `/reviews/${c.caseId}`,
    });
  }
  const admins = c.urgent || supervisors.length === 0 ? await orgAdminsOf(tx, ctx.orgId) : [];
  if (c.urgent) {
    for (const m of [...supervisors, ...admins]) {
      items.push({
        ...base,
        recipientMembershipId: m,
        kind: "case_risk",
        title: `Urgent: ${ctx.userName}'s ${label(c.clientCode)} records or suggests a risk to someone.`,
        body: supervisors.includes(m) ? "Open the case and record that you have seen the risk." : "Check that a supervisor has seen it.",
        href: supervisors.includes(m) ? `/reviews/${c.caseId}` : `/cases/${c.caseId}`,
      });
    }
  }
  if (supervisors.length === 0) {
    for (const m of admins) {
      items.push({
        ...base,
        recipientMembershipId: m,
        kind: "case_unassigned",
        title: `${ctx.userName} submitted ${label(c.clientCode)}, but has no supervisor to review it.`,
        href: `/admin/members/${c.authorMembershipId}#supervisors`,
      });
    }
  }
  return notify(tx, items);
}

/** A decision on the case, a reopening: the trainee. */
export async function caseDecided(
  tx: DbOrTx,
  ctx: Ctx,
  c: { caseId: string; clientCode: string | null | undefined; authorMembershipId: string; kind: "changes_requested" | "signed_off" | "case_reopened"; version: number },
): Promise<Pending> {
  const what = c.kind === "changes_requested" ? "asked for changes to" : c.kind === "signed_off" ? "signed off" : "reopened";
  return notify(tx, [
    {
      organisationId: ctx.orgId,
      recipientMembershipId: c.authorMembershipId,
      kind: c.kind,
      title: `${ctx.userName} ${what} your ${label(c.clientCode)}.`,
      href: `/cases/${c.caseId}`,
      actorUserId: ctx.userId,
      subjectType: "case",
      subjectId: c.caseId,
      dedupeKey: `${c.kind}-${c.version}`,
    },
  ]);
}

/** A comment or a reply: the other party (the trainee, or the people in the thread on the supervisor side). */
export async function caseCommented(
  tx: DbOrTx,
  ctx: Ctx,
  c: { caseId: string; clientCode: string | null | undefined; authorMembershipId: string; commentId: string; recipients: string[] },
): Promise<Pending> {
  const fromTrainee = ctx.membershipId === c.authorMembershipId;
  return notify(
    tx,
    [...new Set(c.recipients)]
      .filter((m) => m !== ctx.membershipId)
      .map((m) => ({
        organisationId: ctx.orgId,
        recipientMembershipId: m,
        kind: "case_comment" as const,
        title: fromTrainee ? `${ctx.userName} replied about ${label(c.clientCode)}.` : `${ctx.userName} commented on your ${label(c.clientCode)}.`,
        href: fromTrainee ? `/reviews/${c.caseId}` : `/cases/${c.caseId}`,
        actorUserId: ctx.userId,
        subjectType: "case",
        subjectId: c.caseId,
        dedupeKey: c.commentId,
      })),
  );
}

/** After the commit: send what was queued without making the request wait for the mail server. */
export function deliverLater(pending: Pending | undefined): void {
  pending?.deliver().catch((e) => console.error(`[rapport] notification email failed: ${e instanceof Error ? e.message : e}`));
}

/** After a supervisor leaves (deactivated, unassigned), tell the admins about each trainee now without one. */
export async function traineesLeftUnsupervised(tx: DbOrTx, ctx: Ctx, traineeMembershipIds: string[]): Promise<Pending | undefined> {
  const orphans: { id: string; name: string }[] = [];
  for (const t of [...new Set(traineeMembershipIds)]) {
    if ((await activeSupervisorsOf(tx, ctx.orgId, t)).length > 0) continue;
    const [row] = await tx
      .select({ id: memberships.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.id, t), eq(memberships.organisationId, ctx.orgId), eq(memberships.status, "active"), eq(memberships.role, "trainee")));
    if (row) orphans.push(row);
  }
  if (orphans.length === 0) return undefined;
  const admins = await orgAdminsOf(tx, ctx.orgId);
  return notify(
    tx,
    orphans.flatMap((o) =>
      admins.map((a) => ({
        organisationId: ctx.orgId,
        recipientMembershipId: a,
        kind: "trainee_unsupervised" as const,
        title: `${o.name} no longer has an active supervisor: their submitted cases wait for nobody until you assign one.`,
        href: `/admin/members/${o.id}#supervisors`,
        actorUserId: ctx.userId,
        subjectType: "membership",
        subjectId: o.id,
      })),
    ),
  );
}
