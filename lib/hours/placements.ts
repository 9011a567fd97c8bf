import "server-only";
import { and, asc, eq, ilike, inArray, isNull, or, sql } from "drizzle-orm";
import { escapeLike } from "@/lib/util/sql";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type DbOrTx } from "@/db/client";
import { memberships, placements, traineePlacements, traineePlacementSupervisors, users, type Placement } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import type { JsonCell } from "@/lib/util/json-cell";
import { json } from "@/lib/util/json-cell";

// Placement sites (records of the organisation: a name and a kind, never client data) and which
// trainee is placed where, with which site supervisors. Managed by org admins.

export type PlacementKind = "university_clinic" | "community_agency" | "health_service" | "school" | "private_practice" | "other";

export async function listPlacements(ctx: Ctx, opts: { includeArchived?: boolean } = {}): Promise<Placement[]> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db
    .select()
    .from(placements)
    .where(and(eq(placements.organisationId, ctx.orgId), opts.includeArchived ? undefined : isNull(placements.archivedAt)))
    .orderBy(asc(sql`lower(${placements.name})`))
    .limit(1000);
}

const NAME_TAKEN = "Another placement site already has this name. Use a different name (add the suburb or campus).";

export async function createPlacement(ctx: Ctx, input: { name: string; kind: PlacementKind }): Promise<Placement> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.insert(placements).values({ organisationId: ctx.orgId, name: input.name, kind: input.kind }).returning();
      await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "placement.created", targetType: "placement", targetId: row.id, detail: { name: row.name, kind: row.kind } });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError("Check the highlighted fields.", { name: [NAME_TAKEN] });
    throw e;
  }
}

export async function updatePlacement(ctx: Ctx, input: { id: string; version: number; name: string; kind: PlacementKind; archived: boolean }): Promise<Placement> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [found] = await tx.select().from(placements).where(and(eq(placements.id, input.id), eq(placements.organisationId, ctx.orgId)));
      if (!found) throw new NotFoundError();
      const [row] = await tx
        .update(placements)
        .set({ name: input.name, kind: input.kind, archivedAt: input.archived ? (found.archivedAt ?? new Date()) : null, version: sql`${placements.version} + 1` })
        .where(and(eq(placements.id, input.id), eq(placements.organisationId, ctx.orgId), eq(placements.version, input.version)))
        .returning();
      if (!row) throw new ConflictError("This placement site was changed by someone else. Reload to see the latest.");
      await audit(tx, {
        organisationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "placement.updated",
        targetType: "placement",
        targetId: row.id,
        detail: { from: { name: found.name, kind: found.kind, archived: Boolean(found.archivedAt) }, to: { name: row.name, kind: row.kind, archived: Boolean(row.archivedAt) } },
      });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError("Check the highlighted fields.", { name: [NAME_TAKEN] });
    throw e;
  }
}

export type PlacementAssignment = {
  traineePlacementId: string;
  placementId: string;
  placementName: string;
  traineeMembershipId: string;
  traineeName: string;
  startsOn: string | null;
  endsOn: string | null;
  archived: boolean;
  version: number;
  supervisors: { membershipId: string; name: string }[];
};

const supervisorsJson = sql<JsonCell<{ membershipId: string; name: string }[]>>`coalesce((select json_agg(json_build_object('membershipId', sm.id, 'name', su.name) order by lower(su.name))
  from trainee_placement_supervisors tps join memberships sm on sm.organisation_id = tps.organisation_id and sm.id = tps.supervisor_membership_id
  join users su on su.id = sm.user_id
  where tps.organisation_id = "trainee_placements"."organisation_id" and tps.trainee_placement_id = "trainee_placements"."id"), '[]'::json)`;

export const ASSIGNMENTS_PAGE_SIZE = 50;
export type AssignmentCursor = { name: string; id: string };

/**
 * The organisation's trainee placements with their site supervisors, one statement, 50 a page in
 * trainee-name order (keyset: the trainee's sort name, then the placement's id), optionally only
 * those whose trainee or site name contains `q`.
 */
