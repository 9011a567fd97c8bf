// Requirement sets: what a body (or the organisation itself) asks of a trainee's hours, as data.
// Pure: validation of the rules an admin writes, and their evaluation against a trainee's totals.
import { z } from "zod";
import type { StoredRequirementRules } from "@/db/schema";
import { CATEGORY_CODES, type CategoryCode } from "./categories";
import { addDays, addMonths } from "./days";

export type RequirementRules = StoredRequirementRules;
export type EntryStatus = "draft" | "submitted" | "returned" | "approved";

/** Minutes per category and status (only approved entries that no approved correction replaced). */
export type Totals = Record<CategoryCode, Record<EntryStatus, number>>;

export function emptyTotals(): Totals {
  return Object.fromEntries(CATEGORY_CODES.map((c) => [c, { draft: 0, submitted: 0, returned: 0, approved: 0 }])) as Totals;
}

export const MAX_REQUIRED_HOURS = 20_000;
const dayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const rulesSchema = z.object({
  lines: z
    .array(
      z.object({
        key: z.string().regex(/^[a-z0-9_]{1,40}$/),
        label: z.string().trim().min(1).max(120),
        minutes: z.number().int().min(1).max(MAX_REQUIRED_HOURS * 60),
        categories: z.array(z.enum(CATEGORY_CODES)).min(1),
      }),
    )
    .max(20),
  ratio: z
    .object({
      contactHoursPerSupervisionHour: z.number().min(0.5).max(100),
      contact: z.array(z.enum(CATEGORY_CODES)).min(1),
      supervision: z.array(z.enum(CATEGORY_CODES)).min(1),
    })
    .nullable(),
  window: z.object({ from: dayString.nullable(), to: dayString.nullable(), months: z.number().int().min(1).max(240).nullable() }),
});

/** Stored rules read back defensively: a row that doesn't parse counts as having no lines. */
export function readRules(v: unknown): RequirementRules {
  const r = rulesSchema.safeParse(v);
  return r.success ? r.data : { lines: [], ratio: null, window: { from: null, to: null, months: null } };
}

/** The days a set counts: a fixed period, and/or the last N months up to today. */
export function windowBounds(rules: RequirementRules, today: string): { from: string | null; to: string | null } {
  let from = rules.window.from;
  const to = rules.window.to;
  if (rules.window.months) {
    const rolling = addMonths(today, -rules.window.months);
    if (!from || rolling > from) from = rolling;
  }
  return { from, to };
}

/**
 * A window cut where the monthly totals can answer it: the whole calendar months inside it
 * (`months`: from the first month, inclusive, to the first month after, exclusive; null bounds are
 * open) and the days at either end that only part of a month covers (`edges`, counted from the
 * entries). A window inside one month, or across two without a whole one, is all edges.
 */
export function splitWindow(b: { from: string | null; to: string | null }): { months: { from: string | null; to: string | null } | null; edges: { from: string; to: string }[] } {
  const firstOfMonth = (d: string) => `${d.slice(0, 7)}-01`;
  const monthFrom = b.from ? (b.from === firstOfMonth(b.from) ? b.from : addMonths(firstOfMonth(b.from), 1)) : null;
  const monthTo = b.to ? (firstOfMonth(addDays(b.to, 1)) === addDays(b.to, 1) ? addDays(b.to, 1) : firstOfMonth(b.to)) : null;
  if (b.from && b.to && monthFrom! >= monthTo!) return { months: null, edges: b.from <= b.to ? [{ from: b.from, to: b.to }] : [] };
  const edges: { from: string; to: string }[] = [];
  if (b.from && monthFrom !== b.from) edges.push({ from: b.from, to: addDays(monthFrom!, -1) });
  if (b.to && monthTo !== addDays(b.to, 1)) edges.push({ from: monthTo!, to: b.to });
  return { months: { from: monthFrom, to: monthTo }, edges };
}

export function windowText(rules: RequirementRules): string | null {
  const w = rules.window;
  const parts: string[] = [];
  if (w.from && w.to) parts.push(`from ${w.from} to ${w.to}`);
  else if (w.from) parts.push(`from ${w.from}`);
  else if (w.to) parts.push(`up to ${w.to}`);
  if (w.months) parts.push(`within the last ${w.months} month${w.months === 1 ? "" : "s"}`);
  return parts.length ? `Counts hours ${parts.join(", ")}.` : null;
}

export type LineProgress = {
  key: string;
  label: string;
  categories: CategoryCode[];
  required: number;
  approved: number;
  pending: number;
  returned: number;
  draft: number;
  remaining: number;
  met: boolean;
};

export type RatioProgress = {
  per: number;
  contactApproved: number;
  supervisionApproved: number;
  /** Supervision the approved contact calls for, rounded up to whole minutes. */
  supervisionRequired: number;
  remaining: number;
  met: boolean;
};

export type Evaluation = { lines: LineProgress[]; ratio: RatioProgress | null; complete: boolean };

function sum(totals: Totals, cats: readonly string[], status: EntryStatus): number {
  let n = 0;
  for (const c of cats) n += totals[c as CategoryCode]?.[status] ?? 0;
  return n;
}

/** Progress against a set: what is approved, pending (submitted), returned, and still needed. */
export function evaluate(rules: RequirementRules, totals: Totals): Evaluation {
  const lines = rules.lines.map((l): LineProgress => {
    const approved = sum(totals, l.categories, "approved");
    return {
      key: l.key,
      label: l.label,
      categories: l.categories as CategoryCode[],
      required: l.minutes,
      approved,
      pending: sum(totals, l.categories, "submitted"),
      returned: sum(totals, l.categories, "returned"),
      draft: sum(totals, l.categories, "draft"),
      remaining: Math.max(0, l.minutes - approved),
      met: approved >= l.minutes,
    };
  });
  let ratio: RatioProgress | null = null;
  if (rules.ratio) {
    const per = rules.ratio.contactHoursPerSupervisionHour;
    const contactApproved = sum(totals, rules.ratio.contact, "approved");
    const supervisionApproved = sum(totals, rules.ratio.supervision, "approved");
    const supervisionRequired = Math.ceil(contactApproved / per);
    ratio = { per, contactApproved, supervisionApproved, supervisionRequired, remaining: Math.max(0, supervisionRequired - supervisionApproved), met: supervisionApproved >= supervisionRequired };
  }
  return { lines, ratio, complete: lines.every((l) => l.met) && (ratio?.met ?? true) };
}

export function percent(done: number, of: number): number {
  if (of <= 0) return 100;
  return Math.min(100, Math.floor((done / of) * 100));
}
