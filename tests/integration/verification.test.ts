import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { emailVerifications, organisations, supervisions, users } from "@/db/schema";
import { confirmEmail, getEmailVerification, requestEmailVerification } from "@/lib/auth/email-verification";
import { createDraft } from "@/lib/cases/drafts";
import { getCase } from "@/lib/cases/queries";
import { listCaseReaders } from "@/lib/cases/readers";
import { submitCase } from "@/lib/cases/submit";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { acceptAsNewUser } from "@/lib/onboarding/accept";
import { importInviteRows } from "@/lib/onboarding/import";
import { inviteOne, UNVERIFIED_DAILY_INVITATIONS } from "@/lib/onboarding/invitations";
import { readPastedEmails } from "@/lib/onboarding/csv";
import { setSupervision } from "@/lib/orgs/supervision";
import { verifyOrganisation } from "@/lib/orgs/operator";
import { validCase } from "../fixtures/cases";
import { createOrg, uid } from "../fixtures/factory";
import { latestEmail, tokenFrom } from "../fixtures/onboarding";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

describe("an admin cannot read case narratives through an account they made for themselves", () => {
  it("an account joined through an admin-readable link is unverified and reads nothing until its owner verifies", async () => {
    delete process.env.SMTP_URL;
    const org = await createOrg("Relay");
    const admin = ctxOf(org, org.admin);
    const email = `puppet.${uid()}@test.example`;
    await inviteOne(admin, { email, name: "Puppet", role: "supervisor", supervisorMembershipId: null, cohortId: null });
    // The admin reads the link in the outbox and accepts it themselves.
    const joined = await acceptAsNewUser({ token: tokenFrom((await latestEmail(org.orgId, email)).text), name: "Puppet", password: "a long enough passphrase" });
    expect((await getEmailVerification(joined.userId)).verified).toBe(false);
    await setSupervision(admin, { supervisorMembershipId: joined.membershipId, traineeMembershipId: org.trainee.membershipId, assigned: true });

    const trainee = ctxOf(org, org.trainee);
    const d = await createDraft(trainee, validCase(), { requestId: crypto.randomUUID() });
    await submitCase(trainee, { caseId: d.caseId, version: d.version, content: validCase() });
    const puppet = { ...ctxOf(org, org.supervisor), userId: joined.userId, membershipId: joined.membershipId, userEmail: email, userName: "Puppet" };
    await expect(getCase(puppet, d.caseId)).rejects.toBeInstanceOf(NotFoundError);
    // The trainee sees exactly who can read the case, and why the new supervisor can't.
    const readers = await listCaseReaders(trainee, d.caseId);
    expect(readers.find((r) => r.name === "Puppet")).toMatchObject({ canRead: false, why: expect.stringMatching(/isn't verified/) });
    expect(readers.find((r) => r.name === org.supervisor.name)).toMatchObject({ canRead: true });
    await expect(listCaseReaders(ctxOf(org, org.supervisor), d.caseId)).rejects.toBeInstanceOf(NotFoundError);

    // The verification link never reaches the admin-readable outbox.
    const r = await requestEmailVerification(joined.userId);
    const mail = await latestEmail(org.orgId, email);
    expect(mail.kind).toBe("email_verification");
    expect(mail.text).not.toContain(r!.token);
    await confirmEmail(r!.token);
    expect((await getEmailVerification(joined.userId)).verified).toBe(true);
    expect((await getCase(puppet, d.caseId)).id).toBe(d.caseId);
    await expect(confirmEmail(r!.token)).rejects.toBeInstanceOf(ValidationError);
  });

  it("a link sent by real email verifies the account that accepts it", async () => {
    process.env.SMTP_URL = "smtp://127.0.0.1:9"; // queued, never delivered in this test
    try {
      const org = await createOrg("Private");
      const email = `private.${uid()}@test.example`;
      await inviteOne(ctxOf(org, org.admin), { email, name: "Real", role: "supervisor", supervisorMembershipId: null, cohortId: null });
      const db = await getDb();
      const [row] = await db.select().from((await import("@/db/schema")).outbox).where(eq((await import("@/db/schema")).outbox.to, email));
      const token = tokenFrom(row.deliverText ?? "");
      expect(row.text).not.toContain(token);
      const joined = await acceptAsNewUser({ token, name: "Real", password: "a long enough passphrase" });
      expect((await getEmailVerification(joined.userId)).verified).toBe(true);
    } finally {
      delete process.env.SMTP_URL;
    }
  });

  it("caps verification requests per hour and refuses expired or unknown links", async () => {
    const org = await createOrg("VerifyCap");
    const db = await getDb();
    await db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, org.trainee.userId));
    const tokens = [];
    for (let i = 0; i < 5; i++) tokens.push((await requestEmailVerification(org.trainee.userId))!.token);
    await expect(requestEmailVerification(org.trainee.userId)).rejects.toBeInstanceOf(ValidationError);
    await db.update(emailVerifications).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(emailVerifications.userId, org.trainee.userId));
    await expect(confirmEmail(tokens[0])).rejects.toThrow(/expired/);
    await expect(confirmEmail("x".repeat(43))).rejects.toThrow(/isn't valid/);
    expect((await getEmailVerification(org.trainee.userId)).verified).toBe(false);
  });
});

describe("a new organisation cannot be used as a phishing relay", () => {
  it("sends a limited number of invitations a day until the operator verifies it, all or nothing", async () => {
    delete process.env.SMTP_URL;
    const org = await createOrg("Unverified");
    const db = await getDb();
    await db.update(organisations).set({ verifiedAt: null }).where(eq(organisations.id, org.orgId));
    const admin = ctxOf(org, org.admin);
    const paste = (n: number, tag: string) => {
      const r = readPastedEmails(Array.from({ length: n }, (_, i) => `${tag}.${i}.${uid()}@outside.example`).join("\n"), { role: "trainee", supervisorEmail: "", cohort: "" });
      if (!r.ok) throw new Error(r.error);
      return r.rows;
    };
    await expect(importInviteRows(admin, paste(UNVERIFIED_DAILY_INVITATIONS + 1, "many"), "paste")).rejects.toThrow(/can send 25 invitations a day/);
    const done = await importInviteRows(admin, paste(UNVERIFIED_DAILY_INVITATIONS, "ok"), "paste");
    expect(done.filter((r) => r.outcome === "invited")).toHaveLength(UNVERIFIED_DAILY_INVITATIONS);
    await expect(inviteOne(admin, { email: `one.more.${uid()}@outside.example`, name: "", role: "trainee", supervisorMembershipId: null, cohortId: null })).rejects.toThrow(/none are left today/);

    const [{ slug }] = await db.select({ slug: organisations.slug }).from(organisations).where(eq(organisations.id, org.orgId));
    expect(await verifyOrganisation(slug)).toBe(true);
    await inviteOne(admin, { email: `after.${uid()}@outside.example`, name: "", role: "trainee", supervisorMembershipId: null, cohortId: null });
  });

  it("refuses web addresses in organisation and person names, and keeps names out of invitation subjects", async () => {
    const { signUpInput } = await import("@/lib/orgs/schemas");
    const r = signUpInput.safeParse({ name: "Eve", email: "eve@test.example", password: "a long enough passphrase", organisationName: "URGENT: verify your payroll at http://evil.example" });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain("can't contain a web address");
    expect(signUpInput.safeParse({ name: "Visit www.evil.example", email: "eve@test.example", password: "a long enough passphrase", organisationName: "Harbour Clinic" }).success).toBe(false);
    expect(signUpInput.safeParse({ name: "Dr Ana O'Neil-Smith", email: "ana@test.example", password: "a long enough passphrase", organisationName: "St. Vincent's Counselling & Co." }).success).toBe(true);

    const org = await createOrg("Subject");
    const email = `subject.${uid()}@test.example`;
    await inviteOne(ctxOf(org, org.admin), { email, name: "Sam", role: "trainee", supervisorMembershipId: null, cohortId: null });
    expect((await latestEmail(org.orgId, email)).subject).not.toContain(org.name);
  });

  it("tells a trainee by email when a supervisor is assigned", async () => {
    delete process.env.SMTP_URL;
    const org = await createOrg("Assigned");
    const db = await getDb();
    await db.delete(supervisions).where(eq(supervisions.organisationId, org.orgId));
    await setSupervision(ctxOf(org, org.admin), { supervisorMembershipId: org.otherSupervisor.membershipId, traineeMembershipId: org.trainee.membershipId, assigned: true });
    const mail = await latestEmail(org.orgId, org.trainee.email);
    expect(mail.kind).toBe("supervisor_assigned");
    expect(mail.text).toContain(org.otherSupervisor.name);
  });
});
