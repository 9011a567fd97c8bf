import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, invitations } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { inviteOne, resendInvitations, revokeInvitation } from "@/lib/onboarding/invitations";
import { createOrg, uid } from "../fixtures/factory";
import { expireInvitation, latestEmail, tokenFrom } from "../fixtures/onboarding";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

async function invite(org: Awaited<ReturnType<typeof createOrg>>, who: string) {
  const email = `${who.toLowerCase()}.${uid()}@test.example`;
  const { id } = await inviteOne(ctxOf(org, org.admin), { email, name: who, role: "trainee", supervisorMembershipId: null, cohortId: null });
  return { id, email };
}

describe("resending several invitations at once", () => {
  it("sends each person a new link, stops the old ones, and audits each", async () => {
    const org = await createOrg("BulkResend");
    const a = await invite(org, "Ana");
    const b = await invite(org, "Ben");
    await expireInvitation(org.orgId, b.email);
    const oldTokenA = tokenFrom((await latestEmail(org.orgId, a.email)).text);
    expect(await resendInvitations(ctxOf(org, org.admin), { invitations: [{ id: a.id, version: 0 }, { id: b.id, version: 0 }] })).toEqual({ resent: 2 });
    const db = await getDb();
    const olds = await db.select().from(invitations).where(inArray(invitations.id, [a.id, b.id]));
    expect(olds.every((o) => o.revokedAt && o.replacedById)).toBe(true);
    const fresh = await db.select().from(invitations).where(inArray(invitations.id, olds.map((o) => o.replacedById!)));
    expect(fresh.map((f) => f.email).sort()).toEqual([a.email, b.email].sort());
    expect(fresh.every((f) => !f.revokedAt && f.expiresAt > new Date())).toBe(true);
    expect(tokenFrom((await latestEmail(org.orgId, a.email)).text)).not.toBe(oldTokenA);
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "invitation.resent")));
    expect(events).toHaveLength(2);
  });

  it("is all or nothing: another organisation's invitation, a stale version or a revoked one changes nothing", async () => {
    const org = await createOrg("BulkResendA");
    const other = await createOrg("BulkResendB");
    const mine = await invite(org, "Cai");
    const theirs = await invite(other, "Dee");
    const revoked = await invite(org, "Eve");
    const admin = ctxOf(org, org.admin);
    await revokeInvitation(admin, { id: revoked.id, version: 0 });
    await expect(resendInvitations(admin, { invitations: [{ id: mine.id, version: 0 }, { id: theirs.id, version: 0 }] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(resendInvitations(admin, { invitations: [{ id: mine.id, version: 3 }] })).rejects.toBeInstanceOf(ConflictError);
    await expect(resendInvitations(admin, { invitations: [{ id: mine.id, version: 0 }, { id: revoked.id, version: 1 }] })).rejects.toBeInstanceOf(ConflictError);
    await expect(resendInvitations(ctxOf(org, org.supervisor), { invitations: [{ id: mine.id, version: 0 }] })).rejects.toBeInstanceOf(NotFoundError);
    const db = await getDb();
    const [row] = await db.select().from(invitations).where(eq(invitations.id, mine.id));
    expect(row).toMatchObject({ revokedAt: null, replacedById: null, version: 0 });
  });
});
