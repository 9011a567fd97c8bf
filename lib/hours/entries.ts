import "server-only";
import { and, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import { getDb, type DbOrTx, type Tx } from "@/db/client";
import { hourEntries, placements, traineePlacements, type HourEntry } from "@/db/schema";
import { audit, auditMany } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import type { Pending } from "@/lib/email/send";
import type { CategoryCode } from "./categories";
import { addDays, today, weekStart } from "./days";
import { deliverLater, hoursSubmitted } from "./events";

// A trainee's own entries: add, edit and delete while not yet approved, submit for approval, save
// a week from the grid, and correct an approved (locked) entry with a new one that points at it.

const FUTURE = "This day hasn't happened yet: log hours once they have.";
export const LOCKED_MESSAGE = "This entry is approved and locked. To change it, record a correction: both are kept, and the correction counts once approved.";

type EntryValues = { traineePlacementId: string; occurredOn: string; minutes: number; category: CategoryCode; note: string };

/** The trainee's own placement, current (not ended, site not archived), unless `allow` names it. */
async function ownPlacement(tx: DbOrTx, ctx: Ctx, traineePlacementId: string, opts: { allowEnded?: string | null } = {}) {
  const [tp] = await tx
    .select({ id: traineePlacements.id, archivedAt: traineePlacements.archivedAt, siteArchivedAt: placements.archivedAt, name: placements.name })
    .from(traineePlacements)
    .innerJoin(placements, and(eq(placements.organisationId, traineePlacements.organisationId), eq(placements.id, traineePlacements.placementId)))
    .where(and(eq(traineePlacements.organisationId, ctx.orgId), eq(traineePlacements.id, traineePlacementId), eq(traineePlacements.traineeMembershipId, ctx.membershipId)));
  // Not the caller's (another trainee's, another organisation's, or made up): nothing to act on.
  if (!tp) throw new NotFoundError();
  if ((tp.archivedAt || tp.siteArchivedAt) && opts.allowEnded !== tp.id) {
    throw new ValidationError("Check the highlighted fields.", { traineePlacementId: ["This placement has ended: choose a current one, or ask your admin to reopen it."] });
  }
  return tp;
}

function notFuture(day: string, field = "occurredOn") {
  if (day > today()) throw new ValidationError("Check the highlighted fields.", { [field]: [FUTURE] });
}

/** Loads one of the caller's own entries for a change, locked against concurrent writers. */
async function ownEntryForUpdate(tx: Tx, ctx: Ctx, id: string): Promise<HourEntry> {
  const [e] = await tx
    .select()
    .from(hourEntries)
    .where(and(eq(hourEntries.organisationId, ctx.orgId), eq(hourEntries.id, id), eq(hourEntries.traineeMembershipId, ctx.membershipId)))
    .for("update");
  if (!e) throw new NotFoundError();
  return e;
}

function assertEditable(e: HourEntry, version: number) {
  if (e.status === "approved") throw new ConflictError(LOCKED_MESSAGE);
  if (e.status === "submitted") throw new ConflictError("This entry is waiting for your supervisor's approval, so it can't be changed now. If it is wrong, ask them to return it.");
  if (e.sessionId) throw new ConflictError("Hours from a supervision session are recorded by the supervisor who ran it.");
  if (e.version !== version) throw new ConflictError("This entry was changed somewhere else (another tab or device). Reload to see the latest.");
}

export async function createEntry(ctx: Ctx, input: EntryValues): Promise<{ id: string; version: number }> {
  assertCan(ctx, "hours.log");
  notFuture(input.occurredOn);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const tp = await ownPlacement(tx, ctx, input.traineePlacementId);
    const [row] = await tx
      .insert(hourEntries)
      .values({ organisationId: ctx.orgId, traineeMembershipId: ctx.membershipId, traineePlacementId: tp.id, occurredOn: input.occurredOn, minutes: input.minutes, category: input.category, note: input.note, createdVia: "form" })
      .returning({ id: hourEntries.id, version: hourEntries.version });
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "hours.entry_created",
      targetType: "hour_entry",
      targetId: row.id,
      detail: { occurredOn: input.occurredOn, minutes: input.minutes, category: input.category, traineePlacementId: tp.id },
    });
    return row;
  });
}

