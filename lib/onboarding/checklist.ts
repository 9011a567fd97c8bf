import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { oncePerDb } from "@/db/prepared";
import { memberships } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { curriculum } from "@/lib/modules/curriculum-cache";
import { moduleStatus, type ModuleStatus } from "./due";
import { json } from "@/lib/util/json-cell";
import { memberProgressColumns } from "@/lib/onboarding/member-columns";
import { orgRequirementsOfMembership, requiredForMembers } from "@/lib/onboarding/requirement-resolution";

export type ChecklistItem =
  | { kind: "profile"; done: boolean; href: string; label: string }
  | { kind: "module"; done: boolean; href: string; label: string; dueAt: Date | null; status: ModuleStatus }
  | { kind: "first_case"; done: boolean; href: string; label: string }
  // A practice drill a supervisor or admin set (added by lib/practice/checklist.ts).
  | { kind: "drill"; done: boolean; href: string; label: string; dueAt: Date | null; status: ModuleStatus; assignedBy: string };

export type Checklist = { items: ChecklistItem[]; done: number; total: number; complete: boolean };

/** The caller's membership with what the checklist needs to know about it (prepared once). */
const checklistRow = oncePerDb((db) =>
  db
    .select({
      membershipId: memberships.id,
      role: memberships.role,
      joinedAt: memberships.joinedAt,
      // Spelled out: drizzle renders a single-table select's columns unqualified, which inside
      // these subqueries would name the inner table's columns.
      hasProfile: sql<boolean>`exists (select 1 from member_profiles p where p.organisation_id = "memberships"."organisation_id" and p.membership_id = "memberships"."id")`,
      hasCase: sql<boolean>`exists (select 1 from cases c where c.organisation_id = "memberships"."organisation_id" and c.author_membership_id = "memberships"."id")`,
      ...memberProgressColumns,
      requirements: orgRequirementsOfMembership,
    })
    .from(memberships)
    .where(and(eq(memberships.id, sql.placeholder("membershipId")), eq(memberships.organisationId, sql.placeholder("orgId")), eq(memberships.status, "active")))
    .prepare("checklist_row"),
);

/**
 * The caller's onboarding checklist: their profile, their required modules, and (trainees) a first
 * case log. One statement (plus the cached curriculum), whatever the organisation's size.
 */
export async function getChecklist(ctx: Ctx, now = new Date()): Promise<Checklist> {
  const db = await getDb();
  const [[me], cur] = await Promise.all([checklistRow(db).execute({ membershipId: ctx.membershipId, orgId: ctx.orgId }), curriculum(db)]);
  const reqs = me ? json(me.requirements) : [];
  const items: ChecklistItem[] = [{ kind: "profile", done: Boolean(me?.hasProfile), href: "/onboarding#profile", label: "Complete your profile" }];

  const required = me ? ((await requiredForMembers(db, ctx.orgId, [me], { reqs, cohortsOf: new Map([[me.membershipId, json(me.cohorts)]]) })).get(me.membershipId) ?? []) : [];
  if (me && required.length) {
    const complete = new Set(json(me.certified));
    const started = new Set(json(me.started));
    for (const r of required) {
      const m = cur.byId.get(r.moduleId);
      if (!m) continue;
      const status = moduleStatus({ complete: complete.has(r.moduleId), started: started.has(r.moduleId), dueAt: r.dueAt, now });
      items.push({ kind: "module", done: status === "complete", href: `/modules/${m.slug}`, label: m.title, dueAt: r.dueAt, status });
    }
  }

  if (ctx.role === "trainee") items.push({ kind: "first_case", done: Boolean(me?.hasCase), href: "/cases", label: "Log your first rupture case" });
  const done = items.filter((i) => i.done).length;
  return { items, done, total: items.length, complete: done === items.length };
}
