import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { assessmentOverrides, assessmentSettings, moduleRequirements, modules } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ConflictError, ValidationError } from "@/lib/core/errors";
import { DEFAULT_ASSESSMENT_SETTINGS, pickSettings, type AssessmentSettings } from "./assessment/settings";
import { issueCertificates } from "./certificate-rule";
import { settingsFromInput, type assessmentOverrideInput, type assessmentSettingsInput } from "./schemas";
import type { z } from "zod";

// An org_admin's view and changes of the organisation's assessment rules and of the overrides
// for the modules it requires (the rules in force are read in ./assessment-rules.ts).

export type AssessmentAdminView = {
  organisation: { settings: AssessmentSettings; version: number };
  overrides: { moduleId: string; moduleTitle: string; settings: AssessmentSettings; version: number; required: boolean }[];
  /** Required modules that follow the organisation's rules, for the "add an override" picker. */
  requiredWithoutOverride: { id: string; title: string }[];
};

export async function getAssessmentAdmin(ctx: Ctx): Promise<AssessmentAdminView> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  const [[org], overrides, required] = await Promise.all([
    db.select().from(assessmentSettings).where(eq(assessmentSettings.organisationId, ctx.orgId)),
    db
      .select({ o: assessmentOverrides, title: modules.title, position: modules.position })
      .from(assessmentOverrides)
      .innerJoin(modules, and(eq(modules.id, assessmentOverrides.moduleId), isNull(modules.retiredAt)))
      .where(eq(assessmentOverrides.organisationId, ctx.orgId))
      .orderBy(asc(modules.position)),
    db
      .selectDistinct({ id: modules.id, title: modules.title, position: modules.position })
      .from(moduleRequirements)
      .innerJoin(modules, and(eq(modules.id, moduleRequirements.moduleId), isNull(modules.retiredAt)))
      .where(eq(moduleRequirements.organisationId, ctx.orgId))
      .orderBy(asc(modules.position)),
  ]);
  const requiredIds = new Set(required.map((r) => r.id));
  const overridden = new Set(overrides.map((o) => o.o.moduleId));
  return {
    organisation: { settings: org ? pickSettings(org) : DEFAULT_ASSESSMENT_SETTINGS, version: org?.version ?? 0 },
    overrides: overrides.map((o) => ({ moduleId: o.o.moduleId, moduleTitle: o.title, settings: pickSettings(o.o), version: o.o.version, required: requiredIds.has(o.o.moduleId) })),
    requiredWithoutOverride: required.filter((r) => !overridden.has(r.id)).map((r) => ({ id: r.id, title: r.title })),
  };
}

const STALE = "Someone else changed these settings while you were editing. Reload the page to see their change, then make yours again.";

/** The organisation's rules; `version` is what the form was loaded with (0 before the first save). */
export async function updateAssessmentSettings(ctx: Ctx, input: z.output<typeof assessmentSettingsInput>) {
  assertCan(ctx, "org.manage");
  const next = settingsFromInput(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(assessmentSettings).where(eq(assessmentSettings.organisationId, ctx.orgId)).for("update");
    if ((before?.version ?? 0) !== input.version) throw new ConflictError(STALE);
    const [saved] = before
      ? await tx
          .update(assessmentSettings)
          .set({ ...next, version: sql`${assessmentSettings.version} + 1`, updatedAt: new Date() })
          .where(and(eq(assessmentSettings.organisationId, ctx.orgId), eq(assessmentSettings.version, input.version)))
          .returning()
      : await tx
          .insert(assessmentSettings)
          .values({ organisationId: ctx.orgId, ...next, version: 1 })
          .onConflictDoNothing()
          .returning();
    if (!saved) throw new ConflictError(STALE);
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "assessment.settings_updated",
      targetType: "organisation",
      targetId: ctx.orgId,
      detail: { before: before ? pickSettings(before) : DEFAULT_ASSESSMENT_SETTINGS, after: next },
    });
    // Relaxing a rule (no longer waiting for the reflection) completes anyone it was holding back.
    const followers = await tx
      .select({ id: modules.id })
      .from(modules)
      .where(and(isNull(modules.retiredAt), sql`not exists (select 1 from assessment_overrides o where o.organisation_id = ${ctx.orgId} and o.module_id = "modules"."id")`));
    let issued = 0;
    for (const m of followers) issued += (await issueCertificates(tx, { orgId: ctx.orgId, moduleId: m.id, actorUserId: ctx.userId, settings: next })).length;
    return { version: saved.version, issued };
  });
}

/** Creates or updates one module's own rules. A new override is only for a module the organisation requires. */
export async function saveAssessmentOverride(ctx: Ctx, input: z.output<typeof assessmentOverrideInput>) {
  assertCan(ctx, "org.manage");
  const next = settingsFromInput(input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [mod] = await tx.select({ id: modules.id, title: modules.title }).from(modules).where(and(eq(modules.id, input.moduleId), isNull(modules.retiredAt)));
    if (!mod) throw new ValidationError("Check the highlighted fields.", { moduleId: ["Choose a module from the list."] });
    const [before] = await tx
      .select()
      .from(assessmentOverrides)
      .where(and(eq(assessmentOverrides.organisationId, ctx.orgId), eq(assessmentOverrides.moduleId, mod.id)))
      .for("update");
    if ((before?.version ?? 0) !== input.version) throw new ConflictError(STALE);
    if (!before) {
      const [req] = await tx
        .select({ id: moduleRequirements.id })
        .from(moduleRequirements)
        .where(and(eq(moduleRequirements.organisationId, ctx.orgId), eq(moduleRequirements.moduleId, mod.id)))
        .limit(1);
      if (!req) throw new ValidationError("Check the highlighted fields.", { moduleId: ["Only a required module can have its own settings. Require it first on the Required modules page."] });
    }
    const [saved] = before
      ? await tx
          .update(assessmentOverrides)
          .set({ ...next, version: sql`${assessmentOverrides.version} + 1`, updatedAt: new Date() })
          .where(and(eq(assessmentOverrides.organisationId, ctx.orgId), eq(assessmentOverrides.moduleId, mod.id), eq(assessmentOverrides.version, input.version)))
          .returning()
      : await tx
          .insert(assessmentOverrides)
          .values({ organisationId: ctx.orgId, moduleId: mod.id, ...next, version: 1 })
          .onConflictDoNothing()
          .returning();
    if (!saved) throw new ConflictError(STALE);
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: before ? "assessment.override_updated" : "assessment.override_created",
      targetType: "module",
      targetId: mod.id,
      detail: { module: mod.title, before: before ? pickSettings(before) : null, after: next },
    });
    const issued = await issueCertificates(tx, { orgId: ctx.orgId, moduleId: mod.id, actorUserId: ctx.userId, settings: next });
    return { version: saved.version, issued: issued.length };
  });
}

/** The module goes back to the organisation's rules (a module without its own rules already does: nothing changes). */
export async function removeAssessmentOverride(ctx: Ctx, input: { moduleId: string }) {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(assessmentOverrides)
      .where(and(eq(assessmentOverrides.organisationId, ctx.orgId), eq(assessmentOverrides.moduleId, input.moduleId)))
      .returning();
    if (!gone) return { removed: false, issued: 0 };
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "assessment.override_removed",
      targetType: "module",
      targetId: gone.moduleId,
      detail: { before: pickSettings(gone) },
    });
    const issued = await issueCertificates(tx, { orgId: ctx.orgId, moduleId: gone.moduleId, actorUserId: ctx.userId });
    return { removed: true, issued: issued.length };
  });
}
