import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import type { Ctx } from "@/lib/auth/context";
import { curriculum } from "@/lib/modules/curriculum-cache";
import { moduleStatus, type ModuleStatus } from "./due";
import { json, type JsonCell } from "@/lib/json-cell";
import { orgRequirements, requiredForMembers } from "./required";

export type ChecklistItem =
  | { kind: "profile"; done: boolean; href: string; label: string }
  | { kind: "module"; done: boolean; href: string; label: string; dueAt: Date | null; status: ModuleStatus }
  | { kind: "first_case"; done: boolean; href: string; label: string };

export type Checklist = { items: ChecklistItem[]; done: number; total: number; complete: boolean };

/**
 * The caller's onboarding checklist: their profile, their required modules, and (trainees) a first
 * case log. Two statements in one round trip (plus the cached curriculum), whatever the
 * organisation's size.
 */
export async function getChecklist(ctx: Ctx, now = new Date()): Promise<Checklist> {
  const db = await getDb();
  const [[me], reqs, cur] = await Promise.all([
    db
      .select({
        membershipId: memberships.id,
        role: memberships.role,
        joinedAt: memberships.joinedAt,
        // Spelled out: drizzle renders a single-table select's columns unqualified, which inside
        // these subqueries would name the inner table's columns.
        hasProfile: sql<boolean>`exists (select 1 from member_profiles p where p.organisation_id = "memberships"."organisation_id" and p.membership_id = "memberships"."id")`,
        hasCase: sql<boolean>`exists (select 1 from cases c where c.organisation_id = "memberships"."organisation_id" and c.author_membership_id = "memberships"."id")`,
        cohorts: sql<JsonCell<{ id: string; archived: boolean }[]>>`(
          select coalesce(json_agg(json_build_object('id', c.id, 'archived', c.archived_at is not null)), '[]'::json)
          from cohort_members cm join cohorts c on c.id = cm.cohort_id and c.organisation_id = cm.organisation_id
          where cm.organisation_id = "memberships"."organisation_id" and cm.membership_id = "memberships"."id")`,
        certified: sql<JsonCell<string[]>>`(
          select coalesce(json_agg(ce.module_id), '[]'::json) from certificates ce
          where ce.organisation_id = "memberships"."organisation_id" and ce.membership_id = "memberships"."id")`,
        started: sql<JsonCell<string[]>>`(
          select coalesce(json_agg(x.module_id), '[]'::json) from (
            select lp.module_id from lesson_progress lp where lp.organisation_id = "memberships"."organisation_id" and lp.membership_id = "memberships"."id"
            union
            select ca.module_id from check_attempts ca where ca.organisation_id = "memberships"."organisation_id" and ca.membership_id = "memberships"."id"
          ) x)`,
      })
      .from(memberships)
      .where(and(eq(memberships.id, ctx.membershipId), eq(memberships.organisationId, ctx.orgId), eq(memberships.status, "active"))),
    orgRequirements(db, ctx.orgId),
    curriculum(db),
  ]);
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
