// When a calibration round is open, pure. A round closes when its owner closes it, or by itself at
// the end of its due day in the organisation's time zone (stored as closes_at when it opens).

export type RoundState = "open" | "closed";

export function roundState(r: { closedAt: Date | null; closesAt: Date | null }, now: Date = new Date()): RoundState {
  return r.closedAt || (r.closesAt && r.closesAt.getTime() <= now.getTime()) ? "closed" : "open";
}

/** When the round closed: by hand, or at its due time if that came first. */
export function closedWhen(r: { closedAt: Date | null; closesAt: Date | null }, now: Date = new Date()): Date | null {
  if (r.closesAt && r.closesAt.getTime() <= now.getTime() && (!r.closedAt || r.closesAt < r.closedAt)) return r.closesAt;
  return r.closedAt;
}

/** Minutes the zone is ahead of UTC at the instant. */
function offsetMinutes(at: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour) % 24, Number(parts.minute), Number(parts.second));
  return Math.round((asUtc - at.getTime()) / 60_000);
}

/** The instant the day after `day` (YYYY-MM-DD) begins in the time zone: the end of the due day. */
export function endOfDayIn(day: string, timeZone: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  const midnightUtc = Date.UTC(y, m - 1, d + 1);
  let at = new Date(midnightUtc - offsetMinutes(new Date(midnightUtc), timeZone) * 60_000);
  // Once more, in case the offset differs at the local midnight itself (a daylight-saving change).
  at = new Date(midnightUtc - offsetMinutes(at, timeZone) * 60_000);
  return at;
}

/** Today's date (YYYY-MM-DD) in the time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone }).format(now);
}
