import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { evaluationForms, evaluationFormVersions, evaluationRounds, type FormDefinition } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { isUniqueViolation } from "@/lib/core/db-errors";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { STARTER_FORM, STARTER_FORM_NAME } from "./starter-form";

// Evaluation forms, versioned like the code lists: a version that a round has used is frozen
// (a trigger enforces it too), so editing such a form writes a new version and every earlier
// round keeps the version it opened with. A version no round has used yet is edited in place.

const NAME_TAKEN = "Your organisation already has a form with this name. Choose another name.";

export type FormListRow = {
  id: string;
  name: string;
  source: string;
  currentVersion: number;
  archivedAt: Date | null;
  version: number;
  rounds: number;
  updatedAt: Date;
};

/** The organisation's forms, with how many rounds used any of their versions (one query). */
export async function listForms(ctx: Ctx): Promise<FormListRow[]> {
  assertCan(ctx, "evaluations.forms");
  const db = await getDb();
  return db
    .select({
      id: evaluationForms.id,
      name: evaluationForms.name,
      source: evaluationForms.source,
      currentVersion: evaluationForms.currentVersion,
      archivedAt: evaluationForms.archivedAt,
      version: evaluationForms.version,
      updatedAt: evaluationForms.updatedAt,
      rounds: sql<number>`(select count(*)::int from ${evaluationRounds} r join ${evaluationFormVersions} v on v.id = r.form_version_id and v.organisation_id = r.organisation_id
        where r.organisation_id = "evaluation_forms"."organisation_id" and v.form_id = "evaluation_forms"."id")`,
    })
    .from(evaluationForms)
    .where(eq(evaluationForms.organisationId, ctx.orgId))
    .orderBy(sql`${evaluationForms.archivedAt} is not null`, asc(sql`lower(${evaluationForms.name})`))
    .limit(500);
}

/** Forms a round can be opened with: not archived. Supervisors see names only. */
export async function listOpenableForms(ctx: Ctx): Promise<{ id: string; name: string; currentVersion: number }[]> {
  assertCan(ctx, "evaluations.open");
  const db = await getDb();
  return db
    .select({ id: evaluationForms.id, name: evaluationForms.name, currentVersion: evaluationForms.currentVersion })
    .from(evaluationForms)
    .where(and(eq(evaluationForms.organisationId, ctx.orgId), isNull(evaluationForms.archivedAt)))
    .orderBy(asc(sql`lower(${evaluationForms.name})`))
    .limit(500);
}

export type FormForEdit = {
  id: string;
  name: string;
  source: string;
  version: number;
  archivedAt: Date | null;
  currentVersion: number;
  definition: FormDefinition;
  /** Saving changes writes a new version (the current one is used by a round). */
  currentInUse: boolean;
  versions: { number: number; name: string; createdAt: Date; updatedAt: Date; rounds: number }[];
};

export async function getFormForEdit(ctx: Ctx, formId: string): Promise<FormForEdit> {
  assertCan(ctx, "evaluations.forms");
  const db = await getDb();
  const [form] = await db.select().from(evaluationForms).where(and(eq(evaluationForms.id, formId), eq(evaluationForms.organisationId, ctx.orgId)));
  if (!form) throw new NotFoundError();
  const versions = await db
    .select({
      number: evaluationFormVersions.number,
      name: evaluationFormVersions.name,
      definition: evaluationFormVersions.definition,
      createdAt: evaluationFormVersions.createdAt,
      updatedAt: evaluationFormVersions.updatedAt,
      rounds: sql<number>`(select count(*)::int from ${evaluationRounds} r where r.organisation_id = "evaluation_form_versions"."organisation_id" and r.form_version_id = "evaluation_form_versions"."id")`,
    })
    .from(evaluationFormVersions)
    .where(and(eq(evaluationFormVersions.organisationId, ctx.orgId), eq(evaluationFormVersions.formId, form.id)))
    .orderBy(desc(evaluationFormVersions.number));
  const current = versions.find((v) => v.number === form.currentVersion);
  if (!current) throw new NotFoundError();
  return {
    id: form.id,
    name: form.name,
    source: form.source,
    version: form.version,
    archivedAt: form.archivedAt,
    currentVersion: form.currentVersion,
    definition: current.definition,
    currentInUse: current.rounds > 0,
    versions: versions.map(({ definition: _d, ...v }) => v),
  };
}

async function insertForm(ctx: Ctx, input: { name: string; definition: FormDefinition; source: "starter" | "custom" }) {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [form] = await tx.insert(evaluationForms).values({ organisationId: ctx.orgId, name: input.name, source: input.source, currentVersion: 1 }).returning();
      await tx.insert(evaluationFormVersions).values({ organisationId: ctx.orgId, formId: form.id, number: 1, name: input.name, definition: input.definition, createdByUserId: ctx.userId });
      await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "evaluation_form.created", targetType: "evaluation_form", targetId: form.id, detail: { name: form.name, source: input.source } });
      return form;
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      if (input.source === "starter") throw new ConflictError("Rapport's starter form is already among your organisation's forms.");
      throw new ValidationError("Check the highlighted fields.", { name: [NAME_TAKEN] });
    }
    throw e;
  }
}

