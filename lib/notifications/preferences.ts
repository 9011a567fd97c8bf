import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { notificationPreferences } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import type { Ctx } from "@/lib/core/context";
import { ValidationError } from "@/lib/core/errors";
import { CONFIGURABLE_KINDS, isNotificationKind, isSafetyKind, NOTIFICATION_KINDS, type Channel, type NotificationKind } from "./kinds";
import { channelFor } from "./notify";
import { SAFETY_LOCKED_MESSAGE, type NotificationPreferencesInput } from "./schemas";

// How the caller hears about each kind of notification, in the organisation they are acting in
// (preferences belong to the membership: the same person may want different things elsewhere).

export type Preferences = Record<NotificationKind, Channel>;

async function storedFor(db: DbOrTx, ctx: Ctx): Promise<Record<string, string>> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, channel: notificationPreferences.channel })
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.organisationId, ctx.orgId), eq(notificationPreferences.membershipId, ctx.membershipId)));
  return Object.fromEntries(rows.map((r) => [r.kind, r.channel]));
}

/** Every kind with its effective channel: stored, else the default; safety kinds always email. */
export async function getPreferences(ctx: Ctx): Promise<Preferences> {
  const stored = await storedFor(await getDb(), ctx);
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, channelFor(k, stored)])) as Preferences;
}

/**
 * Saves the kinds given (others keep their setting). A safety kind can't be changed: asking for
 * anything but email is refused with the reason. Changes are audited; an unchanged save writes nothing.
 */
export async function setPreferences(ctx: Ctx, input: NotificationPreferencesInput): Promise<{ changed: number }> {
  const wanted = Object.entries(input).filter((e): e is [NotificationKind, Channel] => isNotificationKind(e[0]) && e[1] !== undefined);
  const locked = wanted.filter(([k, c]) => isSafetyKind(k) && c !== "email");
  if (locked.length) throw new ValidationError("Check the highlighted fields.", Object.fromEntries(locked.map(([k]) => [k, [SAFETY_LOCKED_MESSAGE]])));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const stored = await storedFor(tx, ctx);
    const changes = wanted
      .filter(([k]) => CONFIGURABLE_KINDS.includes(k))
      .map(([kind, to]) => ({ kind, from: channelFor(kind, stored), to }))
      .filter((c) => c.from !== c.to);
    if (changes.length === 0) return { changed: 0 };
    const now = new Date();
    await tx
      .insert(notificationPreferences)
      .values(changes.map((c) => ({ organisationId: ctx.orgId, membershipId: ctx.membershipId, kind: c.kind, channel: c.to, updatedAt: now })))
      .onConflictDoUpdate({
        target: [notificationPreferences.organisationId, notificationPreferences.membershipId, notificationPreferences.kind],
        set: { channel: sql`excluded.channel`, updatedAt: now },
      });
    await auditAs(tx, ctx, {
      action: "notifications.preferences_changed",
      targetType: "membership",
      targetId: ctx.membershipId,
      detail: { changes: Object.fromEntries(changes.map((c) => [c.kind, `${c.from} → ${c.to}`])) },
    });
    return { changed: changes.length };
  });
}
