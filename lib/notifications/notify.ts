import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships, notifications, users } from "@/db/schema";
import { appBaseUrl } from "@/lib/email/base-url";
import { queueEmails, type EmailMessage, type Pending } from "@/lib/email/send";
import type { JsonCell } from "@/lib/util/json-cell";
import { json } from "@/lib/util/json-cell";
import { safeCallback } from "@/lib/util/safe-redirect";
import { notificationEmail, plainLine } from "./emails";
import { DEFAULT_CHANNEL, isSafetyKind, type Channel, type NotificationKind } from "./kinds";

export { NOTIFICATION_KINDS, SAFETY_KINDS, type NotificationKind } from "./kinds";

export type NewNotification = {
  organisationId: string;
  recipientMembershipId: string;
  kind: NotificationKind;
  title: string;
  body?: string;
  href: string;
  actorUserId?: string | null;
  subjectType?: string;
  subjectId?: string;
};

/** For senders inside lib/ that keep an email of their own (the module reminders): used when the recipient's channel is email. */
export type NotificationWithEmail = NewNotification & { dedupeKey?: string; email?: { subject: string; text: string; kind: string } };

const CHUNK = 1000;

export function channelFor(kind: NotificationKind, stored: Record<string, string> | null | undefined): Channel {
  if (isSafetyKind(kind)) return "email";
  const c = stored?.[kind];
  return c === "in_app" || c === "email" || c === "digest" ? c : DEFAULT_CHANNEL;
}

const EMAILED: Record<Channel, "no" | "now" | "digest"> = { in_app: "no", email: "now", digest: "digest" };

function dedupeIdentity(i: NewNotification & { dedupeKey?: string }): string | null {
  return i.dedupeKey ? JSON.stringify([i.recipientMembershipId, i.kind, i.subjectId ?? "", i.dedupeKey]) : null;
}

/**
 * Writes the rows in the caller's transaction (so a change that rolls back notifies nobody) and
 * queues the emails each recipient's preferences ask for. Call pending.deliver() after commit.
 * Idempotent per (recipient, kind, subjectId, dedupeKey) when dedupeKey is given.
 *
 * Recipients whose membership is deactivated, who belong to another organisation than the item
 * says, or whose account is disabled get nothing. Three statements whatever the number of
 * recipients (up to 1000): the recipients with their preferences, the rows, the emails.
 */
export async function notify(tx: DbOrTx, items: (NewNotification & { dedupeKey?: string })[]): Promise<Pending> {
  return notifyWithEmails(tx, items);
}

export async function notifyWithEmails(tx: DbOrTx, items: NotificationWithEmail[]): Promise<Pending> {
  const seen = new Set<string>();
  const unique = items.filter((i) => {
    const key = dedupeIdentity(i);
    if (!key) return true;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (unique.length === 0) return queueEmails(tx, []);

  const ids = [...new Set(unique.map((i) => i.recipientMembershipId))];
  const recipients = await tx
    .select({
      membershipId: memberships.id,
      organisationId: memberships.organisationId,
      email: users.email,
      prefs: sql<JsonCell<Record<string, string>> | null>`(select json_object_agg(p.kind, p.channel) from notification_preferences p
        where p.organisation_id = "memberships"."organisation_id" and p.membership_id = "memberships"."id")`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.id, ids), eq(memberships.status, "active"), isNull(users.disabledAt)));
  const byId = new Map(recipients.map((r) => [r.membershipId, { ...r, prefs: r.prefs ? json(r.prefs) : null }]));

  const now = new Date();
  const rows = unique.flatMap((i) => {
    const r = byId.get(i.recipientMembershipId);
    if (!r || r.organisationId !== i.organisationId) return [];
    return [
      {
        organisationId: i.organisationId,
        recipientMembershipId: i.recipientMembershipId,
        kind: i.kind,
        title: plainLine(i.title),
        body: i.body ? plainLine(i.body, 1000) : null,
        // Followed from the inbox and put into emails: only ever a path on this site.
        href: safeCallback(i.href, "/inbox"),
        actorUserId: i.actorUserId ?? null,
        subjectType: i.subjectType ?? null,
        subjectId: i.subjectId ?? null,
        dedupeKey: i.dedupeKey ?? null,
        emailed: EMAILED[channelFor(i.kind, r.prefs)],
        createdAt: now,
      },
    ];
  });
  if (rows.length === 0) return queueEmails(tx, []);

  const written: { id: string; organisationId: string; recipientMembershipId: string; kind: string; subjectId: string | null; dedupeKey: string | null; emailed: string; title: string; body: string | null; href: string }[] = [];
  for (let at = 0; at < rows.length; at += CHUNK) {
    const inserted = await tx
      .insert(notifications)
      .values(rows.slice(at, at + CHUNK))
      // The dedupe index: a repeated event (a retried request, a second reminder run) adds nothing.
      .onConflictDoNothing()
      .returning({
        id: notifications.id,
        organisationId: notifications.organisationId,
        recipientMembershipId: notifications.recipientMembershipId,
        kind: notifications.kind,
        subjectId: notifications.subjectId,
        dedupeKey: notifications.dedupeKey,
        emailed: notifications.emailed,
        title: notifications.title,
        body: notifications.body,
        href: notifications.href,
      });
    written.push(...inserted);
  }

  const emailKey = (x: { recipientMembershipId: string; kind: string; subjectId?: string | null; dedupeKey?: string | null }) =>
    JSON.stringify([x.recipientMembershipId, x.kind, x.subjectId ?? "", x.dedupeKey ?? ""]);
  const overrides = new Map<string, NonNullable<NotificationWithEmail["email"]>>(unique.flatMap((i) => (i.email ? [[emailKey(i), i.email] as const] : [])));
  const baseUrl = appBaseUrl();
  const messages: EmailMessage[] = written
    .filter((w) => w.emailed === "now")
    .map((w) => {
      const to = byId.get(w.recipientMembershipId)!.email;
      const own = overrides.get(emailKey(w));
      if (own) return { organisationId: w.organisationId, to, subject: own.subject, text: own.text, kind: own.kind };
      const mail = notificationEmail({ kind: w.kind as NotificationKind, title: w.title, body: w.body, href: w.href, baseUrl });
      return { organisationId: w.organisationId, to, kind: `notification.${w.kind}`, ...mail };
    });
  return queueEmails(tx, messages);
}
