import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { caseCalibrationConsents, cases } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import type { Ctx } from "@/lib/core/context";
import { ConflictError, NotFoundError } from "@/lib/core/errors";

// The author's consent to a de-identified copy of their case being used to calibrate supervisors
// (lib/calibration makes the copy). Here, with the case, because it is the author's: the calibration
// area itself is staff-only and answers every trainee not-found.
// Only the author gives or withdraws it, from their case page, and only for a submitted or
// signed-off case. Withdrawing stops any copy from being made; a copy already made stays with the
// rounds that used it (the consent text says so before anyone agrees).

export type ConsentState = { given: boolean; givenAt: Date | null; withdrawnAt: Date | null; copied: boolean };

export const CONSENT_TEXT =
  "Allow Rapport to make a copy of this case for supervisor calibration: your supervisors' team reviews it to check that they judge cases alike. The copy leaves out your name and replaces the client code; it is copied only if the de-identification check finds nothing in it. Trainees never see calibration. You can withdraw at any time: no copy is made after that, but a copy already used in a round stays with that round.";

/** The author's consent for their own case (null when the caller isn't the author: the panel isn't shown). */
export async function getConsent(ctx: Ctx, caseId: string): Promise<ConsentState | null> {
  const db = await getDb();
  const [row] = await db
    .select({ author: cases.authorMembershipId, consent: caseCalibrationConsents })
    .from(cases)
    .leftJoin(caseCalibrationConsents, and(eq(caseCalibrationConsents.organisationId, cases.organisationId), eq(caseCalibrationConsents.caseId, cases.id)))
    .where(and(eq(cases.id, caseId), eq(cases.organisationId, ctx.orgId)));
  if (!row || row.author !== ctx.membershipId) return null;
  const c = row.consent;
  return { given: Boolean(c && !c.withdrawnAt), givenAt: c?.givenAt ?? null, withdrawnAt: c?.withdrawnAt ?? null, copied: Boolean(c?.referenceCaseId) };
}

export async function setConsent(ctx: Ctx, input: { caseId: string; consent: boolean }): Promise<ConsentState> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ id: cases.id, author: cases.authorMembershipId, status: cases.status })
      .from(cases)
      .where(and(eq(cases.id, input.caseId), eq(cases.organisationId, ctx.orgId)))
      .for("update");
    // Only the author: anyone else, and every other organisation, learns nothing about the case.
    if (!found || found.author !== ctx.membershipId) throw new NotFoundError();
    const [existing] = await tx
      .select()
      .from(caseCalibrationConsents)
      .where(and(eq(caseCalibrationConsents.organisationId, ctx.orgId), eq(caseCalibrationConsents.caseId, found.id)));
    const now = new Date();
    if (input.consent) {
      if (found.status !== "submitted" && found.status !== "signed_off") throw new ConflictError("You can allow this once the case is submitted or signed off.");
      if (existing && !existing.withdrawnAt) return { given: true, givenAt: existing.givenAt, withdrawnAt: null, copied: Boolean(existing.referenceCaseId) };
      if (existing) {
        await tx.update(caseCalibrationConsents).set({ givenAt: now, withdrawnAt: null }).where(eq(caseCalibrationConsents.id, existing.id));
      } else {
        await tx.insert(caseCalibrationConsents).values({ organisationId: ctx.orgId, caseId: found.id, authorMembershipId: ctx.membershipId, givenAt: now });
      }
      await auditAs(tx, ctx, { action: "calibration.consent_given", targetType: "case", targetId: found.id });
      return { given: true, givenAt: now, withdrawnAt: null, copied: Boolean(existing?.referenceCaseId) };
    }
    if (!existing || existing.withdrawnAt) return { given: false, givenAt: existing?.givenAt ?? null, withdrawnAt: existing?.withdrawnAt ?? null, copied: Boolean(existing?.referenceCaseId) };
    await tx.update(caseCalibrationConsents).set({ withdrawnAt: now }).where(eq(caseCalibrationConsents.id, existing.id));
    await auditAs(tx, ctx, { action: "calibration.consent_withdrawn", targetType: "case", targetId: found.id });
    return { given: false, givenAt: existing.givenAt, withdrawnAt: now, copied: Boolean(existing.referenceCaseId) };
  });
}
