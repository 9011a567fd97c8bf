import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { cohortMembers, cohorts, memberships, practiceAssignees, practiceAssignments, practiceDrills, practiceDrillVersions, users } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { deliverLater } from "@/lib/cases/events";
import type { Pending } from "@/lib/email/send";
import { endOfDay } from "@/lib/util/days";
import { supervises } from "./access";
import { loadDrill } from "./drills";
import { drillAssigned } from "./events";
import { shippedDrill } from "./library";
import { keyOf, refOf } from "./types";
import { isUuid } from "@/lib/util/uuid";

// Drills set for trainees, with a due date: by a supervisor for the trainees assigned to them (one,
// or those of a cohort), by an admin for anyone. A cohort is resolved to its trainees when the
// drill is set (as evaluation rounds are), so a supervisor never sets work for someone else's
// trainee. Assignments appear on the trainee's checklist beside their required modules.

const activeTrainee = and(eq(memberships.role, "trainee"), eq(memberships.status, "active"));

export type AssignmentTargets = { trainees: { membershipId: string; name: string }[]; cohorts: { id: string; name: string; trainees: number }[] };

/** Who the caller may set a drill for: their trainees (an admin: everyone's) and cohorts holding any of them. */
export async function listAssignmentTargets(ctx: Ctx): Promise<AssignmentTargets> {
  assertCan(ctx, "practice.assign");
  const db = await getDb();
  const mine = ctx.role === "supervisor" ? supervises(ctx, sql.raw(`"memberships"."id"`)) : undefined;
  const trainees = await db
    .select({ membershipId: memberships.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, ctx.orgId), activeTrainee, mine))
    .orderBy(asc(sql`lower(${users.name})`))
    .limit(2000);
  const counted = await db
    .select({ id: cohorts.id, name: cohorts.name, trainees: sql<number>`count(${memberships.id})::int` })
    .from(cohorts)
    .innerJoin(cohortMembers, and(eq(cohortMembers.organisationId, cohorts.organisationId), eq(cohortMembers.cohortId, cohorts.id)))
    .innerJoin(memberships, and(eq(memberships.id, cohortMembers.membershipId), eq(memberships.organisationId, cohortMembers.organisationId), activeTrainee, mine))
    .where(and(eq(cohorts.organisationId, ctx.orgId), isNull(cohorts.archivedAt)))
    .groupBy(cohorts.id, cohorts.name)
    .orderBy(asc(sql`lower(${cohorts.name})`))
    .limit(500);
  return { trainees, cohorts: counted };
}

async function resolveTrainees(tx: DbOrTx, ctx: Ctx, input: { target: "trainee" | "cohort"; traineeMembershipId: string; cohortId: string }): Promise<string[]> {
  const mine = ctx.role === "supervisor" ? supervises(ctx, sql.raw(`"memberships"."id"`)) : undefined;
  if (input.target === "trainee") {
    if (!isUuid(input.traineeMembershipId)) throw new NotFoundError();
    const [t] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.organisationId, ctx.orgId), eq(memberships.id, input.traineeMembershipId), activeTrainee, mine));
    if (!t) throw new NotFoundError();
    return [t.id];
  }
  if (!isUuid(input.cohortId)) throw new NotFoundError();
  const [cohort] = await tx.select({ id: cohorts.id, archivedAt: cohorts.archivedAt }).from(cohorts).where(and(eq(cohorts.id, input.cohortId), eq(cohorts.organisationId, ctx.orgId)));
  if (!cohort) throw new NotFoundError();
  if (cohort.archivedAt) throw new ValidationError("Check the highlighted fields.", { cohortId: ["This cohort is archived. Choose another cohort."] });
  const rows = await tx
    .select({ id: memberships.id })
    .from(cohortMembers)
    .innerJoin(memberships, and(eq(memberships.id, cohortMembers.membershipId), eq(memberships.organisationId, cohortMembers.organisationId)))
    .where(and(eq(cohortMembers.organisationId, ctx.orgId), eq(cohortMembers.cohortId, cohort.id), activeTrainee, mine));
  if (rows.length === 0) {
    throw new ValidationError("Check the highlighted fields.", {
      cohortId: [ctx.role === "supervisor" ? "None of the active trainees in this cohort are assigned to you. Choose a cohort with trainees you supervise." : "This cohort has no active trainees."],
    });
  }
  return rows.map((r) => r.id);
}

