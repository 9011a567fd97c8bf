import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { organisations, passkeys, webauthnUsedChallenges } from "@/db/schema";
import { openChallenge, sealChallenge, CHALLENGE_TTL_MS } from "@/lib/auth/passkeys/challenge";
import { passkeySignInAllowed, removePasskey, verifyPasskeySignIn } from "@/lib/auth/passkeys/ceremonies";
import { countPasskeys, pruneUsedChallenges, renamePasskey, spendChallenge } from "@/lib/auth/two-factor/passkey-store";
import { resetMemberFactors } from "@/lib/auth/two-factor/manage";
import { factorSummary, pendingStepAfterPassword } from "@/lib/auth/two-factor/state";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { setPasskeySignIn, setTwoFactorPolicy } from "@/lib/orgs/security";
import { addMember, createOrg, TEST_PASSWORD, uid } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();
beforeAll(() => {
  process.env.AUTH_SECRET ||= "integration-secret-0123456789abcdef";
});

async function addPasskey(userId: string, name = "Laptop") {
  const db = await getDb();
  const [row] = await db.insert(passkeys).values({ userId, credentialId: `cred-${uid()}`, publicKey: "AAAA", name }).returning();
  return row;
}

describe("passkey storage", () => {
  it("counts passkeys as a second factor, so a password sign-in then owes the second step", async () => {
    const org = await createOrg("PkFactor");
    const db = await getDb();
    expect(await pendingStepAfterPassword(db, org.trainee.userId)).toBeNull();
    await addPasskey(org.trainee.userId);
    await addPasskey(org.trainee.userId, "Security key");
    expect(await countPasskeys(db, org.trainee.userId)).toBe(2);
    expect((await factorSummary(db, org.trainee.userId)).passkeys).toBe(2);
    expect(await pendingStepAfterPassword(db, org.trainee.userId)).toBe("verify");
  });

  it("renames and removes only the owner's passkeys; removal needs the password", async () => {
    const org = await createOrg("PkOwn");
    const mine = await addPasskey(org.trainee.userId);
    const db = await getDb();
    expect(await renamePasskey(db, org.supervisor.userId, mine.id, "Taken over")).toBe(false);
    expect(await renamePasskey(db, org.trainee.userId, mine.id, "Work laptop")).toBe(true);
    await expect(removePasskey(ctxOf(org, org.supervisor), { id: mine.id, currentPassword: TEST_PASSWORD })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removePasskey(ctxOf(org, org.trainee), { id: mine.id, currentPassword: "wrong" })).rejects.toBeInstanceOf(ValidationError);
    await removePasskey(ctxOf(org, org.trainee), { id: mine.id, currentPassword: TEST_PASSWORD });
    expect(await countPasskeys(db, org.trainee.userId)).toBe(0);
  });

  it("won't remove the last factor someone's organisation requires", async () => {
    const org = await createOrg("PkRequired");
    await setTwoFactorPolicy(ctxOf(org, org.admin), "staff");
    const only = await addPasskey(org.supervisor.userId);
    await expect(removePasskey(ctxOf(org, org.supervisor), { id: only.id, currentPassword: TEST_PASSWORD })).rejects.toThrow(/requires two-step sign-in/);
    await addPasskey(org.supervisor.userId, "Spare key");
    await removePasskey(ctxOf(org, org.supervisor), { id: only.id, currentPassword: TEST_PASSWORD });
  });

  it("an admin's reset removes the member's passkeys too", async () => {
    const org = await createOrg("PkReset");
    await addPasskey(org.trainee.userId);
    await resetMemberFactors(ctxOf(org, org.admin), org.trainee.membershipId);
    expect(await countPasskeys(await getDb(), org.trainee.userId)).toBe(0);
  });
});

describe("WebAuthn challenges", () => {
  it("open only for their purpose, their person and before expiry", () => {
    const token = sealChallenge("abc", "factor", "u1");
    expect(openChallenge(token, "factor", "u1")?.challenge).toBe("abc");
    expect(openChallenge(token, "sign_in", null)).toBeNull();
    expect(openChallenge(token, "factor", "u2")).toBeNull();
    expect(openChallenge(token, "factor", "u1", Date.now() + CHALLENGE_TTL_MS + 1000)).toBeNull();
    expect(openChallenge(`${token.slice(0, -2)}xx`, "factor", "u1")).toBeNull();
  });

  it("are spent once; expired records are pruned", async () => {
    const db = await getDb();
    const c = `challenge-${uid()}`;
    expect(await spendChallenge(db, c, new Date(Date.now() - 1000))).toBe(true);
    expect(await spendChallenge(db, c, new Date(Date.now() - 1000))).toBe(false);
    expect(await pruneUsedChallenges(db)).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(webauthnUsedChallenges).where(eq(webauthnUsedChallenges.challenge, c))).toEqual([]);
  });

  it("a passwordless sign-in with a forged answer or an unknown token gets nothing", async () => {
    const org = await createOrg("PkForge");
    const key = await addPasskey(org.trainee.userId);
    const response = { id: key.credentialId, rawId: key.credentialId, type: "public-key", response: { clientDataJSON: "e30", authenticatorData: "AAAA", signature: "AAAA" }, clientExtensionResults: {} };
    expect(await verifyPasskeySignIn({ token: "not-a-token", response: response as never }, null)).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyPasskeySignIn({ token: sealChallenge("abc", "sign_in", null), response: response as never }, null)).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("signing in with a passkey alone", () => {
  it("is allowed only when every organisation of the person allows it", async () => {
    const a = await createOrg("PkAllowA");
    const b = await createOrg("PkAllowB");
    expect(await passkeySignInAllowed(a.trainee.userId)).toBe(false);
    await setPasskeySignIn(ctxOf(a, a.admin), true);
    expect(await passkeySignInAllowed(a.trainee.userId)).toBe(true);
    await addMember(b.orgId, a.trainee.userId, "trainee");
    expect(await passkeySignInAllowed(a.trainee.userId)).toBe(false);
    await setPasskeySignIn(ctxOf(b, b.admin), true);
    expect(await passkeySignInAllowed(a.trainee.userId)).toBe(true);
    const db = await getDb();
    const [row] = await db.select({ k: organisations.passkeySignIn }).from(organisations).where(eq(organisations.id, a.orgId));
    expect(row.k).toBe(true);
  });
});
