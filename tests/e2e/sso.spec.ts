import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, memberships, organisationDomains, organisations, users, userSessions } from "@/db/schema";
import { addMember, createOrg, createUser, TEST_PASSWORD } from "../fixtures/factory";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";

// Issue 18, single sign-on: a real OpenID Connect provider (oidc-provider, tests/e2e/support/oidc-idp.mjs)
// on 127.0.0.1 (E2E_IDP_PORT, or a free port). The servers accept its http:// issuer only because
// playwright.config.ts sets RAPPORT_ALLOW_HTTP_OIDC=1 for them. Wrong issuers, audiences and
// signatures are minted directly in tests/integration/sso-tokens.test.ts (oidc-provider only
// signs correct tokens).

const STAMP = Date.now().toString(36);
const DOMAIN = `sso-${STAMP}.example.org`;
const STUDENT_DOMAIN = `students-${STAMP}.example.org`;
const CLIENT = { id: "rapport-e2e", secret: "rapport-e2e-client-secret" };
const OTHER_CLIENT = { id: "other-client", secret: "other-client-secret" };
// amr: what the provider reports about how the person signed in (RFC 8176); absent: nothing.
const ACCOUNTS = {
  sam: { email: `sam@${DOMAIN}`, name: "Sam Single" },
  alex: { email: `alex@${DOMAIN}`, name: "Alex Wrongclient" },
  jo: { email: `jo@${STUDENT_DOMAIN}`, name: "Jo Student" },
  pat: { email: `pat@${DOMAIN}`, name: "Pat Password" },
  dee: { email: `dee@${DOMAIN}`, name: "Dee Departed" },
  mia: { email: `mia@${DOMAIN}`, name: "Mia Twostep", amr: ["pwd", "mfa"] },
  noah: { email: `noah@${DOMAIN}`, name: "Noah Passwordonly", amr: ["pwd"] },
};

let idp: ChildProcess | null = null;
let issuer = "";

