import { expect, type Locator, type Page } from "@playwright/test";
import { CONDITIONS, PRECONDITION_CODES, THERAPIST_CONDITION_CODES, type TherapistConditionCode } from "@/lib/cases/codes";

const labelOf = (code: string) => CONDITIONS.find((c) => c.code === code)!.label;

/** The trainee's case form: /cases/new and /cases/[id] while editable. */
export class CaseFormPage {
  constructor(readonly page: Page) {}

  async gotoNew() {
    await this.page.goto("/cases/new");
    await expect(this.page.getByRole("heading", { level: 1, name: "Log a rupture case" })).toBeVisible();
  }

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  flags(fieldLabel: string): Locator {
    // The findings list follows its field inside the same wrapper.
    return this.page.locator("div", { has: this.page.getByLabel(fieldLabel, { exact: true }) }).last().getByTestId("flag");
  }

  async fillSession(v: { code: string; session: string; year: string; approach: string }) {
    await this.field("Client code").fill(v.code);
    await this.field("Session number").fill(v.session);
    await this.field("Year").fill(v.year);
    await this.page.getByRole("group", { name: "Approach used in the session" }).getByLabel(v.approach, { exact: true }).check();
  }

  async fillRupture(v: { type: string; markers: string[]; salience: string; movement: string }) {
    await this.page.getByRole("group", { name: "Rupture type" }).getByLabel(v.type, { exact: true }).check();
    for (const m of v.markers) await this.page.getByLabel(m, { exact: true }).check();
    await this.page.getByRole("group", { name: "Salience" }).getByLabel(v.salience, { exact: true }).check();
    await this.page.getByRole("group", { name: "Whose movement started it" }).getByLabel(v.movement, { exact: true }).check();
  }

  async fillResolution(v: { strategies: string[]; outcome: string; nextTime: string }) {
    for (const s of v.strategies) await this.page.getByLabel(s, { exact: true }).check();
    await this.page.getByRole("group", { name: "Outcome" }).getByLabel(v.outcome, { exact: true }).check();
    await this.field("What you would do next time").fill(v.nextTime);
  }

  /** Notes on c1 and c2, then the chosen conditions (c3 and c5 unless told), each rated with evidence. */
  async fillSelfAssessment(rating = "Partly evident", chosen: TherapistConditionCode[] = ["c3_congruence", "c5_empathy"]) {
    for (const code of PRECONDITION_CODES) {
      const group = this.page.getByRole("group", { name: labelOf(code), exact: true });
      await group.getByLabel("What you noticed", { exact: true }).fill(`Noticed for ${code.slice(0, 2)}: the client stayed with me, quietly.`);
    }
    await this.chooseConditions(chosen);
    for (const code of chosen) {
      const group = this.page.getByRole("group", { name: labelOf(code), exact: true });
      await group.getByLabel(rating, { exact: true }).check();
      await group.getByLabel("Evidence", { exact: true }).fill(`Evidence for ${code.slice(0, 2)}: the client kept engaging.`);
    }
  }

  /** Ticks exactly these of conditions 3 to 6 as the ones most in play. */
  async chooseConditions(chosen: TherapistConditionCode[]) {
    const box = this.page.getByRole("group", { name: "Conditions most in play in this rupture" });
    for (const code of THERAPIST_CONDITION_CODES) {
      const tick = box.getByLabel(labelOf(code), { exact: true });
      if (chosen.includes(code)) await tick.check();
      else await tick.uncheck();
    }
  }

  /** The Risk section: "none", or a recorded risk with who was told, when and what was done. */
  async fillRisk(v: { level?: string; kind?: string; told?: string; when?: string; action?: string } = {}) {
    const level = v.level ?? "No risk was disclosed or suspected";
    await this.page.getByRole("group", { name: "Was any risk disclosed or suspected in this session?" }).getByLabel(level, { exact: true }).check();
    if (!v.kind) return;
    await this.page.getByRole("group", { name: "What kind of risk" }).getByLabel(v.kind, { exact: true }).check();
    await this.page.getByRole("group", { name: "Who was told" }).getByLabel(v.told ?? "My supervisor", { exact: true }).check();
    await this.page.getByRole("group", { name: "When were they told" }).getByLabel(v.when ?? "The same day", { exact: true }).check();
    await this.page.getByLabel("What was done", { exact: true }).fill(v.action ?? "Made a safety plan with the client and rang my supervisor.");
  }

  async dismissFlag(text: string, reason: string) {
    const flag = this.page.getByTestId("flag").filter({ hasText: text });
    await flag.getByRole("button", { name: "Not an identifier…" }).click();
    await flag.getByLabel(`Why is “${text}” not an identifier?`).fill(reason);
    await flag.getByRole("button", { name: "Dismiss flag" }).click();
    await expect(this.page.getByTestId("flag").filter({ hasText: text })).toHaveCount(0);
  }

  async submit() {
    await this.page.getByRole("button", { name: "Submit for review" }).click();
  }
}