export async function updateEntry(ctx: Ctx, input: EntryValues & { id: string; version: number }): Promise<{ id: string; version: number }> {
  assertCan(ctx, "hours.log");
  notFuture(input.occurredOn);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const e = await ownEntryForUpdate(tx, ctx, input.id);
      assertEditable(e, input.version);
      const tp = await ownPlacement(tx, ctx, input.traineePlacementId, { allowEnded: e.traineePlacementId });
      const [row] = await tx
        .update(hourEntries)
        .set({ traineePlacementId: tp.id, occurredOn: input.occurredOn, minutes: input.minutes, category: input.category, note: input.note, version: sql`${hourEntries.version} + 1`, updatedAt: new Date() })
        .where(and(eq(hourEntries.id, e.id), eq(hourEntries.organisationId, ctx.orgId), eq(hourEntries.version, input.version)))
        .returning({ id: hourEntries.id, version: hourEntries.version });
      if (!row) throw new ConflictError();
      await audit(tx, {
        organisationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "hours.entry_updated",
        targetType: "hour_entry",
        targetId: e.id,
        detail: {
          from: { occurredOn: e.occurredOn, minutes: e.minutes, category: e.category, traineePlacementId: e.traineePlacementId },
          to: { occurredOn: input.occurredOn, minutes: input.minutes, category: input.category, traineePlacementId: tp.id },
          status: e.status,
        },
      });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError("Another draft from the week grid already covers this day, placement and category. Change that one instead.", { occurredOn: ["A grid draft already covers this day, placement and category."] });
    throw e;
  }
}

export async function deleteEntry(ctx: Ctx, input: { id: string; version: number }): Promise<void> {
  assertCan(ctx, "hours.log");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const e = await ownEntryForUpdate(tx, ctx, input.id);
    assertEditable(e, input.version);
    await tx.delete(hourEntries).where(and(eq(hourEntries.id, e.id), eq(hourEntries.organisationId, ctx.orgId), eq(hourEntries.version, input.version)));
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "hours.entry_deleted",
      targetType: "hour_entry",
      targetId: e.id,
      detail: { occurredOn: e.occurredOn, minutes: e.minutes, category: e.category, status: e.status },
    });
  });
}

/**
 * Submits drafts and returned entries for approval, all or nothing: an entry that is no longer a
 * draft (submitted elsewhere, approved) makes the whole submission a conflict.
 */
export async function submitEntries(ctx: Ctx, input: { ids: string[] }): Promise<{ submitted: number }> {
  assertCan(ctx, "hours.log");
  const ids = [...new Set(input.ids)];
  const db = await getDb();
  let pending: Pending | undefined;
  const done = await db.transaction(async (tx) => {
    const now = new Date();
    const own = await tx
      .select({ id: hourEntries.id })
      .from(hourEntries)
      .where(and(eq(hourEntries.organisationId, ctx.orgId), eq(hourEntries.traineeMembershipId, ctx.membershipId), inArray(hourEntries.id, ids)))
      .for("update");
    if (own.length !== ids.length) throw new NotFoundError();
    const rows = await tx
      .update(hourEntries)
      .set({ status: "submitted", submittedAt: now, version: sql`${hourEntries.version} + 1`, updatedAt: now })
      .where(
        and(
          eq(hourEntries.organisationId, ctx.orgId),
          eq(hourEntries.traineeMembershipId, ctx.membershipId),
          inArray(hourEntries.id, ids),
          inArray(hourEntries.status, ["draft", "returned"]),
          isNull(hourEntries.sessionId),
        ),
      )
      .returning({ id: hourEntries.id, minutes: hourEntries.minutes, traineePlacementId: hourEntries.traineePlacementId });
    if (rows.length !== ids.length) {
      throw new ConflictError("Some of these entries were already submitted or changed elsewhere, so nothing was submitted. Reload to see the latest, then submit again.");
    }
    await auditMany(
      tx,
      rows.map((r) => ({ organisationId: ctx.orgId, actorUserId: ctx.userId, action: "hours.entry_submitted", targetType: "hour_entry", targetId: r.id, detail: { minutes: r.minutes } })),
    );
    const byPlacement = new Map<string, { count: number; minutes: number }>();
    for (const r of rows) {
      const p = byPlacement.get(r.traineePlacementId!) ?? { count: 0, minutes: 0 };
      byPlacement.set(r.traineePlacementId!, { count: p.count + 1, minutes: p.minutes + r.minutes });
    }
    pending = await hoursSubmitted(tx, ctx, byPlacement);
    return { submitted: rows.length };
  });
  deliverLater(pending);
  return done;
}

