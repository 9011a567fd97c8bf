import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { hourRequirementSets, type HourRequirementSet } from "@/db/schema";
import { audit, type AuditAction } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { DIRECT, SUPERVISION, type CategoryCode } from "./categories";
import { rulesSchema, type RequirementRules } from "./requirements";
import { standardSet, STANDARD_SETS } from "./standard-sets";

// An organisation's requirement sets: copies of the published ones (lib/hours/standard-sets.ts)
// or its own, edited by its admins. Trainees' progress is shown against every active set.

export async function listRequirementSets(ctx: Ctx): Promise<HourRequirementSet[]> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db
    .select()
    .from(hourRequirementSets)
    .where(eq(hourRequirementSets.organisationId, ctx.orgId))
    .orderBy(asc(sql`lower(${hourRequirementSets.name})`))
    .limit(100);
}

export async function getRequirementSet(ctx: Ctx, id: string): Promise<HourRequirementSet> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const [row] = await db.select().from(hourRequirementSets).where(and(eq(hourRequirementSets.organisationId, ctx.orgId), eq(hourRequirementSets.id, id)));
  if (!row) throw new NotFoundError();
  return row;
}

export function availableStandards() {
  return STANDARD_SETS.map((s) => ({ key: s.key, name: s.name, description: s.description, source: s.source }));
}

/** A free name: "X", else "X (copy)", "X (copy 2)", … */
async function freeName(tx: Tx, orgId: string, base: string, copy: boolean): Promise<string> {
  const taken = new Set(
    (await tx.select({ name: hourRequirementSets.name }).from(hourRequirementSets).where(eq(hourRequirementSets.organisationId, orgId))).map((r) => r.name.toLowerCase()),
  );
  const candidates = [...(copy ? [] : [base]), `${base} (copy)`, ...Array.from({ length: 50 }, (_, i) => `${base} (copy ${i + 2})`)];
  const free = candidates.find((c) => !taken.has(c.toLowerCase()));
  if (!free) throw new ValidationError("There are too many copies of this set already. Rename or delete some first.");
  return free;
}

async function insertSet(tx: Tx, ctx: Ctx, values: { name: string; description: string; source: string; standardKey: string | null; rules: RequirementRules; active: boolean }, action: AuditAction, detail: Record<string, unknown>) {
  const [row] = await tx.insert(hourRequirementSets).values({ organisationId: ctx.orgId, ...values }).returning();
  await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action, targetType: "hour_requirement_set", targetId: row.id, detail: { name: row.name, ...detail } });
  return row;
}

/** Picks a published set: the organisation gets its own copy (active), to use as is or edit. */
export async function adoptStandard(ctx: Ctx, key: string): Promise<{ id: string }> {
  assertCan(ctx, "org.manage");
  const std = standardSet(key);
  if (!std) throw new ValidationError("Choose one of the published sets.", { key: ["Choose one of the published sets."] });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [already] = await tx
      .select({ id: hourRequirementSets.id })
      .from(hourRequirementSets)
      .where(and(eq(hourRequirementSets.organisationId, ctx.orgId), eq(hourRequirementSets.standardKey, key)));
    if (already) throw new ConflictError("Your organisation already uses this set. Copy it if you need a variant.");
    const row = await insertSet(tx, ctx, { name: await freeName(tx, ctx.orgId, std.name, false), description: std.description, source: std.source, standardKey: std.key, rules: std.rules, active: true }, "hours.requirement_set_adopted", { standardKey: key });
    return { id: row.id };
  });
}

/** A new set from scratch: a starting point (client contact and supervision) to edit. */
export async function createOwnSet(ctx: Ctx): Promise<{ id: string }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const rules: RequirementRules = {
      lines: [
        { key: "client_contact", label: "Client contact", minutes: 40 * 60, categories: [...DIRECT] },
        { key: "supervision", label: "Supervision", minutes: 10 * 60, categories: [...SUPERVISION] },
      ],
      ratio: null,
      window: { from: null, to: null, months: null },
    };
    const row = await insertSet(tx, ctx, { name: await freeName(tx, ctx.orgId, "Our requirements", false), description: "", source: "", standardKey: null, rules, active: false }, "hours.requirement_set_created", {});
    return { id: row.id };
  });
}

