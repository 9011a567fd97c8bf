import { expect, type Page } from "@playwright/test";

export class AdminOutboxPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/admin/outbox");
    await expect(this.page.getByRole("heading", { level: 1, name: "Outbox" })).toBeVisible();
  }

  message(to: string) {
    return this.page.getByTestId("outbox-message").filter({ hasText: `to ${to}` });
  }

  /** Opens the message to `to` and returns the invitation link's path. */
  async invitationPath(to: string): Promise<string> {
    const m = this.message(to).first();
    await m.locator("summary").click();
    const href = await m.getByRole("link", { name: /\/invite\// }).getAttribute("href");
    if (!href) throw new Error(`No invitation link in the email to ${to}`);
    return new URL(href).pathname;
  }
}
