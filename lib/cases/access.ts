import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cases, type CaseRow } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { accessLevel, decide, wrongStatusMessage, type Action, type CaseStatus, type Relation } from "./workflow";

export type LoadedCase = { row: CaseRow; relation: Relation; level: "full" | "metadata" };

/**
 * Loads a case of the caller's organisation with the caller's relation to it, in one query.
 * A case of another organisation, or one the caller has no relation to, is not found: the
 * organisation comes from the case row, never from the client.
 */
export async function loadCase(db: DbOrTx, ctx: Ctx, caseId: string, opts: { forUpdate?: boolean } = {}): Promise<LoadedCase> {
  const q = db
    .select({
      row: cases,
      // Assigned, and the supervisor has proved control of their mailbox (lib/auth/email-verification.ts):
      // an account an admin created for themselves through an invitation link reads nothing.
      assigned: sql<boolean>`exists (select 1 from supervisions s
        join memberships sm on sm.id = s.supervisor_membership_id and sm.organisation_id = s.organisation_id
        join users su on su.id = sm.user_id
        where s.organisation_id = "cases"."organisation_id"
          and s.supervisor_membership_id = ${ctx.membershipId}
          and s.trainee_membership_id = "cases"."author_membership_id"
          and su.email_verified_at is not null)`,
    })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.organisationId, ctx.orgId)));
  const [found] = opts.forUpdate ? await q.for("update", { of: cases }) : await q;
  if (!found) throw new NotFoundError();
  const relation: Relation = {
    author: found.row.authorMembershipId === ctx.membershipId,
    assignedSupervisor: Boolean(found.assigned),
    orgAdmin: ctx.role === "org_admin",
  };
  const level = accessLevel(relation);
  if (level === "none") throw new NotFoundError();
  // A draft that was never submitted is the trainee's own: nobody else, supervisor or admin,
  // learns it exists.
  if (found.row.status === "draft" && !relation.author) throw new NotFoundError();
  return { row: found.row, relation, level };
}

/** Applies the workflow rules and the caller's expected version; throws the error to show. */
export function authorise(loaded: LoadedCase, action: Action, expectedVersion?: number): void {
  const d = decide(loaded.relation, loaded.row.status as CaseStatus, action);
  if (!d.ok) {
    // Seeing a case is not the same as acting on it; an outsider still learns nothing.
    if (d.reason !== "wrong_status") throw new NotFoundError();
    throw new ConflictError(wrongStatusMessage(loaded.row.status as CaseStatus, action));
  }
  if (expectedVersion !== undefined && loaded.row.version !== expectedVersion) {
    throw new ConflictError(
      action === "sign_off" || action === "request_changes"
        ? "This case changed while you were reviewing it: someone else may have reviewed it or the trainee resubmitted. Reload to see the latest version."
        : "This case was changed somewhere else (another tab or device) while you were working. Your text is shown below: copy it, then reload to see the latest version.",
    );
  }
}
