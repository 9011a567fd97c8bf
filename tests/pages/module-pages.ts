import { expect, type Page } from "@playwright/test";
import { expectAccessible } from "../e2e/axe";
import type { answerPlan } from "../fixtures/curriculum";

export class ModulePages {
  constructor(readonly page: Page) {}

  async openModule(slug: string, title: string) {
    await this.page.goto(`/modules/${slug}`);
    await expect(this.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  }

  /** Reads every lesson in order with "Mark complete", checking each page with axe. */
  async readAllLessons(titles: string[]) {
    await this.page.getByRole("link", { name: /Start the module|Continue/ }).click();
    for (const [i, title] of titles.entries()) {
      await expect(this.page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expect(this.page.getByText(`Lesson ${i + 1} of ${titles.length}`)).toBeVisible();
      if (i === 0) await expectAccessible(this.page);
      await this.page.getByRole("button", { name: /Mark complete/ }).click();
    }
  }

  async takeCheck(slug: string, plan: ReturnType<typeof answerPlan>) {
    await this.page.goto(`/modules/${slug}/check`);
    const groups = this.page.getByRole("group");
    for (const [i, q] of plan.entries()) {
      const group = groups.nth(i);
      for (const text of q.texts) await group.getByLabel(text, { exact: true }).check();
    }
    await this.page.getByRole("button", { name: "Submit answers" }).click();
    await this.page.waitForURL(/\/check\/attempts\//);
  }
}
