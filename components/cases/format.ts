// Shared display helpers (server and client).
import { formatIn } from "@/lib/util/intl";
import { decodeCursor as decodeAnyCursor, encodeCursor as encodeAnyCursor, isAtCursor } from "@/lib/util/cursor";

export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return formatIn(new Date(d), "en-AU", { day: "numeric", month: "short", year: "numeric", timeZone: "Australia/Sydney" });
}

export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return formatIn(new Date(d), "en-AU", { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit", timeZone: "Australia/Sydney" });
}

/** "3 days", "5 hours", "12 minutes": how long something has waited. */
export function waitingFor(since: Date, now = new Date()): string {
  const mins = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60000));
  if (mins < 1) return "just now";
  if (mins < 60) return `${mins} minute${mins === 1 ? "" : "s"}`;
  const hours = Math.floor(mins / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}

/** Case lists page by (time, id): the shared cursor format, or null on the last page. */
export function encodeCursor(c: { at: string; id: string } | null): string | null {
  return c ? encodeAnyCursor(c) : null;
}

export function decodeCursor(v?: string): { at: string; id: string } | undefined {
  return decodeAnyCursor(v, isAtCursor);
}

