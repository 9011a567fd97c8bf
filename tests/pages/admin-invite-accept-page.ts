import { expect, type Page } from "@playwright/test";

export class InviteAcceptPage {
  constructor(readonly page: Page) {}

  async open(path: string) {
    await this.page.goto(path);
  }

  async acceptAsNewPerson(name: string, password: string) {
    await expect(this.page.getByRole("heading", { level: 1, name: /^Join / })).toBeVisible();
    await this.page.getByLabel("Your name").fill(name);
    await this.page.getByLabel("Choose a password").fill(password);
    await this.page.getByRole("button", { name: "Accept and join" }).click();
  }
}
