import { expect, type Page } from "@playwright/test";
import type { ModuleSource } from "@/lib/modules/content";
import { expectAccessible } from "../e2e/axe";
import { optionTexts } from "../fixtures/curriculum";

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

  /** The question ids served on the open check page, in the order shown. */
  async servedQuestions(): Promise<string[]> {
    const groups = this.page.getByRole("group");
    await expect(groups.first()).toBeVisible();
    const names = await groups.evaluateAll((els) => els.map((el) => el.querySelector("input")?.getAttribute("name") ?? ""));
    return names.map((n) => n.replace(/^answer:/, ""));
  }

  /**
   * Opens the check and answers the questions it serves (a draw of the bank, shuffled), the
   * first `wrong` of them wrongly; then submits and waits for the result page.
   */
  async takeCheck(mod: ModuleSource, wrong = 0) {
    await this.page.goto(`/modules/${mod.slug}/check`);
    const ids = await this.servedQuestions();
    const groups = this.page.getByRole("group");
    for (const [i, id] of ids.entries()) {
      for (const text of optionTexts(mod, id, i < wrong)) await groups.nth(i).getByLabel(text, { exact: true }).check();
    }
    await this.page.getByRole("button", { name: "Submit answers" }).click();
    await this.page.waitForURL(/\/check\/attempts\//);
    return ids;
  }
}
