import "server-only";
import { cache } from "react";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { moduleCpdHours, modules, organisationLogos, organisations, users } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ConflictError } from "@/lib/core/errors";
import { DEFAULT_TIME_ZONE, isTimeZone } from "@/lib/util/intl";
import type { z } from "zod";
import type { auditRetentionInput, cpdHoursInput, orgSettingsInput } from "./settings-schemas";

// The organisation's own settings (name, time zone, certificate signatory, CPD hours per module,
// logo). Everyone in the organisation reads them (dates, certificates, the shell's logo); only an
// org_admin changes them, and every change is audited with what it was and what it became.

export type OrgSettings = {
  orgId: string;
  name: string;
  timeZone: string;
  signatoryName: string | null;
  signatoryTitle: string | null;
  settingsVersion: number;
  /** Years the organisation's audit events are kept before `npm run audit:archive` may remove them. */
  auditRetentionYears: number;
  /** A short hash of the current logo (for cache-busting URLs), or null when there is none. */
  logo: { version: string; width: number; height: number; contentType: string } | null;
};

/** Internal: the organisation comes from the caller's context or from a resource, never from input. */
export const settingsOf = cache(async (orgId: string): Promise<OrgSettings | null> => {
  const db = await getDb();
  const [row] = await db
    .select({
      orgId: organisations.id,
      name: organisations.name,
      timeZone: organisations.timeZone,
      signatoryName: organisations.signatoryName,
      signatoryTitle: organisations.signatoryTitle,
      settingsVersion: organisations.settingsVersion,
      auditRetentionYears: organisations.auditRetentionYears,
      logoSha: organisationLogos.sha256,
      logoWidth: organisationLogos.width,
      logoHeight: organisationLogos.height,
      logoType: organisationLogos.contentType,
    })
    .from(organisations)
    .leftJoin(organisationLogos, eq(organisationLogos.organisationId, organisations.id))
    .where(eq(organisations.id, orgId));
  if (!row) return null;
  return {
    orgId: row.orgId,
    name: row.name,
    timeZone: isTimeZone(row.timeZone) ? row.timeZone : DEFAULT_TIME_ZONE,
    signatoryName: row.signatoryName,
    signatoryTitle: row.signatoryTitle,
    settingsVersion: row.settingsVersion,
    auditRetentionYears: row.auditRetentionYears,
    logo: row.logoSha ? { version: row.logoSha.slice(0, 16), width: row.logoWidth ?? 0, height: row.logoHeight ?? 0, contentType: row.logoType ?? "" } : null,
  };
});

/** The caller's organisation's settings (any member: dates and certificates need them). */
export async function getOrgSettings(ctx: Ctx): Promise<OrgSettings> {
  const s = await settingsOf(ctx.orgId);
  if (!s) throw new Error(`organisation ${ctx.orgId} has no row`);
  return s;
}

/** The time zone every date of the caller's organisation is shown in. */
export async function orgTimeZone(ctx: Ctx): Promise<string> {
  return (await getOrgSettings(ctx)).timeZone;
}

/** Returns the new settings version (the form keeps editing from it). */
export async function updateOrgSettings(ctx: Ctx, input: z.output<typeof orgSettingsInput>): Promise<{ version: number }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.id, ctx.orgId)).for("update");
    if (!before || before.settingsVersion !== input.version) {
      throw new ConflictError("Someone else changed these settings while you were editing. Reload to see their changes, then make yours again.");
    }
    const next = {
      name: input.name,
      timeZone: input.timeZone,
      signatoryName: input.signatoryName || null,
      signatoryTitle: input.signatoryTitle || null,
    };
    await tx
      .update(organisations)
      .set({ ...next, settingsVersion: sql`${organisations.settingsVersion} + 1` })
      .where(eq(organisations.id, ctx.orgId));
    const changed = Object.fromEntries(
      (Object.keys(next) as (keyof typeof next)[]).filter((k) => before[k] !== next[k]).map((k) => [k, { from: before[k], to: next[k] }]),
    );
    await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "org.settings_changed", targetType: "organisation", targetId: ctx.orgId, detail: { changed } });
    return { version: before.settingsVersion + 1 };
  });
}

/**
 * How long the organisation's audit events are kept. Shortening it does not delete anything by
 * itself: `npm run audit:archive` (run by the operator) exports and drops a month only once every
 * organisation with events in it is past its retention. Audited with what it was and what it became.
 */
export async function setAuditRetention(ctx: Ctx, input: z.output<typeof auditRetentionInput>): Promise<{ years: number; changed: boolean }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ years: organisations.auditRetentionYears }).from(organisations).where(eq(organisations.id, ctx.orgId)).for("update");
    if (!before) throw new Error(`organisation ${ctx.orgId} has no row`);
    if (before.years === input.years) return { years: input.years, changed: false };
    await tx.update(organisations).set({ auditRetentionYears: input.years }).where(eq(organisations.id, ctx.orgId));
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "org.audit_retention_changed",
      targetType: "organisation",
      targetId: ctx.orgId,
      detail: { from: before.years, to: input.years },
    });
    return { years: input.years, changed: true };
  });
}

export type ModuleCpdRow = { moduleId: string; title: string; position: number; minutes: number | null };

/** The current modules with the organisation's CPD minutes for each (null: none set). */
export async function listModuleCpd(ctx: Ctx): Promise<ModuleCpdRow[]> {
  assertCan(ctx, "modules.study");
  const db = await getDb();
  return db
    .select({ moduleId: modules.id, title: modules.title, position: modules.position, minutes: moduleCpdHours.minutes })
    .from(modules)
    .leftJoin(moduleCpdHours, and(eq(moduleCpdHours.moduleId, modules.id), eq(moduleCpdHours.organisationId, ctx.orgId)))
    .where(isNull(modules.retiredAt))
    .orderBy(asc(modules.position));
}

export async function setModuleCpd(ctx: Ctx, input: z.output<typeof cpdHoursInput>): Promise<{ changed: number }> {
  assertCan(ctx, "org.manage");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await tx
      .select({ moduleId: modules.id, minutes: moduleCpdHours.minutes })
      .from(modules)
      .leftJoin(moduleCpdHours, and(eq(moduleCpdHours.moduleId, modules.id), eq(moduleCpdHours.organisationId, ctx.orgId)));
    const known = new Map(current.map((r) => [r.moduleId, r.minutes]));
    const changes: { moduleId: string; from: number | null; to: number | null }[] = [];
    for (const m of input.modules) {
      if (!known.has(m.moduleId)) continue; // a module that doesn't exist: nothing to set
      const from = known.get(m.moduleId) ?? null;
      if (from === m.hours) continue;
      changes.push({ moduleId: m.moduleId, from, to: m.hours });
      if (m.hours === null) {
        await tx.delete(moduleCpdHours).where(and(eq(moduleCpdHours.organisationId, ctx.orgId), eq(moduleCpdHours.moduleId, m.moduleId)));
      } else {
        await tx
          .insert(moduleCpdHours)
          .values({ organisationId: ctx.orgId, moduleId: m.moduleId, minutes: m.hours })
          .onConflictDoUpdate({ target: [moduleCpdHours.organisationId, moduleCpdHours.moduleId], set: { minutes: m.hours, updatedAt: new Date() } });
      }
    }
    if (changes.length > 0) {
      await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "org.cpd_hours_changed", targetType: "organisation", targetId: ctx.orgId, detail: { minutes: changes } });
    }
    return { changed: changes.length };
  });
}

