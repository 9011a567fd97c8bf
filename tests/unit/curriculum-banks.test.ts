import { describe, expect, it } from "vitest";
import { loadCurriculum } from "@/lib/modules/content";
import { drawSize } from "@/lib/modules/assessment/draw";

// Every module's knowledge check is a bank that each attempt draws from, with the options shown in
// a shuffled order. So a bank must be large enough that failing once doesn't show the whole
// check, every question must have an unambiguous key, and no option may depend on its position.

const curriculum = loadCurriculum();
const MIN_BANK = 12;

describe("question banks", () => {
  it("covers the whole curriculum", () => {
    expect(curriculum.length).toBeGreaterThanOrEqual(10);
  });

  for (const mod of curriculum) {
    const { questions } = mod.check;
    describe(mod.slug, () => {
      it(`has at least ${MIN_BANK} questions and draws N of them, with N <= M`, () => {
        expect(questions.length).toBeGreaterThanOrEqual(MIN_BANK);
        expect(mod.check.draw, "check.json states how many questions an attempt draws").toBeDefined();
        expect(mod.check.draw!).toBeGreaterThanOrEqual(6);
        expect(mod.check.draw!).toBeLessThan(questions.length);
        expect(drawSize(mod.check)).toBe(mod.check.draw);
      });

      it("keys every question by the format's rule: exactly one correct option for single choice; two or more, but not all, for multiple choice", () => {
        for (const q of questions) {
          const correct = q.options.filter((o) => o.correct).length;
          if (q.kind === "single") expect(correct, q.id).toBe(1);
          else {
            expect(correct, q.id).toBeGreaterThanOrEqual(2);
            expect(correct, q.id).toBeLessThan(q.options.length);
          }
        }
      });

      it("has unique question ids and prompts, and unique option ids and texts within each question", () => {
        expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
        const prompts = questions.map((q) => `${q.scenario ?? ""}|${q.prompt}`.toLowerCase());
        expect(new Set(prompts).size).toBe(questions.length);
        for (const q of questions) {
          expect(new Set(q.options.map((o) => o.id)).size, q.id).toBe(q.options.length);
          expect(new Set(q.options.map((o) => o.text.trim().toLowerCase())).size, q.id).toBe(q.options.length);
        }
      });

      it("explains every option, and no option or explanation depends on where an option appears (options are shuffled)", () => {
        const positional = /\b(all|none|both) of the (above|below)\b|\boption [a-e]\b|\b(first|last) option\b|\(\s*[a-e]\s*\)/i;
        for (const q of questions) {
          for (const o of q.options) {
            expect(o.explanation.trim().length, `${q.id}${o.id}`).toBeGreaterThan(0);
            expect(o.text, `${q.id}${o.id}`).not.toMatch(positional);
            expect(o.explanation, `${q.id}${o.id}`).not.toMatch(positional);
          }
        }
      });
    });
  }
});
