import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { invitations, organisations } from "@/db/schema";
import { audit } from "@/lib/core/audit";

// What the person who runs Rapport (not an organisation's admin) does from the command line:
// review new organisations and how much they send, and verify the genuine ones.

export type OrgVolume = { slug: string; name: string; verified: boolean; createdAt: Date; invitationsLastDay: number };

/** Organisations not yet verified, and any that sent many invitations in the last day. */
export async function listOrgVolumes(): Promise<OrgVolume[]> {
  const db = await getDb();
  const since = new Date(Date.now() - 24 * 60 * 60 * 1000);
  const rows = await db
    .select({
      slug: organisations.slug,
      name: organisations.name,
      verifiedAt: organisations.verifiedAt,
      createdAt: organisations.createdAt,
      n: sql<number>`(select count(*)::int from ${invitations} i where i.organisation_id = ${organisations.id} and i.created_at > ${since.toISOString()}::timestamptz)`,
    })
    .from(organisations)
    .orderBy(desc(organisations.createdAt))
    .limit(500);
  return rows
    .filter((r) => !r.verifiedAt || r.n >= 100)
    .map((r) => ({ slug: r.slug, name: r.name, verified: Boolean(r.verifiedAt), createdAt: r.createdAt, invitationsLastDay: r.n }));
}

/** Marks an organisation verified (lifts the daily invitation limit); audited. False when no such slug. */
export async function verifyOrganisation(slug: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [org] = await tx.update(organisations).set({ verifiedAt: new Date() }).where(and(eq(organisations.slug, slug), isNull(organisations.verifiedAt))).returning({ id: organisations.id });
    if (!org) return false;
    await audit(tx, { organisationId: org.id, action: "org.verified_by_operator", targetType: "organisation", targetId: org.id });
    return true;
  });
}

