// Durations are whole minutes everywhere they are stored; people type and read hours.

export const MAX_ENTRY_MINUTES = 24 * 60;

/**
 * Reads what a person or a spreadsheet writes for a duration: "1:30", "1.5", "1,5", "90m",
 * "90 min", "1h 30m", "1 h", "2". A bare number is hours. Returns minutes, or null when unreadable
 * or not a whole number of minutes.
 */
export function parseDuration(raw: string): number | null {
  const s = raw.trim().toLowerCase();
  if (!s) return null;
  let m = /^(\d{1,2}):([0-5]\d)$/.exec(s);
  if (m) return Number(m[1]) * 60 + Number(m[2]);
  m = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*(?:h|hr|hrs|hour|hours)?$/.exec(s);
  if (m) {
    const minutes = Number(m[1]) * 60 + (m[2] ? Math.round(Number(`0.${m[2]}`) * 60 * 1000) / 1000 : 0);
    return Number.isInteger(minutes) ? minutes : null;
  }
  m = /^(\d{1,4})\s*(?:m|min|mins|minute|minutes)$/.exec(s);
  if (m) return Number(m[1]);
  m = /^(\d{1,2})\s*(?:h|hr|hrs|hour|hours)\s*(\d{1,2})\s*(?:m|min|mins|minutes)?$/.exec(s);
  if (m && Number(m[2]) < 60) return Number(m[1]) * 60 + Number(m[2]);
  return null;
}

/** "1 h 30 min", "45 min", "2 h", "0 min". */
export function formatDuration(minutes: number): string {
  const sign = minutes < 0 ? "−" : "";
  const abs = Math.abs(Math.round(minutes));
  const h = Math.floor(abs / 60);
  const min = abs % 60;
  if (h === 0) return `${sign}${min} min`;
  return min === 0 ? `${sign}${h} h` : `${sign}${h} h ${min} min`;
}

/** The value a grid cell shows: "1:30", or "" for nothing. */
export function formatCell(minutes: number): string {
  if (!minutes) return "";
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, "0")}`;
}

/** Hours as a number for totals and CSV: 90 → "1.5", 100 → "1.67". */
export function hoursText(minutes: number): string {
  const h = Math.round((minutes / 60) * 100) / 100;
  return String(h);
}
