import "server-only";
import { and, desc, eq, gte, ilike, lt, lte, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, users } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { endOfDay, isDay, startOfDay } from "@/lib/onboarding/due";
import { escapeLike } from "@/lib/util/sql";

export type AuditFilters = { person?: string; action?: string; from?: string; to?: string };
export type AuditRow = {
  id: number;
  occurredAt: Date;
  action: string;
  outcome: "success" | "denied" | "failure";
  actorName: string | null;
  actorEmail: string | null;
  targetType: string | null;
  targetId: string | null;
  detail: Record<string, unknown> | null;
};

export const AUDIT_PAGE_SIZE = 100;

/** Read-only: the organisation's audit events, newest first, key-paginated by id. */
export async function listAuditEvents(ctx: Ctx, filters: AuditFilters, opts: { before?: number; limit?: number } = {}): Promise<{ rows: AuditRow[]; next: number | null }> {
  assertCan(ctx, "org.audit");
  const db = await getDb();
  const limit = opts.limit ?? AUDIT_PAGE_SIZE;
  const person = filters.person?.trim();
  const rows = await db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      actorName: users.name,
      actorEmail: users.email,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(
      and(
        eq(auditEvents.organisationId, ctx.orgId),
        person ? or(ilike(users.name, `%${escapeLike(person)}%`), ilike(users.email, `%${escapeLike(person)}%`)) : undefined,
        filters.action ? eq(auditEvents.action, filters.action) : undefined,
        isDay(filters.from) ? gte(auditEvents.occurredAt, startOfDay(filters.from)) : undefined,
        isDay(filters.to) ? lte(auditEvents.occurredAt, endOfDay(filters.to)) : undefined,
        opts.before ? lt(auditEvents.id, opts.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { rows: page, next: rows.length > limit ? page[page.length - 1].id : null };
}

/** The actions that occur in this organisation's log, for the filter. */
export async function listAuditActions(ctx: Ctx): Promise<string[]> {
  assertCan(ctx, "org.audit");
  const db = await getDb();
  const rows = await db
    .selectDistinct({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.organisationId, ctx.orgId))
    .orderBy(sql`1`)
    .limit(500);
  return rows.map((r) => r.action);
}
