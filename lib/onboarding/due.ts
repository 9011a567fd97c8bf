// Pure date logic for required modules: due dates, statuses and the reminder day.
import { dateTimeFormat, formatIn } from "@/lib/util/intl";

export const ORG_TIME_ZONE = process.env.RAPPORT_TIME_ZONE || "Australia/Sydney";
export const DAY_MS = 86_400_000;
/** A reminder goes out when an item is due within this many days, or is overdue. */
export const DUE_SOON_DAYS = 3;

export type DueRule = { dueOn: string | null; dueDays: number | null };
export type ModuleStatus = "complete" | "overdue" | "in_progress" | "not_started";

/** Offset of the zone from UTC at an instant, in milliseconds. */
function zoneOffset(at: number, timeZone: string): number {
  const parts = dateTimeFormat("en-AU", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(at));
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const wall = Date.UTC(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  return wall - Math.floor(at / 1000) * 1000;
}

function wallTime(day: string, h: number, min: number, s: number, ms: number, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`Not a date: ${day}`);
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), h, min, s, ms);
  let at = wall - zoneOffset(wall, timeZone);
  at = wall - zoneOffset(at, timeZone); // again, in case the first guess crossed a daylight-saving change
  return new Date(at);
}

/** The last millisecond of a calendar day (YYYY-MM-DD) in the zone: a fixed due date means "by the end of that day". */
export function endOfDay(day: string, timeZone = ORG_TIME_ZONE): Date {
  return wallTime(day, 23, 59, 59, 999, timeZone);
}

/** Midnight at the start of a calendar day in the zone. */
export function startOfDay(day: string, timeZone = ORG_TIME_ZONE): Date {
  return wallTime(day, 0, 0, 0, 0, timeZone);
}

export function isDay(s: string | undefined): s is string {
  if (!s || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s; // 2027-02-30 is not a day
}

/** The calendar day (YYYY-MM-DD) of an instant in the zone. */
export function dayKey(at: Date, timeZone = ORG_TIME_ZONE): string {
  return formatIn(at, "en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
}

export function dueFor(rule: DueRule, joinedAt: Date, timeZone = ORG_TIME_ZONE): Date | null {
  if (rule.dueOn) return endOfDay(rule.dueOn, timeZone);
  if (rule.dueDays != null) return new Date(joinedAt.getTime() + rule.dueDays * DAY_MS);
  return null;
}

/** When several rules make one module required, the earliest due date wins. */
export function earliestDue(rules: DueRule[], joinedAt: Date, timeZone = ORG_TIME_ZONE): Date | null {
  let best: Date | null = null;
  for (const r of rules) {
    const d = dueFor(r, joinedAt, timeZone);
    if (d && (!best || d < best)) best = d;
  }
  return best;
}

export function moduleStatus(s: { complete: boolean; started: boolean; dueAt: Date | null; now: Date }): ModuleStatus {
  if (s.complete) return "complete";
  if (s.dueAt && s.now > s.dueAt) return "overdue";
  return s.started ? "in_progress" : "not_started";
}

/** Which reminder (if any) an unfinished item needs now. */
export function reminderKind(dueAt: Date | null, now: Date, soonDays = DUE_SOON_DAYS): "overdue" | "due_soon" | null {
  if (!dueAt) return null;
  if (now > dueAt) return "overdue";
  if (dueAt.getTime() - now.getTime() <= soonDays * DAY_MS) return "due_soon";
  return null;
}

export const STATUS_LABELS: Record<ModuleStatus, string> = {
  complete: "Complete",
  overdue: "Overdue",
  in_progress: "In progress",
  not_started: "Not started",
};

export function formatDate(d: Date, timeZone = ORG_TIME_ZONE): string {
  return formatIn(d, "en-AU", { day: "numeric", month: "long", year: "numeric", timeZone });
}