export type GridCell = { traineePlacementId: string; day: string; category: CategoryCode; minutes: number };

/**
 * Saves the week grid: each non-empty cell becomes (or updates) one draft, an emptied cell removes
 * its draft. Only the grid's own drafts are touched; submitted, approved and imported entries stay.
 */
export async function saveWeek(ctx: Ctx, input: { weekStart: string; cells: GridCell[] }): Promise<{ created: number; updated: number; removed: number }> {
  assertCan(ctx, "hours.log");
  if (weekStart(input.weekStart) !== input.weekStart) throw new ValidationError("Check the highlighted fields.", { weekStart: ["A week starts on a Monday."] });
  const last = addDays(input.weekStart, 6);
  const key = (c: { traineePlacementId: string | null; day: string; category: string }) => `${c.traineePlacementId}|${c.day}|${c.category}`;
  const cells = new Map<string, GridCell>();
  for (const c of input.cells) {
    if (c.day < input.weekStart || c.day > last) throw new ValidationError("Check the highlighted fields.", { cells: ["Every cell must be a day of this week."] });
    cells.set(key(c), c);
  }
  const now = today();
  if ([...cells.values()].some((c) => c.minutes > 0 && c.day > now)) throw new ValidationError("Check the highlighted fields.", { cells: [FUTURE] });
  const perDay = new Map<string, number>();
  for (const c of cells.values()) perDay.set(c.day, (perDay.get(c.day) ?? 0) + c.minutes);
  const long = [...perDay].find(([, m]) => m > 24 * 60);
  if (long) throw new ValidationError("Check the highlighted fields.", { cells: [`${long[0]} adds up to more than 24 hours.`] });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const placementIds = [...new Set([...cells.values()].filter((c) => c.minutes > 0).map((c) => c.traineePlacementId))];
    if (placementIds.length) {
      const own = await tx
        .select({ id: traineePlacements.id, archivedAt: traineePlacements.archivedAt, siteArchivedAt: placements.archivedAt })
        .from(traineePlacements)
        .innerJoin(placements, and(eq(placements.organisationId, traineePlacements.organisationId), eq(placements.id, traineePlacements.placementId)))
        .where(and(eq(traineePlacements.organisationId, ctx.orgId), eq(traineePlacements.traineeMembershipId, ctx.membershipId), inArray(traineePlacements.id, placementIds)));
      if (own.length !== placementIds.length) throw new NotFoundError();
      if (own.some((p) => p.archivedAt || p.siteArchivedAt)) throw new ValidationError("Check the highlighted fields.", { cells: ["One of the placements has ended. Reload the week."] });
    }
    const existing = await tx
      .select({ id: hourEntries.id, traineePlacementId: hourEntries.traineePlacementId, day: hourEntries.occurredOn, category: hourEntries.category, minutes: hourEntries.minutes })
      .from(hourEntries)
      .where(
        and(
          eq(hourEntries.organisationId, ctx.orgId),
          eq(hourEntries.traineeMembershipId, ctx.membershipId),
          gte(hourEntries.occurredOn, input.weekStart),
          lte(hourEntries.occurredOn, last),
          eq(hourEntries.createdVia, "grid"),
          eq(hourEntries.status, "draft"),
        ),
      )
      .for("update");
    const byKey = new Map(existing.map((e) => [key(e), e]));
    const inserts: (typeof hourEntries.$inferInsert)[] = [];
    const removed: string[] = [];
    let updated = 0;
    for (const [k, c] of cells) {
      const e = byKey.get(k);
      if (c.minutes > 0 && !e) {
        inserts.push({ organisationId: ctx.orgId, traineeMembershipId: ctx.membershipId, traineePlacementId: c.traineePlacementId, occurredOn: c.day, minutes: c.minutes, category: c.category, createdVia: "grid" });
      } else if (c.minutes > 0 && e && e.minutes !== c.minutes) {
        await tx
          .update(hourEntries)
          .set({ minutes: c.minutes, version: sql`${hourEntries.version} + 1`, updatedAt: new Date() })
          .where(and(eq(hourEntries.organisationId, ctx.orgId), eq(hourEntries.id, e.id)));
        updated++;
      } else if (c.minutes === 0 && e) removed.push(e.id);
    }
    if (removed.length) await tx.delete(hourEntries).where(and(eq(hourEntries.organisationId, ctx.orgId), inArray(hourEntries.id, removed)));
    const created = inserts.length ? await tx.insert(hourEntries).values(inserts).returning({ id: hourEntries.id }) : [];
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "hours.week_saved",
      targetType: "membership",
      targetId: ctx.membershipId,
      detail: { weekStart: input.weekStart, created: created.map((c) => c.id), updated, removed },
    });
    return { created: created.length, updated, removed: removed.length };
  });
}

