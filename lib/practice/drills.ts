import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { practiceAttempts, practiceDrills, practiceDrillVersions, type PracticeDrillVersion } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import type { MarkerCode, RuptureType, StrategyCode } from "@/lib/cases/codes";
import { isUuid } from "@/lib/util/uuid";
import { shippedDrill, shippedDrills } from "./library";
import type { DrillFields } from "./schemas";
import type { Difficulty, Drill } from "./types";

// The drills an organisation's people see: Rapport's own (lib/practice/library.ts) and the
// organisation's own, versioned like evaluation forms: every saved change is a new version row, so
// an attempt always points at the exact words it answered. Archived, never deleted.

type VersionRow = Pick<
  PracticeDrillVersion,
  "id" | "number" | "title" | "ruptureType" | "markers" | "difficulty" | "context" | "clientLines" | "lens" | "suggestedStrategies" | "modelResponse" | "pitfalls" | "clipType" | "clipBytes"
>;

const versionCols = {
  id: practiceDrillVersions.id,
  number: practiceDrillVersions.number,
  title: practiceDrillVersions.title,
  ruptureType: practiceDrillVersions.ruptureType,
  markers: practiceDrillVersions.markers,
  difficulty: practiceDrillVersions.difficulty,
  context: practiceDrillVersions.context,
  clientLines: practiceDrillVersions.clientLines,
  lens: practiceDrillVersions.lens,
  suggestedStrategies: practiceDrillVersions.suggestedStrategies,
  modelResponse: practiceDrillVersions.modelResponse,
  pitfalls: practiceDrillVersions.pitfalls,
  clipType: practiceDrillVersions.clipType,
  clipBytes: practiceDrillVersions.clipBytes,
};

export function customDrill(drillId: string, v: VersionRow, archived: boolean): Drill {
  return {
    key: drillId,
    source: "custom",
    versionNumber: v.number,
    versionId: v.id,
    archived,
    clip: v.clipType && v.clipBytes ? { type: v.clipType, bytes: v.clipBytes } : null,
    title: v.title,
    ruptureType: v.ruptureType as RuptureType,
    markers: v.markers as MarkerCode[],
    difficulty: v.difficulty as Difficulty,
    context: v.context,
    clientLines: v.clientLines,
    lens: v.lens,
    suggestedStrategies: v.suggestedStrategies as StrategyCode[],
    modelResponse: v.modelResponse,
    pitfalls: v.pitfalls,
  };
}

const currentVersionJoin = and(
  eq(practiceDrillVersions.organisationId, practiceDrills.organisationId),
  eq(practiceDrillVersions.drillId, practiceDrills.id),
  eq(practiceDrillVersions.number, practiceDrills.currentVersion),
);

/** The organisation's own drills at their current version (one query). */
export async function customDrills(db: DbOrTx, orgId: string, opts: { includeArchived?: boolean } = {}): Promise<Drill[]> {
  const rows = await db
    .select({ drillId: practiceDrills.id, archivedAt: practiceDrills.archivedAt, v: versionCols })
    .from(practiceDrills)
    .innerJoin(practiceDrillVersions, currentVersionJoin)
    .where(and(eq(practiceDrills.organisationId, orgId), opts.includeArchived ? undefined : sql`${practiceDrills.archivedAt} is null`))
    .orderBy(asc(practiceDrillVersions.difficulty), asc(sql`lower(${practiceDrillVersions.title})`))
    .limit(1000);
  return rows.map((r) => customDrill(r.drillId, r.v, Boolean(r.archivedAt)));
}

/** Every drill the caller's organisation offers: its own first, then Rapport's library. */
export async function listDrills(ctx: Ctx): Promise<Drill[]> {
  assertCan(ctx, "practice.view");
  const db = await getDb();
  return [...(await customDrills(db, ctx.orgId)), ...shippedDrills()];
}

/** One drill by its key (slug or id), for any member of the organisation; archived ones too. */
export async function loadDrill(db: DbOrTx, ctx: Ctx, key: string): Promise<Drill> {
  if (!isUuid(key)) {
    const d = shippedDrill(key);
    if (!d) throw new NotFoundError();
    return d;
  }
  const [row] = await db
    .select({ drillId: practiceDrills.id, archivedAt: practiceDrills.archivedAt, v: versionCols })
    .from(practiceDrills)
    .innerJoin(practiceDrillVersions, currentVersionJoin)
    .where(and(eq(practiceDrills.id, key), eq(practiceDrills.organisationId, ctx.orgId)));
  if (!row) throw new NotFoundError();
  return customDrill(row.drillId, row.v, Boolean(row.archivedAt));
}