export async function copySet(ctx: Ctx, id: string): Promise<{ id: string }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [src] = await tx.select().from(hourRequirementSets).where(and(eq(hourRequirementSets.organisationId, ctx.orgId), eq(hourRequirementSets.id, id)));
    if (!src) throw new NotFoundError();
    const row = await insertSet(
      tx,
      ctx,
      { name: await freeName(tx, ctx.orgId, src.name, true), description: src.description, source: src.source, standardKey: null, rules: src.rules, active: false },
      "hours.requirement_set_copied",
      { from: src.id },
    );
    return { id: row.id };
  });
}

function keyOf(label: string, used: Set<string>): string {
  const base = label.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "").slice(0, 30) || "line";
  let k = base;
  for (let i = 2; used.has(k); i++) k = `${base}_${i}`;
  used.add(k);
  return k;
}

export type SetUpdate = {
  id: string;
  version: number;
  name: string;
  description: string;
  source: string;
  active: boolean;
  lines: { label: string; hours: number; categories: CategoryCode[] }[];
  ratioPer: number | "";
  windowFrom?: string;
  windowTo?: string;
  windowMonths: number | "";
};

export async function updateSet(ctx: Ctx, input: SetUpdate): Promise<{ version: number }> {
  assertCan(ctx, "org.manage");
  const used = new Set<string>();
  const rules: RequirementRules = {
    lines: input.lines.map((l) => ({ key: keyOf(l.label, used), label: l.label, minutes: Math.round(l.hours * 60), categories: [...new Set(l.categories)] })),
    ratio: input.ratioPer === "" ? null : { contactHoursPerSupervisionHour: input.ratioPer, contact: [...DIRECT], supervision: [...SUPERVISION] },
    window: { from: input.windowFrom || null, to: input.windowTo || null, months: input.windowMonths === "" ? null : input.windowMonths },
  };
  const checked = rulesSchema.safeParse(rules);
  if (!checked.success) throw new ValidationError("Check the requirements: each needs a name, a number of hours and at least one category.", { lines: ["Check each requirement."] });
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx.select().from(hourRequirementSets).where(and(eq(hourRequirementSets.organisationId, ctx.orgId), eq(hourRequirementSets.id, input.id)));
      if (!before) throw new NotFoundError();
      const [row] = await tx
        .update(hourRequirementSets)
        .set({ name: input.name, description: input.description, source: input.source, active: input.active, rules: checked.data, version: sql`${hourRequirementSets.version} + 1`, updatedAt: new Date() })
        .where(and(eq(hourRequirementSets.organisationId, ctx.orgId), eq(hourRequirementSets.id, input.id), eq(hourRequirementSets.version, input.version)))
        .returning({ version: hourRequirementSets.version });
      if (!row) throw new ConflictError("Someone else changed this set while you were editing. Reload to see their changes, then make yours again.");
      await audit(tx, {
        organisationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "hours.requirement_set_updated",
        targetType: "hour_requirement_set",
        targetId: input.id,
        detail: { from: { name: before.name, active: before.active, rules: before.rules }, to: { name: input.name, active: input.active, rules: checked.data } },
      });
      return row;
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError("Check the highlighted fields.", { name: ["Another set already has this name."] });
    throw e;
  }
}

export async function deleteSet(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx.delete(hourRequirementSets).where(and(eq(hourRequirementSets.organisationId, ctx.orgId), eq(hourRequirementSets.id, id))).returning();
    if (!row) throw new NotFoundError();
    await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "hours.requirement_set_deleted", targetType: "hour_requirement_set", targetId: id, detail: { name: row.name, rules: row.rules } });
  });
}