export async function assignDrill(
  ctx: Ctx,
  input: { drillKey: string; target: "trainee" | "cohort"; traineeMembershipId: string; cohortId: string; dueOn: string | null },
): Promise<{ id: string; trainees: number }> {
  assertCan(ctx, "practice.assign");
  const db = await getDb();
  let pending: Pending | undefined;
  const out = await db.transaction(async (tx) => {
    const drill = await loadDrill(tx, ctx, input.drillKey);
    if (drill.archived) throw new ValidationError("This drill is archived: choose another.", { drillKey: ["This drill is archived: choose another."] });
    const trainees = await resolveTrainees(tx, ctx, input);
    const [row] = await tx
      .insert(practiceAssignments)
      .values({ organisationId: ctx.orgId, ...refOf(drill.key, drill.source === "custom"), cohortId: input.target === "cohort" ? input.cohortId : null, dueOn: input.dueOn, assignedByMembershipId: ctx.membershipId })
      .returning({ id: practiceAssignments.id });
    await tx.insert(practiceAssignees).values(trainees.map((t) => ({ organisationId: ctx.orgId, assignmentId: row.id, traineeMembershipId: t })));
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "practice.drill_assigned",
      targetType: "practice_assignment",
      targetId: row.id,
      detail: { name: drill.title, dueOn: input.dueOn, count: trainees.length, cohortId: input.target === "cohort" ? input.cohortId : null },
    });
    pending = await drillAssigned(tx, ctx, { assignmentId: row.id, drillKey: drill.key, drillTitle: drill.title, dueOn: input.dueOn, trainees });
    return { id: row.id, trainees: trainees.length };
  });
  deliverLater(pending);
  return out;
}

export type MyAssignment = { id: string; drillKey: string; title: string; dueOn: string | null; dueAt: Date | null; done: boolean; assignedBy: string; createdAt: Date };

/**
 * The drills set for a trainee, newest first, each done once they responded to it after it was
 * set. One statement whatever the number (the titles of Rapport's own drills come from code).
 */
export async function assignmentsOf(db: DbOrTx, orgId: string, traineeMembershipId: string, timeZone?: string): Promise<MyAssignment[]> {
  const by = sql`(select u.name from memberships m join users u on u.id = m.user_id where m.id = ${practiceAssignments.assignedByMembershipId})`;
  const rows = await db
    .select({
      id: practiceAssignments.id,
      drillSlug: practiceAssignments.drillSlug,
      drillId: practiceAssignments.drillId,
      dueOn: practiceAssignments.dueOn,
      createdAt: practiceAssignments.createdAt,
      assignedBy: sql<string>`${by}`,
      customTitle: practiceDrillVersions.title,
      done: sql<boolean>`exists (select 1 from practice_attempts a where a.organisation_id = ${practiceAssignments.organisationId}
        and a.trainee_membership_id = ${traineeMembershipId} and a.created_at >= ${practiceAssignments.createdAt}
        and (a.drill_slug = ${practiceAssignments.drillSlug} or a.drill_id = ${practiceAssignments.drillId}))`,
    })
    .from(practiceAssignees)
    .innerJoin(practiceAssignments, and(eq(practiceAssignments.organisationId, practiceAssignees.organisationId), eq(practiceAssignments.id, practiceAssignees.assignmentId)))
    .leftJoin(practiceDrills, and(eq(practiceDrills.organisationId, practiceAssignments.organisationId), eq(practiceDrills.id, practiceAssignments.drillId)))
    .leftJoin(
      practiceDrillVersions,
      and(eq(practiceDrillVersions.organisationId, practiceDrills.organisationId), eq(practiceDrillVersions.drillId, practiceDrills.id), eq(practiceDrillVersions.number, practiceDrills.currentVersion)),
    )
    .where(and(eq(practiceAssignees.organisationId, orgId), eq(practiceAssignees.traineeMembershipId, traineeMembershipId)))
    .orderBy(desc(practiceAssignments.createdAt))
    .limit(50);
  return rows.map((r) => ({
    id: r.id,
    drillKey: keyOf(r),
    title: r.customTitle ?? (r.drillSlug ? (shippedDrill(r.drillSlug)?.title ?? r.drillSlug) : "A drill"),
    dueOn: r.dueOn,
    dueAt: r.dueOn ? endOfDay(r.dueOn, timeZone) : null,
    done: Boolean(r.done),
    assignedBy: r.assignedBy,
    createdAt: r.createdAt,
  }));
}

