import "server-only";
import { cache } from "react";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { oncePerDb } from "@/db/prepared";
import { notifications } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { keyPage } from "@/lib/util/pagination";
import { safeCallback } from "@/lib/util/safe-redirect";
import { isUuid } from "@/lib/util/uuid";
import type { NotificationKind } from "./kinds";
import { INBOX_PAGE_SIZE, UNREAD_CAP } from "./limits";

// The caller's own inbox. Every statement is scoped by the caller's organisation and membership:
// someone else's notification id, in this organisation or another, is simply not found.

export { INBOX_PAGE_SIZE, UNREAD_CAP };

export type InboxCursor = { at: string; id: string };
export type InboxItem = { id: string; kind: NotificationKind; title: string; body: string | null; href: string; readAt: Date | null; createdAt: Date };

const mine = (ctx: Ctx) => and(eq(notifications.organisationId, ctx.orgId), eq(notifications.recipientMembershipId, ctx.membershipId));

/** Newest first, key-paginated by (created_at desc, id): one indexed query per page. */
export async function listInbox(ctx: Ctx, opts: { after?: InboxCursor } = {}): Promise<{ rows: InboxItem[]; next: InboxCursor | null }> {
  const db = await getDb();
  const rows = await inboxPage(db).execute({
    orgId: ctx.orgId,
    membershipId: ctx.membershipId,
    afterAt: opts.after ? new Date(opts.after.at).toISOString() : null,
    afterId: opts.after?.id ?? null,
  });
  return keyPage(rows as InboxItem[], INBOX_PAGE_SIZE, (last) => ({ at: last.createdAt.toISOString(), id: last.id }));
}

const inboxPage = oncePerDb((db) => {
  const afterAt = sql`${sql.placeholder("afterAt")}::timestamptz`;
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      href: notifications.href,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(
      and(
        eq(notifications.organisationId, sql.placeholder("orgId")),
        eq(notifications.recipientMembershipId, sql.placeholder("membershipId")),
        // Follows the index order (created_at desc, id asc); with no cursor the condition folds away.
        sql`(${afterAt} is null or ${notifications.createdAt} < ${afterAt} or (${notifications.createdAt} = ${afterAt} and ${notifications.id} > ${sql.placeholder("afterId")}::uuid))`,
      ),
    )
    .orderBy(desc(notifications.createdAt), asc(notifications.id))
    .limit(INBOX_PAGE_SIZE + 1)
    .prepare("inbox_page");
});

const unreadQuery = oncePerDb((db) =>
  db
    .select({ n: sql<number>`count(*)::int` })
    .from(
      db
        .select({ one: sql`1`.as("one") })
        .from(notifications)
        .where(
          and(
            eq(notifications.organisationId, sql.placeholder("orgId")),
            eq(notifications.recipientMembershipId, sql.placeholder("membershipId")),
            isNull(notifications.readAt),
          ),
        )
        .limit(UNREAD_CAP)
        .as("unread"),
    )
    .prepare("inbox_unread_count"),
);

/**
 * Unread notifications, counted up to UNREAD_CAP: one statement on the partial unread index. The
 * shell runs it on every page; cached per request, so a page that shows it too asks once.
 */
export const unreadCount = cache(async (ctx: Ctx): Promise<number> => {
  const db = await getDb();
  const [row] = await unreadQuery(db).execute({ orgId: ctx.orgId, membershipId: ctx.membershipId });
  return row?.n ?? 0;
});

/** Marks one of the caller's notifications read (again is fine) and returns where it points. */
export async function markRead(ctx: Ctx, id: string): Promise<{ href: string }> {
  if (!isUuid(id)) throw new NotFoundError();
  const db = await getDb();
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), mine(ctx)))
    .returning({ href: notifications.href });
  if (!row) throw new NotFoundError();
  return { href: safeCallback(row.href, "/inbox") };
}

export async function markAllRead(ctx: Ctx): Promise<{ marked: number }> {
  const db = await getDb();
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(mine(ctx), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: rows.length };
}
