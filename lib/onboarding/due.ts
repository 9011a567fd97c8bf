// Pure date logic for required modules: due dates, statuses and the reminder day.
import { DAY_MS, endOfDay, ORG_TIME_ZONE } from "@/lib/util/days";
import { formatIn } from "@/lib/util/intl";

export { DAY_MS, dayKey, endOfDay, isDay, ORG_TIME_ZONE, startOfDay } from "@/lib/util/days";

/** A reminder goes out when an item is due within this many days, or is overdue. */
export const DUE_SOON_DAYS = 3;

export type DueRule = { dueOn: string | null; dueDays: number | null };
export type ModuleStatus = "complete" | "overdue" | "in_progress" | "not_started";

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
