// Display helpers for evaluations (server and client).
import { formatIn } from "@/lib/util/intl";

/** A calendar day stored as YYYY-MM-DD (no time zone), e.g. "30 Jun 2027". */
export function formatDay(day: string | null | undefined): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return "—";
  return formatIn(new Date(`${day}T12:00:00Z`), "en-AU", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
