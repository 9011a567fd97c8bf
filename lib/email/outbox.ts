import "server-only";
import { and, desc, eq, lt, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outbox, type OutboxMessage } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { keyPage } from "@/lib/util/pagination";

export const OUTBOX_PAGE_SIZE = 50;

/** The organisation's sent and stored emails, newest first, key-paginated by (created_at, id). */
export async function listOutbox(ctx: Ctx, opts: { after?: { at: string; id: string } } = {}): Promise<{ rows: OutboxMessage[]; next: { at: string; id: string } | null }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const at = opts.after ? new Date(opts.after.at) : null;
  const rows = await db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.organisationId, ctx.orgId),
        at && !Number.isNaN(at.getTime()) && opts.after ? or(lt(outbox.createdAt, at), and(eq(outbox.createdAt, at), lt(outbox.id, opts.after.id))) : undefined,
      ),
    )
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(OUTBOX_PAGE_SIZE + 1);
  return keyPage(rows, OUTBOX_PAGE_SIZE, (last) => ({ at: last.createdAt.toISOString(), id: last.id }));
}
