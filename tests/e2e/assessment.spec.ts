import { expect, test, type Page } from "@playwright/test";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { lessonProgress, lessons, modules } from "@/db/schema";
import { createOrg, TEST_PASSWORD, type TestOrg } from "../fixtures/factory";
import { curriculumModule, explanationsOf } from "../fixtures/curriculum";
import { requireModule } from "../fixtures/onboarding";
import { LoginPage } from "../pages/login-page";
import { ModulePages } from "../pages/module-pages";
import { expectAccessible } from "./axe";

// Knowledge checks under the organisation's assessment rules: the key stays hidden until the rule
// allows it, a pass says the certificate is issued, and an admin's change reaches the trainee.

const MOD = curriculumModule("why-the-alliance-matters");
const OTHER = curriculumModule("two-relationships");

/** Marks every lesson of a module read for a member, straight in the database (the lessons are not under test here). */
async function lessonsRead(org: TestOrg, membershipId: string, slug: string): Promise<string> {
  const db = await getDb();
  const [mod] = await db.select({ id: modules.id }).from(modules).where(eq(modules.slug, slug));
  const rows = await db.select({ id: lessons.id }).from(lessons).where(and(eq(lessons.moduleId, mod.id), isNull(lessons.retiredAt)));
  await db.insert(lessonProgress).values(rows.map((l) => ({ organisationId: org.orgId, membershipId, lessonId: l.id, moduleId: mod.id }))).onConflictDoNothing();
  return mod.id;
}

