import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { outbox, passwordResets, users } from "@/db/schema";
import { checkResetToken, hashToken, requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { authenticate } from "@/lib/auth/sign-in";
import { ValidationError } from "@/lib/core/errors";
import { createOrg, TEST_PASSWORD, uid } from "../fixtures/factory";
import { withDatabase } from "./helpers";

withDatabase();


describe("password reset", () => {
  it("stores only a hash, emails without exposing the link to admins, and works exactly once", async () => {
    const org = await createOrg("Reset");
    const r = await requestPasswordReset(org.trainee.email.toUpperCase());
    expect(r?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const db = await getDb();
    const [row] = await db.select().from(passwordResets).where(eq(passwordResets.userId, org.trainee.userId));
    expect(row.tokenHash).toBe(hashToken(r!.token));
    expect(JSON.stringify(row)).not.toContain(r!.token);
    const mail = await db.select().from(outbox).where(and(eq(outbox.organisationId, org.orgId), eq(outbox.kind, "password_reset")));
    expect(mail).toHaveLength(1);
    expect(mail[0].text).not.toContain(r!.token);

    const [before] = await db.select().from(users).where(eq(users.id, org.trainee.userId));
    await resetPassword(r!.token, "a completely new passphrase");
    const [after] = await db.select().from(users).where(eq(users.id, org.trainee.userId));
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await authenticate({ email: org.trainee.email, password: "a completely new passphrase", address: null })).not.toBeNull();
    expect(await authenticate({ email: org.trainee.email, password: TEST_PASSWORD, address: null })).toBeNull();

    expect(await checkResetToken(r!.token)).toBe("used");
    await expect(resetPassword(r!.token, "yet another passphrase")).rejects.toThrow(/already been used/);
  });

  it("answers the same for unknown accounts and creates nothing", async () => {
    expect(await requestPasswordReset(`nobody.${uid()}@test.example`)).toBeNull();
  });

  it("refuses an expired link and an unknown one with a message that says what to do", async () => {
    const org = await createOrg("Expired");
    const r = await requestPasswordReset(org.trainee.email);
    const db = await getDb();
    await db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(passwordResets.tokenHash, hashToken(r!.token)));
    expect(await checkResetToken(r!.token)).toBe("expired");
    await expect(resetPassword(r!.token, "a completely new passphrase")).rejects.toBeInstanceOf(ValidationError);
    await expect(resetPassword("x".repeat(43), "a completely new passphrase")).rejects.toThrow(/isn't valid/);
  });

  it("a newer link replaces the older one, and requests are capped per hour", async () => {
    const org = await createOrg("Newer");
    const first = await requestPasswordReset(org.trainee.email);
    const second = await requestPasswordReset(org.trainee.email);
    expect(await checkResetToken(first!.token)).toBe("used");
    expect(await checkResetToken(second!.token)).toBe("valid");
    await requestPasswordReset(org.trainee.email);
    await requestPasswordReset(org.trainee.email);
    const db = await getDb();
    expect(await db.select().from(passwordResets).where(eq(passwordResets.userId, org.trainee.userId))).toHaveLength(3);
  });
});

describe("password reset requests from one client", () => {
  it("are capped per client address behind a trusted proxy, and then nothing is sent", async () => {
    const address = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const orgs = await Promise.all(Array.from({ length: 11 }, (_, i) => createOrg(`ResetCap${i}`)));
    const results = [];
    for (const o of orgs) results.push(await requestPasswordReset(o.trainee.email, { address }));
    expect(results.slice(0, 10).every((r) => r !== null)).toBe(true);
    expect(results[10]).toBeNull();
    // Another client is not affected.
    expect(await requestPasswordReset(orgs[10].trainee.email, { address: "192.0.2.7" })).not.toBeNull();
  });
});
