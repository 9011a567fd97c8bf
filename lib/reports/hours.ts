import "server-only";
import { and, asc, eq, gt, ilike, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { cohortMembers, memberships, users, type HourRequirementSet } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { readReplica } from "@/lib/core/replica";
import { today as todayDay } from "@/lib/hours/days";
import { activeSets, sumStatus, totalsForTrainees } from "@/lib/hours/progress";
import { evaluate, readRules, windowBounds, type Evaluation, type RequirementRules } from "@/lib/hours/requirements";
import { escapeLike } from "@/lib/util/sql";
import { afterName } from "@/lib/orgs/members";

// The cohort hours report: every active trainee against one requirement set (the first active set
// unless one is chosen), key-paginated by name. Three statements per page whatever the number of
// trainees or entries: the sets, the page of trainees, their grouped totals.

export const HOURS_REPORT_PAGE_SIZE = 50;
export type HoursReportFilters = { setId?: string; cohortId?: string; q?: string };
export type HoursReportCursor = { name: string; id: string };
export type HoursReportRow = { membershipId: string; name: string; email: string; evaluation: Evaluation; pendingMinutes: number; returnedMinutes: number; approvedMinutes: number; lastLoggedOn: string | null };

type HoursReportOpts = { after?: HoursReportCursor; pageSize?: number; today?: string };
type HoursReport = { sets: HourRequirementSet[]; set: (HourRequirementSet & { parsed: RequirementRules }) | null; rows: HoursReportRow[]; next: HoursReportCursor | null };

/** The permission is checked on the caller's role; the report is read from the replica when there is one. */
export async function getHoursReport(ctx: Ctx, filters: HoursReportFilters, opts: HoursReportOpts = {}): Promise<HoursReport> {
  assertCan(ctx, "org.reports");
  return readReplica(ctx, (db) => readHoursReport(db, ctx, filters, opts));
}

async function readHoursReport(db: Db, ctx: Ctx, filters: HoursReportFilters, opts: HoursReportOpts): Promise<HoursReport> {
  const size = opts.pageSize ?? HOURS_REPORT_PAGE_SIZE;
  const q = filters.q?.trim();
  const after = opts.after;
  const [sets, people] = await Promise.all([
    activeSets(db, ctx.orgId),
    db
      .select({ membershipId: memberships.id, name: users.name, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(memberships.organisationId, ctx.orgId),
          eq(memberships.role, "trainee"),
          eq(memberships.status, "active"),
          filters.cohortId
            ? sql`exists (select 1 from ${cohortMembers} cm where cm.organisation_id = ${memberships.organisationId} and cm.membership_id = ${memberships.id} and cm.cohort_id = ${filters.cohortId})`
            : undefined,
          q ? or(ilike(users.name, `%${escapeLike(q)}%`), ilike(users.email, `%${escapeLike(q)}%`)) : undefined,
          after ? afterName(after) : undefined,
        ),
      )
      .orderBy(asc(memberships.sortName), asc(memberships.id))
      .limit(size + 1),
  ]);
  const chosen = sets.find((s) => s.id === filters.setId) ?? sets[0] ?? null;
  const rules = chosen ? readRules(chosen.rules) : null;
  const page = people.slice(0, size);
  const bounds = rules ? windowBounds(rules, opts.today ?? todayDay()) : { from: null, to: null };
  const totals = await totalsForTrainees(db, ctx.orgId, page.map((p) => p.membershipId), bounds);
  const rows = page.map((p): HoursReportRow => {
    const t = totals.get(p.membershipId)!;
    return {
      ...p,
      evaluation: evaluate(rules ?? { lines: [], ratio: null, window: { from: null, to: null, months: null } }, t.totals),
      pendingMinutes: sumStatus(t.totals, "submitted"),
      returnedMinutes: sumStatus(t.totals, "returned"),
      approvedMinutes: sumStatus(t.totals, "approved"),
      lastLoggedOn: t.lastLoggedOn,
    };
  });
  const last = page[page.length - 1];
  return { sets, set: chosen && rules ? { ...chosen, parsed: rules } : null, rows, next: people.length > size && last ? { name: last.name.toLowerCase(), id: last.membershipId } : null };
}
