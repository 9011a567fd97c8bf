import { expect, type Page } from "@playwright/test";

export class AdminImportPage {
  constructor(readonly page: Page) {}

  async goto() {
    await this.page.goto("/admin/invitations/import");
    await expect(this.page.getByRole("heading", { level: 1, name: "Invite many people" })).toBeVisible();
  }

  async uploadCsv(name: string, content: string | Buffer) {
    await this.page.getByLabel("CSV file", { exact: true }).setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.isBuffer(content) ? content : Buffer.from(content, "utf8") });
    await this.page.getByRole("button", { name: "Check file" }).click();
  }

  previewSummary() {
    return this.page.getByTestId("preview-summary");
  }

  async importValid() {
    await this.page.getByRole("button", { name: /^Import \d+ valid rows?$/ }).click();
    await expect(this.page.getByRole("heading", { name: "Import finished" })).toBeVisible();
  }
}
