import "server-only";
import { and, asc, eq, gte, lte, sql, type SQL } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { hourEntries, hourRequirementSets, type HourRequirementSet } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { loadTraineeFor, visibleEntries, type TraineeRef } from "./access";
import { isCategory } from "./categories";
import { today as todayDay } from "./days";
import { emptyTotals, evaluate, readRules, splitWindow, windowBounds, windowText, type EntryStatus, type Evaluation, type RequirementRules, type Totals } from "./requirements";

// Progress against requirement sets. Totals come from one grouped statement per request, whatever
// the number of entries: an approved entry counts unless an approved correction replaced it.

/** Entries that count: everything but an approved entry whose approved correction replaced it. */
/**
 * Entries that count: all but approved ones a later approved correction replaces. The replaced
 * originals of the trainees in question are read once per statement (a hashed list, from the
 * partial index of corrections) rather than probed once per entry: for a page of 50 trainees
 * with 205 entries each, 10,000 index probes became one (994 buffers instead of 21,500;
 * docs/SCALE.md).
 */
export function counted(orgId: string, traineeIds: readonly string[]): SQL {
  return sql`not (${hourEntries.status} = 'approved' and ${hourEntries.id} in (select c.corrects_entry_id from hour_entries c
    where c.organisation_id = ${orgId} and c.trainee_membership_id in (${sql.join(traineeIds.map((t) => sql`${t}`), sql`, `)})
      and c.corrects_entry_id is not null and c.status = 'approved'))`;
}

export async function activeSets(db: DbOrTx, orgId: string): Promise<HourRequirementSet[]> {
  return db
    .select()
    .from(hourRequirementSets)
    .where(and(eq(hourRequirementSets.organisationId, orgId), eq(hourRequirementSets.active, true)))
    .orderBy(asc(sql`lower(${hourRequirementSets.name})`))
    .limit(20);
}

export type Bounds = { from: string | null; to: string | null };

function inWindow(b: Bounds): SQL {
  return and(b.from ? gte(hourEntries.occurredOn, b.from) : undefined, b.to ? lte(hourEntries.occurredOn, b.to) : undefined) ?? sql`true`;
}

/** `sum(minutes) filter (where <window>)` for each window: one column per requirement set. */
function windowSums(windows: Bounds[]): Record<string, SQL<number>> {
  return Object.fromEntries(windows.map((b, i) => [`w${i}`, sql<number>`coalesce(sum(${hourEntries.minutes}) filter (where ${inWindow(b)}), 0)::int`]));
}

function addTo(t: Totals, category: string, status: string, minutes: number) {
  if (isCategory(category)) t[category][status as EntryStatus] += Number(minutes) || 0;
}

export type SetProgress = { id: string; name: string; description: string; source: string; rules: RequirementRules; windowText: string | null; bounds: Bounds; evaluation: Evaluation };

export type TraineeProgress = { trainee: TraineeRef; totals: Totals; sets: SetProgress[]; lastLoggedOn: string | null };

/**
 * The trainee's totals (all time, per category and status) and progress against each of the
 * organisation's active requirement sets, counting only what the caller may see. Three statements.
 */
