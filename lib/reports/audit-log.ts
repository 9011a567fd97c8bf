import "server-only";
import { aliasedTable, and, desc, eq, gte, ilike, inArray, lt, lte, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, cases, cohorts, invitations, memberships, users } from "@/db/schema";
import { AUDIT_ACTIONS, ROUTINE_AUDIT_ACTIONS, type AuditAction, type AuditCategory } from "@/lib/core/audit-actions";
import { assertCan, type Ctx } from "@/lib/core/context";
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

export const AUDIT_PAGE_SIZE = 100;

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
 * Routine reads are left out with a literal predicate (not a bound parameter) so the planner can
 * match the partial index audit_events_org_changes_idx (organisation_id, id) WHERE action <> 'case.viewed'.
 */
function notRoutine() {
  const list = ROUTINE_AUDIT_ACTIONS.map((a) => `'${a.replace(/'/g, "''")}'`);
  return list.length === 1 ? sql.raw(`"audit_events"."action" <> ${list[0]}`) : sql.raw(`"audit_events"."action" not in (${list.join(", ")})`);
}

export function actionsInCategory(category: AuditCategory): AuditAction[] {
  return (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((a) => AUDIT_ACTIONS[a].category === category);
}

/** Read-only: the organisation's audit events, newest first, key-paginated by id; one query per page. */
export async function listAuditEvents(ctx: Ctx, filters: AuditFilters, opts: { before?: number; limit?: number } = {}): Promise<{ rows: AuditRow[]; next: number | null }> {
  assertCan(ctx, "org.audit");
  const db = await getDb();
  const limit = opts.limit ?? AUDIT_PAGE_SIZE;
  const person = filters.person?.trim();
  const tm = aliasedTable(memberships, "target_membership");
  const tu = aliasedTable(users, "target_user");
  const um = aliasedTable(memberships, "target_user_membership");
  const uu = aliasedTable(users, "target_user_direct");
  const sm = aliasedTable(memberships, "detail_supervisor");
  const su = aliasedTable(users, "detail_supervisor_user");
  const dc = aliasedTable(cohorts, "detail_cohort");
  const raw = await db
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
    .from(auditEvents)
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
    .where(
      and(
        eq(auditEvents.organisationId, ctx.orgId),
        person ? or(ilike(users.name, `%${escapeLike(person)}%`), ilike(users.email, `%${escapeLike(person)}%`)) : undefined,
        filters.action ? eq(auditEvents.action, filters.action) : undefined,
        filters.category ? inArray(auditEvents.action, actionsInCategory(filters.category)) : undefined,
        // An explicit action filter (even a routine one) shows what was asked for.
        filters.reads || (filters.action && ROUTINE_AUDIT_ACTIONS.includes(filters.action as AuditAction)) ? undefined : notRoutine(),
        isDay(filters.from) ? gte(auditEvents.occurredAt, startOfDay(filters.from)) : undefined,
        isDay(filters.to) ? lte(auditEvents.occurredAt, endOfDay(filters.to)) : undefined,
        opts.before ? lt(auditEvents.id, opts.before) : undefined,
      ),
    )
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
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
  return { rows, next: raw.length > limit ? rows[rows.length - 1].id : null };
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