async function startIdp(baseURL: string): Promise<string> {
  const port = Number(process.env.E2E_IDP_PORT || 0);
  const child = spawn(process.execPath, ["tests/e2e/support/oidc-idp.mjs"], {
    env: { ...process.env, IDP_CONFIG: JSON.stringify({ port, redirectUri: `${baseURL}/api/sso/callback`, clients: [CLIENT, OTHER_CLIENT], accounts: ACCOUNTS }) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  idp = child;
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const m = /ISSUER (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on("exit", (code) => reject(new Error(`identity provider exited (${code})`)));
  });
}

/** At the provider's login form (when it asks), signs in as `login`. */
async function loginAtIdp(page: Page, login: string) {
  await page.waitForURL((u) => u.href.startsWith(`${issuer}/interaction/`) || (!u.href.startsWith(issuer) && !u.pathname.startsWith("/login")) || u.pathname.startsWith("/login/"));
  if (page.url().startsWith(issuer)) {
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("anything");
    await page.getByRole("button", { name: "Sign-in" }).click();
  }
}

/** From /login: types the work email, continues, and signs in at the provider when it asks. */
async function signInWithSso(page: Page, email: string, login: string) {
  await page.goto("/login");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Continue with single sign-on" }).click();
  await loginAtIdp(page, login);
}

/** A fresh browser (the provider remembers whoever signed in there last), signed in through SSO. */
async function ssoInFreshBrowser(browser: Browser, account: keyof typeof ACCOUNTS) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInWithSso(page, ACCOUNTS[account].email, account);
  await page.waitForURL((u) => u.pathname === "/home" || u.pathname.startsWith("/login/"));
  return { context, page };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test.describe("single sign-on over OpenID Connect", () => {
  test.describe.configure({ mode: "serial", timeout: 300_000 });
  let org: Awaited<ReturnType<typeof createOrg>>;

  test.beforeAll(async ({}, info) => {
    issuer = await startIdp(String(info.project.use.baseURL));
    org = await createOrg("Sso");
    const db = await getDb();
    // The domain claim itself (link by email) is covered by tests/integration/identity-domains.test.ts.
    for (const domain of [DOMAIN, STUDENT_DOMAIN]) await db.insert(organisationDomains).values({ organisationId: org.orgId, domain, verifyEmail: `it@${domain}`, verifiedAt: new Date() });
  });

  test.afterAll(() => {
    idp?.kill("SIGTERM");
  });

  test("the admin sets up the staff provider; first sign-in creates the member with the default role, the second links the same account, a replay is refused", async ({ page, context, baseURL }) => {
    const login = new LoginPage(page);
    await login.signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/security");
    await expect(page.getByRole("heading", { name: "Single sign-on (OpenID Connect)" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Email domains" }).getByText(DOMAIN)).toBeVisible();
    await expectAccessible(page);
    const add = page.getByRole("region", { name: "Add an identity provider" });
    // Bad input: a message next to the field, nothing saved.
    await add.getByLabel("Name").fill("Staff");
    await add.getByLabel("Issuer URL").fill("ftp://idp.example.org");
    await add.getByLabel("Client ID").fill(CLIENT.id);
    await add.getByRole("button", { name: "Add identity provider" }).click();
    await expect(add.getByText("The issuer must be an https:// address")).toBeVisible();
    await expect(add.getByLabel("Issuer URL")).toHaveAttribute("aria-invalid", "true");
    await add.getByLabel("Issuer URL").fill(issuer);
    await add.getByLabel("Client secret").fill(CLIENT.secret);
    await add.getByRole("checkbox", { name: DOMAIN }).check();
    await add.getByLabel("Role for people who sign in for the first time").selectOption("supervisor");
    await add.getByRole("button", { name: "Add identity provider" }).click();
    await expect(page.getByText("Added the identity provider.")).toBeVisible();
    const staff = page.getByRole("region", { name: "Staff", exact: true });
    await expect(staff.getByLabel("Client secret")).toHaveValue("");
    await expect(staff.getByText("A secret is saved.")).toBeVisible();
    await expect(staff.getByRole("checkbox", { name: DOMAIN })).toBeChecked();
    await expect(page.getByRole("region", { name: "Email domains" }).getByText(`Confirmed · signs in through Staff`)).toBeVisible();
    await expectAccessible(page);
    await login.signOut();

    await page.goto("/login");
    await expectAccessible(page);
    let callbackUrl = "";
    let txnCookie = "";
    page.on("request", (r) => {
      if (r.url().includes("/api/sso/callback")) callbackUrl = r.url();
    });
    page.on("response", async (r) => {
      if (r.url().endsWith("/api/sso/start")) txnCookie = /rapport-sso=([^;]+)/.exec((await r.headerValue("set-cookie")) ?? "")?.[1] ?? "";
    });
    await signInWithSso(page, ACCOUNTS.sam.email, "sam");
    await page.waitForURL((u) => u.pathname === "/home" || u.pathname === "/login/sso");
    expect(new URL(page.url()).pathname).toBe("/home");
    const db = await getDb();
    const [user] = await db.select().from(users).where(eq(users.email, ACCOUNTS.sam.email));
    expect(user.name).toBe("Sam Single");
    const [member] = await db.select().from(memberships).where(and(eq(memberships.organisationId, org.orgId), eq(memberships.userId, user.id)));
    expect(member.role).toBe("supervisor");
    await page.goto("/account");
    await expect(page.getByRole("region", { name: "Recent sign-ins" }).getByRole("cell", { name: "Single sign-on", exact: true })).toBeVisible();

    // The same callback again, even with the attempt's cookie put back, is refused: each state works once.
    expect(callbackUrl).toContain("state=");
    expect(txnCookie).not.toBe("");
    await context.addCookies([{ name: "rapport-sso", value: txnCookie, domain: new URL(String(baseURL)).hostname, path: "/api/sso", httpOnly: true, sameSite: "Lax" }]);
    await page.goto(callbackUrl);
    await page.waitForURL("**/login/sso?error=state");
    await expect(page.getByText("This sign-in attempt can't be used")).toBeVisible();
    await expectAccessible(page);

    await page.goto("/home");
    await login.signOut();
    // Second sign-in: the same account, now linked (the provider remembers the person).
    await signInWithSso(page, ACCOUNTS.sam.email, "sam");
    await page.waitForURL("**/home");
    expect(await db.select().from(users).where(eq(users.email, ACCOUNTS.sam.email))).toHaveLength(1);
    const sessions = await db.select().from(userSessions).where(and(eq(userSessions.userId, user.id), eq(userSessions.method, "sso")));
    expect(sessions).toHaveLength(2);
    const signIns = await db.select().from(auditEvents).where(and(eq(auditEvents.actorUserId, user.id), eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.outcome, "success")));
    expect(signIns).toHaveLength(2);
  });

  test("a second provider for the students' domain: each domain goes to one provider (said next to the field), students join with their provider's role, and the admin sees everyone's sign-in method and last sign-in", async ({ page, browser }) => {
    const login = new LoginPage(page);
    await login.signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/security");
    const add = page.getByRole("region", { name: "Add another identity provider" });
    await add.getByLabel("Name").fill("Students");
    await add.getByLabel("Issuer URL").fill(issuer);
    await add.getByLabel("Client ID").fill(CLIENT.id);
    await add.getByLabel("Client secret").fill(CLIENT.secret);
    await add.getByRole("checkbox", { name: new RegExp(`^${escape(DOMAIN)} \\(now with Staff\\)`) }).check();
    await add.getByRole("button", { name: "Add identity provider" }).click();
    const domainsError = add.getByText(`${DOMAIN} already signs people in through Staff. Untick it there first`);
    await expect(domainsError).toBeVisible();
    await expect(add.getByRole("checkbox", { name: STUDENT_DOMAIN })).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
    // What was typed is kept; untick the staff domain, tick the students' one.
    await expect(add.getByLabel("Name")).toHaveValue("Students");
    await add.getByRole("checkbox", { name: new RegExp(`^${escape(DOMAIN)}`) }).uncheck();
    await add.getByRole("checkbox", { name: STUDENT_DOMAIN }).check();
    await add.getByRole("button", { name: "Add identity provider" }).click();
    await expect(page.getByText("Added the identity provider.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Students", exact: true }).getByRole("checkbox", { name: STUDENT_DOMAIN })).toBeChecked();

    // Jo's email routes to the students' provider, whose default role is trainee.
    const jo = await ssoInFreshBrowser(browser, "jo");
    expect(new URL(jo.page.url()).pathname).toBe("/home");
    await jo.context.close();
    const db = await getDb();
    const [joUser] = await db.select().from(users).where(eq(users.email, ACCOUNTS.jo.email));
    const [joMember] = await db.select().from(memberships).where(and(eq(memberships.organisationId, org.orgId), eq(memberships.userId, joUser.id)));
    expect(joMember.role).toBe("trainee");

    await page.goto("/admin/members");
    await expect(page.getByRole("columnheader", { name: "Last sign-in" })).toBeVisible();
    await expect(page.getByRole("row", { name: /Sam Single/ })).toContainText("Single sign-on");
    await expect(page.getByRole("row", { name: new RegExp(escape(org.admin.name)) })).toContainText("Password");
    await expect(page.getByRole("row", { name: new RegExp(escape(org.otherTrainee.name)) })).toContainText("Never");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Jo Student" }).click();
    await expect(page.getByRole("definition").filter({ hasText: "Single sign-on" })).toBeVisible();
  });

  test("a code issued to another client (wrong audience) and a state mismatch are refused with a clear page", async ({ browser }) => {
    // Another client: the authorisation request is rewritten on its way to the provider, so the
    // code the provider returns belongs to other-client, not Rapport's client.
    const ctxA = await browser.newContext();
    const page = await ctxA.newPage();
    await page.route((u) => u.origin === issuer && u.pathname === "/auth", (route) => {
      const url = new URL(route.request().url());
      url.searchParams.set("client_id", OTHER_CLIENT.id);
      return route.continue({ url: url.href });
    });
    await signInWithSso(page, ACCOUNTS.alex.email, "alex");
    await page.waitForURL("**/login/sso?error=token");
    await expect(page.getByRole("heading", { name: "Single sign-on didn't finish" })).toBeVisible();
    await expect(page.getByText("sent an answer Rapport can't accept")).toBeVisible();
    await expectAccessible(page);
    const db = await getDb();
    expect(await db.select().from(users).where(eq(users.email, ACCOUNTS.alex.email))).toHaveLength(0);
    await ctxA.close();

    // A state that doesn't match this browser's attempt.
    const ctxB = await browser.newContext();
    const pageB = await ctxB.newPage();
    await pageB.route((u) => u.origin === issuer, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<title>held</title><p>held at the provider</p>" }));
    await pageB.goto("/login");
    await pageB.getByLabel("Work email").fill(ACCOUNTS.alex.email);
    await pageB.getByRole("button", { name: "Continue with single sign-on" }).click();
    await expect(pageB.getByText("held at the provider")).toBeVisible();
    await pageB.goto("/api/sso/callback?code=forged-code&state=not-the-state");
    await pageB.waitForURL("**/login/sso?error=state");
    await expect(pageB.getByText("This sign-in attempt can't be used")).toBeVisible();
    await ctxB.close();
  });

  test("with password sign-in turned off for the staff domain, a password is refused with a clear message that offers single sign-on, which works", async ({ page }) => {
    const pat = await createUser("Pat Password", ACCOUNTS.pat.email);
    await addMember(org.orgId, pat.id, "trainee");
    const login = new LoginPage(page);
    await login.signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/security");
    const staff = page.getByRole("region", { name: "Staff", exact: true });
    await staff.getByLabel("People at these domains may still sign in with a password").uncheck();
    await staff.getByRole("button", { name: /Save single sign-on settings/ }).click();
    await expect(staff.getByText("Saved single sign-on settings.")).toBeVisible();
    await login.signOut();

    await login.goto();
    await login.signIn(ACCOUNTS.pat.email, TEST_PASSWORD);
    await expect(page.getByText("Your organisation has turned off password sign-in for your email address")).toBeVisible();
    const offer = page.getByRole("button", { name: `Continue with single sign-on as ${ACCOUNTS.pat.email}` });
    await expect(offer).toBeVisible();
    await expectAccessible(page);
    const db = await getDb();
    const [denied] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.outcome, "denied"))).orderBy(desc(auditEvents.occurredAt)).limit(1);
    expect(denied.detail).toMatchObject({ email: ACCOUNTS.pat.email, reason: "sso_required" });
    expect(await db.select().from(userSessions).where(eq(userSessions.userId, pat.id))).toHaveLength(0);

    await offer.click();
    await loginAtIdp(page, "pat");
    await page.waitForURL("**/home");
    const [session] = await db.select().from(userSessions).where(eq(userSessions.userId, pat.id));
    expect(session.method).toBe("sso");
  });

  test("a deactivated member who signs in through the identity provider is refused, and the refusal is audited", async ({ browser }) => {
    const dee = await createUser("Dee Departed", ACCOUNTS.dee.email);
    const m = await addMember(org.orgId, dee.id, "trainee");
    const db = await getDb();
    await db.update(memberships).set({ status: "deactivated" }).where(eq(memberships.id, m.id));
    const { context, page } = await ssoInFreshBrowser(browser, "dee");
    await page.waitForURL("**/login/sso?error=inactive");
    await expect(page.getByText("Your access to this organisation has ended.")).toBeVisible();
    await expectAccessible(page);
    await context.close();
    expect(await db.select().from(userSessions).where(eq(userSessions.userId, dee.id))).toHaveLength(0);
    const [refused] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.outcome, "failure")))
      .orderBy(desc(auditEvents.occurredAt))
      .limit(1);
    expect(refused.detail).toMatchObject({ method: "sso", reason: "inactive", email: ACCOUNTS.dee.email });
  });

  test("where the organisation requires two-step sign-in, the provider's amr lets people in; without it they are refused with a message to ask their IT team", async ({ browser }) => {
    const db = await getDb();
    await db.update(organisations).set({ twoFactorPolicy: "everyone" }).where(eq(organisations.id, org.orgId));
    try {
      const mia = await ssoInFreshBrowser(browser, "mia");
      expect(new URL(mia.page.url()).pathname).toBe("/home");
      await mia.page.goto("/account");
      await expect(mia.page.getByRole("region", { name: "Recent sign-ins" }).getByRole("cell", { name: "Single sign-on, two-step at the identity provider" })).toBeVisible();
      await mia.context.close();

      const noah = await ssoInFreshBrowser(browser, "noah");
      await noah.page.waitForURL("**/login/sso?error=mfa");
      await expect(noah.page.getByText("Your organisation requires two-step sign-in for your role")).toBeVisible();
      await expect(noah.page.getByText("Ask your IT team")).toBeVisible();
      await expectAccessible(noah.page);
      await noah.context.close();
      // Nothing was created for Noah, and the refusal is audited with what the provider said.
      expect(await db.select().from(users).where(eq(users.email, ACCOUNTS.noah.email))).toHaveLength(0);
      const [refused] = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "auth.sign_in"), eq(auditEvents.outcome, "failure")))
        .orderBy(desc(auditEvents.occurredAt))
        .limit(1);
      expect(refused.detail).toMatchObject({ method: "sso", reason: "mfa", email: ACCOUNTS.noah.email, amr: ["pwd"] });
    } finally {
      await db.update(organisations).set({ twoFactorPolicy: "off" }).where(eq(organisations.id, org.orgId));
    }
  });

  test("another organisation cannot claim the verified domain", async ({ page }) => {
    const other = await createOrg("SsoOther");
    const login = new LoginPage(page);
    await login.signInAs(other.admin.email, TEST_PASSWORD);
    await page.goto("/admin/security");
    await page.getByLabel("Domain", { exact: true }).fill(DOMAIN);
    await page.getByLabel("Send the link to (the part before the @)").fill("it");
    await page.getByRole("button", { name: "Send confirmation link" }).click();
    await expect(page.getByText("Another organisation has already verified this domain.")).toBeVisible();
    await expectAccessible(page);
    const db = await getDb();
    expect(await db.select().from(organisationDomains).where(eq(organisationDomains.organisationId, other.orgId))).toHaveLength(0);
  });
});