/**
 * A correction of an approved entry: a new draft that points at it and goes through approval like
 * any other. The original stays locked and counted until the correction is approved.
 */
export async function correctEntry(ctx: Ctx, input: EntryValues & { correctsId: string }): Promise<{ id: string }> {
  assertCan(ctx, "hours.log");
  notFuture(input.occurredOn);
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [original] = await tx
        .select()
        .from(hourEntries)
        .where(and(eq(hourEntries.organisationId, ctx.orgId), eq(hourEntries.id, input.correctsId), eq(hourEntries.traineeMembershipId, ctx.membershipId)));
      if (!original) throw new NotFoundError();
      if (original.status !== "approved") throw new ConflictError("Only an approved entry needs a correction: this one can still be edited directly.");
      if (original.sessionId) throw new ConflictError("Hours from a supervision session are recorded by the supervisor who ran it: ask them to correct the session.");
      const tp = await ownPlacement(tx, ctx, input.traineePlacementId, { allowEnded: original.traineePlacementId });
      const [row] = await tx
        .insert(hourEntries)
        .values({
          organisationId: ctx.orgId,
          traineeMembershipId: ctx.membershipId,
          traineePlacementId: tp.id,
          occurredOn: input.occurredOn,
          minutes: input.minutes,
          category: input.category,
          note: input.note,
          createdVia: "correction",
          correctsEntryId: original.id,
        })
        .returning({ id: hourEntries.id });
      await audit(tx, {
        organisationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "hours.correction_created",
        targetType: "hour_entry",
        targetId: row.id,
        detail: { corrects: original.id, from: { occurredOn: original.occurredOn, minutes: original.minutes, category: original.category }, to: { occurredOn: input.occurredOn, minutes: input.minutes, category: input.category } },
      });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ConflictError("This entry already has a correction. Change that correction instead (it is linked from the entry).");
    throw e;
  }
}
