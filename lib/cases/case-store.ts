import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { caseFlagDismissals, caseTransitions } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import type { Dismissal } from "./identifier-check";
import type { CaseDraft } from "./schemas";
import type { CaseStatus } from "./workflow";

/** The columns copied out of the content so lists and insight never read the narrative. */
export function denormalised(content: CaseDraft) {
  return {
    clientCode: content.clientCode ?? null,
    ruptureType: content.ruptureType ?? null,
    outcome: content.outcome ?? null,
  };
}

export async function dismissalsOf(db: DbOrTx, orgId: string, caseId: string): Promise<Dismissal[]> {
  return db
    .select({ field: caseFlagDismissals.field, key: caseFlagDismissals.findingKey, reason: caseFlagDismissals.reason })
    .from(caseFlagDismissals)
    .where(and(eq(caseFlagDismissals.organisationId, orgId), eq(caseFlagDismissals.caseId, caseId)));
}

export async function recordTransition(
  tx: DbOrTx,
  ctx: Ctx,
  t: { caseId: string; from: CaseStatus | null; to: CaseStatus; caseVersion: number; reason?: string | null; at: Date },
) {
  await tx.insert(caseTransitions).values({
    organisationId: ctx.orgId,
    caseId: t.caseId,
    actorMembershipId: ctx.membershipId,
    fromStatus: t.from,
    toStatus: t.to,
    caseVersion: t.caseVersion,
    reason: t.reason ?? null,
    occurredAt: t.at,
  });
}
