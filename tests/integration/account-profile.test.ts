import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, outbox, users } from "@/db/schema";
import { ValidationError } from "@/lib/core/errors";
import { checkEmailChangeToken, confirmEmailChange, EMAIL_CHANGE_MESSAGES, requestEmailChange } from "@/lib/auth/email-change";
import { getMyAccountProfile, saveMyAccountProfile } from "@/lib/auth/profile";
import { accountProfileInput } from "@/lib/auth/profile-schemas";
import { createOrg, createUser, TEST_PASSWORD, uid } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

async function mailTo(to: string) {
  return (await getDb()).select().from(outbox).where(eq(outbox.to, to.toLowerCase())).orderBy(desc(outbox.createdAt));
}
async function emailOf(userId: string) {
  const [u] = await (await getDb()).select({ email: users.email, verifiedAt: users.emailVerifiedAt }).from(users).where(eq(users.id, userId));
  return u;
}

describe("the profile", () => {
  it("a person saves their display name, preferred name and pronouns, only their own, audited", async () => {
    const org = await createOrg("Profile");
    const me = ctxOf(org, org.trainee);
    await saveMyAccountProfile(me, accountProfileInput.parse({ name: "Alexandra Trainee", preferredName: "Alex", pronouns: "they/them" }));
    expect(await getMyAccountProfile(me)).toMatchObject({ name: "Alexandra Trainee", preferredName: "Alex", pronouns: "they/them" });
    // Empty optional fields are cleared, not stored as blanks.
    await saveMyAccountProfile(me, accountProfileInput.parse({ name: "Alexandra Trainee", preferredName: "", pronouns: "" }));
    const [row] = await (await getDb()).select().from(users).where(eq(users.id, org.trainee.userId));
    expect(row).toMatchObject({ preferredName: null, pronouns: null });
    expect((await getMyAccountProfile(ctxOf(org, org.otherTrainee))).name).toBe(org.otherTrainee.name);
    const events = await (await getDb()).select().from(auditEvents).where(and(eq(auditEvents.actorUserId, org.trainee.userId), eq(auditEvents.action, "profile.account_saved")));
    expect(events).toHaveLength(2);
  });

  it("refuses a name with a web address or control characters, at the field", () => {
    const r = accountProfileInput.safeParse({ name: "Visit www.evil.example", preferredName: "x\u0007", pronouns: "" });
    expect(r.error?.issues.map((i) => i.path[0]).sort()).toEqual(["name", "preferredName"]);
  });
});

describe("changing the sign-in address", () => {
  it("needs the current password; the new address gets a single-use link, the old one a notice, and the change verifies the new address", async () => {
    delete process.env.SMTP_URL;
    const org = await createOrg("EmailChange");
    const me = ctxOf(org, org.trainee);
    const next = `moved.${uid()}@test.example`;
    await expect(requestEmailChange(me, { newEmail: next, currentPassword: "wrong password" })).rejects.toBeInstanceOf(ValidationError);
    await expect(requestEmailChange(me, { newEmail: org.trainee.email, currentPassword: TEST_PASSWORD })).rejects.toThrow(/Check the highlighted/);
    expect(await mailTo(next)).toHaveLength(0);

    const { token } = await requestEmailChange(me, { newEmail: next, currentPassword: TEST_PASSWORD });
    expect(token).toBeTruthy();
    expect(await checkEmailChangeToken(token!)).toEqual({ state: "valid", newEmail: next });
    // Nothing changes until the link is used.
    expect((await emailOf(org.trainee.userId)).email).toBe(org.trainee.email);
    const [link] = await mailTo(next);
    expect(link.kind).toBe("email_change");
    // Without a mail server the link is in the server log only: an admin reading the outbox can't use it.
    expect(link.text).not.toContain(token!);
    const [notice] = await mailTo(org.trainee.email);
    expect(notice).toMatchObject({ kind: "email_change_notice" });
    expect(notice.text).toContain(next);

    await confirmEmailChange(token!);
    const after = await emailOf(org.trainee.userId);
    expect(after.email).toBe(next);
    expect(after.verifiedAt).toBeInstanceOf(Date);
    expect((await mailTo(org.trainee.email))[0].text).toContain(`is now ${next}`);
    await expect(confirmEmailChange(token!)).rejects.toThrow(EMAIL_CHANGE_MESSAGES.used);
    expect(await checkEmailChangeToken(token!)).toEqual({ state: "used" });
    const actions = (await (await getDb()).select().from(auditEvents).where(eq(auditEvents.actorUserId, org.trainee.userId))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["auth.email_change_requested", "auth.email_changed"]));
  });

  it("only the newest link works, and a link can't be guessed", async () => {
    const org = await createOrg("EmailNewest");
    const me = ctxOf(org, org.trainee);
    const first = await requestEmailChange(me, { newEmail: `one.${uid()}@test.example`, currentPassword: TEST_PASSWORD });
    const second = await requestEmailChange(me, { newEmail: `two.${uid()}@test.example`, currentPassword: TEST_PASSWORD });
    await expect(confirmEmailChange(first.token!)).rejects.toThrow(EMAIL_CHANGE_MESSAGES.expired);
    await expect(confirmEmailChange("x".repeat(43))).rejects.toThrow(EMAIL_CHANGE_MESSAGES.unknown);
    await expect(confirmEmailChange("<script>")).rejects.toThrow(EMAIL_CHANGE_MESSAGES.unknown);
    await confirmEmailChange(second.token!);
    expect((await emailOf(org.trainee.userId)).email).toMatch(/^two\./);
  });

  it("an address that belongs to another account gets a notice, not a link; the person asking is told the same as always", async () => {
    const org = await createOrg("EmailTaken");
    const someone = await createUser("Someone Else");
    const r = await requestEmailChange(ctxOf(org, org.trainee), { newEmail: someone.email.toUpperCase(), currentPassword: TEST_PASSWORD });
    expect(r.token).toBeNull();
    const [mail] = await mailTo(someone.email);
    expect(mail.kind).toBe("email_change_taken");
    expect(mail.text).not.toMatch(/verify-email\/change/);
    expect((await emailOf(org.trainee.userId)).email).toBe(org.trainee.email);
  });

  it("an address taken between the request and the link is refused at the link", async () => {
    const org = await createOrg("EmailRace");
    const next = `race.${uid()}@test.example`;
    const { token } = await requestEmailChange(ctxOf(org, org.trainee), { newEmail: next, currentPassword: TEST_PASSWORD });
    await createUser("Quicker", next);
    await expect(confirmEmailChange(token!)).rejects.toThrow(EMAIL_CHANGE_MESSAGES.taken);
    expect((await emailOf(org.trainee.userId)).email).toBe(org.trainee.email);
  });
});
