import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { cohortMembers, cohorts, memberships, moduleRequirements, modules, type ModuleRequirement, type Role } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import type { Pending } from "@/lib/email/send";
import { notify } from "@/lib/notifications/notify";
import { dueFor, formatDate } from "./due";
import { forgetOverdueCounts } from "./remind-overdue";
import { orgRequirements, requiredForMembers } from "@/lib/onboarding/requirement-resolution";

/** The required modules for the caller's membership, due dates resolved (earliest if several apply). */
export async function listMyRequirements(ctx: Ctx): Promise<{ moduleId: string; dueAt: Date | null }[]> {
  const db = await getDb();
  const [me] = await db
    .select({ membershipId: memberships.id, role: memberships.role, joinedAt: memberships.joinedAt })
    .from(memberships)
    .where(and(eq(memberships.id, ctx.membershipId), eq(memberships.organisationId, ctx.orgId), eq(memberships.status, "active")));
  if (!me) return [];
  return (await requiredForMembers(db, ctx.orgId, [me])).get(me.membershipId) ?? [];
}

export type RequirementRow = Awaited<ReturnType<typeof orgRequirements>>[number] & { cohortName: string | null };

export async function listRequirements(ctx: Ctx): Promise<RequirementRow[]> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const reqs = await orgRequirements(db, ctx.orgId);
  const cs = await db.select({ id: cohorts.id, name: cohorts.name }).from(cohorts).where(eq(cohorts.organisationId, ctx.orgId));
  const names = new Map(cs.map((c) => [c.id, c.name]));
  return reqs.map((r) => ({ ...r, cohortName: r.cohortId ? (names.get(r.cohortId) ?? null) : null }));
}

/** Live modules, in curriculum order, for pickers. The catalogue is shared by every organisation. */
export async function listModuleChoices(): Promise<{ id: string; title: string }[]> {
  const db = await getDb();
  return db.select({ id: modules.id, title: modules.title }).from(modules).where(isNull(modules.retiredAt)).orderBy(asc(modules.position));
}

export type NewRequirement = { moduleId: string; role: Role | null; cohortId: string | null; dueOn: string | null; dueDays: number | null };

export async function createRequirement(ctx: Ctx, input: NewRequirement) {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  let pending: Pending | undefined;
  try {
    const created = await db.transaction(async (tx) => {
      const [mod] = await tx.select({ id: modules.id, title: modules.title, slug: modules.slug }).from(modules).where(and(eq(modules.id, input.moduleId), isNull(modules.retiredAt)));
      if (!mod) throw new ValidationError("Check the highlighted fields.", { moduleId: ["Choose a module from the list."] });
      if (input.cohortId) {
        const [c] = await tx.select({ id: cohorts.id }).from(cohorts).where(and(eq(cohorts.id, input.cohortId), eq(cohorts.organisationId, ctx.orgId), isNull(cohorts.archivedAt)));
        if (!c) throw new ValidationError("Check the highlighted fields.", { cohortId: ["Choose a current cohort from the list."] });
      }
      const [row] = await tx
        .insert(moduleRequirements)
        .values({ organisationId: ctx.orgId, moduleId: mod.id, role: input.cohortId ? null : input.role, cohortId: input.cohortId, dueOn: input.dueOn, dueDays: input.dueOn ? null : input.dueDays })
        .returning();
      await auditAs(tx, ctx, {
        action: "requirement.created",
        targetType: "module_requirement",
        targetId: row.id,
        detail: { moduleId: mod.id, module: mod.title, role: row.role, cohortId: row.cohortId, dueOn: row.dueOn, dueDays: row.dueDays },
      });
      pending = await tellAffectedMembers(tx, ctx, row, mod);
      return row;
    });
    forgetOverdueCounts(ctx.orgId);
    await pending?.deliver();
    return created;
  } catch (e) {
    if (isUniqueViolation(e)) {
      throw new ValidationError("Check the highlighted fields.", {
        moduleId: ["This module is already required for that role or cohort. Remove the existing requirement first to change its due date."],
      });
    }
    throw e;
  }
}

/** Everyone the new requirement applies to (its role, or its cohort's active members) hears about it. */
async function tellAffectedMembers(tx: Tx, ctx: Ctx, req: ModuleRequirement, mod: { id: string; title: string; slug: string }): Promise<Pending> {
  const base = tx.select({ id: memberships.id, joinedAt: memberships.joinedAt }).from(memberships);
  const active = and(eq(memberships.organisationId, ctx.orgId), eq(memberships.status, "active"));
  const affected = req.cohortId
    ? await base
        .innerJoin(cohortMembers, and(eq(cohortMembers.organisationId, memberships.organisationId), eq(cohortMembers.membershipId, memberships.id)))
        .where(and(active, eq(cohortMembers.cohortId, req.cohortId)))
    : req.role
      ? await base.where(and(active, eq(memberships.role, req.role)))
      : [];
  return notify(
    tx,
    affected.map((m) => {
      const due = dueFor(req, m.joinedAt);
      return {
        organisationId: ctx.orgId,
        recipientMembershipId: m.id,
        kind: "module_assigned" as const,
        title: `“${mod.title}” is now required for you${due ? `, due ${formatDate(due)}` : ""}.`,
        href: `/modules/${mod.slug}`,
        actorUserId: ctx.userId,
        subjectType: "module",
        subjectId: mod.id,
        dedupeKey: `requirement:${req.id}`,
      };
    }),
  );
}

export async function deleteRequirement(ctx: Ctx, input: { id: string }) {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .delete(moduleRequirements)
      .where(and(eq(moduleRequirements.id, input.id), eq(moduleRequirements.organisationId, ctx.orgId)))
      .returning();
    if (!row) throw new NotFoundError();
    await auditAs(tx, ctx, {
      action: "requirement.removed",
      targetType: "module_requirement",
      targetId: row.id,
      detail: { moduleId: row.moduleId, role: row.role, cohortId: row.cohortId, dueOn: row.dueOn, dueDays: row.dueDays },
    });
  });
  forgetOverdueCounts(ctx.orgId);
}
