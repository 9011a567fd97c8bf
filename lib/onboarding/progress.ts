import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { certificates, checkAttempts, lessonProgress } from "@/db/schema";

export type Progress = { complete: Set<string>; started: Set<string> };
export const progressKey = (membershipId: string, moduleId: string) => `${membershipId}:${moduleId}`;

/**
 * Complete = a certificate exists; started = any lesson progress or check attempt. Two
 * queries per thousand members, whatever the number of modules.
 */
export async function progressFor(db: DbOrTx, orgId: string, membershipIds: string[], moduleIds: string[]): Promise<Progress> {
  const p: Progress = { complete: new Set(), started: new Set() };
  if (membershipIds.length === 0 || moduleIds.length === 0) return p;
  for (let i = 0; i < membershipIds.length; i += 1000) {
    const ids = membershipIds.slice(i, i + 1000);
    const [certs, started] = await Promise.all([
      db
        .select({ m: certificates.membershipId, mod: certificates.moduleId })
        .from(certificates)
        .where(and(eq(certificates.organisationId, orgId), inArray(certificates.membershipId, ids), inArray(certificates.moduleId, moduleIds))),
      db
        .selectDistinct({ m: lessonProgress.membershipId, mod: lessonProgress.moduleId })
        .from(lessonProgress)
        .where(and(eq(lessonProgress.organisationId, orgId), inArray(lessonProgress.membershipId, ids), inArray(lessonProgress.moduleId, moduleIds)))
        .union(
          db
            .selectDistinct({ m: checkAttempts.membershipId, mod: checkAttempts.moduleId })
            .from(checkAttempts)
            .where(and(eq(checkAttempts.organisationId, orgId), inArray(checkAttempts.membershipId, ids), inArray(checkAttempts.moduleId, moduleIds))),
        ),
    ]);
    for (const c of certs) p.complete.add(progressKey(c.m, c.mod));
    for (const s of started) p.started.add(progressKey(s.m, s.mod));
  }
  return p;
}
