import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { assessmentOverrides, assessmentSettings } from "@/db/schema";
import { DEFAULT_ASSESSMENT_SETTINGS, pickSettings, type AssessmentSettings } from "./assessment/settings";

// The assessment rules in force. Take (db, orgId) so the check and certificate code can read
// them inside its own transaction; callers have authorised the organisation.

export type EffectiveSettings = AssessmentSettings & { source: "organisation" | "module" };

/** The rules for one module: its override if the organisation set one, else the organisation's. */
export async function effectiveSettings(db: DbOrTx, orgId: string, moduleId: string): Promise<EffectiveSettings> {
  const [row] = await db
    .select({ org: assessmentSettings, mod: assessmentOverrides })
    .from(sql`(select 1) as one`)
    .leftJoin(assessmentSettings, eq(assessmentSettings.organisationId, orgId))
    .leftJoin(assessmentOverrides, and(eq(assessmentOverrides.organisationId, orgId), eq(assessmentOverrides.moduleId, moduleId)));
  if (row?.mod) return { ...pickSettings(row.mod), source: "module" };
  return { ...(row?.org ? pickSettings(row.org) : DEFAULT_ASSESSMENT_SETTINGS), source: "organisation" };
}

/** The organisation's rules and every override, for pages that list many modules (two queries). */
export async function settingsForOrg(db: DbOrTx, orgId: string) {
  const [[org], overrides] = await Promise.all([
    db.select().from(assessmentSettings).where(eq(assessmentSettings.organisationId, orgId)),
    db.select().from(assessmentOverrides).where(eq(assessmentOverrides.organisationId, orgId)),
  ]);
  const defaults = org ? pickSettings(org) : DEFAULT_ASSESSMENT_SETTINGS;
  const byModule = new Map(overrides.map((o) => [o.moduleId, pickSettings(o)]));
  return { defaults, byModule, of: (moduleId: string): AssessmentSettings => byModule.get(moduleId) ?? defaults };
}