export async function getTraineeProgress(ctx: Ctx, traineeMembershipId: string, opts: { today?: string } = {}): Promise<TraineeProgress> {
  const db = await getDb();
  const [trainee, sets] = await Promise.all([loadTraineeFor(db, ctx, traineeMembershipId), activeSets(db, ctx.orgId)]);
  const today = opts.today ?? todayDay();
  const parsed = sets.map((s) => ({ set: s, rules: readRules(s.rules) }));
  const windows = parsed.map((p) => windowBounds(p.rules, today));
  const rows = await db
    .select({ category: hourEntries.category, status: hourEntries.status, all: sql<number>`sum(${hourEntries.minutes})::int`, last: sql<string | null>`max(${hourEntries.occurredOn})`, ...windowSums(windows) })
    .from(hourEntries)
    .where(and(eq(hourEntries.organisationId, ctx.orgId), eq(hourEntries.traineeMembershipId, trainee.membershipId), visibleEntries(ctx), counted(ctx.orgId, [trainee.membershipId])))
    .groupBy(hourEntries.category, hourEntries.status);
  const totals = emptyTotals();
  const perSet = windows.map(() => emptyTotals());
  let lastLoggedOn: string | null = null;
  for (const r of rows) {
    addTo(totals, r.category, r.status, r.all);
    windows.forEach((_, i) => addTo(perSet[i], r.category, r.status, (r as unknown as Record<string, number>)[`w${i}`]));
    if (r.last && (!lastLoggedOn || r.last > lastLoggedOn)) lastLoggedOn = r.last;
  }
  return {
    trainee,
    totals,
    lastLoggedOn,
    sets: parsed.map((p, i) => ({
      id: p.set.id,
      name: p.set.name,
      description: p.set.description,
      source: p.set.source,
      rules: p.rules,
      windowText: windowText(p.rules),
      bounds: windows[i],
      evaluation: evaluate(p.rules, perSet[i]),
    })),
  };
}

/**
 * Totals for many trainees at once against one window (the cohort report): one statement. The
 * whole months come from the running monthly totals (hour_monthly_totals, kept by triggers), the
 * part-months at the window's ends from the entries, so the work follows the number of trainees
 * and months, not the number of entries they have logged.
 */
export async function totalsForTrainees(db: DbOrTx, orgId: string, traineeIds: string[], bounds: Bounds): Promise<Map<string, { totals: Totals; lastLoggedOn: string | null }>> {
  const out = new Map<string, { totals: Totals; lastLoggedOn: string | null }>(traineeIds.map((id) => [id, { totals: emptyTotals(), lastLoggedOn: null }]));
  if (traineeIds.length === 0) return out;
  const { months, edges } = splitWindow(bounds);
  const ids = sql.join(traineeIds.map((t) => sql`${t}::uuid`), sql`, `);
  const inMonths = months
    ? (and(months.from ? sql`m.month >= ${months.from}::date` : undefined, months.to ? sql`m.month < ${months.to}::date` : undefined) ?? sql`true`)
    : sql`false`;
  const fromMonths = sql`select m.trainee_membership_id as trainee, m.category, m.status::text as status,
      coalesce(sum(m.minutes) filter (where ${inMonths}), 0)::int as minutes, max(m.last_on)::text as last
    from hour_monthly_totals m
    where m.organisation_id = ${orgId} and m.trainee_membership_id in (${ids})
    group by m.trainee_membership_id, m.category, m.status`;
  const edgeDays = sql.join(
    edges.map((e) => sql`${hourEntries.occurredOn} between ${e.from}::date and ${e.to}::date`),
    sql` or `,
  );
  const fromEdges = sql`select ${hourEntries.traineeMembershipId} as trainee, ${hourEntries.category} as category, ${hourEntries.status}::text as status,
      sum(${hourEntries.minutes})::int as minutes, null::text as last
    from ${hourEntries}
    where ${hourEntries.organisationId} = ${orgId} and ${hourEntries.traineeMembershipId} in (${ids}) and (${edgeDays}) and ${counted(orgId, traineeIds)}
    group by ${hourEntries.traineeMembershipId}, ${hourEntries.category}, ${hourEntries.status}`;
  const rows = rowsOf<{ trainee: string; category: string; status: string; minutes: number; last: string | null }>(
    await db.execute(edges.length ? sql`${fromMonths} union all ${fromEdges}` : fromMonths),
  );
  for (const r of rows) {
    const t = out.get(r.trainee);
    if (!t) continue;
    addTo(t.totals, r.category, r.status, Number(r.minutes));
    if (r.last && (!t.lastLoggedOn || r.last > t.lastLoggedOn)) t.lastLoggedOn = r.last;
  }
  return out;
}

export function sumStatus(t: Totals, status: EntryStatus): number {
  return Object.values(t).reduce((n, s) => n + s[status], 0);
}
