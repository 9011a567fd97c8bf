import fs from "node:fs";
import { createHash, randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { and, asc, eq, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { getDb } from "@/db/client";
import { certificates, checkAttempts, emailChanges, lessonProgress, lessons, moduleCpdHours, organisationLogos, organisations } from "@/db/schema";
import { newSerial } from "@/lib/util/serial";
import { seedCase } from "../fixtures/cases-seed";
import { createOrg, TEST_PASSWORD, uid, type TestOrg } from "../fixtures/factory";
import { bigPng, SVG_WITH_SCRIPT, TINY_PNG } from "../fixtures/images";
import { curriculumModule } from "../fixtures/onboarding";
import { pdfLinks, pdfText } from "../fixtures/pdf-read";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";
import { apiSignIn, Form, invokeAction, loadActions } from "./support/actions";

// Issue 16: organisation settings, certificates and a transcript, the portfolio export, the
// profile and email change, /verify, and defect 9 (CSP nonce on top-level 404s; one <main>).

const actions = loadActions();
const action = (name: string) => actions.find((a) => a.name === name)!;

async function signIn(page: Page, email: string) {
  await new LoginPage(page).signInAs(email, TEST_PASSWORD);
}

/** Every lesson but the last done and the check passed, so the next click issues the certificate on the server. */
async function nearlyComplete(org: TestOrg) {
  const mod = await curriculumModule(0);
  const db = await getDb();
  const list = await db.select().from(lessons).where(eq(lessons.moduleId, mod.id)).orderBy(asc(lessons.position));
  const current = list.filter((l) => !l.retiredAt);
  for (const l of current.slice(0, -1)) await db.insert(lessonProgress).values({ organisationId: org.orgId, membershipId: org.trainee.membershipId, lessonId: l.id, moduleId: mod.id });
  await db.insert(checkAttempts).values({ organisationId: org.orgId, membershipId: org.trainee.membershipId, moduleId: mod.id, moduleVersion: mod.version, answers: [], score: 100, passed: true });
  return { mod, last: current.at(-1)! };
}

async function insertLogo(orgId: string) {
  await (await getDb()).execute(sql`insert into organisation_logos (organisation_id, content_type, content, byte_size, width, height, sha256)
    values (${orgId}, 'image/png', decode(${TINY_PNG.toString("base64")}, 'base64'), ${TINY_PNG.length}, 1, 1, ${createHash("sha256").update(TINY_PNG).digest("hex")})`);
}

async function download(page: Page, click: () => Promise<void>): Promise<Uint8Array> {
  const pending = page.waitForEvent("download");
  await click();
  return new Uint8Array(fs.readFileSync((await (await pending).path())!));
}

test.describe("organisation settings and certificates", () => {
  test("an admin saves the time zone, signatory, CPD hours and logo from the settings page", async ({ page }) => {
    const org = await createOrg("Settings");
    const mod = await curriculumModule(0);
    await signIn(page, org.admin.email);
    await page.goto("/admin/organisation");
    await expect(page.getByRole("heading", { level: 1, name: "Organisation settings" })).toBeVisible();
    await page.getByLabel("Time zone", { exact: true }).selectOption("Pacific/Auckland");
    await page.getByLabel("Signatory's name").fill("Dr Alex Chen");
    await page.getByLabel("Signatory's title (optional)").fill("Director of Clinical Training");
    await page.getByRole("button", { name: "Save settings" }).click();
    await expect(page.getByText("Settings saved.")).toBeVisible();
    await page.getByLabel(mod.title).fill("1.5");
    await page.getByRole("button", { name: "Save CPD hours" }).click();
    await expect(page.getByText("CPD hours saved for 1 module.")).toBeVisible();
    await page.getByLabel("Upload a logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: TINY_PNG });
    await page.getByRole("button", { name: "Upload logo" }).click();
    await expect(page.getByText("Logo saved.")).toBeVisible();
    await expect(page.getByTestId("current-logo")).toBeVisible();
    await expect(page.getByTestId("org-logo")).toBeVisible();
    await expectAccessible(page);
    const db = await getDb();
    const [saved] = await db.select().from(organisations).where(eq(organisations.id, org.orgId));
    expect(saved).toMatchObject({ timeZone: "Pacific/Auckland", signatoryName: "Dr Alex Chen", signatoryTitle: "Director of Clinical Training", settingsVersion: 1 });
    expect(await db.select().from(moduleCpdHours).where(eq(moduleCpdHours.organisationId, org.orgId))).toEqual([expect.objectContaining({ moduleId: mod.id, minutes: 90 })]);
  });

  test("settings change the certificate, issued by the server when the module is completed; the logo shows for members", async ({ page }) => {
    const org = await createOrg("Branded");
    const { mod, last } = await nearlyComplete(org);
    const db = await getDb();
    await db.update(organisations).set({ timeZone: "Pacific/Auckland", signatoryName: "Dr Alex Chen", signatoryTitle: "Director of Clinical Training" }).where(eq(organisations.id, org.orgId));
    await db.insert(moduleCpdHours).values({ organisationId: org.orgId, moduleId: mod.id, minutes: 90 });
    await insertLogo(org.orgId);

    await signIn(page, org.trainee.email);
    const logo = page.getByTestId("org-logo");
    await expect(logo).toBeVisible();
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    const served = await page.request.get((await logo.getAttribute("src"))!);
    expect(served.headers()).toMatchObject({ "content-type": "image/png", "x-content-type-options": "nosniff" });
    expect(served.headers()["content-security-policy"]).toContain("default-src 'none'");
    await page.goto(`/modules/${mod.slug}/lessons/${last.slug}`);
    await page.getByRole("button", { name: "Mark complete" }).click();
    await expect(page.getByRole("heading", { name: "Module complete" })).toBeVisible();
    await page.goto("/certificates");
    await expect(page.getByRole("heading", { level: 1, name: "My certificates" })).toBeVisible();
    await expectAccessible(page);
    const row = page.getByRole("row", { name: new RegExp(mod.title) });
    await expect(row).toContainText("1.5");
    const serial = (await row.getByRole("link", { name: /RAP-/ }).textContent())!.trim();
    const pdf = await download(page, () => row.getByRole("link", { name: /Download \(PDF\)/ }).click());
    const text = await pdfText(pdf);
    for (const s of [org.name.toUpperCase(), org.trainee.name, mod.title, "Dr Alex Chen", "Director of Clinical Training", "1.5 hours", serial]) expect(text).toContain(s);
    expect(await pdfLinks(pdf)).toEqual([expect.stringMatching(new RegExp(`^http.*/verify/${serial}$`))]);
    const transcript = await download(page, () => page.getByRole("link", { name: "Download transcript (PDF)" }).click());
    expect(await pdfText(transcript)).toContain("Total CPD hours: 1.5");
  });

  test("anyone checks a serial at /verify: the organisation is named; an unknown serial answers 404 with the friendly text", async ({ page }) => {
    const org = await createOrg("Verified");
    const mod = await curriculumModule(0);
    const serial = newSerial();
    await (await getDb()).insert(certificates).values({ serial, organisationId: org.orgId, membershipId: org.trainee.membershipId, moduleId: mod.id, moduleVersion: mod.version, recipientName: org.trainee.name, moduleTitle: mod.title });
    await page.goto("/verify");
    await expectAccessible(page);
    await page.getByLabel("Certificate serial").fill(serial.toLowerCase().replace(/-/g, " "));
    await page.getByRole("button", { name: "Check certificate" }).click();
    await page.waitForURL(`**/verify/${serial}`);
    await expect(page.getByText("This certificate is genuine.")).toBeVisible();
    await expect(page.getByTestId("verify-org")).toHaveText(org.name);
    await expectAccessible(page);

    const res = await page.goto("/verify/RAP-0000-0000-0000-0000");
    expect(res?.status()).toBe(404);
    await expect(page.getByText("We have no certificate with this serial.")).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Certificate serial").fill("not a serial");
    await page.getByRole("button", { name: "Check certificate" }).click();
    await expect(page.locator("#serial-error")).toContainText("That isn't a certificate serial.");
    await expect(page.getByLabel("Certificate serial")).toHaveAttribute("aria-invalid", "true");
  });

  test("logo upload refuses a non-image, an oversized file and an SVG with a script, at the field, saving nothing", async ({ page, playwright, baseURL }) => {
    const org = await createOrg("LogoRefusals");
    await signIn(page, org.admin.email);
    await page.goto("/admin/organisation");
    const section = page.getByRole("region", { name: "Logo" });
    const input = section.getByLabel("Upload a logo");
    const error = section.getByRole("alert");
    const attempts = [
      { file: { name: "logo.png", mimeType: "image/png", buffer: Buffer.from("email,name\nx@example.org,X\n") }, message: "This file isn't a PNG or JPEG image." },
      { file: { name: "logo.svg", mimeType: "image/svg+xml", buffer: SVG_WITH_SCRIPT }, message: "SVG files can't be used: they can carry scripts." },
      { file: { name: "big.png", mimeType: "image/png", buffer: bigPng(600 * 1024) }, message: "the limit is 512 KB" },
    ];
    for (const a of attempts) {
      await input.setInputFiles(a.file);
      await section.getByRole("button", { name: "Upload logo" }).click();
      await expect(error).toContainText(a.message);
      await expect(input).toHaveAttribute("aria-invalid", "true");
    }
    await expectAccessible(page);
    // The server checks size too (the browser's check is only a courtesy).
    const api = await playwright.request.newContext({ baseURL });
    await apiSignIn(api, org.admin.email, TEST_PASSWORD);
    const direct = await invokeAction(api, action("uploadLogoAction"), "/admin/organisation", [new Form({ file: { name: "big.png", mimeType: "image/png", buffer: bigPng(600 * 1024) } })]);
    expect(direct.result).toMatchObject({ ok: false, code: "validation" });
    await api.dispose();
    const stored = await (await getDb()).select().from(organisationLogos).where(eq(organisationLogos.organisationId, org.orgId));
    expect(stored).toHaveLength(0);
  });
});

test.describe("records a person takes with them", () => {
  test("a trainee's portfolio ZIP holds the expected files and rows", async ({ page }) => {
    const org = await createOrg("Takeaway");
    const { mod, last } = await nearlyComplete(org);
    await seedCase(org, "signed_off");
    await signIn(page, org.trainee.email);
    await page.goto(`/modules/${mod.slug}/lessons/${last.slug}`);
    await page.getByRole("button", { name: "Mark complete" }).click();
    await expect(page.getByRole("heading", { name: "Module complete" })).toBeVisible();

    await page.goto("/account");
    await expectAccessible(page);
    const zip = unzipSync(await download(page, () => page.getByRole("link", { name: "Export my records (ZIP)" }).click()));
    const names = Object.keys(zip);
    for (const n of ["README.txt", "transcript.pdf", "certificates/certificates.csv", "cases/cases.csv", "cases/case-reviews.csv", "reflections/reflections.csv"]) expect(names).toContain(n);
    expect(names.filter((n) => /^certificates\/RAP-.*\.pdf$/.test(n))).toHaveLength(1);
    const certRow = strFromU8(zip["certificates/certificates.csv"]).split("\r\n")[1];
    expect(certRow).toMatch(new RegExp(`^${mod.title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")},\\d{4}-\\d{2}-\\d{2},,RAP-`));
    expect(strFromU8(zip["cases/cases.csv"])).toContain("RC-07,signed_off");
  });

  test("an admin exports a leaver's records from the member page: case metadata only", async ({ page }) => {
    const org = await createOrg("Leaver");
    const mod = await curriculumModule(0);
    const serial = newSerial();
    await (await getDb()).insert(certificates).values({ serial, organisationId: org.orgId, membershipId: org.trainee.membershipId, moduleId: mod.id, moduleVersion: mod.version, recipientName: org.trainee.name, moduleTitle: mod.title });
    await seedCase(org, "signed_off");
    await signIn(page, org.admin.email);
    await page.goto(`/admin/members/${org.trainee.membershipId}`);
    await expectAccessible(page);
    const leaver = unzipSync(await download(page, () => page.getByRole("link", { name: /Export .* records \(ZIP\)/ }).click()));
    expect(Object.keys(leaver).sort()).toEqual(["README.txt", "cases/cases.csv", `certificates/${serial}-${mod.slug}.pdf`, "certificates/certificates.csv", "transcript.pdf"].sort());
    const rows = strFromU8(leaver["cases/cases.csv"]).replace(/^\ufeff/, "").trim().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^[0-9a-f]{8},signed_off,/);
    expect(rows.join("\n")).not.toMatch(/homework|RC-07/);
  });
});

test.describe("the profile", () => {
  test("a person sets a preferred name and changes their sign-in address through a link to the new one", async ({ page }) => {
    const org = await createOrg("Profile");
    await signIn(page, org.trainee.email);
    await page.goto("/account");
    await page.getByLabel("Preferred name (optional)").fill("Tee");
    await page.getByLabel("Pronouns (optional)").fill("they/them");
    await page.getByRole("button", { name: "Save profile" }).click();
    await expect(page.getByText("Profile saved.")).toBeVisible();
    await expect(page.getByRole("banner")).toContainText("Tee · Trainee");

    const next = `moved.${uid()}@test.example`;
    const email = page.getByRole("region", { name: "Email address" });
    await email.getByLabel("New email address").fill(next);
    await email.getByLabel("Your password").fill("not my password");
    await email.getByRole("button", { name: "Send a confirmation link" }).click();
    await expect(email.getByText("That isn't your current password.")).toBeVisible();
    await expect(email.getByLabel("Your password")).toHaveAttribute("aria-invalid", "true");
    await email.getByLabel("Your password").fill(TEST_PASSWORD);
    await email.getByRole("button", { name: "Send a confirmation link" }).click();
    await expect(page.getByText(`We sent a link to ${next}.`)).toBeVisible();
    await expectAccessible(page);

    // The link went to the new address (in the server log without a mail server); one made the same way:
    const token = randomBytes(32).toString("base64url");
    const db = await getDb();
    await db.update(emailChanges).set({ tokenHash: createHash("sha256").update(token).digest("hex") }).where(and(eq(emailChanges.userId, org.trainee.userId), eq(emailChanges.newEmail, next)));
    await page.context().clearCookies();
    await page.goto(`/verify-email/change/${token}`);
    await expect(page.getByText(next)).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Use this address" }).click();
    await page.waitForURL("**/verify-email/change/confirmed");
    await expectAccessible(page);
    await new LoginPage(page).signInAs(next, TEST_PASSWORD);
  });
});

test.describe("defect 9: 404 pages", () => {
  /** Each script tag carries the nonce of the response's own CSP (or the browser refuses to run it). */
  async function scriptsCarryNonce(res: { headers(): Record<string, string>; text(): Promise<string> }) {
    const nonce = /'nonce-([^']+)'/.exec(res.headers()["content-security-policy"] ?? "")?.[1];
    expect(nonce).toBeTruthy();
    const tags = (await res.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.filter((t) => !t.includes(`nonce="${nonce}"`))).toEqual([]);
  }

  test("top-level 404s and formerly prerendered pages run their scripts under the CSP", async ({ page }) => {
    const org = await createOrg("NotFound");
    const blocked: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" && /Content Security Policy/i.test(m.text())) blocked.push(`${page.url()}: ${m.text()}`);
    });
    for (const path of ["/verify/a/b", "/reset-password", "/verify-email/confirmed", "/no-organisation"]) {
      await scriptsCarryNonce(await page.request.get(path));
      await page.goto(path);
      await page.waitForLoadState("networkidle");
    }
    await signIn(page, org.trainee.email);
    const res = await page.goto("/no-such-page");
    expect(res?.status()).toBe(404);
    await scriptsCarryNonce(await page.request.get("/no-such-page"));
    await page.waitForLoadState("networkidle");
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    // The client-side router is running: its link navigates without a full page load.
    await page.getByRole("link", { name: "Go to your home page" }).click();
    await page.waitForURL("**/home");
    expect(blocked).toEqual([]);
  });

  test("a 404 inside the app renders one <main>", async ({ page }) => {
    const org = await createOrg("OneMain");
    await signIn(page, org.trainee.email);
    const res = await page.goto(`/cases/${crypto.randomUUID()}`);
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.locator("main")).toHaveCount(1);
    await expect(page.locator("#main")).toHaveCount(1);
    await expectAccessible(page);
  });
});
