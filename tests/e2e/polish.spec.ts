import { expect, test, type Browser } from "@playwright/test";
import { closeDb } from "@/db/client";
import { advance, seedCase } from "../fixtures/cases-seed";
import { createOrg, TEST_PASSWORD, type TestUser } from "../fixtures/factory";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";

// Defects found in the first-use walkthrough (issue 16), each checked where a person meets it.

test.afterAll(async () => {
  await closeDb();
});

async function signedIn(browser: Browser, person: TestUser, viewport?: { width: number; height: number }) {
  const context = await browser.newContext(viewport ? { viewport } : {});
  const page = await context.newPage();
  await new LoginPage(page).signInAs(person.email, TEST_PASSWORD);
  return page;
}

test.describe("walkthrough defects", () => {
  test("a case's history numbers submitted versions 1, 2, never the internal row version", async ({ browser }) => {
    const org = await createOrg("E2eHistory");
    const { caseId } = await seedCase(org, "submitted");
    await advance(org, caseId, "submitted");
    const page = await signedIn(browser, org.trainee);
    await page.goto(`/cases/${caseId}`);
    const history = page.getByRole("listitem").filter({ hasText: "Submitted by" });
    await expect(history).toHaveCount(2);
    await expect(history.nth(0)).toContainText("(version 1)");
    await expect(history.nth(1)).toContainText("(version 2)");
    await expect(page.getByText(/case version \d/)).toHaveCount(0);
  });

  test("a lesson lists the module's other lessons; the module's progress bar is labelled", async ({ browser }) => {
    const org = await createOrg("E2eLessons");
    const page = await signedIn(browser, org.trainee);
    await page.goto("/modules/why-the-alliance-matters");
    await expect(page.getByText("Module progress", { exact: true })).toBeVisible();
    await page.getByRole("link", { name: "Start the module" }).click();
    const nav = page.getByRole("navigation", { name: "Lessons in this module" });
    await expect(nav.getByRole("listitem").first()).toBeVisible();
    expect(await nav.getByRole("listitem").count()).toBeGreaterThan(2);
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    await nav.getByRole("link").first().click();
    await expect(page.getByRole("navigation", { name: "Lessons in this module" }).locator('[aria-current="page"]')).toHaveCount(1);
    await expectAccessible(page);
  });

  test("at 375 px a wide table says it scrolls and can be scrolled from the keyboard", async ({ browser }) => {
    const org = await createOrg("E2eNarrow");
    await seedCase(org, "submitted");
    const page = await signedIn(browser, org.trainee, { width: 375, height: 800 });
    await page.goto("/cases");
    const region = page.getByRole("region", { name: "My cases" });
    await expect(region).toBeVisible();
    await expect(region.getByText("Scroll sideways to see every column.")).toBeVisible();
    await expect(region).toHaveAttribute("tabindex", "0");
    // The page itself never scrolls sideways: only the table's own region does.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  });
});
