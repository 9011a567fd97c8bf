import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { memberships, supervisions, users } from "@/db/schema";
import type { Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { loadCase } from "./access";

export type CaseReader = { name: string; canRead: boolean; why: string };

/**
 * Who can read a case's narrative, for its author: the same rule as lib/cases/access.ts (assigned,
 * active, email verified; never-submitted drafts only the author). Admins see the record only.
 */
export async function listCaseReaders(ctx: Ctx, caseId: string): Promise<CaseReader[]> {
  const db = await getDb();
  const loaded = await loadCase(db, ctx, caseId);
  if (!loaded.relation.author) throw new NotFoundError();
  const rows = await db
    .select({ name: users.name, verified: sql<boolean>`${users.emailVerifiedAt} is not null`, status: memberships.status })
    .from(supervisions)
    .innerJoin(memberships, and(eq(memberships.id, supervisions.supervisorMembershipId), eq(memberships.organisationId, supervisions.organisationId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(supervisions.organisationId, ctx.orgId), eq(supervisions.traineeMembershipId, loaded.row.authorMembershipId)))
    .orderBy(asc(users.name));
  const draft = loaded.row.status === "draft";
  return rows.map((r): CaseReader => {
    if (r.status !== "active") return { name: r.name, canRead: false, why: "their access to the organisation is deactivated" };
    if (!r.verified) return { name: r.name, canRead: false, why: "their email address isn't verified yet" };
    if (draft) return { name: r.name, canRead: false, why: "only once you submit it" };
    return { name: r.name, canRead: true, why: "your supervisor" };
  });
}
