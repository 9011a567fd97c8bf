import "server-only";
import { aliasedTable, and, desc, eq, gte, ilike, inArray, lte, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { auditEvents, cases, cohorts, invitations, memberships, users } from "@/db/schema";
import { AUDIT_ACTIONS, isRoutineAction, ROUTINE_PATTERN, type AuditAction, type AuditCategory } from "@/lib/core/audit-actions";
import { assertCan, type Ctx } from "@/lib/core/context";
import { readReplica } from "@/lib/core/replica";
import { endOfDay, isDay, startOfDay } from "@/lib/onboarding/due";
import { escapeLike } from "@/lib/util/sql";

export type AuditFilters = {
  person?: string;
  action?: string;
  category?: AuditCategory;
  /** Include routine reads (case viewed); they are left out unless asked for. */
  reads?: boolean;
  from?: string;
  to?: string;
};

/** What an audit row's target resolves to, in words, with a link to it when it still exists. */
export type AuditTarget = { label: string; href: string | null };

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
  /** Resolved in the same query as the row (no per-row lookups). */
  target: AuditTarget | null;
  /** A second person or cohort named in the detail (the supervisor assigned, the cohort joined). */
  related: { supervisorName: string | null; cohortName: string | null };
};

/** Events a page: 50 keeps the page near 150 KB with every event's details (100 made it 580 KB). */
export const AUDIT_PAGE_SIZE = 50;

/**
 * Where the next page starts: the last row's time (text with microseconds, as PostgreSQL stores it:
 * a JavaScript Date would round it to milliseconds and skip or repeat rows) and its id.
 */
export type AuditCursor = { at: string; id: number };

const UUID_RE = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

/** The target id as a uuid when the row's target is of this type (null otherwise, so a bad id never breaks the cast). */
function targetUuid(type: string) {
  return sql`(case when ${auditEvents.targetType} = ${sql.raw(`'${type}'`)} and ${auditEvents.targetId} ~ ${sql.raw(`'${UUID_RE}'`)} then ${auditEvents.targetId}::uuid end)`;
}
function detailUuid(key: string) {
  const v = sql`(${auditEvents.detail} ->> ${sql.raw(`'${key}'`)})`;
  return sql`(case when ${v} ~ ${sql.raw(`'${UUID_RE}'`)} then ${v}::uuid end)`;
}

/**
 * Routine reads (every action named *.viewed) are left out with the partial index's own predicate,
 * word for word and as a literal (not a bound parameter), so the planner can prove the index
 * audit_events_org_changes_idx applies.
 */
function notRoutine() {
  return sql.raw(`"audit_events"."action" not like '${ROUTINE_PATTERN}'`);
}

