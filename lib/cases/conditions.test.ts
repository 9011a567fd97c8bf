import { describe, expect, it } from "vitest";
import { legacyCase, reviewRatings, sixRatings, validCase } from "@/tests/fixtures/cases";
import { conditionRows, conditionsShape, readReview, readSelfAssessment, reviewRuleErrors } from "./conditions";

describe("reading a self-assessment in either stored shape", () => {
  it("reads the current shape: c1/c2 notes, the chosen conditions and their ratings only", () => {
    const self = readSelfAssessment({ ...validCase().selfAssessment, c6_perceived: { rating: "clearly_evident", evidence: "not chosen" } }, "2026.2");
    expect(self.shape).toBe("notes_and_chosen");
    expect(self.chosen).toEqual(["c3_congruence", "c5_empathy"]);
    expect(self.entries.c1_contact).toEqual({ note: "We stayed in contact throughout, though the client went quiet." });
    expect(self.entries.c5_empathy).toEqual({ rating: "not_evident", evidence: "I missed the client's reluctance at first." });
    expect(self.entries.c6_perceived).toBeUndefined();
  });

  it("reads the 2026.1 shape as it was stored: six graded ratings, no choice made", () => {
    const self = readSelfAssessment(legacyCase().selfAssessment, "2026.1");
    expect(self.shape).toBe("six_rated");
    expect(self.chosen).toEqual([]);
    expect(self.entries.c1_contact).toEqual({ rating: "clearly_evident", evidence: "We stayed in contact throughout." });
    expect(Object.keys(self.entries)).toHaveLength(6);
  });

  it("tells the shapes apart by their content, and falls back on the version when empty", () => {
    expect(conditionsShape(legacyCase().selfAssessment)).toBe("six_rated");
    expect(conditionsShape(legacyCase().selfAssessment, "2026.2")).toBe("six_rated");
    expect(conditionsShape({ chosen: [] }, "2026.1")).toBe("notes_and_chosen");
    expect(conditionsShape({}, "2026.1")).toBe("six_rated");
    expect(conditionsShape(undefined)).toBe("notes_and_chosen");
    expect(readSelfAssessment("nonsense").entries).toEqual({});
    expect(readSelfAssessment({ chosen: ["c1_contact", "c9_made_up", "c4_upr"] }).chosen).toEqual(["c4_upr"]);
  });
});

describe("reading a review in either stored shape", () => {
  it("reads a 2026.1 review's six ratings, and a current review's notes and rated conditions", () => {
    const old = readReview(sixRatings("partly_evident"));
    expect(old.shape).toBe("six_rated");
    expect(old.entries.c2_client_incongruence?.rating).toBe("partly_evident");
    expect(old.chosen).toEqual(["c3_congruence", "c4_upr", "c5_empathy", "c6_perceived"]);
    const now = readReview({ ...reviewRatings(), c6_perceived: { rating: "not_evident", evidence: "Added.", quote: { field: "whatHappened", start: 0, end: 4, text: "When" } } });
    expect(now.shape).toBe("notes_and_chosen");
    expect(now.entries.c1_contact).toEqual({ note: "Contact held." });
    expect(now.chosen).toEqual(["c3_congruence", "c5_empathy", "c6_perceived"]);
    expect(now.entries.c6_perceived?.quote?.text).toBe("When");
  });
});

describe("rows shown side by side", () => {
  it("show c1/c2, then the trainee's chosen conditions, then those the supervisor added, marking differences", () => {
    const self = readSelfAssessment(validCase().selfAssessment);
    const review = readReview(reviewRatings("not_evident", { c4_upr: { rating: "partly_evident", evidence: "Added." } }));
    const rows = conditionRows(self, review);
    expect(rows.map((r) => [r.code, r.traineeChose, r.supervisorAdded, r.differs])).toEqual([
      ["c1_contact", false, false, false],
      ["c2_client_incongruence", false, false, false],
      ["c3_congruence", true, false, true],
      ["c5_empathy", true, false, false],
      ["c4_upr", false, true, false],
    ]);
    expect(rows[0].self?.note).toBeTruthy();
    expect(rows[0].supervisor).toEqual({ note: "Contact held." });
    expect(rows[1].supervisor).toBeUndefined();
  });

  it("show all six rows of an old case with its old review, c1/c2 ratings included as stored", () => {
    const rows = conditionRows(readSelfAssessment(legacyCase().selfAssessment, "2026.1"), readReview(sixRatings("clearly_evident")));
    expect(rows.map((r) => r.code)).toEqual(["c1_contact", "c2_client_incongruence", "c3_congruence", "c4_upr", "c5_empathy", "c6_perceived"]);
    expect(rows.map((r) => r.differs)).toEqual([false, true, true, true, true, true]);
    expect(rows.every((r) => !r.traineeChose && !r.supervisorAdded)).toBe(true);
  });

  it("show an old case reviewed under the new rules (notes on c1/c2, some conditions rated)", () => {
    const rows = conditionRows(readSelfAssessment(legacyCase().selfAssessment), readReview({ c1_contact: { note: "Fine." }, c4_upr: { rating: "partly_evident", evidence: "x" } }));
    expect(rows).toHaveLength(6);
    expect(rows[0].self?.rating).toBe("clearly_evident");
    expect(rows[0].supervisor).toEqual({ note: "Fine." });
    expect(rows.find((r) => r.code === "c4_upr")?.differs).toBe(false);
  });
});

describe("review rules", () => {
  const self = readSelfAssessment(validCase().selfAssessment);
  it("need every condition the trainee chose rated; the supervisor may add others", () => {
    expect(reviewRuleErrors(self, ["c3_congruence", "c5_empathy"])).toEqual({});
    expect(reviewRuleErrors(self, ["c3_congruence", "c4_upr", "c5_empathy", "c6_perceived"])).toEqual({});
    expect(reviewRuleErrors(self, ["c3_congruence", "c4_upr"])).toEqual({ "ratings.c5_empathy.rating": ["Rate this condition: the trainee chose it as one of the most in play."] });
  });
  it("need at least one of conditions 3 to 6 rated, also on an old case with no choice made", () => {
    const old = readSelfAssessment(legacyCase().selfAssessment, "2026.1");
    expect(reviewRuleErrors(old, []).rated?.[0]).toMatch(/Rate at least one of conditions 3 to 6/);
    expect(reviewRuleErrors(old, ["c6_perceived"])).toEqual({});
  });
});
