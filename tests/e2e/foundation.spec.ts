import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "@/scripts/seed/demo";
import { addMember, bumpSessionVersion, createOrg, createUser, disableUser, TEST_PASSWORD, uid } from "../fixtures/factory";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";

const SIGN_IN_FAILED = "That email and password don't match an account. Check both and try again.";

test.describe("foundation", () => {
  test("@smoke landing, sign-in and sign-up pages are accessible", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Training and supervision");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Sign in to Rapport" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/signup");
    await expectAccessible(page);
  });

  test("@smoke a visitor gets the app icon the sign-in page links, not a redirect to sign in", async ({ page, request }) => {
    await page.goto("/login");
    const href = await page.locator('link[rel="icon"]').getAttribute("href");
    expect(href).toMatch(/^\/icon\.svg/);
    const res = await request.get(href!, { maxRedirects: 0 });
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("image/svg+xml");
    expect(await res.text()).toContain("<svg");
  });

  test("@smoke sign-up creates an organisation with its creator as admin", async ({ page }) => {
    const id = uid();
    await page.goto("/signup");
    await page.getByLabel("Your name").fill(`Pat Founder ${id}`);
    await page.getByLabel("Email address").fill(`founder.${id}@test.example`);
    await page.getByLabel("Password", { exact: true }).fill("a long enough passphrase");
    await page.getByLabel("Organisation name").fill(`Riverbend Counselling ${id}`);
    await page.getByRole("button", { name: "Create organisation" }).click();
    await page.waitForURL("**/home");
    await expect(page.getByRole("heading", { name: "Organisation overview" })).toBeVisible();
    await expect(page.getByTestId("current-org")).toHaveText(`Riverbend Counselling ${id}`);
    await expect(page.getByText("Organisation admin")).toBeVisible();
    await expectAccessible(page);
  });

  test("sign-up shows each problem next to its field and keeps what was typed", async ({ page }) => {
    await page.goto("/signup");
    await page.getByLabel("Your name").fill("Someone");
    await page.getByLabel("Email address").fill("not-an-email");
    await page.getByLabel("Password", { exact: true }).fill("short");
    await page.getByRole("button", { name: "Create organisation" }).click();
    await expect(page.getByText("Enter an email address like name@example.org.")).toBeVisible();
    await expect(page.getByText("Use at least 12 characters.", { exact: false })).toBeVisible();
    await expect(page.getByText("Enter the organisation's name (at least 2 characters).")).toBeVisible();
    await expect(page.getByLabel("Your name")).toHaveValue("Someone");
    await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
  });

  test("sign-up with an email that already has an account says so next to the email", async ({ page }) => {
    const org = await createOrg("Dup");
    await page.goto("/signup");
    await page.getByLabel("Your name").fill("Second Try");
    await page.getByLabel("Email address").fill(org.admin.email.toUpperCase());
    await page.getByLabel("Password", { exact: true }).fill("another long passphrase");
    await page.getByLabel("Organisation name").fill("Second Org");
    await page.getByRole("button", { name: "Create organisation" }).click();
    await expect(page.getByText("An account with this email already exists.", { exact: false })).toBeVisible();
  });

  test("@smoke a wrong password and an unknown email get the same message", async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn("trainee@harbourside.example", "definitely not the password");
    await expect(page.getByText(SIGN_IN_FAILED)).toBeVisible();
    await expectAccessible(page);
    await login.signIn(`nobody.${uid()}@test.example`, "definitely not the password");
    await expect(page.getByText(SIGN_IN_FAILED)).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  for (const [email, heading] of [
    ["trainee@harbourside.example", "Your training"],
    ["supervisor@harbourside.example", "Supervision"],
    ["admin@harbourside.example", "Organisation overview"],
  ] as const) {
    test(`@smoke demo ${email} lands on the page for their role`, async ({ page }) => {
      await new LoginPage(page).signInAs(email, DEMO_PASSWORD);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expect(page.getByTestId("current-org")).toHaveText("Harbourside Counselling Institute");
      await expectAccessible(page);
    });
  }

  test("a signed-out visitor is sent to sign-in and returned afterwards", async ({ page }) => {
    const org = await createOrg("Return");
    await page.goto("/account");
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount/);
    await new LoginPage(page).signIn(org.trainee.email, TEST_PASSWORD);
    await page.waitForURL("**/account");
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    await expectAccessible(page);
  });

  test("sign-out ends the session", async ({ page }) => {
    const org = await createOrg("Out");
    const login = new LoginPage(page);
    await login.signInAs(org.trainee.email, TEST_PASSWORD);
    await login.signOut();
    await page.goto("/home");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a member of organisation B gets not-found for organisation A's pages", async ({ page }) => {
    const a = await createOrg("Alpha");
    const b = await createOrg("Beta");
    await new LoginPage(page).signInAs(b.admin.email, TEST_PASSWORD);
    // B's admin can open B's member page...
    await page.goto(`/admin/members/${b.trainee.membershipId}`);
    await expect(page.getByRole("heading", { name: b.trainee.name })).toBeVisible();
    await expectAccessible(page);
    // ...and gets not-found for A's, with nothing of A on the page.
    const res = await page.goto(`/admin/members/${a.trainee.membershipId}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(a.trainee.name)).toHaveCount(0);
    await expectAccessible(page);
    // A's people never show in B's member list, even when searched for by name.
    await page.goto(`/admin/members?q=${encodeURIComponent(a.trainee.name)}`);
    await expect(page.getByText("No members match these filters.")).toBeVisible();
  });

  test("trainees and supervisors get not-found for admin pages", async ({ page }) => {
    const org = await createOrg("Roles");
    for (const person of [org.trainee, org.supervisor]) {
      await page.context().clearCookies();
      await new LoginPage(page).signInAs(person.email, TEST_PASSWORD);
      await expect(page.getByRole("link", { name: "Members" })).toHaveCount(0);
      for (const path of ["/admin/members", `/admin/members/${org.trainee.membershipId}`]) {
        const res = await page.goto(path);
        expect(res?.status(), `${person.role} ${path}`).toBe(404);
      }
    }
  });

  test("a disabled user is signed out on their next request", async ({ page }) => {
    const org = await createOrg("Disabled");
    await new LoginPage(page).signInAs(org.trainee.email, TEST_PASSWORD);
    await expect(page.getByRole("heading", { name: "Your training" })).toBeVisible();
    await disableUser(org.trainee.userId);
    await page.goto("/home");
    await expect(page).toHaveURL(/\/login/);
    await new LoginPage(page).signIn(org.trainee.email, TEST_PASSWORD);
    await expect(page.getByText(SIGN_IN_FAILED)).toBeVisible();
  });

  test("a session minted before a password change no longer works", async ({ page }) => {
    const org = await createOrg("Version");
    await new LoginPage(page).signInAs(org.supervisor.email, TEST_PASSWORD);
    await bumpSessionVersion(org.supervisor.userId);
    await page.goto("/home");
    await expect(page).toHaveURL(/\/login/);
  });

  test("changing the password signs out and the new password works", async ({ page }) => {
    const org = await createOrg("Pw");
    const login = new LoginPage(page);
    await login.signInAs(org.trainee.email, TEST_PASSWORD);
    await page.goto("/account");
    await page.getByLabel("Current password").fill("wrong current password");
    await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
    await page.getByLabel("Confirm new password").fill("a brand new passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("That isn't your current password.")).toBeVisible();
    await page.getByLabel("Current password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Change password" }).click();
    await page.waitForURL("**/login?notice=password-changed");
    await expect(page.getByText("Your password has been changed.")).toBeVisible();
    await login.signIn(org.trainee.email, TEST_PASSWORD);
    await expect(page.getByText(SIGN_IN_FAILED)).toBeVisible();
    await login.signIn(org.trainee.email, "a brand new passphrase");
    await page.waitForURL("**/home");
  });

  test("an admin deactivates a member, who loses access at once, and reactivates them", async ({ browser }) => {
    const org = await createOrg("Deact");
    const traineeCtx = await browser.newContext();
    const traineePage = await traineeCtx.newPage();
    await new LoginPage(traineePage).signInAs(org.trainee.email, TEST_PASSWORD);

    const adminCtx = await browser.newContext();
    const adminPage = await adminCtx.newPage();
    await new LoginPage(adminPage).signInAs(org.admin.email, TEST_PASSWORD);
    await adminPage.goto("/admin/members");
    await expectAccessible(adminPage);
    await adminPage.getByRole("link", { name: org.trainee.name, exact: true }).click();
    await adminPage.getByRole("button", { name: "Deactivate member" }).click();
    await adminPage.getByRole("dialog").getByRole("button", { name: `Deactivate ${org.trainee.name}` }).click();
    await expect(adminPage.getByText("Member deactivated.", { exact: false })).toBeVisible();

    await traineePage.goto("/home");
    await expect(traineePage).toHaveURL(/\/no-organisation/);
    await expectAccessible(traineePage);

    await adminPage.getByRole("button", { name: "Reactivate member" }).click();
    await expect(adminPage.getByText("Member reactivated.")).toBeVisible();
    await traineePage.goto("/home");
    await expect(traineePage.getByRole("heading", { name: "Your training" })).toBeVisible();
    await traineeCtx.close();
    await adminCtx.close();
  });

  test("the last admin cannot be deactivated", async ({ page }) => {
    const org = await createOrg("Last");
    await new LoginPage(page).signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto(`/admin/members/${org.admin.membershipId}`);
    await page.getByRole("button", { name: "Deactivate my own access" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Deactivate my own access" }).click();
    await expect(page.getByText("This is the organisation's last active admin.", { exact: false })).toBeVisible();
  });

  test("a person in two organisations switches between them", async ({ page }) => {
    const a = await createOrg("First");
    const b = await createOrg("Second");
    const person = await createUser(`Multi ${uid()}`);
    await addMember(a.orgId, person.id, "trainee");
    await addMember(b.orgId, person.id, "org_admin");
    await new LoginPage(page).signInAs(person.email, TEST_PASSWORD);
    const first = [a.name, b.name].sort()[0];
    await expect(page.getByTestId("current-org")).toHaveText(first);
    await page.getByLabel("Organisation").selectOption({ label: `${b.name} (Organisation admin)` });
    await page.getByRole("button", { name: "Switch" }).click();
    await expect(page.getByTestId("current-org")).toHaveText(b.name);
    await expect(page.getByRole("heading", { name: "Organisation overview" })).toBeVisible();
    await page.getByLabel("Organisation").selectOption({ label: `${a.name} (Trainee)` });
    await page.getByRole("button", { name: "Switch" }).click();
    await expect(page.getByRole("heading", { name: "Your training" })).toBeVisible();
    await expectAccessible(page);
  });

  test("@smoke the health check reports a migrated database", async ({ request }) => {
    const res = await request.get("/api/health");
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", migrations: "applied" });
  });

  test("pages carry the security headers", async ({ request }) => {
    const res = await request.get("/login");
    const h = res.headers();
    expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(h["content-security-policy"]).not.toContain("unsafe-inline' 'strict");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
    expect(h["x-powered-by"]).toBeUndefined();
  });
});

test.describe("sessions", () => {
  test("signing out ends the session on the server: a copied cookie no longer works", async ({ browser }) => {
    const org = await createOrg("Replay");
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const login = new LoginPage(page);
    await login.signInAs(org.trainee.email, TEST_PASSWORD);
    const stolen = await ctx.cookies();
    await login.signOut();
    const thief = await browser.newContext();
    await thief.addCookies(stolen);
    const p2 = await thief.newPage();
    await p2.goto("/home");
    await expect(p2).toHaveURL(/\/login/);
  });

  test("an altered or made-up session cookie counts as signed out", async ({ browser }) => {
    const org = await createOrg("Forged");
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await new LoginPage(page).signInAs(org.trainee.email, TEST_PASSWORD);
    const session = (await ctx.cookies()).find((c) => /next-auth\.session-token$/.test(c.name))!;
    expect(session).toBeTruthy();
    // One character changed in the ciphertext, then a token that was never issued.
    const flipped = session.value.slice(0, -5) + (session.value.at(-5) === "A" ? "B" : "A") + session.value.slice(-4);
    for (const value of [flipped, "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..bm90.YSB0b2tlbg.c2lnbmVk"]) {
      const other = await browser.newContext();
      await other.addCookies([{ ...session, value }]);
      const p = await other.newPage();
      await p.goto("/home");
      await expect(p).toHaveURL(/\/login/);
      await other.close();
    }
    await ctx.close();
  });

  test("signing out works before any JavaScript has run", async ({ browser }) => {
    const org = await createOrg("NoJs");
    // The sign-in form needs JavaScript: sign in with it, then sign out with it turned off.
    const js = await browser.newContext();
    const p1 = await js.newPage();
    await new LoginPage(p1).signInAs(org.trainee.email, TEST_PASSWORD);
    const cookies = await js.cookies();
    await js.close();
    const noJs = await browser.newContext({ javaScriptEnabled: false });
    await noJs.addCookies(cookies);
    const p2 = await noJs.newPage();
    await p2.goto("/home");
    await p2.getByRole("button", { name: "Sign out" }).click();
    await expect(p2).toHaveURL(/\/login/);
    expect((await noJs.cookies()).filter((c) => /next-auth\.session-token/.test(c.name))).toEqual([]);
    // The session ended on the server too: the old cookie no longer opens a page.
    const replay = await browser.newContext();
    await replay.addCookies(cookies);
    const p3 = await replay.newPage();
    await p3.goto("/home");
    await expect(p3).toHaveURL(/\/login/);
    await Promise.all([noJs.close(), replay.close()]);
  });

  test("a person sees where they are signed in and can sign out every other session", async ({ browser }) => {
    const org = await createOrg("Devices");
    const laptop = await (await browser.newContext()).newPage();
    const phone = await (await browser.newContext()).newPage();
    await new LoginPage(laptop).signInAs(org.trainee.email, TEST_PASSWORD);
    await new LoginPage(phone).signInAs(org.trainee.email, TEST_PASSWORD);
    await laptop.goto("/account");
    await expect(laptop.getByText("This device")).toBeVisible();
    await expect(laptop.getByRole("button", { name: "Sign out this session" })).toHaveCount(1);
    await expectAccessible(laptop);
    await laptop.getByRole("button", { name: "Sign out all other sessions" }).click();
    await laptop.getByRole("dialog").getByRole("button", { name: "Sign out all other sessions" }).click();
    await expect(laptop.getByText("Every other session has been signed out.")).toBeVisible();
    await phone.goto("/home");
    await expect(phone).toHaveURL(/\/login/);
    await laptop.goto("/home");
    await expect(laptop.getByRole("heading", { name: "Your training" })).toBeVisible();
  });
});
