import "server-only";
import { and, asc, eq, ilike, inArray, sql } from "drizzle-orm";
import { escapeLike } from "@/lib/util/sql";
import { getDb } from "@/db/client";
import { cohortMembers, cohorts, memberships } from "@/db/schema";
import { auditAs, type AuditAction } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";

export type CohortRow = { id: string; name: string; archivedAt: Date | null; version: number; members: number };

const NAME_TAKEN = "A cohort with this name already exists. Choose another name.";

/** All cohorts of the organisation with their active member counts (one query). */
export async function listCohorts(ctx: Ctx, opts: { includeArchived?: boolean } = {}): Promise<CohortRow[]> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db
    .select({
      id: cohorts.id,
      name: cohorts.name,
      archivedAt: cohorts.archivedAt,
      version: cohorts.version,
      members: sql<number>`(select count(*)::int from ${cohortMembers} cm join ${memberships} m on m.id = cm.membership_id and m.organisation_id = cm.organisation_id
                            where cm.organisation_id = "cohorts"."organisation_id" and cm.cohort_id = "cohorts"."id" and m.status = 'active')`,
    })
    .from(cohorts)
    .where(and(eq(cohorts.organisationId, ctx.orgId), opts.includeArchived ? undefined : sql`${cohorts.archivedAt} is null`))
    .orderBy(sql`${cohorts.archivedAt} is not null`, asc(sql`lower(${cohorts.name})`));
}

export type CohortChoice = { id: string; name: string; archivedAt: Date | null };

/**
 * Cohorts whose name contains the text, for the search-as-you-type cohort pickers (an
 * organisation may have hundreds): active first, then archived when asked for, by name; at most
 * `limit` (1-50).
 */
export async function searchCohortChoices(ctx: Ctx, text: string, opts: { includeArchived?: boolean; limit?: number } = {}): Promise<CohortChoice[]> {
  assertCan(ctx, "org.manage");
  const q = text.trim().slice(0, 100);
  const db = await getDb();
  return db
    .select({ id: cohorts.id, name: cohorts.name, archivedAt: cohorts.archivedAt })
    .from(cohorts)
    .where(
      and(
        eq(cohorts.organisationId, ctx.orgId),
        opts.includeArchived ? undefined : sql`${cohorts.archivedAt} is null`,
        q ? ilike(cohorts.name, `%${escapeLike(q)}%`) : undefined,
      ),
    )
    .orderBy(sql`${cohorts.archivedAt} is not null`, asc(sql`lower(${cohorts.name})`))
    .limit(Math.min(50, Math.max(1, Math.floor(opts.limit ?? 20))));
}

/** One cohort of the organisation by id (a filter's current choice), or null. */
export async function getCohortChoice(ctx: Ctx, id: string): Promise<CohortChoice | null> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const [c] = await db
    .select({ id: cohorts.id, name: cohorts.name, archivedAt: cohorts.archivedAt })
    .from(cohorts)
    .where(and(eq(cohorts.organisationId, ctx.orgId), eq(cohorts.id, id)));
  return c ?? null;
}

export async function createCohort(ctx: Ctx, input: { name: string }) {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [c] = await tx.insert(cohorts).values({ organisationId: ctx.orgId, name: input.name }).returning();
      await auditAs(tx, ctx, { action: "cohort.created", targetType: "cohort", targetId: c.id, detail: { name: c.name } });
      return c;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError("Check the highlighted fields.", { name: [NAME_TAKEN] });
    throw e;
  }
}

async function updateCohort(ctx: Ctx, input: { id: string; version: number }, set: { name?: string; archivedAt?: Date | null }, action: AuditAction) {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(cohorts).where(and(eq(cohorts.id, input.id), eq(cohorts.organisationId, ctx.orgId)));
      if (!before) throw new NotFoundError();
      const [after] = await tx
        .update(cohorts)
        .set({ ...set, version: sql`${cohorts.version} + 1` })
        .where(and(eq(cohorts.id, input.id), eq(cohorts.organisationId, ctx.orgId), eq(cohorts.version, input.version)))
        .returning();
      if (!after) throw new ConflictError();
      await auditAs(tx, ctx, { action, targetType: "cohort", targetId: after.id, detail: { from: before.name, to: after.name } });
      return after;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError("Check the highlighted fields.", { name: [NAME_TAKEN] });
    throw e;
  }
}

export function renameCohort(ctx: Ctx, input: { id: string; name: string; version: number }) {
  return updateCohort(ctx, input, { name: input.name }, "cohort.renamed");
}

export function setCohortArchived(ctx: Ctx, input: { id: string; archived: boolean; version: number }) {
  return updateCohort(ctx, input, { archivedAt: input.archived ? new Date() : null }, input.archived ? "cohort.archived" : "cohort.restored");
}

/** Adds a member to a cohort or removes them. Both must belong to the caller's organisation. */
export async function setCohortMembership(ctx: Ctx, input: { membershipId: string; cohortId: string; member: boolean }) {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [m] = await tx.select({ id: memberships.id }).from(memberships).where(and(eq(memberships.id, input.membershipId), eq(memberships.organisationId, ctx.orgId)));
    const [c] = await tx.select({ id: cohorts.id, archivedAt: cohorts.archivedAt }).from(cohorts).where(and(eq(cohorts.id, input.cohortId), eq(cohorts.organisationId, ctx.orgId)));
    if (!m || !c) throw new NotFoundError();
    if (input.member) {
      if (c.archivedAt) throw new ConflictError("This cohort is archived. Restore it before adding people.");
      const added = await tx.insert(cohortMembers).values({ organisationId: ctx.orgId, cohortId: c.id, membershipId: m.id }).onConflictDoNothing().returning();
      if (added.length) await auditAs(tx, ctx, { action: "cohort.member_added", targetType: "membership", targetId: m.id, detail: { cohortId: c.id } });
    } else {
      const removed = await tx
        .delete(cohortMembers)
        .where(and(eq(cohortMembers.organisationId, ctx.orgId), eq(cohortMembers.cohortId, c.id), eq(cohortMembers.membershipId, m.id)))
        .returning();
      if (removed.length) await auditAs(tx, ctx, { action: "cohort.member_removed", targetType: "membership", targetId: m.id, detail: { cohortId: c.id } });
    }
  });
}

/** The cohorts of several members at once (for lists and reports: one query, no N+1). */
export async function cohortsOfMembers(orgId: string, membershipIds: string[]): Promise<Map<string, { id: string; name: string; archived: boolean }[]>> {
  const out = new Map<string, { id: string; name: string; archived: boolean }[]>();
  if (membershipIds.length === 0) return out;
  const db = await getDb();
  const rows = await db
    .select({ membershipId: cohortMembers.membershipId, id: cohorts.id, name: cohorts.name, archivedAt: cohorts.archivedAt })
    .from(cohortMembers)
    .innerJoin(cohorts, and(eq(cohorts.id, cohortMembers.cohortId), eq(cohorts.organisationId, cohortMembers.organisationId)))
    .where(and(eq(cohortMembers.organisationId, orgId), inArray(cohortMembers.membershipId, membershipIds)))
    .orderBy(asc(cohorts.name));
  for (const r of rows) {
    const list = out.get(r.membershipId) ?? [];
    list.push({ id: r.id, name: r.name, archived: Boolean(r.archivedAt) });
    out.set(r.membershipId, list);
  }
  return out;
}
