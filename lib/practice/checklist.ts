import "server-only";
import { getDb } from "@/db/client";
import { can } from "@/lib/core/permissions";
import type { Ctx } from "@/lib/core/context";
import { getChecklist, type Checklist, type ChecklistItem } from "@/lib/onboarding/checklist";
import { moduleStatus } from "@/lib/onboarding/due";
import { assignmentsOf, type MyAssignment } from "./assignments";

// Assigned drills sit on the trainee's checklist beside their required modules (home page and
// /onboarding), with the same due-date statuses. Done once the trainee responded after it was set.

export function withDrills(checklist: Checklist, assignments: readonly MyAssignment[], now = new Date()): Checklist {
  if (assignments.length === 0) return checklist;
  const drills: ChecklistItem[] = assignments.map((a) => ({
    kind: "drill",
    done: a.done,
    href: `/practice/drills/${a.drillKey}`,
    label: a.title,
    dueAt: a.dueAt,
    status: moduleStatus({ complete: a.done, started: false, dueAt: a.dueAt, now }),
    assignedBy: a.assignedBy,
  }));
  // After the modules and before the first-case item, open ones first.
  const at = checklist.items.findIndex((i) => i.kind === "first_case");
  const items = [...checklist.items];
  items.splice(at < 0 ? items.length : at, 0, ...[...drills].sort((a, b) => Number(a.done) - Number(b.done)));
  const done = items.filter((i) => i.done).length;
  return { items, done, total: items.length, complete: done === items.length };
}

/** The caller's onboarding checklist with the drills set for them. */
export async function getChecklistWithPractice(ctx: Ctx, now = new Date()): Promise<Checklist> {
  if (!can(ctx.role, "practice.use")) return getChecklist(ctx, now);
  const db = await getDb();
  const [checklist, assignments] = await Promise.all([getChecklist(ctx, now), assignmentsOf(db, ctx.orgId, ctx.membershipId)]);
  return withDrills(checklist, assignments, now);
}