export async function getDrill(ctx: Ctx, key: string): Promise<Drill> {
  assertCan(ctx, "practice.view");
  return loadDrill(await getDb(), ctx, key);
}

/** The drill as an attempt answered it: that custom version, or the shipped drill by slug. */
export async function drillOfAttempt(db: DbOrTx, ctx: Ctx, ref: { drillSlug: string | null; drillId: string | null; drillVersionId: string | null }): Promise<Drill | null> {
  if (ref.drillSlug) return shippedDrill(ref.drillSlug) ?? null;
  if (!ref.drillId || !ref.drillVersionId) return null;
  const [row] = await db
    .select({ archivedAt: practiceDrills.archivedAt, v: versionCols })
    .from(practiceDrillVersions)
    .innerJoin(practiceDrills, and(eq(practiceDrills.organisationId, practiceDrillVersions.organisationId), eq(practiceDrills.id, practiceDrillVersions.drillId)))
    .where(and(eq(practiceDrillVersions.organisationId, ctx.orgId), eq(practiceDrillVersions.id, ref.drillVersionId)));
  return row ? customDrill(ref.drillId, row.v, Boolean(row.archivedAt)) : null;
}

export type AuthoredDrillRow = { id: string; version: number; title: string; difficulty: number; ruptureType: string; currentVersion: number; archived: boolean; attempts: number; updatedAt: Date; hasClip: boolean };

/** The organisation's own drills for the admin's list, with how often each was practised (counts only). */
export async function listAuthoredDrills(ctx: Ctx): Promise<AuthoredDrillRow[]> {
  assertCan(ctx, "practice.author");
  const db = await getDb();
  const rows = await db
    .select({
      id: practiceDrills.id,
      version: practiceDrills.version,
      title: practiceDrillVersions.title,
      difficulty: practiceDrillVersions.difficulty,
      ruptureType: practiceDrillVersions.ruptureType,
      currentVersion: practiceDrills.currentVersion,
      archivedAt: practiceDrills.archivedAt,
      updatedAt: practiceDrills.updatedAt,
      clipType: practiceDrillVersions.clipType,
      attempts: sql<number>`(select count(*)::int from ${practiceAttempts} a where a.organisation_id = "practice_drills"."organisation_id" and a.drill_id = "practice_drills"."id")`,
    })
    .from(practiceDrills)
    .innerJoin(practiceDrillVersions, currentVersionJoin)
    .where(eq(practiceDrills.organisationId, ctx.orgId))
    .orderBy(sql`${practiceDrills.archivedAt} is not null`, desc(practiceDrills.updatedAt))
    .limit(500);
  return rows.map(({ archivedAt, clipType, ...r }) => ({ ...r, archived: Boolean(archivedAt), hasClip: Boolean(clipType) }));
}

export type DrillForEdit = { drill: Drill; version: number; versions: { number: number; title: string; createdAt: Date; attempts: number }[] };

export async function getDrillForEdit(ctx: Ctx, drillId: string): Promise<DrillForEdit> {
  assertCan(ctx, "practice.author");
  if (!isUuid(drillId)) throw new NotFoundError();
  const db = await getDb();
  const [row] = await db
    .select({ drillId: practiceDrills.id, archivedAt: practiceDrills.archivedAt, version: practiceDrills.version, v: versionCols })
    .from(practiceDrills)
    .innerJoin(practiceDrillVersions, currentVersionJoin)
    .where(and(eq(practiceDrills.id, drillId), eq(practiceDrills.organisationId, ctx.orgId)));
  if (!row) throw new NotFoundError();
  const versions = await db
    .select({
      number: practiceDrillVersions.number,
      title: practiceDrillVersions.title,
      createdAt: practiceDrillVersions.createdAt,
      attempts: sql<number>`(select count(*)::int from ${practiceAttempts} a where a.organisation_id = "practice_drill_versions"."organisation_id" and a.drill_version_id = "practice_drill_versions"."id")`,
    })
    .from(practiceDrillVersions)
    .where(and(eq(practiceDrillVersions.organisationId, ctx.orgId), eq(practiceDrillVersions.drillId, drillId)))
    .orderBy(desc(practiceDrillVersions.number));
  return { drill: customDrill(row.drillId, row.v, Boolean(row.archivedAt)), version: row.version, versions };
}

