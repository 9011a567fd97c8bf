// Calendar days (YYYY-MM-DD strings) for the hours ledger: an activity happened on a day, in no
// time zone. "Today" is the organisation's day (lib/onboarding/due.ts: Australia/Sydney until
// organisations get a time zone setting). Weeks start on Monday.
import { dayKey, isDay } from "@/lib/onboarding/due";

export { isDay };

function toUtc(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export function addDays(day: string, n: number): string {
  const d = toUtc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The Monday of the day's week. */
export function weekStart(day: string): string {
  const dow = (toUtc(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -dow);
}

export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export function today(now = new Date()): string {
  return dayKey(now);
}

export function addMonths(day: string, n: number): string {
  const d = toUtc(day);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

const WEEKDAY = new Intl.DateTimeFormat("en-AU", { weekday: "short", timeZone: "UTC" });
const DAY_MONTH = new Intl.DateTimeFormat("en-AU", { day: "numeric", month: "short", timeZone: "UTC" });
const LONG = new Intl.DateTimeFormat("en-AU", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const FULL = new Intl.DateTimeFormat("en-AU", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "Mon 3 Mar" */
export function shortDay(day: string): string {
  return `${WEEKDAY.format(toUtc(day))} ${DAY_MONTH.format(toUtc(day))}`;
}

/** "3 March 2027" */
export function longDay(day: string): string {
  return LONG.format(toUtc(day));
}

/** "Monday 3 March 2027" */
export function fullDay(day: string): string {
  return FULL.format(toUtc(day));
}

/**
 * A date as spreadsheets write it: 2027-03-01, 1/3/2027 or 01/03/27 (day first, as in Australia
 * and the UK), 1-3-2027, 1.3.2027, or "1 Mar 2027". Returns YYYY-MM-DD or null.
 */
export function parseDayText(raw: string): string | null {
  const s = raw.trim();
  if (isDay(s)) return s;
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(s);
  if (m) {
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const out = `${year}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}`;
    return isDay(out) ? out : null;
  }
  m = /^(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})$/i.exec(s);
  if (m) {
    const months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    const idx = months.indexOf(m[2].slice(0, 3).toLowerCase());
    if (idx < 0) return null;
    const out = `${m[3]}-${String(idx + 1).padStart(2, "0")}-${m[1].padStart(2, "0")}`;
    return isDay(out) ? out : null;
  }
  return null;
}
