import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, organisations, outbox, recoveryCodes, totpFactors, userSessions } from "@/db/schema";
import { confirmTotpSetup, regenerateRecoveryCodes, removeTotp, resetMemberFactors, startTotpSetup } from "@/lib/auth/two-factor/manage";
import { pendingStepAfterPassword, factorSummary } from "@/lib/auth/two-factor/state";
import { verifySecondFactor } from "@/lib/auth/two-factor/verify";
import type { SignInStep } from "@/lib/core/context";
import { AppError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { startSession } from "@/lib/core/sessions";
import { setTwoFactorPolicy } from "@/lib/orgs/security";
import { createOrg, TEST_PASSWORD, type TestOrg, type TestUser } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();
beforeAll(() => {
  process.env.AUTH_SECRET ||= "integration-secret-0123456789abcdef";
});

const now = () => Math.floor(Date.now() / 1000);
const codeAt = (secret: string, offsetSteps = 0) => generate({ secret, epoch: now() + offsetSteps * 30 });

async function step(person: TestUser, pending: SignInStep["pending"]): Promise<SignInStep> {
  const db = await getDb();
  const sessionId = await startSession(db, person.userId, null, { factorPending: pending });
  return { userId: person.userId, userName: person.name, userEmail: person.email, sessionId, pending };
}

async function sessionRow(id: string) {
  const db = await getDb();
  return (await db.select().from(userSessions).where(eq(userSessions.id, id)))[0];
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}

/** Enrols an authenticator app for the person through the data layer; returns its secret and codes. */
async function enrol(person: TestUser): Promise<{ secret: string; codes: string[] }> {
  const s = await step(person, null);
  const { secret } = await startTotpSetup(s);
  const { recoveryCodes: codes } = await confirmTotpSetup(s, { code: await codeAt(secret), currentPassword: TEST_PASSWORD });
  return { secret, codes: codes ?? [] };
}

describe("authenticator app (TOTP)", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createOrg("Totp");
  });

  it("stores the secret sealed, confirms with a code, and issues ten hashed recovery codes once", async () => {
    const s = await step(org.trainee, null);
    const { secret, uri, qrDataUrl } = await startTotpSetup(s);
    expect(uri).toContain(`secret=${secret}`);
    expect(qrDataUrl.startsWith("data:image/png;base64,")).toBe(true);
    const db = await getDb();
    const [row] = await db.select().from(totpFactors).where(eq(totpFactors.userId, org.trainee.userId));
    expect(row.secretSealed).not.toContain(secret);
    expect(row.confirmedAt).toBeNull();
    expect(await pendingStepAfterPassword(db, org.trainee.userId)).toBeNull();

    // Confirming needs the password when already signed in, and a right code.
    expect((await rejection(confirmTotpSetup(s, { code: await codeAt(secret), currentPassword: "wrong" })) as ValidationError).fieldErrors.currentPassword).toBeTruthy();
    expect((await rejection(confirmTotpSetup(s, { code: "000000", currentPassword: TEST_PASSWORD })) as ValidationError).fieldErrors.code).toBeTruthy();
    const { recoveryCodes: codes } = await confirmTotpSetup(s, { code: await codeAt(secret), currentPassword: TEST_PASSWORD });
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    const stored = await db.select().from(recoveryCodes).where(eq(recoveryCodes.userId, org.trainee.userId));
    expect(stored).toHaveLength(10);
    for (const c of codes!) expect(stored.some((r) => r.codeHash.includes(c))).toBe(false);
    expect(stored.every((r) => r.codeHash.startsWith("$argon2id$"))).toBe(true);
    expect(await factorSummary(db, org.trainee.userId)).toEqual({ totp: true, passkeys: 0, recoveryCodesLeft: 10 });
    expect(await pendingStepAfterPassword(db, org.trainee.userId)).toBe("verify");
    // A second app can't be started over the confirmed one.
    expect((await rejection(startTotpSetup(s))).code).toBe("conflict");
    // Audited and emailed.
    const [mail] = await db.select().from(outbox).where(and(eq(outbox.to, org.trainee.email), eq(outbox.kind, "security_notice")));
    expect(mail.text).toContain("An authenticator app was added");
    const events = await db.select().from(auditEvents).where(and(eq(auditEvents.targetId, org.trainee.userId), eq(auditEvents.action, "auth.factor_added")));
    expect(events).toHaveLength(1);
  });

  it("lets a session that owes the step pass with a code, once per code", async () => {
    const person = org.supervisor;
    const { secret } = await enrol(person);
    const s1 = await step(person, "verify");
    const wrong = await rejection(verifySecondFactor(s1, { method: "totp", code: "123456" }));
    expect(wrong.message).toMatch(/isn't right/);
    expect((await sessionRow(s1.sessionId)).factorPending).toBe("verify");
    const code = await codeAt(secret, 1);
    await verifySecondFactor(s1, { method: "totp", code });
    expect(await sessionRow(s1.sessionId)).toMatchObject({ factorPending: null, secondFactor: "totp" });
    // The same code again, in another sign-in: refused as replayed; so is an older one.
    const s2 = await step(person, "verify");
    expect((await rejection(verifySecondFactor(s2, { method: "totp", code }))).message).toMatch(/already been used/);
    expect((await rejection(verifySecondFactor(s2, { method: "totp", code: await codeAt(secret) }))).message).toMatch(/already been used|isn't right/);
    expect((await sessionRow(s2.sessionId)).factorPending).toBe("verify");
    // A fully signed-in session has nothing to verify.
    expect((await rejection(verifySecondFactor(await step(person, null), { method: "totp", code: await codeAt(secret, 1) }))).message).toMatch(/no sign-in waiting/);
  });

  it("slows down wrong codes like wrong passwords", async () => {
    const person = org.otherTrainee;
    const { secret } = await enrol(person);
    const s = await step(person, "verify");
    for (let i = 0; i < 5; i++) expect((await rejection(verifySecondFactor(s, { method: "totp", code: "000000" }))).code).toBe("validation");
    const waited = await rejection(verifySecondFactor(s, { method: "totp", code: await codeAt(secret, 1) }));
    expect(waited.code).toBe("rate_limited");
    expect(waited.message).toMatch(/Too many wrong codes/);
    expect((await sessionRow(s.sessionId)).factorPending).toBe("verify");
  });

  it("accepts each recovery code once, tells the person, and regenerating replaces them all", async () => {
    const person = org.admin;
    const { codes } = await enrol(person);
    const s1 = await step(person, "verify");
    await verifySecondFactor(s1, { method: "recovery_code", code: codes[0].toUpperCase().replace("-", " ") });
    expect(await sessionRow(s1.sessionId)).toMatchObject({ factorPending: null, secondFactor: "recovery_code" });
    const s2 = await step(person, "verify");
    expect((await rejection(verifySecondFactor(s2, { method: "recovery_code", code: codes[0] }))).message).toMatch(/already been used/);
    const db = await getDb();
    expect((await factorSummary(db, person.userId)).recoveryCodesLeft).toBe(9);
    const mails = await db.select().from(outbox).where(and(eq(outbox.to, person.email), eq(outbox.kind, "security_notice")));
    expect(mails.some((m) => m.text.includes("A recovery code was used") && m.text.includes("9 remain"))).toBe(true);

    const ctx = ctxOf(org, person);
    expect((await rejection(regenerateRecoveryCodes(ctx, { currentPassword: "nope" }))).code).toBe("validation");
    const fresh = await regenerateRecoveryCodes(ctx, { currentPassword: TEST_PASSWORD });
    expect(fresh).toHaveLength(10);
    await expect(verifySecondFactor(s2, { method: "recovery_code", code: codes[1] })).rejects.toBeInstanceOf(ValidationError);
    await verifySecondFactor(s2, { method: "recovery_code", code: fresh[3] });
  });

  it("removes the app with the password; recovery codes go with the last factor", async () => {
    const o = await createOrg("Remove");
    const person = o.trainee;
    await enrol(person);
    const ctx = ctxOf(o, person);
    expect((await rejection(removeTotp(ctx, { currentPassword: "wrong" }))).code).toBe("validation");
    await removeTotp(ctx, { currentPassword: TEST_PASSWORD });
    const db = await getDb();
    expect(await factorSummary(db, person.userId)).toEqual({ totp: false, passkeys: 0, recoveryCodesLeft: 0 });
    await expect(removeTotp(ctx, { currentPassword: TEST_PASSWORD })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("organisation requirement and admin reset", () => {
  it("sends staff without a factor to enrolment when the organisation requires it, and trainees only when everyone must", async () => {
    const org = await createOrg("Require");
    const admin = ctxOf(org, org.admin);
    const db = await getDb();
    expect(await pendingStepAfterPassword(db, org.supervisor.userId)).toBeNull();
    await setTwoFactorPolicy(admin, "staff");
    expect(await pendingStepAfterPassword(db, org.supervisor.userId)).toBe("enrol");
    expect(await pendingStepAfterPassword(db, org.admin.userId)).toBe("enrol");
    expect(await pendingStepAfterPassword(db, org.trainee.userId)).toBeNull();
    await setTwoFactorPolicy(admin, "everyone");
    expect(await pendingStepAfterPassword(db, org.trainee.userId)).toBe("enrol");
    const [o] = await db.select({ p: organisations.twoFactorPolicy }).from(organisations).where(eq(organisations.id, org.orgId));
    expect(o.p).toBe("everyone");

    // Enrolling at the sign-in step completes that session, without asking the password again.
    const s = await step(org.supervisor, "enrol");
    const { secret } = await startTotpSetup(s);
    const { recoveryCodes: codes } = await confirmTotpSetup(s, { code: await codeAt(secret) });
    expect(codes).toHaveLength(10);
    expect(await sessionRow(s.sessionId)).toMatchObject({ factorPending: null, secondFactor: "totp" });
    // A required factor can't be removed while it is the only one.
    expect((await rejection(removeTotp(ctxOf(org, org.supervisor), { currentPassword: TEST_PASSWORD }))).message).toMatch(/requires two-step sign-in/);
    // A session owing its second factor can't enrol a new one to skip the step.
    expect((await rejection(startTotpSetup(await step(org.supervisor, "verify")))).message).toMatch(/Finish signing in/);
  });

  it("lets an admin reset a member's factors in their own organisation only, ending the member's sessions", async () => {
    const org = await createOrg("Reset");
    const other = await createOrg("ResetOther");
    await enrol(org.trainee);
    const db = await getDb();
    const live = await startSession(db, org.trainee.userId, null);
    await expect(resetMemberFactors(ctxOf(other, other.admin), org.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await factorSummary(db, org.trainee.userId)).totp).toBe(true);
    await expect(resetMemberFactors(ctxOf(org, org.admin), org.admin.membershipId)).rejects.toBeInstanceOf(ValidationError);

    await resetMemberFactors(ctxOf(org, org.admin), org.trainee.membershipId);
    expect(await factorSummary(db, org.trainee.userId)).toEqual({ totp: false, passkeys: 0, recoveryCodesLeft: 0 });
    expect((await sessionRow(live)).revokedAt).not.toBeNull();
    const [event] = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "auth.factors_reset")));
    expect(event).toMatchObject({ actorUserId: org.admin.userId, targetId: org.trainee.userId });
    const mails = await db.select().from(outbox).where(and(eq(outbox.to, org.trainee.email), eq(outbox.kind, "security_notice")));
    expect(mails.some((m) => m.text.includes("Two-step sign-in was reset") && m.text.includes(org.admin.name))).toBe(true);
  });
});
