import { describe, expect, it } from "vitest";
import { THERAPIST_CONDITION_CODES } from "@/lib/cases/codes";
import { readSelfAssessment, reviewRuleErrors } from "@/lib/cases/conditions";
import { feedbackFlags, scanCase } from "@/lib/cases/identifier-check";
import { caseSubmitContent, reviewDecisionInput } from "@/lib/cases/schemas";
import { EXEMPLARS, exemplarByKey } from "./exemplars";

describe("Rapport's exemplar cases for calibration", () => {
  it("ships three, each with its own key", () => {
    expect(EXEMPLARS).toHaveLength(3);
    expect(new Set(EXEMPLARS.map((e) => e.key)).size).toBe(3);
    expect(exemplarByKey(EXEMPLARS[1].key)).toBe(EXEMPLARS[1]);
    expect(exemplarByKey("nope")).toBeUndefined();
  });

  it("covers a withdrawal, a confrontation and a mixed rupture", () => {
    expect(EXEMPLARS.map((e) => e.content.ruptureType).sort()).toEqual(["confrontation", "mixed", "withdrawal"]);
  });

  for (const ex of EXEMPLARS) {
    describe(ex.title, () => {
      it("is a complete case by the app's case schema", () => {
        const parsed = caseSubmitContent.safeParse(ex.content);
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
      });

      it("holds nothing the identifier check flags", () => {
        expect(scanCase(ex.content, [])).toEqual({});
      });

      it("has a reference review the review form's schema accepts, rating every condition the trainee chose", () => {
        const ratings = Object.fromEntries(Object.entries(ex.reference.ratings).map(([c, e]) => [c, "rating" in e ? { rate: true, ...e } : e]));
        const parsed = reviewDecisionInput.safeParse({ caseId: crypto.randomUUID(), version: 1, decision: ex.reference.decision, whatToChange: ex.reference.whatToChange ?? "", ratings });
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
        const rated = THERAPIST_CONDITION_CODES.filter((c) => ex.reference.ratings[c]);
        expect(reviewRuleErrors(readSelfAssessment(ex.content.selfAssessment), rated)).toEqual({});
      });

      it("has reference feedback the identifier check leaves alone", () => {
        const r = ex.reference;
        const fields: Record<string, string | undefined> = { whatToChange: r.whatToChange, strategyNotes: r.strategyNotes };
        for (const [c, e] of Object.entries(r.ratings)) fields[c] = "note" in e ? e.note : e.evidence;
        r.feedback.forEach((f, i) => (fields[`feedback.${i}`] = f.body));
        expect(feedbackFlags(fields)).toEqual({});
        expect(r.feedback.length).toBeGreaterThan(0);
      });
    });
  }
});