export async function listMyAssignments(ctx: Ctx): Promise<MyAssignment[]> {
  assertCan(ctx, "practice.use");
  return assignmentsOf(await getDb(), ctx.orgId, ctx.membershipId);
}

export type SetAssignment = { id: string; drillKey: string; title: string; dueOn: string | null; cohortName: string | null; trainees: number; done: number; createdAt: Date };

/** What the caller has set (an admin: everything the organisation set), with how many are done. Counts only. */
export async function listAssignmentsSet(ctx: Ctx): Promise<SetAssignment[]> {
  assertCan(ctx, "practice.assign");
  const db = await getDb();
  const rows = await db
    .select({
      id: practiceAssignments.id,
      drillSlug: practiceAssignments.drillSlug,
      drillId: practiceAssignments.drillId,
      dueOn: practiceAssignments.dueOn,
      createdAt: practiceAssignments.createdAt,
      cohortName: cohorts.name,
      customTitle: sql<string | null>`(select v.title from practice_drills d join practice_drill_versions v on v.organisation_id = d.organisation_id and v.drill_id = d.id and v.number = d.current_version
        where d.organisation_id = ${practiceAssignments.organisationId} and d.id = ${practiceAssignments.drillId})`,
      trainees: sql<number>`(select count(*)::int from practice_assignees x where x.organisation_id = ${practiceAssignments.organisationId} and x.assignment_id = ${practiceAssignments.id})`,
      done: sql<number>`(select count(*)::int from practice_assignees x where x.organisation_id = ${practiceAssignments.organisationId} and x.assignment_id = ${practiceAssignments.id}
        and exists (select 1 from practice_attempts a where a.organisation_id = x.organisation_id and a.trainee_membership_id = x.trainee_membership_id
          and a.created_at >= ${practiceAssignments.createdAt} and (a.drill_slug = ${practiceAssignments.drillSlug} or a.drill_id = ${practiceAssignments.drillId})))`,
    })
    .from(practiceAssignments)
    .leftJoin(cohorts, and(eq(cohorts.organisationId, practiceAssignments.organisationId), eq(cohorts.id, practiceAssignments.cohortId)))
    .where(and(eq(practiceAssignments.organisationId, ctx.orgId), ctx.role === "org_admin" ? undefined : eq(practiceAssignments.assignedByMembershipId, ctx.membershipId)))
    .orderBy(desc(practiceAssignments.createdAt))
    .limit(50);
  return rows.map((r) => ({
    id: r.id,
    drillKey: keyOf(r),
    title: r.customTitle ?? (r.drillSlug ? (shippedDrill(r.drillSlug)?.title ?? r.drillSlug) : "A drill"),
    dueOn: r.dueOn,
    cohortName: r.cohortName,
    trainees: r.trainees,
    done: r.done,
    createdAt: r.createdAt,
  }));
}
