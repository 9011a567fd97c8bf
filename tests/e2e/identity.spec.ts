import { expect, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, organisations, outbox } from "@/db/schema";
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
    await page.getByRole("button", { name: "Save", exact: true }).click();
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

test.describe("passkeys (WebAuthn, Chromium's virtual authenticator)", () => {
  test.describe.configure({ timeout: 300_000 });

  test("register several, rename and remove them; sign in with one as the second step and, where allowed, alone", async ({ browser, baseURL }) => {
    const org = await createOrg("Passkey");
    // Browsers refuse an IP address as a WebAuthn relying party: the loopback server is also localhost.
    const context = await browser.newContext({ baseURL: baseURL!.replace("127.0.0.1", "localhost") });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const addAuthenticator = async () =>
      (
        await cdp.send("WebAuthn.addVirtualAuthenticator", {
          options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
        })
      ).authenticatorId;
    const register = async (name: string) => {
      await page.getByLabel("Name for this passkey").fill(name);
      await page.getByLabel("Your current password").fill(TEST_PASSWORD);
      await page.getByRole("button", { name: "Add a passkey" }).click();
      await expect(page.getByText("Your passkey is added.")).toBeVisible({ timeout: 30_000 });
    };
    const login = new LoginPage(page);
    const list = page.getByRole("list", { name: "Your passkeys" });

    const first = await addAuthenticator();
    await login.signInAs(org.trainee.email, TEST_PASSWORD);
    await page.goto("/account/security");
    await register("Old key");
    // The first factor comes with recovery codes.
    await expect(page.getByTestId("recovery-codes").locator("li")).toHaveCount(10);
    await page.getByRole("button", { name: "Done" }).click();
    await expect(list.getByText("Old key")).toBeVisible();

    // A second device: another authenticator, another passkey (no new recovery codes).
    await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: first });
    await addAuthenticator();
    await register("Work laptop");
    await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
    await page.getByRole("button", { name: "Done" }).click();
    await expect(list.getByRole("listitem")).toHaveCount(2);

    await page.getByRole("button", { name: "Rename Work laptop" }).click();
    await page.getByLabel("New name for Work laptop").fill("Work laptop (Chromium)");
    await page.getByRole("button", { name: "Save name" }).click();
    await expect(list.getByText("Work laptop (Chromium)")).toBeVisible();
    await page.getByRole("button", { name: "Remove Old key" }).click();
    await list.getByLabel("Your current password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Remove Old key" }).click();
    await expect(page.getByText("Old key removed.")).toBeVisible();
    await expect(list.getByRole("listitem")).toHaveCount(1);
    await expectAccessible(page);
    await login.signOut();

    // As the second step after the password.
    await login.goto();
    await login.signIn(org.trainee.email, TEST_PASSWORD);
    await page.waitForURL("**/login/verify**");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await page.waitForURL("**/home");
    await login.signOut();

    // Alone: refused until the organisation allows it, then it signs in with no password.
    await login.goto();
    await page.getByRole("button", { name: "Use a passkey instead of a password" }).click();
    await expect(page.getByText("Your organisation hasn't turned on signing in with a passkey alone.")).toBeVisible({ timeout: 30_000 });
    const db = await getDb();
    await db.update(organisations).set({ passkeySignIn: true }).where(eq(organisations.id, org.orgId));
    await page.getByRole("button", { name: "Use a passkey instead of a password" }).click();
    await page.waitForURL("**/home");
    await page.goto("/account");
    const history = page.getByRole("region", { name: "Recent sign-ins" });
    await expect(history.getByRole("cell", { name: "Passkey", exact: true })).toBeVisible();
    await expect(history.getByRole("cell", { name: "Password and passkey" })).toBeVisible();

    const mails = await db.select().from(outbox).where(and(eq(outbox.to, org.trainee.email), eq(outbox.kind, "security_notice")));
    const texts = mails.map((m) => m.text).join("\n");
    expect(texts).toContain("A passkey (“Old key”) was added");
    expect(texts).toContain("A passkey (“Old key”) was removed");
    await context.close();
  });
});
