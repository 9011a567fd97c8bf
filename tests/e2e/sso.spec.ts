import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditEvents, memberships, organisationDomains, users, userSessions } from "@/db/schema";
import { createOrg, TEST_PASSWORD } from "../fixtures/factory";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";

// Issue 18, single sign-on: a real OpenID Connect provider (oidc-provider, tests/e2e/support/oidc-idp.mjs)
// on a free port. The servers accept its http:// issuer only because playwright.config.ts sets
// RAPPORT_ALLOW_HTTP_OIDC=1 for them.

const DOMAIN = `sso-${Date.now().toString(36)}.example.org`;
const CLIENT = { id: "rapport-e2e", secret: "rapport-e2e-client-secret" };
const OTHER_CLIENT = { id: "other-client", secret: "other-client-secret" };
const ACCOUNTS = { sam: { email: `sam@${DOMAIN}`, name: "Sam Single" }, alex: { email: `alex@${DOMAIN}`, name: "Alex Wrongclient" } };

let idp: ChildProcess | null = null;
let issuer = "";

async function startIdp(baseURL: string): Promise<string> {
  const child = spawn(process.execPath, ["tests/e2e/support/oidc-idp.mjs"], {
    env: { ...process.env, IDP_CONFIG: JSON.stringify({ redirectUri: `${baseURL}/api/sso/callback`, clients: [CLIENT, OTHER_CLIENT], accounts: ACCOUNTS }) },
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

/** From /login: types the work email, continues, and signs in at the provider when it asks. */
async function signInWithSso(page: Page, email: string, login: string) {
  await page.goto("/login");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Continue with single sign-on" }).click();
  await page.waitForURL((u) => u.href.startsWith(`${issuer}/interaction/`) || !u.href.startsWith(issuer) && !u.pathname.startsWith("/login") || u.pathname.startsWith("/login/sso"));
  if (page.url().startsWith(issuer)) {
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill("anything");
    await page.getByRole("button", { name: "Sign-in" }).click();
  }
}

test.describe("single sign-on over OpenID Connect", () => {
  test.describe.configure({ mode: "serial", timeout: 300_000 });
  let org: Awaited<ReturnType<typeof createOrg>>;

  test.beforeAll(async ({}, info) => {
    issuer = await startIdp(String(info.project.use.baseURL));
    org = await createOrg("Sso");
    const db = await getDb();
    // The domain claim itself (link by email) is covered by tests/integration/identity-domains.test.ts.
    await db.insert(organisationDomains).values({ organisationId: org.orgId, domain: DOMAIN, verifyEmail: `it@${DOMAIN}`, verifiedAt: new Date() });
  });

  test.afterAll(() => {
    idp?.kill("SIGTERM");
  });

  test("the admin sets up the provider; first sign-in creates the member with the default role, the second links the same account, a replay is refused", async ({ page, context, baseURL }) => {
    const login = new LoginPage(page);
    await login.signInAs(org.admin.email, TEST_PASSWORD);
    await page.goto("/admin/security");
    await expect(page.getByRole("heading", { name: "Single sign-on (OpenID Connect)" })).toBeVisible();
    await expect(page.getByText(DOMAIN)).toBeVisible();
    await expectAccessible(page);
    // Bad input: a message next to the field, nothing saved.
    await page.getByLabel("Issuer URL").fill("ftp://idp.example.org");
    await page.getByLabel("Client ID").fill(CLIENT.id);
    await page.getByRole("button", { name: "Save single sign-on settings" }).click();
    await expect(page.getByText("The issuer must be an https:// address")).toBeVisible();
    await page.getByLabel("Issuer URL").fill(issuer);
    await page.getByLabel("Client secret").fill(CLIENT.secret);
    await page.getByLabel("Role for people who sign in for the first time").selectOption("supervisor");
    await page.getByRole("button", { name: "Save single sign-on settings" }).click();
    await expect(page.getByText("Saved single sign-on settings.")).toBeVisible();
    await expect(page.getByLabel("Client secret")).toHaveValue("");
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
