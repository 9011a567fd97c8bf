import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { JsonCell } from "@/lib/util/json-cell";
import type { DbOrTx } from "@/db/client";
import { cohortMembers, cohorts, moduleRequirements, modules, type Role } from "@/db/schema";
import { earliestDue, type DueRule } from "@/lib/onboarding/due";

export type MemberForRequirements = { membershipId: string; role: Role; joinedAt: Date };
export type RequiredItem = { moduleId: string; dueAt: Date | null };

/** The organisation's requirements on live (not retired) modules. */
export async function orgRequirements(db: DbOrTx, orgId: string) {
  return db
    .select({
      id: moduleRequirements.id,
      moduleId: moduleRequirements.moduleId,
      moduleTitle: modules.title,
      modulePosition: modules.position,
      role: moduleRequirements.role,
      cohortId: moduleRequirements.cohortId,
      dueOn: moduleRequirements.dueOn,
      dueDays: moduleRequirements.dueDays,
    })
    .from(moduleRequirements)
    .innerJoin(modules, eq(modules.id, moduleRequirements.moduleId))
    .where(and(eq(moduleRequirements.organisationId, orgId), isNull(modules.retiredAt)))
    .orderBy(modules.position);
}

export type Requirement = Awaited<ReturnType<typeof orgRequirements>>[number];

/**
 * The same rows as orgRequirements(), as a json column to add to a select from `memberships`
 * (the requirements of that member's organisation), so a page can read them with the member.
 * The outer columns are spelled out: drizzle may render them unqualified inside the subquery.
 */
export const orgRequirementsOfMembership = sql<JsonCell<Requirement[]>>`(
  select coalesce(json_agg(json_build_object(
    'id', r.id, 'moduleId', r.module_id, 'moduleTitle', m.title, 'modulePosition', m.position,
    'role', r.role, 'cohortId', r.cohort_id, 'dueOn', r.due_on, 'dueDays', r.due_days) order by m.position), '[]'::json)
  from module_requirements r join modules m on m.id = r.module_id and m.retired_at is null
  where r.organisation_id = "memberships"."organisation_id")`;

/**
 * What each member must complete, and by when: requirements for their role plus those for their
 * (current, not archived) cohorts; the earliest due date wins when several apply. Two queries
 * whatever the number of members.
 */
export async function requiredForMembers(
  db: DbOrTx,
  orgId: string,
  members: MemberForRequirements[],
  known: { reqs?: Requirement[]; cohortsOf?: Map<string, { id: string; archived: boolean }[]> } = {},
): Promise<Map<string, RequiredItem[]>> {
  const out = new Map<string, RequiredItem[]>();
  if (members.length === 0) return out;
  const reqs = known.reqs ?? (await orgRequirements(db, orgId));
  if (reqs.length === 0) {
    for (const m of members) out.set(m.membershipId, []);
    return out;
  }
  const memberCohorts = new Map<string, Set<string>>();
  if (known.cohortsOf) {
    for (const [m, list] of known.cohortsOf) memberCohorts.set(m, new Set(list.filter((c) => !c.archived).map((c) => c.id)));
  } else if (reqs.some((r) => r.cohortId)) {
    const ids = members.map((m) => m.membershipId);
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await db
        .select({ membershipId: cohortMembers.membershipId, cohortId: cohortMembers.cohortId })
        .from(cohortMembers)
        .innerJoin(cohorts, and(eq(cohorts.id, cohortMembers.cohortId), eq(cohorts.organisationId, cohortMembers.organisationId)))
        .where(and(eq(cohortMembers.organisationId, orgId), isNull(cohorts.archivedAt), inArray(cohortMembers.membershipId, ids.slice(i, i + 1000))));
      for (const r of rows) (memberCohorts.get(r.membershipId) ?? memberCohorts.set(r.membershipId, new Set()).get(r.membershipId)!).add(r.cohortId);
    }
  }
  const order = new Map(reqs.map((r) => [r.moduleId, r.modulePosition]));
  for (const m of members) {
    const mine = memberCohorts.get(m.membershipId);
    const byModule = new Map<string, DueRule[]>();
    for (const r of reqs) {
      if ((r.role && r.role === m.role) || (r.cohortId && mine?.has(r.cohortId))) {
        (byModule.get(r.moduleId) ?? byModule.set(r.moduleId, []).get(r.moduleId)!).push(r);
      }
    }
    const items = [...byModule.entries()]
      .map(([moduleId, rules]) => ({ moduleId, dueAt: earliestDue(rules, m.joinedAt) }))
      .sort((a, b) => (order.get(a.moduleId) ?? 0) - (order.get(b.moduleId) ?? 0));
    out.set(m.membershipId, items);
  }
  return out;
}
