import { expect, test } from "@playwright/test";
import { createOrg, createResetToken, TEST_PASSWORD, uid } from "../fixtures/factory";
import { LoginPage } from "../pages/login-page";
import { expectAccessible } from "./axe";

test.describe("password reset", () => {
  test("asking for a link answers the same whether or not the account exists", async ({ page }) => {
    const org = await createOrg("AskReset");
    for (const email of [org.trainee.email, `nobody.${uid()}@test.example`]) {
      await page.goto("/login");
      await page.getByRole("link", { name: "Forgot your password?" }).click();
      await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
      await expectAccessible(page);
      await page.getByLabel("Email address").fill(email);
      await page.getByRole("button", { name: "Send reset link" }).click();
      await expect(page.getByText("If an account uses that address", { exact: false })).toBeVisible();
    }
  });

  test("a reset link sets a new password once, and ends the old sessions", async ({ browser }) => {
    const org = await createOrg("UseReset");
    const old = await (await browser.newContext()).newPage();
    await new LoginPage(old).signInAs(org.trainee.email, TEST_PASSWORD);

    const page = await (await browser.newContext()).newPage();
    const token = await createResetToken(org.trainee.userId);
    await page.goto(`/reset-password/${token}`);
    await expectAccessible(page);
    await page.getByLabel("New password", { exact: true }).fill("a fresh passphrase here");
    await page.getByLabel("Confirm new password").fill("a different one");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText("The two passwords don't match.", { exact: false })).toBeVisible();
    await page.getByLabel("Confirm new password").fill("a fresh passphrase here");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText("Password changed")).toBeVisible();

    await old.goto("/home");
    await expect(old).toHaveURL(/\/login/);
    await new LoginPage(page).signInAs(org.trainee.email, "a fresh passphrase here");

    await page.goto(`/reset-password/${token}`);
    await expect(page.getByText("This reset link has already been used", { exact: false })).toBeVisible();
    await expectAccessible(page);
  });
});
