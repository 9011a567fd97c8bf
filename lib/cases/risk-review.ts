import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { caseRiskReviews, cases, memberships, users } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import type { Ctx } from "@/lib/core/context";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { loadCase } from "./access";

export type RiskReview = { id: string; caseVersion: number; byName: string; followUp: string; createdAt: Date };

/** The supervisors' records of having seen a case's risk, oldest first (author and assigned supervisors). */
export async function listRiskReviews(ctx: Ctx, caseId: string): Promise<RiskReview[]> {
  const db = await getDb();
  const loaded = await loadCase(db, ctx, caseId);
  if (loaded.level !== "full") throw new NotFoundError();
  return db
    .select({ id: caseRiskReviews.id, caseVersion: caseRiskReviews.caseVersion, byName: users.name, followUp: caseRiskReviews.followUp, createdAt: caseRiskReviews.createdAt })
    .from(caseRiskReviews)
    .innerJoin(memberships, and(eq(memberships.id, caseRiskReviews.membershipId), eq(memberships.organisationId, caseRiskReviews.organisationId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(caseRiskReviews.organisationId, ctx.orgId), eq(caseRiskReviews.caseId, loaded.row.id)))
    .orderBy(asc(caseRiskReviews.createdAt));
}

/**
 * An assigned supervisor records that they have seen the risk in the submitted version and what
 * follow-up they did; the case leaves the top of the queue. Audited (without the follow-up text).
 */
export async function acknowledgeRisk(ctx: Ctx, input: { caseId: string; version: number; followUp: string }) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadCase(tx, ctx, input.caseId, { forUpdate: true });
    if (!loaded.relation.assignedSupervisor || loaded.relation.author) throw new NotFoundError();
    if (!loaded.row.urgent) throw new ConflictError("This case has no risk to acknowledge.");
    if (loaded.row.version !== input.version) throw new ConflictError("The case changed since you opened it (the trainee may have resubmitted). Reload to see the latest version.");
    if (loaded.row.riskSeenVersion === loaded.row.version) throw new ConflictError("Someone has already recorded seeing the risk in this version. Reload to see their note.");
    const [row] = await tx
      .insert(caseRiskReviews)
      .values({ organisationId: ctx.orgId, caseId: loaded.row.id, caseVersion: loaded.row.version, membershipId: ctx.membershipId, followUp: input.followUp })
      .returning({ id: caseRiskReviews.id });
    await tx.update(cases).set({ riskSeenVersion: loaded.row.version }).where(and(eq(cases.id, loaded.row.id), eq(cases.organisationId, ctx.orgId)));
    await auditAs(tx, ctx, { action: "case.risk_acknowledged", targetType: "case", targetId: loaded.row.id, detail: { caseVersion: loaded.row.version } });
    return { id: row.id, caseId: loaded.row.id };
  });
}
