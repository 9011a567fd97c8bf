import { expect, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, outbox } from "@/db/schema";
import { createOrg, TEST_PASSWORD } from "../fixtures/factory";
import { LoginPage } from "../pages/login-page";
import { totpCode, TwoFactorPages } from "../pages/two-factor-pages";
import { expectAccessible } from "./axe";

// Issue 18: two-step sign-in (authenticator app and recovery codes), organisation enforcement,
// admin reset, and each person's sign-in history.

test.describe("two-step sign-in with an authenticator app", () => {
  // Long walks (a dozen sign-ins and pages each) on two shared cores: a ceiling, not a speed check.
  test.describe.configure({ timeout: 300_000 });

  test("enrol, then sign in with a code; wrong and replayed codes are refused; a recovery code works once", async ({ page }) => {
    const org = await createOrg("Totp");
    const login = new LoginPage(page);
    const tf = new TwoFactorPages(page);
    await login.signInAs(org.trainee.email, TEST_PASSWORD);

    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Recent sign-ins" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Recent sign-ins" }).getByRole("cell", { name: "Password", exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Manage two-step sign-in" }).click();
    await expect(page.getByRole("heading", { name: "Two-step sign-in", level: 1 })).toBeVisible();
    await expectAccessible(page);
    const { secret, codes } = await tf.setUpApp({ password: TEST_PASSWORD });
    await expectAccessible(page);
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByText("On. Signing in asks for a code from your app")).toBeVisible();
    await login.signOut();

    // The password alone opens nothing: the second step is asked for, and other pages send back to it.
    await login.goto("/cases");
    await login.signIn(org.trainee.email, TEST_PASSWORD);
    await page.waitForURL("**/login/verify**");
    await expect(page.getByRole("heading", { name: "Two-step sign-in" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/cases");
    await expect(page).toHaveURL(/\/login\/verify/);

    await tf.enterCode("000000");
    await expect(page.getByText("That code isn't right.")).toBeVisible();
    await expectAccessible(page);
    const code = await totpCode(secret, 1);
    await tf.enterCode(code);
    await page.waitForURL("**/home");
    await login.signOut();

    // The same code in a new sign-in is refused as used; a recovery code gets in, once.
    await login.goto();
    await login.signIn(org.trainee.email, TEST_PASSWORD);
    await page.waitForURL("**/login/verify**");
    await tf.enterCode(code);
    await expect(page.getByText("That code has already been used.")).toBeVisible();
    await tf.enterRecoveryCode(codes[0]);
    await page.waitForURL("**/home");
    await page.goto("/account");
    await expect(page.getByRole("region", { name: "Recent sign-ins" }).getByRole("cell", { name: "Password and recovery code" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Recent sign-ins" }).getByRole("cell", { name: "Password and authenticator app" })).toBeVisible();
    await expectAccessible(page);
    await login.signOut();

    await login.goto();
    await login.signIn(org.trainee.email, TEST_PASSWORD);
    await page.waitForURL("**/login/verify**");
    await tf.enterRecoveryCode(codes[0]);
    await expect(page.getByText("That recovery code isn't right, or it has already been used.")).toBeVisible();
    await page.getByRole("button", { name: "Cancel and sign out" }).click();
    await page.waitForURL(/\/login\?notice=signed-out/);

    // Each change was emailed to the person and audited.
    const db = await getDb();
    const mails = await db.select().from(outbox).where(and(eq(outbox.to, org.trainee.email), eq(outbox.kind, "security_notice")));
    expect(mails.map((m) => m.text).join("\n")).toContain("An authenticator app was added");
    expect(mails.map((m) => m.text).join("\n")).toContain("A recovery code was used");
    const failures = await db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, org.trainee.userId), eq(auditEvents.action, "auth.second_factor"), eq(auditEvents.outcome, "failure")));
    expect(failures.length).toBe(3);
  });

  test("an organisation that requires it sends an un-enrolled supervisor to enrolment, and an admin can reset it", async ({ page, browser }) => {
    const org = await createOrg("Require");
    const login = new LoginPage(page);
    await login.signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/security");
    await expectAccessible(page);
    await page.getByLabel("Supervisors and admins must").check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved. It applies from each person's next sign-in.")).toBeVisible();

    const supContext = await browser.newContext();
    const supPage = await supContext.newPage();
    const supLogin = new LoginPage(supPage);
    await supLogin.goto();
    await supLogin.signIn(org.supervisor.email, TEST_PASSWORD);
    await supPage.waitForURL("**/login/enrol**");
    await expect(supPage.getByRole("heading", { name: "Set up two-step sign-in" })).toBeVisible();
    await expectAccessible(supPage);
    // Nothing else opens until enrolment is done.
    await supPage.goto("/reviews");
    await supPage.waitForURL("**/login/enrol**");
    await new TwoFactorPages(supPage).setUpApp({});
    await supPage.getByRole("button", { name: "Continue to Rapport" }).click();
    await supPage.waitForURL("**/home");
    await supPage.goto("/reviews");
    await expect(supPage).toHaveURL(/\/reviews/);
    await supContext.close();

    // A trainee is not required to.
    const traineeContext = await browser.newContext();
    await new LoginPage(await traineeContext.newPage()).signInAs(org.trainee.email, TEST_PASSWORD);
    await traineeContext.close();

    // The admin (whose own session predates the rule) resets the supervisor's factors.
    await page.goto(`/admin/members/${org.supervisor.membershipId}`);
    await expect(page.getByText("On (authenticator app; 10 recovery codes left)")).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Reset two-step sign-in" }).click();
    await expect(page.getByText("Two-step sign-in reset. They have been emailed.")).toBeVisible();
    await page.reload();
    await expect(page.getByText("Off", { exact: true })).toBeVisible();
    const db = await getDb();
    const mails = await db.select().from(outbox).where(and(eq(outbox.to, org.supervisor.email), eq(outbox.kind, "security_notice"), eq(outbox.organisationId, org.orgId)));
    expect(mails.some((m) => m.text.includes("Two-step sign-in was reset") && m.text.includes(org.admin.name))).toBe(true);
    const resets = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "auth.factors_reset")));
    expect(resets).toHaveLength(1);
  });
});