export async function createForm(ctx: Ctx, input: { name: string; definition: FormDefinition }) {
  assertCan(ctx, "evaluations.forms");
  return insertForm(ctx, { ...input, source: "custom" });
}

/** Adds a copy of Rapport's starter form to the organisation's forms (once). */
export async function installStarterForm(ctx: Ctx) {
  assertCan(ctx, "evaluations.forms");
  return insertForm(ctx, { name: STARTER_FORM_NAME, definition: STARTER_FORM, source: "starter" });
}

/** JSON with sorted keys: jsonb does not keep key order, so compare definitions this way. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

/** versionNumber: the form version now current; formVersion: the row's concurrency version, for the next save. */
export type SaveFormResult = { versionNumber: number; newVersion: boolean; changed: boolean; formVersion: number };

/**
 * Saves the builder's form. When the current version is used by a round, the change becomes a
 * new version (rounds and their evaluations keep theirs); otherwise the current version is edited.
 */
export async function saveForm(ctx: Ctx, input: { formId: string; version: number; name: string; definition: FormDefinition }): Promise<SaveFormResult> {
  assertCan(ctx, "evaluations.forms");
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [form] = await tx
        .select()
        .from(evaluationForms)
        .where(and(eq(evaluationForms.id, input.formId), eq(evaluationForms.organisationId, ctx.orgId)))
        .for("update");
      if (!form) throw new NotFoundError();
      if (form.version !== input.version) throw new ConflictError("This form was changed somewhere else while you were editing it. Reload to see the latest version, then make your changes again.");
      const [current] = await tx
        .select({
          id: evaluationFormVersions.id,
          name: evaluationFormVersions.name,
          definition: evaluationFormVersions.definition,
          used: sql<boolean>`exists (select 1 from ${evaluationRounds} r where r.organisation_id = "evaluation_form_versions"."organisation_id" and r.form_version_id = "evaluation_form_versions"."id")`,
        })
        .from(evaluationFormVersions)
        .where(and(eq(evaluationFormVersions.organisationId, ctx.orgId), eq(evaluationFormVersions.formId, form.id), eq(evaluationFormVersions.number, form.currentVersion)))
        .for("update");
      if (!current) throw new NotFoundError();
      const changed = current.name !== input.name || canonical(current.definition) !== canonical(input.definition);
      if (!changed && form.name === input.name) return { versionNumber: form.currentVersion, newVersion: false, changed: false, formVersion: form.version };
      const now = new Date();
      const newVersion = changed && Boolean(current.used);
      const number = newVersion ? form.currentVersion + 1 : form.currentVersion;
      if (newVersion) {
        await tx.insert(evaluationFormVersions).values({ organisationId: ctx.orgId, formId: form.id, number, name: input.name, definition: input.definition, createdByUserId: ctx.userId });
      } else if (changed) {
        await tx.update(evaluationFormVersions).set({ name: input.name, definition: input.definition, updatedAt: now }).where(and(eq(evaluationFormVersions.id, current.id), eq(evaluationFormVersions.organisationId, ctx.orgId)));
      }
      const [after] = await tx
        .update(evaluationForms)
        .set({ name: input.name, currentVersion: number, version: sql`${evaluationForms.version} + 1`, updatedAt: now })
        .where(and(eq(evaluationForms.id, form.id), eq(evaluationForms.organisationId, ctx.orgId), eq(evaluationForms.version, input.version)))
        .returning({ id: evaluationForms.id, version: evaluationForms.version });
      if (!after) throw new ConflictError();
      await audit(tx, {
        organisationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: newVersion ? "evaluation_form.versioned" : "evaluation_form.edited",
        targetType: "evaluation_form",
        targetId: form.id,
        detail: { versionNumber: number, name: input.name },
      });
      return { versionNumber: number, newVersion, changed: true, formVersion: after.version };
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new ValidationError("Check the highlighted fields.", { name: [NAME_TAKEN] });
    throw e;
  }
}

/** Archived forms can't start new rounds; rounds already open keep going. */
export async function setFormArchived(ctx: Ctx, input: { formId: string; version: number; archived: boolean }) {
  assertCan(ctx, "evaluations.forms");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [form] = await tx.select({ id: evaluationForms.id }).from(evaluationForms).where(and(eq(evaluationForms.id, input.formId), eq(evaluationForms.organisationId, ctx.orgId)));
    if (!form) throw new NotFoundError();
    const [after] = await tx
      .update(evaluationForms)
      .set({ archivedAt: input.archived ? new Date() : null, version: sql`${evaluationForms.version} + 1`, updatedAt: new Date() })
      .where(and(eq(evaluationForms.id, form.id), eq(evaluationForms.organisationId, ctx.orgId), eq(evaluationForms.version, input.version)))
      .returning({ id: evaluationForms.id, name: evaluationForms.name });
    if (!after) throw new ConflictError();
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: input.archived ? "evaluation_form.archived" : "evaluation_form.restored",
      targetType: "evaluation_form",
      targetId: form.id,
      detail: { name: after.name },
    });
    return after;
  });
}
