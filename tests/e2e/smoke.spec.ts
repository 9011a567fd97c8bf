import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "@/scripts/seed/demo";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";

// The quick start as a person meets it (also run against `npm start` on the embedded database):
// each demo role finds its main screens through the navigation.

test.describe("@smoke demo walk-through", () => {
  test("@smoke the demo trainee opens the case form", async ({ page }) => {
    await new LoginPage(page).signInAs("trainee@harbourside.example", DEMO_PASSWORD);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My cases" }).click();
    await page.goto("/cases/new");
    await expect(page.getByRole("heading", { level: 1, name: "Log a rupture case" })).toBeVisible();
    await expectAccessible(page);
  });

  test("@smoke the demo supervisor opens the review queue and trainee progress", async ({ page }) => {
    await new LoginPage(page).signInAs("supervisor@harbourside.example", DEMO_PASSWORD);
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "Review queue" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Review queue" })).toBeVisible();
    await expectAccessible(page);
    await nav.getByRole("link", { name: "Trainees" }).click();
    await expect(page.getByRole("link", { name: "Alex Trainee" })).toBeVisible();
  });

  test("@smoke the demo admin reaches members, invitations and reports", async ({ page }) => {
    await new LoginPage(page).signInAs("admin@harbourside.example", DEMO_PASSWORD);
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const [link, heading] of [
      ["Members", "Members"],
      ["Invitations", /Invitations|Invite/],
      ["Completion", /Completion/],
      ["Audit log", /Audit/],
    ] as const) {
      await nav.getByRole("link", { name: link, exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectAccessible(page);
    }
  });
});
