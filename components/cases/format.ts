// Shared display helpers (server and client).
import { formatIn } from "@/lib/intl";

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
  if (mins < 60) return `${mins} minute${mins === 1 ? "" : "s"}`;
  const hours = Math.floor(mins / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"}`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}

export function encodeCursor(c: { at: string; id: string } | null): string | null {
  return c ? Buffer.from(JSON.stringify(c)).toString("base64url") : null;
}

export function decodeCursor(v?: string): { at: string; id: string } | undefined {
  if (!v) return undefined;
  try {
    const p = JSON.parse(Buffer.from(v, "base64url").toString("utf8"));
    if (typeof p?.at === "string" && !Number.isNaN(Date.parse(p.at)) && typeof p?.id === "string" && /^[0-9a-f-]{36}$/i.test(p.id)) return p;
  } catch {
    /* a tampered cursor starts from the top */
  }
  return undefined;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
