import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { traineePlacementSupervisors } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import type { Pending } from "@/lib/email/send";
import { notify, type NewNotification } from "@/lib/notifications/notify";
import { formatDuration } from "./duration";

// Notifications about hours, written in the same transaction as the change. Titles are plain
// sentences with no client details (they may be emailed).

const entriesText = (n: number) => `${n} hour ${n === 1 ? "entry" : "entries"}`;

/** A trainee submitted entries: each site supervisor of the placements involved hears once. */
export async function hoursSubmitted(tx: DbOrTx, ctx: Ctx, byPlacement: Map<string, { count: number; minutes: number }>): Promise<Pending> {
  const ids = [...byPlacement.keys()];
  const links = ids.length
    ? await tx
        .select({ tp: traineePlacementSupervisors.traineePlacementId, sup: traineePlacementSupervisors.supervisorMembershipId })
        .from(traineePlacementSupervisors)
        .where(and(eq(traineePlacementSupervisors.organisationId, ctx.orgId), inArray(traineePlacementSupervisors.traineePlacementId, ids)))
    : [];
  const perSupervisor = new Map<string, { count: number; minutes: number }>();
  for (const l of links) {
    const p = byPlacement.get(l.tp)!;
    const s = perSupervisor.get(l.sup) ?? { count: 0, minutes: 0 };
    perSupervisor.set(l.sup, { count: s.count + p.count, minutes: s.minutes + p.minutes });
  }
  const items: NewNotification[] = [...perSupervisor].map(([sup, s]) => ({
    organisationId: ctx.orgId,
    recipientMembershipId: sup,
    kind: "hours_submitted",
    title: `${ctx.userName} submitted ${entriesText(s.count)} (${formatDuration(s.minutes)}) for your approval.`,
    href: "/hours",
    actorUserId: ctx.userId,
    subjectType: "membership",
    subjectId: ctx.membershipId,
  }));
  return notify(tx, items);
}

export async function hoursDecided(tx: DbOrTx, ctx: Ctx, kind: "hours_approved" | "hours_returned", perTrainee: Map<string, { count: number; minutes: number }>): Promise<Pending> {
  const items: NewNotification[] = [...perTrainee].map(([trainee, s]) => ({
    organisationId: ctx.orgId,
    recipientMembershipId: trainee,
    kind,
    title:
      kind === "hours_approved"
        ? `${ctx.userName} approved ${entriesText(s.count)} (${formatDuration(s.minutes)}).`
        : `${ctx.userName} returned ${entriesText(s.count)} for you to fix. The reason is on the entry.`,
    href: kind === "hours_approved" ? "/hours" : "/hours?status=returned",
    actorUserId: ctx.userId,
    subjectType: "membership",
    subjectId: trainee,
  }));
  return notify(tx, items);
}

export async function sessionRecorded(tx: DbOrTx, ctx: Ctx, sessionId: string, attendees: string[], minutes: number): Promise<Pending> {
  return notify(
    tx,
    attendees.map((a) => ({
      organisationId: ctx.orgId,
      recipientMembershipId: a,
      kind: "session_recorded" as const,
      title: `${ctx.userName} recorded a supervision session you attended (${formatDuration(minutes)}); the hours are in your ledger, approved.`,
      href: `/hours/sessions/${sessionId}`,
      actorUserId: ctx.userId,
      subjectType: "supervision_session",
      subjectId: sessionId,
    })),
  );
}

/** Sends the emails a committed change queued, without holding up the response. */
export function deliverLater(pending: Pending | undefined): void {
  pending?.deliver().catch((e) => console.error(`[rapport] notification email failed: ${e instanceof Error ? e.message : e}`));
}
