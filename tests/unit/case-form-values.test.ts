import { describe, expect, it } from "vitest";
import { startedWithSixRatings, toFormValues } from "@/components/cases/form-values";
import { caseDraftContent } from "@/lib/cases/schemas";
import { legacyCase, validCase } from "../fixtures/cases";

describe("case form values", () => {
  it("round-trip a current case through the form", () => {
    const v = toFormValues(validCase());
    expect(v.selfAssessment.chosen).toEqual(["c3_congruence", "c5_empathy"]);
    expect(v.selfAssessment.c1_contact.note).toMatch(/stayed in contact/);
    expect(v).not.toHaveProperty("periodMonth");
    expect(caseDraftContent.parse(v).selfAssessment).toEqual(validCase().selfAssessment);
    expect(startedWithSixRatings(validCase())).toBe(false);
  });

  it("open a draft begun under code lists 2026.1 without losing what was written, but without its month", () => {
    const old = legacyCase();
    expect(startedWithSixRatings(old, "2026.1")).toBe(true);
    const v = toFormValues(old, "2026.1");
    expect(v.selfAssessment.c1_contact.note).toBe("We stayed in contact throughout.");
    expect(v.selfAssessment.chosen).toEqual(["c3_congruence", "c4_upr", "c5_empathy", "c6_perceived"]);
    expect(v.selfAssessment.c6_perceived).toEqual({ rating: "not_assessable", evidence: "Too little in the session to judge." });
    expect(v.periodYear).toBe("2025");
    const draft = caseDraftContent.parse(v);
    expect(draft).not.toHaveProperty("periodMonth");
    expect(draft.selfAssessment?.chosen).toHaveLength(4);
  });
});
