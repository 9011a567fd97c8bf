import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { caseReviews, cases, caseVersions, memberships, users } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { readReplica } from "@/lib/core/replica";
import { buildInsight, type Insight } from "./insight-calc";

/**
 * Insight into one person's cases: for themselves, and for the supervisors assigned to them.
 * Anyone else (including an org_admin, and every other organisation) gets not-found.
 */
export async function getInsight(ctx: Ctx, membershipId: string): Promise<Insight & { name: string }> {
  const db = await getDb();
  const [subject] = await db
    .select({
      name: users.name,
      assigned: sql<boolean>`exists (select 1 from supervisions s where s.organisation_id = ${ctx.orgId}
        and s.supervisor_membership_id = ${ctx.membershipId} and s.trainee_membership_id = ${memberships.id})`,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, membershipId), eq(memberships.organisationId, ctx.orgId)));
  if (!subject || (membershipId !== ctx.membershipId && !subject.assigned)) throw new NotFoundError();
  // Authorised above on the primary; the charts' rows come from the read replica when there is one.
  return readReplica(ctx, async (db) => ({ name: subject.name, ...(await readInsight(db, ctx, membershipId)) }));
}

async function readInsight(db: Db, ctx: Ctx, membershipId: string): Promise<Insight> {
  const list = await db
    .select({ ruptureType: cases.ruptureType, outcome: cases.outcome, strategies: sql<string[] | null>`${cases.content}->'strategies'` })
    .from(cases)
    .where(and(eq(cases.organisationId, ctx.orgId), eq(cases.authorMembershipId, membershipId), ne(cases.status, "draft")));
  const reviews = await db
    .select({
      caseId: caseReviews.caseId,
      at: caseReviews.createdAt,
      ratings: caseReviews.ratings,
      self: sql<unknown>`${caseVersions.content}->'selfAssessment'`,
      codeListVersion: caseVersions.codeListVersion,
    })
    .from(caseReviews)
    .innerJoin(cases, and(eq(cases.id, caseReviews.caseId), eq(cases.organisationId, caseReviews.organisationId)))
    .innerJoin(caseVersions, and(eq(caseVersions.id, caseReviews.caseVersionId), eq(caseVersions.organisationId, caseReviews.organisationId)))
    .where(and(eq(caseReviews.organisationId, ctx.orgId), eq(cases.authorMembershipId, membershipId)));
  return buildInsight(
    list.map((c) => ({ ...c, strategies: Array.isArray(c.strategies) ? c.strategies : [] })),
    reviews.map((r) => ({ ...r, at: new Date(r.at) })),
  );
}
