import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { calibrationCases, caseCalibrationConsents, cases, caseVersions, type StoredReviewEntry } from "@/db/schema";
import { audit, auditAs } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { labelOf } from "@/lib/cases/codes";
import { FIELD_LABELS, scanCase } from "@/lib/cases/identifier-check";
import { riskRecorded } from "@/lib/cases/risk";
import { EXEMPLARS, exemplarByKey, type ExemplarRatings } from "./exemplars";

// Reference cases for calibration rounds: Rapport's exemplars (copied into the organisation the
// first time a round uses one, so a round keeps the text it was run on) and trainees' cases copied
// with their consent. A copy is made only of a submitted or signed-off case whose author has
// consented and not withdrawn, never of one with risk recorded; it is re-scanned by the
// de-identification check and refused if anything at all is flagged (a flag its author dismissed
// included: the copy goes to a wider audience); it keeps no author and gets a neutral client code.

export type ReferenceOption = { id: string; title: string; summary: string; source: "exemplar" | "copied"; hasReferenceReview: boolean };

function storedRatings(r: ExemplarRatings): Record<string, StoredReviewEntry> {
  const out: Record<string, StoredReviewEntry> = {};
  for (const [code, entry] of Object.entries(r)) if (entry) out[code] = entry;
  return out;
}

/** What a round may be opened on: the three exemplars, then the organisation's copied cases, newest first. */
export async function listReferenceOptions(ctx: Ctx): Promise<ReferenceOption[]> {
  assertCan(ctx, "calibration.manage");
  const db = await getDb();
  const copied = await db
    .select({ id: calibrationCases.id, title: calibrationCases.title, content: calibrationCases.content })
    .from(calibrationCases)
    .where(and(eq(calibrationCases.organisationId, ctx.orgId), eq(calibrationCases.source, "copied")))
    .orderBy(desc(calibrationCases.createdAt))
    .limit(200);
  return [
    ...EXEMPLARS.map((e) => ({ id: `exemplar:${e.key}`, title: e.title, summary: e.summary, source: "exemplar" as const, hasReferenceReview: true })),
    ...copied.map((c) => ({
      id: c.id,
      title: c.title,
      summary: `${labelOf("ruptureType", c.content.ruptureType as string)} rupture, a trainee's case copied with their consent (no reference review).`,
      source: "copied" as const,
      hasReferenceReview: false,
    })),
  ];
}

/** The organisation's copy of an exemplar, made on first use (audited). */
export async function ensureExemplar(tx: DbOrTx, ctx: Ctx, key: string): Promise<string> {
  const ex = exemplarByKey(key);
  if (!ex) throw new NotFoundError();
  const [existing] = await tx
    .select({ id: calibrationCases.id })
    .from(calibrationCases)
    .where(and(eq(calibrationCases.organisationId, ctx.orgId), eq(calibrationCases.exemplarKey, key)));
  if (existing) return existing.id;
  const [row] = await tx
    .insert(calibrationCases)
    .values({
      organisationId: ctx.orgId,
      source: "exemplar",
      exemplarKey: ex.key,
      title: ex.title,
      codeListVersion: "2026.2",
      content: ex.content as unknown as Record<string, unknown>,
      referenceReview: { ...ex.reference, ratings: storedRatings(ex.reference.ratings) },
      createdByUserId: ctx.userId,
    })
    .returning({ id: calibrationCases.id });
  await auditAs(tx, ctx, { action: "calibration.exemplar_added", targetType: "calibration_case", targetId: row.id, detail: { exemplar: ex.key } });
  return row.id;
}

export type CopyableCase = { caseId: string; ruptureType: string | null; outcome: string | null; status: string; submittedAt: Date | null; consentedAt: Date };

/** Consented cases an admin may copy: metadata only (an admin never reads a narrative here). */
export async function listCopyableCases(ctx: Ctx): Promise<CopyableCase[]> {
  assertCan(ctx, "calibration.manage");
  const db = await getDb();
  return db
    .select({ caseId: cases.id, ruptureType: cases.ruptureType, outcome: cases.outcome, status: cases.status, submittedAt: cases.submittedAt, consentedAt: caseCalibrationConsents.givenAt })
    .from(caseCalibrationConsents)
    .innerJoin(cases, and(eq(cases.id, caseCalibrationConsents.caseId), eq(cases.organisationId, caseCalibrationConsents.organisationId)))
    .where(
      and(
        eq(caseCalibrationConsents.organisationId, ctx.orgId),
        isNull(caseCalibrationConsents.withdrawnAt),
        isNull(caseCalibrationConsents.referenceCaseId),
        inArray(cases.status, ["submitted", "signed_off"]),
        eq(cases.urgent, false),
      ),
    )
    .orderBy(desc(caseCalibrationConsents.givenAt))
    .limit(200);
}