function contentOf(input: DrillFields) {
  return {
    title: input.title,
    ruptureType: input.ruptureType,
    markers: input.markers,
    difficulty: input.difficulty,
    context: input.context,
    clientLines: input.clientLines,
    lens: input.lens,
    suggestedStrategies: input.suggestedStrategies,
    modelResponse: input.modelResponse,
    pitfalls: input.pitfalls,
  };
}

export async function createDrill(ctx: Ctx, input: DrillFields): Promise<{ id: string }> {
  assertCan(ctx, "practice.author");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [drill] = await tx.insert(practiceDrills).values({ organisationId: ctx.orgId, createdByMembershipId: ctx.membershipId }).returning({ id: practiceDrills.id });
    await tx.insert(practiceDrillVersions).values({ organisationId: ctx.orgId, drillId: drill.id, number: 1, ...contentOf(input), createdByUserId: ctx.userId });
    await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "practice.drill_created", targetType: "practice_drill", targetId: drill.id, detail: { name: input.title, difficulty: input.difficulty, markers: input.markers } });
    return drill;
  });
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export type SaveDrillResult = { versionNumber: number; changed: boolean; version: number };

/** Saves an edit as a new version (the clip carries over); an unchanged form writes nothing. */
export async function saveDrill(ctx: Ctx, input: DrillFields & { drillId: string; version: number }): Promise<SaveDrillResult> {
  assertCan(ctx, "practice.author");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [drill] = await tx
      .select()
      .from(practiceDrills)
      .where(and(eq(practiceDrills.id, input.drillId), eq(practiceDrills.organisationId, ctx.orgId)))
      .for("update");
    if (!drill) throw new NotFoundError();
    if (drill.version !== input.version) throw new ConflictError("This drill was changed somewhere else while you were editing it. Reload to see the latest version, then make your changes again.");
    const [current] = await tx
      .select()
      .from(practiceDrillVersions)
      .where(and(eq(practiceDrillVersions.organisationId, ctx.orgId), eq(practiceDrillVersions.drillId, drill.id), eq(practiceDrillVersions.number, drill.currentVersion)));
    if (!current) throw new NotFoundError();
    const next = contentOf(input);
    const changed = !same(next, contentOf(current as unknown as DrillFields));
    if (!changed) return { versionNumber: drill.currentVersion, changed: false, version: drill.version };
    const number = drill.currentVersion + 1;
    await tx.insert(practiceDrillVersions).values({
      organisationId: ctx.orgId,
      drillId: drill.id,
      number,
      ...next,
      clipFile: current.clipFile,
      clipType: current.clipType,
      clipBytes: current.clipBytes,
      createdByUserId: ctx.userId,
    });
    const [after] = await tx
      .update(practiceDrills)
      .set({ currentVersion: number, version: sql`${practiceDrills.version} + 1`, updatedAt: new Date() })
      .where(and(eq(practiceDrills.id, drill.id), eq(practiceDrills.organisationId, ctx.orgId), eq(practiceDrills.version, input.version)))
      .returning({ version: practiceDrills.version });
    if (!after) throw new ConflictError();
    await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "practice.drill_versioned", targetType: "practice_drill", targetId: drill.id, detail: { name: input.title, from: drill.currentVersion, to: number } });
    return { versionNumber: number, changed: true, version: after.version };
  });
}

export async function setDrillArchived(ctx: Ctx, input: { drillId: string; version: number; archived: boolean }): Promise<{ version: number }> {
  assertCan(ctx, "practice.author");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(practiceDrills)
      .set({ archivedAt: input.archived ? new Date() : null, version: sql`${practiceDrills.version} + 1`, updatedAt: new Date() })
      .where(and(eq(practiceDrills.id, input.drillId), eq(practiceDrills.organisationId, ctx.orgId), eq(practiceDrills.version, input.version)))
      .returning({ id: practiceDrills.id, version: practiceDrills.version });
    if (!row) {
      const [exists] = await tx.select({ id: practiceDrills.id }).from(practiceDrills).where(and(eq(practiceDrills.id, input.drillId), eq(practiceDrills.organisationId, ctx.orgId)));
      if (!exists) throw new NotFoundError();
      throw new ConflictError("This drill was changed somewhere else. Reload to see the latest version.");
    }
    await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: input.archived ? "practice.drill_archived" : "practice.drill_restored", targetType: "practice_drill", targetId: row.id });
    return { version: row.version };
  });
}
