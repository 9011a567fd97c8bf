// Calendar days in a time zone: the boundaries of a day, and the day of an instant.
import { dateTimeFormat, formatIn } from "@/lib/util/intl";

export const ORG_TIME_ZONE = process.env.RAPPORT_TIME_ZONE || "Australia/Sydney";
export const DAY_MS = 86_400_000;

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