/** The page's HTML as the server sent it (markup and the flight payload), with entities and JSON escapes undone. */
async function rawHtml(page: Page): Promise<string> {
  const body = await (await page.request.get(page.url())).text();
  return body
    .replace(/\\u0026/g, "&")
    .replace(/\\"/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

async function signedIn(browser: import("@playwright/test").Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await new LoginPage(page).signInAs(email, TEST_PASSWORD);
  return page;
}

test.describe("assessment rules", () => {
  test("a failed attempt shows which questions were wrong without the key; a pass shows the key and 'certificate issued' with a link", async ({ page }) => {
    // Several pages, each scanned with axe: about two minutes on a busy two-core machine.
    test.setTimeout(300_000);
    const org = await createOrg("Assess");
    await lessonsRead(org, org.trainee.membershipId, MOD.slug);
    await new LoginPage(page).signInAs(org.trainee.email, TEST_PASSWORD);
    const checks = new ModulePages(page);

    await page.goto(`/modules/${MOD.slug}/check`);
    await expect(page.getByText(`8 questions, drawn from a bank of ${MOD.check.questions.length}`, { exact: false })).toBeVisible();
    await expect(page.getByTestId("attempts-left")).toHaveText("You can take this check as many times as you need.");
    await expect(page.getByText("The correct answers and explanations are shown once you pass.", { exact: false })).toBeVisible();
    // A reload serves the same draw: nobody rerolls for easier questions.
    const drawn = await checks.servedQuestions();
    expect(drawn).toHaveLength(8);
    await page.reload();
    expect(await checks.servedQuestions()).toEqual(drawn);
    await expect(page.locator('input[type="hidden"][name="drawId"]')).toHaveCount(1);
    expect(await rawHtml(page)).not.toMatch(/"correct":|"explanation":/);
    await expectAccessible(page);

    // Three of eight wrong: 63%, not passed. Which questions were wrong, and nothing of the key.
    expect(await checks.takeCheck(MOD, 3)).toEqual(drawn);
    await expect(page.getByRole("heading", { name: "Your result: 63%" })).toBeVisible();
    await expect(page.getByText("Not passed yet")).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Question \d+: incorrect$/ })).toHaveCount(3);
    await expect(page.getByRole("heading", { name: /^Question \d+: correct$/ })).toHaveCount(5);
    await expect(page.getByText("Correct option.")).toHaveCount(0);
    // Every served question shows what was chosen (a multiple-choice question more than once).
    expect(await page.getByText("Your answer.").count()).toBeGreaterThanOrEqual(8);
    const failedHtml = await rawHtml(page);
    for (const e of explanationsOf(MOD)) expect(failedHtml, "an explanation reached a failed attempt's page").not.toContain(e);
    await expect(page.getByRole("link", { name: "Retake the check" })).toBeVisible();
    await expectAccessible(page);

    // A new draw for the next attempt; this time every answer right.
    await checks.takeCheck(MOD);
    await expect(page.getByRole("heading", { name: "Your result: 100%" })).toBeVisible();
    await expect(page.getByText("Passed", { exact: true })).toBeVisible();
    await expect(page.getByText("Certificate issued")).toBeVisible();
    await expect(page.getByTestId("certificate-issued")).toContainText(/Certificate RAP-[0-9A-Z-]+ is yours/);
    const pdf = page.getByRole("link", { name: "Download your certificate (PDF)" });
    const response = await page.request.get((await pdf.getAttribute("href"))!);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    // The key and explanations, now that the trainee has passed.
    expect(await page.getByText("Correct option.").count()).toBeGreaterThanOrEqual(8);
    const firstServed = (await checks.page.getByTestId("review-question").first().getByRole("heading").textContent())!;
    expect(firstServed).toMatch(/^Question 1: correct$/);
    const passedText = await page.locator("main").innerText();
    expect(explanationsOf(MOD).some((e) => passedText.includes(e))).toBe(true);
    await expectAccessible(page);

    await page.getByRole("link", { name: "see it on the module page" }).click();
    await expect(page.getByRole("heading", { name: "Module complete" })).toBeVisible();
  });

  test("an admin changes the settings and the trainee sees the effect", async ({ browser }) => {
    // Several pages, each scanned with axe: about two minutes on a busy two-core machine.
    test.setTimeout(300_000);
    const org = await createOrg("AssessAdmin");
    const admin = await signedIn(browser, org.admin.email);
    await admin.goto("/admin/settings/assessment");
    await expect(admin.getByRole("heading", { level: 1, name: "Assessment settings" })).toBeVisible();
    await expectAccessible(admin);

    const form = admin.getByRole("form", { name: "Your organisation's assessment rules" });
    await expect(form.getByLabel("Once the person passes", { exact: false })).toBeChecked();
    // Bad input: a message next to the field, nothing saved.
    await form.getByLabel("Attempt limit").fill("lots");
    await form.getByLabel("Wait between attempts").fill("45");
    await form.getByLabel("Unit of the wait").selectOption("days");
    await form.getByRole("button", { name: "Save the organisation's rules" }).click();
    await expect(form.getByText("Enter a number of attempts from 1 to 50, or leave it empty for no limit.")).toBeVisible();
    await expect(form.getByText("A wait can be at most 30 days.")).toBeVisible();
    await expect(form.getByLabel("Attempt limit")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(admin);
    await admin.reload();
    await expect(form.getByLabel("Attempt limit")).toHaveValue("");

    await form.getByLabel("Attempt limit").fill("2");
    await form.getByLabel("Wait between attempts").fill("1");
    await form.getByLabel("Unit of the wait").selectOption("hours");
    await form.getByLabel("After every attempt, passed or not").check();
    await form.getByLabel(/The certificate also waits for the module's reflection/).check();
    await form.getByRole("button", { name: "Save the organisation's rules" }).click();
    await expect(form.getByText("Saved.", { exact: false })).toBeVisible();
    await expectAccessible(admin);
    await admin.reload();
    await expect(form.getByLabel("Attempt limit")).toHaveValue("2");
    await expect(form.getByLabel("Unit of the wait")).toHaveValue("hours");

    const trainee = await signedIn(browser, org.trainee.email);
    // The catalogue states the rule it applies.
    await trainee.goto("/modules");
    await expect(trainee.getByRole("listitem").filter({ hasText: MOD.title }).getByTestId("certificate-rule")).toHaveText(
      "Certificate: every lesson and a pass in the check, and your reflection written in full.",
    );
    await expectAccessible(trainee);

    await trainee.goto(`/modules/${MOD.slug}/check`);
    await expect(trainee.getByTestId("attempts-left")).toHaveText("You have 2 attempts left. After each attempt there is a wait of 1 hour before the next.");
    await new ModulePages(trainee).takeCheck(MOD, 3);
    await expect(trainee.getByText("Not passed yet")).toBeVisible();
    // "After every attempt": the key is shown even though the attempt failed.
    expect(await trainee.getByText("Correct option.").count()).toBeGreaterThanOrEqual(8);
    await expect(trainee.getByTestId("attempts-left")).toHaveText("You have 1 attempt left.");
    await expect(trainee.getByTestId("next-attempt")).toContainText("Your next attempt is possible from");
    await expect(trainee.getByRole("link", { name: "Retake the check" })).toHaveCount(0);

    await trainee.goto(`/modules/${MOD.slug}/check`);
    await expect(trainee.getByText("Not yet")).toBeVisible();
    await expect(trainee.getByTestId("check-unavailable")).toContainText("Your next attempt is possible from");
    await expect(trainee.getByRole("button", { name: "Submit answers" })).toHaveCount(0);
    await expectAccessible(trainee);
  });

  test("a required module gets its own rules, which apply to it alone", async ({ browser }) => {
    // Several pages, each scanned with axe: about two minutes on a busy two-core machine.
    test.setTimeout(300_000);
    const org = await createOrg("AssessOverride");
    const db = await getDb();
    const [mod] = await db.select({ id: modules.id }).from(modules).where(eq(modules.slug, MOD.slug));
    await requireModule(org.orgId, mod.id, { role: "trainee" });

    const admin = await signedIn(browser, org.admin.email);
    await admin.goto("/admin/settings/assessment");
    const add = admin.getByRole("form", { name: "Rules for a required module" });
    await add.getByRole("button", { name: "Save this module's rules" }).click();
    await expect(add.getByText("Choose a module from the list.")).toBeVisible();
    await add.getByLabel("Required module").selectOption({ label: MOD.title });
    await add.getByLabel("Never (each attempt shows only which questions were wrong)").check();
    await add.getByLabel("Attempt limit").fill("1");
    await add.getByRole("button", { name: "Save this module's rules" }).click();
    const row = admin.getByTestId("assessment-override");
    await expect(row).toContainText(MOD.title);
    await expect(row).toContainText("answers never shown · 1 attempt");
    await row.getByText(`Change the rules for ${MOD.title}`).click();
    await expect(row.getByRole("form", { name: `Assessment rules for ${MOD.title}` }).getByLabel("Attempt limit")).toHaveValue("1");
    await expectAccessible(admin);
    await admin.goto("/admin/requirements");
    await expect(admin.getByTestId("requirement").filter({ hasText: MOD.title }).getByRole("link", { name: "Own rules" })).toBeVisible();

    const trainee = await signedIn(browser, org.trainee.email);
    await trainee.goto(`/modules/${MOD.slug}/check`);
    await expect(trainee.getByTestId("attempts-left")).toHaveText("You have 1 attempt left.");
    await expect(trainee.getByText("the answers themselves are not shown", { exact: false })).toBeVisible();
    await trainee.goto(`/modules/${OTHER.slug}/check`);
    await expect(trainee.getByTestId("attempts-left")).toHaveText("You can take this check as many times as you need.");
  });
});
