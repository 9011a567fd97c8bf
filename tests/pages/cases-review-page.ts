import { expect, type Page } from "@playwright/test";
import { PRECONDITION_CODES } from "@/lib/cases/codes";

/** The supervisor's review page: /reviews/[id]. */
export class CaseReviewPage {
  constructor(readonly page: Page) {}

  async goto(caseId: string) {
    await this.page.goto(`/reviews/${caseId}`);
    await expect(this.page.getByRole("heading", { level: 2, name: "Six-condition checklist" })).toBeVisible();
  }

  async comment(focus: string, body: string) {
    await this.page.getByRole("group", { name: "Focus" }).getByLabel(focus, { exact: true }).check();
    await this.page.getByLabel("Comment", { exact: true }).fill(body);
    await this.page.getByRole("button", { name: "Add comment" }).click();
    await expect(this.page.getByText("Comment added.")).toBeVisible();
  }

  condition(code: string) {
    return this.page.getByTestId(`condition-${code}`);
  }

  /** Notes on c1 and c2, and a rating with evidence for every condition open for rating (the trainee's chosen ones, and any added). */
  async rateAll(rating: string) {
    for (const code of PRECONDITION_CODES) {
      await this.condition(code).getByLabel("What you noticed (optional)", { exact: true }).fill(`Seen in the narrative (${code.slice(0, 2)}).`);
    }
    const open = this.page.locator("[data-rating-open=true]");
    for (let i = 0; i < (await open.count()); i++) {
      const group = open.nth(i);
      await group.getByLabel(rating, { exact: true }).check();
      await group.getByLabel("Evidence", { exact: true }).fill(`Seen in the narrative (${i + 1}).`);
    }
  }

  /** Adds a condition the trainee didn't choose, and rates it. */
  async addCondition(code: string, rating: string, evidence = "Also worth rating here.") {
    const group = this.condition(code);
    await group.getByLabel("Rate this condition", { exact: true }).check();
    await group.getByLabel(rating, { exact: true }).check();
    await group.getByLabel("Evidence", { exact: true }).fill(evidence);
  }

  /** Selects words in the narrative the way a person would, then quotes them for a condition. */
  async quoteSelection(code: string, field: string, words: string) {
    await this.page.evaluate(
      ({ field, words }) => {
        const el = document.querySelector(`[data-narrative="${field}"]`)!;
        const node = el.firstChild!;
        const at = (node.textContent ?? "").indexOf(words);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        const sel = window.getSelection()!;
        sel.removeAllRanges();
        sel.addRange(range);
      },
      { field, words },
    );
    await this.condition(code).getByRole("button", { name: "Use selected text" }).click();
    await expect(this.condition(code).getByLabel("Quoted passage (optional)")).toHaveValue(words);
  }

  async decide(decision: "Request changes" | "Sign off", whatToChange?: string) {
    await this.page.getByRole("group", { name: "What happens next" }).getByLabel(new RegExp(`^${decision}`)).check();
    if (whatToChange) await this.page.getByLabel("What to change", { exact: true }).fill(whatToChange);
    await this.page.getByRole("button", { name: "Record review" }).click();
  }
}
