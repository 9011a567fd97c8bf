import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { cases, caseVersions } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import type { Ctx } from "@/lib/core/context";
import { ConflictError, ValidationError } from "@/lib/core/errors";
import { authorise, loadCase } from "./access";
import { CODE_LIST_VERSION } from "./codes";
import { countUnresolved, scanCase, unresolvedFieldErrors } from "./identifier-check";
import { denormalised, dismissalsOf, recordTransition } from "./case-store";
import type { CaseContent } from "./schemas";
import { nextStatus, type CaseStatus } from "./workflow";
import { activeSupervisorsOf, NO_SUPERVISOR, unassignedPolicy } from "./supervisors";
import { isUrgent } from "./urgency";
import { caseSubmitted, deliverLater } from "./events";
import type { Pending } from "@/lib/email/send";

/**
 * Submits the author's case for review. The server scans the text itself (the browser's scan is
 * only a convenience) and refuses while any finding is not dismissed with a reason. The submitted
 * content becomes a new, permanent version of the case.
 */
export async function submitCase(ctx: Ctx, input: { caseId: string; version: number; content: CaseContent }) {
  const db = await getDb();
  const now = new Date();
  let pending: Pending | undefined;
  const done = await db.transaction(async (tx) => {
    const loaded = await loadCase(tx, ctx, input.caseId, { forUpdate: true });
    authorise(loaded, "submit", input.version);
    const findings = scanCase(input.content, await dismissalsOf(tx, ctx.orgId, loaded.row.id));
    const open = countUnresolved(findings);
    if (open > 0) {
      throw new ValidationError(
        `This case can't be submitted yet: ${open === 1 ? "1 suspected identifier is" : `${open} suspected identifiers are`} still flagged. Remove each one, or dismiss it with a reason if it isn't an identifier.`,
        unresolvedFieldErrors(findings),
      );
    }
    const supervisors = await activeSupervisorsOf(tx, ctx.orgId, loaded.row.authorMembershipId);
    if (supervisors.length === 0 && (await unassignedPolicy(tx, ctx.orgId)) === "refuse") {
      throw new ValidationError(NO_SUPERVISOR);
    }
    const urgent = isUrgent(input.content);
    const from = loaded.row.status as CaseStatus;
    const to = nextStatus("submit");
    const number = loaded.row.submissionCount + 1;
    const [row] = await tx
      .update(cases)
      .set({
        content: input.content,
        ...denormalised(input.content),
        codeListVersion: CODE_LIST_VERSION,
        status: to,
        version: sql`${cases.version} + 1`,
        submissionCount: number,
        submittedAt: now,
        urgent,
        updatedAt: now,
      })
      .where(and(eq(cases.id, loaded.row.id), eq(cases.organisationId, ctx.orgId), eq(cases.version, input.version), eq(cases.status, from)))
      .returning({ version: cases.version });
    if (!row) throw new ConflictError();
    await tx.insert(caseVersions).values({
      organisationId: ctx.orgId,
      caseId: loaded.row.id,
      number,
      caseVersion: row.version,
      codeListVersion: CODE_LIST_VERSION,
      content: input.content,
      submittedByMembershipId: ctx.membershipId,
      submittedAt: now,
    });
    await recordTransition(tx, ctx, { caseId: loaded.row.id, from, to, caseVersion: row.version, at: now });
    await auditAs(tx, ctx, {
      action: "case.submitted",
      targetType: "case",
      targetId: loaded.row.id,
      detail: { from, to, caseVersion: row.version, submission: number, urgent, supervisors: supervisors.length },
    });
    pending = await caseSubmitted(tx, ctx, { caseId: loaded.row.id, clientCode: input.content.clientCode, submission: number, urgent, authorMembershipId: loaded.row.authorMembershipId });
    return { caseId: loaded.row.id, version: row.version, submission: number, urgent, unassigned: supervisors.length === 0 };
  });
  deliverLater(pending);
  return done;
}
