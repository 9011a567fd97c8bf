import { expect, test, type APIRequestContext } from "@playwright/test";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { outbox, users, userSessions } from "@/db/schema";
import { encodeCursor } from "@/lib/util/cursor";
import { createOrg, createVerificationToken, TEST_PASSWORD, uid } from "../fixtures/factory";
import { expectAccessible } from "./axe";
import { LoginPage } from "../pages/login-page";
import { apiSignIn, Form, invokeAction, loadActions } from "./support/actions";

// Findings of the outside penetration test (issue 12), each tried again as the attacker did.

const actions = loadActions();
const action = (name: string) => actions.find((a) => a.name === name)!;

async function signedIn(playwright: { request: { newContext(o: object): Promise<APIRequestContext> } }, baseURL: string | undefined, email: string, headers: Record<string, string> = {}) {
  const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: headers });
  await apiSignIn(ctx, email, TEST_PASSWORD);
  return ctx;
}

test.describe("penetration test findings", () => {
  test("email links never take their host from the request (forged X-Forwarded-Host)", async ({ playwright, baseURL }) => {
    const org = await createOrg("Poison");
    const admin = await signedIn(playwright, baseURL, org.admin.email, { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" });
    const email = `poison.${uid()}@test.example`;
    const o = await invokeAction(admin, action("inviteAction"), "/admin/invitations", [{ email, name: "Pat", role: "trainee" }]);
    expect(o.status).toBe(200);
    const db = await getDb();
    const [mail] = await db.select().from(outbox).where(and(eq(outbox.organisationId, org.orgId), eq(outbox.to, email))).orderBy(desc(outbox.createdAt)).limit(1);
    expect(mail.text).not.toContain("evil.example");
    expect(mail.text).toContain(`${new URL(baseURL!).origin}/invite/`);
    await admin.dispose();
  });

  test("callbackUrl cannot send anyone to another site, and odd characters never answer 500", async ({ playwright, baseURL }) => {
    const org = await createOrg("Redirect");
    const person = await signedIn(playwright, baseURL, org.trainee.email);
    for (const target of ["/\t/evil.example/", "//evil.example", "/\\evil.example", "https://evil.example", "/home\r\nSet-Cookie: x=1", "/cases?q=会話", "/%09/evil.example/"]) {
      const res = await person.get(`/login?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0, failOnStatusCode: false });
      expect(res.status(), target).toBeLessThan(500);
      const location = res.headers()["location"] ?? "";
      expect(new URL(location, baseURL).origin, `${target} -> ${location}`).toBe(new URL(baseURL!).origin);
    }
    const raw = await person.get("/login?callbackUrl=/%09/evil.example/", { maxRedirects: 0, failOnStatusCode: false });
    expect(raw.headers()["location"]).toBe("/home");
    await person.dispose();
  });

  test("someone signing in through the form with a hostile callbackUrl stays on Rapport", async ({ page, baseURL }) => {
    const org = await createOrg("FormRedirect");
    await page.goto(`/login?callbackUrl=${encodeURIComponent("/\t/evil.example/")}`);
    await new LoginPage(page).signIn(org.trainee.email, TEST_PASSWORD);
    await page.waitForURL("**/home");
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  });

  test("hostile query parameters on every list page answer 200, never 500", async ({ playwright, baseURL }) => {
    const org = await createOrg("Params");
    const ids = "-".repeat(36);
    const badCursors = ["0000-01-01T00:00:00.000Z", "-100000-01-01T00:00:00.000Z", "+275760-09-13T00:00:00.000Z", "2026-02-30T00:00:00Z"].map((at) => encodeCursor({ at, id: crypto.randomUUID() }));
    const nul = "a\u0000b";
    const admin = await signedIn(playwright, baseURL, org.admin.email);
    const trainee = await signedIn(playwright, baseURL, org.trainee.email);
    const supervisor = await signedIn(playwright, baseURL, org.supervisor.email);
    const urls: [APIRequestContext, string][] = [];
    for (const c of badCursors) {
      urls.push([trainee, `/cases?after=${c}`], [supervisor, `/reviews?after=${c}`], [admin, `/admin/invitations?after=${c}`], [admin, `/admin/outbox?after=${c}`], [admin, `/cases?after=${c}`]);
    }
    for (const [who, path] of [
      [trainee, "/cases?q="],
      [admin, "/admin/audit?person="],
      [admin, "/admin/members?q="],
      [admin, "/admin/invitations?q="],
      [admin, "/admin/reports?q="],
    ] as const)
      urls.push([who, `${path}${encodeURIComponent(nul)}`], [who, `${path}x&${path.slice(path.indexOf("?") + 1)}y`]);
    urls.push(
      [admin, `/admin/reports/completion.csv?cohort=${ids}`],
      [admin, `/admin/reports?cohort=${ids}&module=${ids}`],
      [admin, "/admin/audit?from=9999-99-99&to=2026-02-30&before=99999999999999999999"],
      [admin, "/admin/audit/export.csv?from=0000-00-00"],
      [trainee, `/cases/${crypto.randomUUID()}/versions?a=-1&b=99999999999999999999`],
      [admin, "/admin/members?role=x&status=y&cohort=z&after=%00"],
    );
    for (const [who, url] of urls) {
      const res = await who.get(url, { maxRedirects: 0, failOnStatusCode: false });
      expect(res.status(), url).toBeLessThan(500);
    }
    for (const c of [admin, trainee, supervisor]) await c.dispose();
  });

  test("the sign-in endpoints refuse what they can't handle without a 500", async ({ request }) => {
    const get = await request.get("/api/auth/callback/credentials", { maxRedirects: 0, failOnStatusCode: false });
    expect(get.status()).toBe(405);
    const weird = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent("/ok\u00e9\u4f1a\r\n")}`, { maxRedirects: 0, failOnStatusCode: false });
    expect(weird.status()).toBeLessThan(500);
  });

  test("a revoked session gets nothing from /api/auth/session and no fresh cookie", async ({ playwright, baseURL }) => {
    const org = await createOrg("Revoked");
    const person = await signedIn(playwright, baseURL, org.trainee.email);
    const live = await (await person.get("/api/auth/session")).json();
    expect(live.user?.email).toBe(org.trainee.email);
    const db = await getDb();
    await db.update(userSessions).set({ revokedAt: new Date() }).where(eq(userSessions.userId, org.trainee.userId));
    const res = await person.get("/api/auth/session");
    expect(await res.json()).toEqual({});
    expect(res.headers()["set-cookie"] ?? "").not.toContain("session-token=ey");
    await person.dispose();
  });

  test("sign-out loads the sign-in page afresh: nothing of the case stays in the page", async ({ page }) => {
    const org = await createOrg("SignOut");
    await new LoginPage(page).signInAs(org.trainee.email, TEST_PASSWORD);
    await page.goto("/cases");
    await page.evaluate(() => ((window as unknown as { __before: boolean }).__before = true));
    await new LoginPage(page).signOut();
    expect(await page.evaluate(() => (window as unknown as { __before?: boolean }).__before ?? false)).toBe(false);
    expect(await page.content()).not.toContain(org.trainee.name);
    await expect(page.getByText("You have signed out.")).toBeVisible();
  });

  test("authenticated RSC payloads are not stored by caches", async ({ playwright, baseURL }) => {
    const org = await createOrg("NoStore");
    const person = await signedIn(playwright, baseURL, org.trainee.email);
    const res = await person.get("/home", { headers: { RSC: "1" } });
    expect(res.status()).toBe(200);
    expect(res.headers()["cache-control"]).toContain("no-store");
    await person.dispose();
  });

  test("/api/health keeps answering while a hostile CSV is uploaded", async ({ playwright, baseURL }) => {
    const org = await createOrg("Freeze");
    const admin = await signedIn(playwright, baseURL, org.admin.email);
    const header = Array.from({ length: 160_000 }, (_, i) => `c${i}`).join(",");
    const upload = invokeAction(admin, action("previewCsvAction"), "/admin/invitations/import", [
      new Form({ file: { name: "evil.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\nx@y.example\n`) } }),
    ]);
    const health: number[] = [];
    const started = Date.now();
    const poll = (async () => {
      for (let i = 0; i < 10; i++) {
        const t = Date.now();
        const r = await playwright.request.newContext({ baseURL }).then((c) => c.get("/api/health"));
        health.push(r.status());
        console.log(`health during upload: ${Date.now() - t} ms`);
      }
    })();
    const [o] = await Promise.all([upload, poll]);
    console.log(`hostile CSV answered in ${Date.now() - started} ms`);
    expect(o.status).toBeLessThan(500);
    expect(o.result?.ok).toBe(false);
    expect(o.result?.error).toMatch(/more than 50 columns/);
    expect(health.every((s) => s === 200)).toBe(true);
    await admin.dispose();
  });
});

test.describe("email verification", () => {
  test("an unverified supervisor is told why cases are hidden, and verifies from a link", async ({ page }) => {
    const org = await createOrg("Verify");
    const db = await getDb();
    await db.update(users).set({ emailVerifiedAt: null }).where(eq(users.id, org.supervisor.userId));
    await new LoginPage(page).signInAs(org.supervisor.email, TEST_PASSWORD);
    await page.goto("/reviews");
    await expect(page.getByText("Verify your email address to open cases")).toBeVisible();
    await expectAccessible(page);
    await page.goto("/account");
    await expect(page.getByText(`${org.supervisor.email} is not verified yet.`)).toBeVisible();
    await expectAccessible(page);
    const token = await createVerificationToken(org.supervisor.userId);
    await page.goto(`/verify-email/${token}`);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Confirm my email address" }).click();
    await page.waitForURL("**/verify-email/confirmed");
    await expect(page.getByText("Your email address is verified.")).toBeVisible();
    await expectAccessible(page);
    await page.goto("/reviews");
    await expect(page.getByText("Verify your email address to open cases")).toHaveCount(0);
    // The link works once.
    await page.goto(`/verify-email/${token}`);
    await expect(page.getByText("This link has already been used.", { exact: false })).toBeVisible();
  });
});
