import { expect, type Page } from "@playwright/test";
import { generate } from "otplib";

/** A code from the authenticator app, for now or a number of 30-second steps ahead. */
export function totpCode(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}

export class TwoFactorPages {
  constructor(readonly page: Page) {}

  /** Walks the authenticator-app set-up (on /account/security or at required enrolment); returns the secret and the recovery codes. */
  async setUpApp(opts: { password?: string }): Promise<{ secret: string; codes: string[] }> {
    // On the security page the app has its own section (passkeys have a password field too).
    const section = opts.password ? this.page.getByRole("region", { name: "Authenticator app" }) : this.page.locator("main");
    await this.page.getByRole("button", { name: "Set up an authenticator app" }).click();
    const secret = (await this.page.getByTestId("totp-secret").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await expect(this.page.getByRole("img", { name: /QR code/ })).toBeVisible();
    await this.page.getByLabel("Code from the app").fill(await totpCode(secret));
    if (opts.password) await section.getByLabel("Your current password").fill(opts.password);
    await this.page.getByRole("button", { name: "Turn on two-step sign-in" }).click();
    await expect(this.page.getByText("Your authenticator app is set up.")).toBeVisible({ timeout: 30_000 });
    const codes = (await this.page.getByTestId("recovery-codes").locator("li").allTextContents()).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    return { secret, codes };
  }

  async enterCode(code: string) {
    await this.page.getByLabel("Code from your authenticator app").fill(code);
    await this.page.getByRole("button", { name: "Continue" }).click();
  }

  async enterRecoveryCode(code: string) {
    await this.page.getByRole("button", { name: "Use a recovery code instead" }).click();
    await this.page.getByLabel("Recovery code").fill(code);
    await this.page.getByRole("button", { name: "Continue" }).click();
  }
}