/** Digits only: a run of letters could spell a name the identifier check rightly flags. */
function neutralCode(): string {
  return `R-${(randomBytes(4).readUInt32BE(0) % 1_000_000).toString().padStart(6, "0")}`;
}

/** Field labels of what the check flagged in a copy: never the flagged text (the admin doesn't read narratives). */
function flaggedFields(findings: ReturnType<typeof scanCase>): string[] {
  return Object.keys(findings).map((f) => FIELD_LABELS[f] ?? f);
}

export async function copyCaseAsReference(ctx: Ctx, caseId: string): Promise<{ referenceId: string }> {
  assertCan(ctx, "calibration.manage");
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [found] = await tx
      .select({ row: cases, consent: caseCalibrationConsents })
      .from(cases)
      .leftJoin(caseCalibrationConsents, and(eq(caseCalibrationConsents.organisationId, cases.organisationId), eq(caseCalibrationConsents.caseId, cases.id)))
      .where(and(eq(cases.id, caseId), eq(cases.organisationId, ctx.orgId)))
      .for("update", { of: cases });
    // No consent on record, or withdrawn: nothing to copy, and nothing said about the case.
    if (!found || !found.consent || found.consent.withdrawnAt) throw new NotFoundError();
    if (found.consent.referenceCaseId) throw new ConflictError("This case has already been copied as a reference: choose it from the reference cases.");
    if (found.row.status !== "submitted" && found.row.status !== "signed_off") {
      throw new ConflictError("Only a submitted or signed-off case can be copied. This one is being revised; try again once it is resubmitted.");
    }
    const [latest] = await tx
      .select()
      .from(caseVersions)
      .where(and(eq(caseVersions.organisationId, ctx.orgId), eq(caseVersions.caseId, found.row.id)))
      .orderBy(desc(caseVersions.number))
      .limit(1);
    if (!latest) throw new NotFoundError();
    if (found.row.urgent || riskRecorded((latest.content as { risk?: { level?: string } }).risk)) {
      return { refused: "risk" as const };
    }
    const content = { ...latest.content, clientCode: neutralCode() };
    const findings = scanCase(content, []);
    if (Object.keys(findings).length) return { refused: "flagged" as const, fields: flaggedFields(findings) };
    const rupture = labelOf("ruptureType", found.row.ruptureType ?? undefined, latest.codeListVersion);
    const [row] = await tx
      .insert(calibrationCases)
      .values({
        organisationId: ctx.orgId,
        source: "copied",
        title: `A ${rupture.toLowerCase()} rupture (copied case ${content.clientCode})`,
        codeListVersion: latest.codeListVersion,
        content,
        referenceReview: null,
        createdByUserId: ctx.userId,
      })
      .returning({ id: calibrationCases.id });
    await tx
      .update(caseCalibrationConsents)
      .set({ referenceCaseId: row.id })
      .where(and(eq(caseCalibrationConsents.organisationId, ctx.orgId), eq(caseCalibrationConsents.id, found.consent.id)));
    // The reference only: the audit log names no source case, so the copy can't be traced to its author there.
    await auditAs(tx, ctx, { action: "calibration.reference_copied", targetType: "calibration_case", targetId: row.id, detail: { codeListVersion: latest.codeListVersion } });
    return { referenceId: row.id };
  });
  if ("refused" in outcome) {
    await audit(db, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "calibration.copy_refused", outcome: "denied", targetType: "calibration_case", detail: { reason: outcome.refused } });
    if (outcome.refused === "risk") throw new ValidationError("A case with risk recorded can't be used for calibration.", { caseId: ["A case with risk recorded can't be used for calibration. Choose another case."] });
    const where = (outcome.fields ?? []).join("; ");
    throw new ValidationError(`The de-identification check flagged possible identifiers in this case (${where}), so it can't be copied.`, {
      caseId: [`The de-identification check flagged possible identifiers in: ${where}. A copy must hold nothing flagged, so this case can't be used. Choose another case.`],
    });
  }
  return outcome;
}