export async function listAssignments(
  ctx: Ctx,
  opts: { q?: string; after?: AssignmentCursor; limit?: number } = {},
): Promise<{ rows: PlacementAssignment[]; next: AssignmentCursor | null }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const trainee = alias(memberships, "trainee");
  const limit = Math.min(200, Math.max(1, opts.limit ?? ASSIGNMENTS_PAGE_SIZE));
  const q = opts.q?.trim().slice(0, 100);
  const rows = await db
    .select({
      traineePlacementId: traineePlacements.id,
      placementId: placements.id,
      placementName: placements.name,
      traineeMembershipId: trainee.id,
      traineeName: users.name,
      sortName: trainee.sortName,
      startsOn: traineePlacements.startsOn,
      endsOn: traineePlacements.endsOn,
      archivedAt: traineePlacements.archivedAt,
      version: traineePlacements.version,
      supervisors: supervisorsJson,
    })
    .from(traineePlacements)
    .innerJoin(placements, and(eq(placements.organisationId, traineePlacements.organisationId), eq(placements.id, traineePlacements.placementId)))
    .innerJoin(trainee, and(eq(trainee.organisationId, traineePlacements.organisationId), eq(trainee.id, traineePlacements.traineeMembershipId)))
    .innerJoin(users, eq(users.id, trainee.userId))
    .where(
      and(
        eq(traineePlacements.organisationId, ctx.orgId),
        q ? or(ilike(users.name, `%${escapeLike(q)}%`), ilike(placements.name, `%${escapeLike(q)}%`)) : undefined,
        opts.after ? sql`(${trainee.sortName}, ${traineePlacements.id}) > (${opts.after.name}, ${opts.after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(asc(trainee.sortName), asc(traineePlacements.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ archivedAt, supervisors, sortName: _s, ...r }) => ({ ...r, archived: Boolean(archivedAt), supervisors: json(supervisors) })),
    next: rows.length > limit && last ? { name: last.sortName, id: last.traineePlacementId } : null,
  };
}

async function memberOf(tx: DbOrTx, ctx: Ctx, membershipId: string) {
  const [m] = await tx
    .select({ id: memberships.id, role: memberships.role, status: memberships.status })
    .from(memberships)
    .where(and(eq(memberships.organisationId, ctx.orgId), eq(memberships.id, membershipId)));
  return m ?? null;
}

async function memberOfRole(tx: DbOrTx, ctx: Ctx, membershipId: string, role: "trainee" | "supervisor") {
  const m = await memberOf(tx, ctx, membershipId);
  return m && m.role === role && m.status === "active" ? m : null;
}

/** Places a trainee at a site with a site supervisor. Placing them again at the same site is refused. */
export async function assignPlacement(
  ctx: Ctx,
  input: { placementId: string; traineeMembershipId: string; supervisorMembershipId: string; startsOn?: string; endsOn?: string },
): Promise<{ traineePlacementId: string }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [site] = await tx.select().from(placements).where(and(eq(placements.organisationId, ctx.orgId), eq(placements.id, input.placementId)));
      // Ids of another organisation (or made up) are not found; an archived site or a member of
      // the wrong role is a mistake to correct.
      if (!site) throw new NotFoundError();
      if (site.archivedAt) throw new ValidationError("Check the highlighted fields.", { placementId: ["This site is archived: choose a current placement site."] });
      const trainee = await memberOf(tx, ctx, input.traineeMembershipId);
      const supervisor = await memberOf(tx, ctx, input.supervisorMembershipId);
      if (!trainee || !supervisor) throw new NotFoundError();
      if (trainee.role !== "trainee" || trainee.status !== "active") throw new ValidationError("Check the highlighted fields.", { traineeMembershipId: ["Choose an active trainee."] });
      if (supervisor.role !== "supervisor" || supervisor.status !== "active") throw new ValidationError("Check the highlighted fields.", { supervisorMembershipId: ["Choose an active supervisor."] });
      const [tp] = await tx
        .insert(traineePlacements)
        .values({ organisationId: ctx.orgId, placementId: site.id, traineeMembershipId: input.traineeMembershipId, startsOn: input.startsOn || null, endsOn: input.endsOn || null })
        .returning();
      await tx.insert(traineePlacementSupervisors).values({ organisationId: ctx.orgId, traineePlacementId: tp.id, supervisorMembershipId: input.supervisorMembershipId });
      await audit(tx, {
        organisationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "placement.assigned",
        targetType: "membership",
        targetId: input.traineeMembershipId,
        detail: { traineePlacementId: tp.id, placementId: site.id, placement: site.name, supervisorMembershipId: input.supervisorMembershipId, startsOn: tp.startsOn, endsOn: tp.endsOn },
      });
      return { traineePlacementId: tp.id };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError("Check the highlighted fields.", { placementId: ["This trainee is already placed at this site. Add a supervisor to that placement instead."] });
    throw e;
  }
}

/** Adds or removes a site supervisor of a trainee's placement. The last one can't be removed. */
export async function setPlacementSupervisor(ctx: Ctx, input: { traineePlacementId: string; supervisorMembershipId: string; assigned: boolean }): Promise<void> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [tp] = await tx
      .select()
      .from(traineePlacements)
      .where(and(eq(traineePlacements.organisationId, ctx.orgId), eq(traineePlacements.id, input.traineePlacementId)))
      .for("update");
    if (!tp) throw new NotFoundError();
    const key = { organisationId: ctx.orgId, traineePlacementId: tp.id, supervisorMembershipId: input.supervisorMembershipId };
    if (input.assigned) {
      if (!(await memberOfRole(tx, ctx, input.supervisorMembershipId, "supervisor"))) throw new ValidationError("Check the highlighted fields.", { supervisorMembershipId: ["Choose an active supervisor."] });
      const added = await tx.insert(traineePlacementSupervisors).values(key).onConflictDoNothing().returning();
      if (added.length) {
        await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "placement.supervisor_added", targetType: "trainee_placement", targetId: tp.id, detail: { supervisorMembershipId: input.supervisorMembershipId } });
      }
    } else {
      const current = await tx
        .select({ id: traineePlacementSupervisors.supervisorMembershipId })
        .from(traineePlacementSupervisors)
        .where(and(eq(traineePlacementSupervisors.organisationId, ctx.orgId), eq(traineePlacementSupervisors.traineePlacementId, tp.id)));
      if (!current.some((c) => c.id === input.supervisorMembershipId)) return;
      if (current.length === 1) throw new ValidationError("Add another site supervisor first: hours at this placement need someone to approve them.", { supervisorMembershipId: ["Add another site supervisor first."] });
      await tx
        .delete(traineePlacementSupervisors)
        .where(
          and(
            eq(traineePlacementSupervisors.organisationId, ctx.orgId),
            eq(traineePlacementSupervisors.traineePlacementId, tp.id),
            eq(traineePlacementSupervisors.supervisorMembershipId, input.supervisorMembershipId),
          ),
        );
      await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "placement.supervisor_removed", targetType: "trainee_placement", targetId: tp.id, detail: { supervisorMembershipId: input.supervisorMembershipId } });
    }
  });
}

/** Ends (archives) or reopens a trainee's placement. Its hours stay; no new ones can be logged there. */
export async function setPlacementEnded(ctx: Ctx, input: { traineePlacementId: string; version: number; archived: boolean }): Promise<void> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(traineePlacements)
      .set({ archivedAt: input.archived ? new Date() : null, version: sql`${traineePlacements.version} + 1` })
      .where(and(eq(traineePlacements.organisationId, ctx.orgId), eq(traineePlacements.id, input.traineePlacementId), eq(traineePlacements.version, input.version)))
      .returning();
    if (!row) {
      const [exists] = await tx.select({ id: traineePlacements.id }).from(traineePlacements).where(and(eq(traineePlacements.organisationId, ctx.orgId), eq(traineePlacements.id, input.traineePlacementId)));
      if (!exists) throw new NotFoundError();
      throw new ConflictError("This placement was changed by someone else. Reload to see the latest.");
    }
    await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: input.archived ? "placement.ended" : "placement.reopened", targetType: "trainee_placement", targetId: row.id, detail: { traineeMembershipId: row.traineeMembershipId } });
  });
}

export type MyPlacement = { traineePlacementId: string; name: string; kind: string; archived: boolean; supervisors: string[] };

/** The caller's own placements (a trainee), current first: for the forms, the grid and the import. */
export async function listTraineePlacements(db: DbOrTx, orgId: string, traineeMembershipIds: string[]): Promise<(MyPlacement & { traineeMembershipId: string })[]> {
  if (traineeMembershipIds.length === 0) return [];
  const rows = await db
    .select({
      traineePlacementId: traineePlacements.id,
      traineeMembershipId: traineePlacements.traineeMembershipId,
      name: placements.name,
      kind: placements.kind,
      archivedAt: traineePlacements.archivedAt,
      siteArchivedAt: placements.archivedAt,
      supervisors: sql<JsonCell<string[]>>`coalesce((select json_agg(su.name order by lower(su.name)) from trainee_placement_supervisors tps
        join memberships sm on sm.organisation_id = tps.organisation_id and sm.id = tps.supervisor_membership_id join users su on su.id = sm.user_id
        where tps.organisation_id = "trainee_placements"."organisation_id" and tps.trainee_placement_id = "trainee_placements"."id"), '[]'::json)`,
    })
    .from(traineePlacements)
    .innerJoin(placements, and(eq(placements.organisationId, traineePlacements.organisationId), eq(placements.id, traineePlacements.placementId)))
    .where(and(eq(traineePlacements.organisationId, orgId), inArray(traineePlacements.traineeMembershipId, traineeMembershipIds)))
    .orderBy(asc(sql`${traineePlacements.archivedAt} is not null`), asc(sql`lower(${placements.name})`));
  return rows.map(({ archivedAt, siteArchivedAt, supervisors, ...r }) => ({ ...r, archived: Boolean(archivedAt || siteArchivedAt), supervisors: json(supervisors) }));
}

export async function listMyPlacements(ctx: Ctx): Promise<MyPlacement[]> {
  assertCan(ctx, "hours.log");
  const db = await getDb();
  return listTraineePlacements(db, ctx.orgId, [ctx.membershipId]);
}