export function actionsInCategory(category: AuditCategory): AuditAction[] {
  return (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((a) => AUDIT_ACTIONS[a].category === category);
}

/**
 * Read-only: the organisation's audit events, newest first, key-paginated by (occurred_at, id); one
 * query per page. Newest first by time rather than by id: the table is partitioned by time, so a
 * page's time bound lets PostgreSQL skip every newer partition, and each partition's index is read
 * backwards from the cursor. Read from the replica when there is one (lib/core/replica.ts): an
 * event recorded a moment ago may show a moment later.
 */
export async function listAuditEvents(ctx: Ctx, filters: AuditFilters, opts: { before?: AuditCursor; limit?: number } = {}): Promise<{ rows: AuditRow[]; next: AuditCursor | null }> {
  assertCan(ctx, "org.audit");
  return readReplica(ctx, (db) => readPage(db, ctx, filters, opts));
}

async function readPage(db: Db, ctx: Ctx, filters: AuditFilters, opts: { before?: AuditCursor; limit?: number }): Promise<{ rows: AuditRow[]; next: AuditCursor | null }> {
  const limit = opts.limit ?? AUDIT_PAGE_SIZE;
  const raw = await auditPageQuery(db, ctx, filters, { ...opts, limit });
  const rows: AuditRow[] = raw.slice(0, limit).map((r) => ({
    id: r.id,
    occurredAt: r.occurredAt,
    action: r.action,
    outcome: r.outcome,
    actorName: r.actorName,
    actorEmail: r.actorEmail,
    targetType: r.targetType,
    targetId: r.targetId,
    detail: r.detail,
    target: resolveTarget(r),
    related: { supervisorName: r.supervisorName, cohortName: r.detailCohortName },
  }));
  const last = raw[limit - 1];
  return { rows, next: raw.length > limit ? { at: last.cursorAt, id: last.id } : null };
}

/**
 * The page's one statement, unexecuted (limit + 1 rows: the extra one says whether there is a next
 * page). Exported for scripts/audit-scale.ts, which EXPLAINs exactly what the viewer sends.
 */
export function auditPageQuery(db: Db, ctx: Ctx, filters: AuditFilters, opts: { before?: AuditCursor; limit: number }) {
  const limit = opts.limit;
  const person = filters.person?.trim();
  const tm = aliasedTable(memberships, "target_membership");
  const tu = aliasedTable(users, "target_user");
  const um = aliasedTable(memberships, "target_user_membership");
  const uu = aliasedTable(users, "target_user_direct");
  const sm = aliasedTable(memberships, "detail_supervisor");
  const su = aliasedTable(users, "detail_supervisor_user");
  const dc = aliasedTable(cohorts, "detail_cohort");
  const pu = aliasedTable(users, "person_filter");
  // The page's rows first, alone (a subquery with a LIMIT is planned on its own), named like the
  // table so the joins below read it: planning the partitioned table once for a one-table query
  // costs far less than inside the twelve-table join, and the joins then see 101 rows.
  const page = db
    .select({
      id: auditEvents.id,
      organisationId: auditEvents.organisationId,
      actorUserId: auditEvents.actorUserId,
      action: auditEvents.action,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      outcome: auditEvents.outcome,
      detail: auditEvents.detail,
      occurredAt: auditEvents.occurredAt,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.organisationId, ctx.orgId),
        // The people first (an array computed once), tested on each row as it is scanned: as a
        // semi-join the planner joined every target table to thousands of rows before filtering
        // (2.4 s at five million rows; docs/SCALE.md).
        person
          ? sql`${auditEvents.actorUserId} = any(array(${db
              .select({ id: pu.id })
              .from(pu)
              .where(or(ilike(pu.name, `%${escapeLike(person)}%`), ilike(pu.email, `%${escapeLike(person)}%`)))}))`
          : undefined,
        filters.action ? eq(auditEvents.action, filters.action) : undefined,
        filters.category ? inArray(auditEvents.action, actionsInCategory(filters.category)) : undefined,
        // An explicit action filter (even a routine one) shows what was asked for.
        filters.reads || (filters.action && isRoutineAction(filters.action)) ? undefined : notRoutine(),
        isDay(filters.from) ? gte(auditEvents.occurredAt, startOfDay(filters.from)) : undefined,
        isDay(filters.to) ? lte(auditEvents.occurredAt, endOfDay(filters.to)) : undefined,
        // The row comparison is the key; the plain bound beside it is what lets the planner prune partitions.
        opts.before ? sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (${opts.before.at}::timestamptz, ${opts.before.id}::bigint)` : undefined,
        opts.before ? lte(auditEvents.occurredAt, sql`${opts.before.at}::timestamptz`) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit + 1)
    .as("audit_events");
  return db
    .select({
      id: auditEvents.id,
      occurredAt: auditEvents.occurredAt,
      cursorAt: sql<string>`to_char(${auditEvents.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      action: auditEvents.action,
      outcome: auditEvents.outcome,
      actorName: users.name,
      actorEmail: users.email,
      targetType: auditEvents.targetType,
      targetId: auditEvents.targetId,
      detail: auditEvents.detail,
      memberId: tm.id,
      memberName: tu.name,
      userName: uu.name,
      userMembershipId: um.id,
      caseId: cases.id,
      caseCode: cases.clientCode,
      cohortId: cohorts.id,
      cohortName: cohorts.name,
      invitationEmail: invitations.email,
      supervisorName: su.name,
      detailCohortName: dc.name,
    })
    .from(page)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .leftJoin(tm, and(eq(tm.organisationId, ctx.orgId), eq(tm.id, targetUuid("membership"))))
    .leftJoin(tu, eq(tu.id, tm.userId))
    .leftJoin(uu, eq(uu.id, targetUuid("user")))
    .leftJoin(um, and(eq(um.organisationId, ctx.orgId), eq(um.userId, uu.id)))
    .leftJoin(cases, and(eq(cases.organisationId, ctx.orgId), eq(cases.id, targetUuid("case"))))
    .leftJoin(cohorts, and(eq(cohorts.organisationId, ctx.orgId), eq(cohorts.id, targetUuid("cohort"))))
    .leftJoin(invitations, and(eq(invitations.organisationId, ctx.orgId), eq(invitations.id, targetUuid("invitation"))))
    .leftJoin(sm, and(eq(sm.organisationId, ctx.orgId), eq(sm.id, detailUuid("supervisorMembershipId"))))
    .leftJoin(su, eq(su.id, sm.userId))
    .leftJoin(dc, and(eq(dc.organisationId, ctx.orgId), eq(dc.id, detailUuid("cohortId"))))
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(limit + 1);
}

type Joined = {
  targetType: string | null;
  detail: Record<string, unknown> | null;
  memberId: string | null;
  memberName: string | null;
  userName: string | null;
  userMembershipId: string | null;
  caseId: string | null;
  caseCode: string | null;
  cohortId: string | null;
  cohortName: string | null;
  invitationEmail: string | null;
};

function resolveTarget(r: Joined): AuditTarget | null {
  const d = r.detail ?? {};
  switch (r.targetType) {
    case "membership":
      return r.memberId ? { label: r.memberName ?? "a member", href: `/admin/members/${r.memberId}` } : { label: "a former member", href: null };
    case "user":
      return r.userName ? { label: r.userName, href: r.userMembershipId ? `/admin/members/${r.userMembershipId}` : null } : { label: "a person", href: null };
    case "case": {
      if (!r.caseId) return { label: "a deleted case", href: null };
      const version = typeof d.caseVersion === "number" ? ` v${d.caseVersion}` : "";
      return { label: `${r.caseCode ?? "(no client code)"}${version}`, href: `/cases/${r.caseId}` };
    }
    case "cohort":
      return r.cohortId ? { label: r.cohortName ?? "a cohort", href: "/admin/cohorts" } : { label: typeof d.name === "string" ? d.name : "a cohort", href: null };
    case "invitation": {
      const email = r.invitationEmail ?? (typeof d.email === "string" ? d.email : null);
      return email ? { label: email, href: `/admin/invitations?q=${encodeURIComponent(email)}` } : { label: "an invitation", href: null };
    }
    case "module_requirement":
      return typeof d.module === "string" ? { label: d.module, href: "/admin/requirements" } : { label: "a module", href: "/admin/requirements" };
    case "certificate":
      return typeof d.module === "string" ? { label: d.module, href: null } : null;
    case "module":
      return typeof d.module === "string" ? { label: d.module, href: "/admin/reports" } : { label: "a module", href: "/admin/reports" };
    default:
      return null;
  }
}

/**
 * The actions the filter offers: the whole vocabulary. (It used to be the distinct actions in the
 * organisation's log, a scan of every row of it: seconds at five million rows.)
 */
export async function listAuditActions(ctx: Ctx): Promise<string[]> {
  assertCan(ctx, "org.audit");
  return (Object.keys(AUDIT_ACTIONS) as AuditAction[]).sort();
}
