import { describe, expect, it } from "vitest";
import type { KnowledgeCheck } from "@/db/schema/modules";
import { scoreCheck } from "./scoring";

const opt = (id: string, correct: boolean) => ({ id, text: id, correct, explanation: `because ${id}` });
const check: KnowledgeCheck = {
  passMark: 80,
  questions: [
    { id: "q1", kind: "single", prompt: "one", options: [opt("a", true), opt("b", false), opt("c", false)] },
    { id: "q2", kind: "single", prompt: "two", scenario: "A client…", options: [opt("a", false), opt("b", true), opt("c", false)] },
    { id: "q3", kind: "multiple", prompt: "three", options: [opt("a", true), opt("b", true), opt("c", false), opt("d", false)] },
    { id: "q4", kind: "single", prompt: "four", options: [opt("a", true), opt("b", false), opt("c", false)] },
    { id: "q5", kind: "single", prompt: "five", options: [opt("a", true), opt("b", false), opt("c", false)] },
  ],
};
const allRight = { q1: ["a"], q2: ["b"], q3: ["b", "a"], q4: ["a"], q5: ["a"] };

describe("scoreCheck", () => {
  it("scores all correct as 100 and passes", () => {
    const r = scoreCheck(check, allRight);
    expect(r).toMatchObject({ ok: true, score: 100, correctCount: 5, total: 5, passed: true });
  });

  it("passes at exactly the pass mark and fails just below it", () => {
    expect(scoreCheck(check, { ...allRight, q1: ["b"] })).toMatchObject({ ok: true, score: 80, passed: true });
    expect(scoreCheck(check, { ...allRight, q1: ["b"], q2: ["a"] })).toMatchObject({ ok: true, score: 60, passed: false });
  });

  it("marks a multiple-choice question wrong unless exactly the correct set is chosen", () => {
    for (const partial of [["a"], ["a", "b", "c"], ["c", "d"]]) {
      const r = scoreCheck(check, { ...allRight, q3: partial });
      expect(r.ok && r.answers.find((a) => a.questionId === "q3")?.correct).toBe(false);
    }
  });

  it("records what was selected, de-duplicated and sorted", () => {
    const r = scoreCheck(check, { ...allRight, q3: ["b", "a", "b"] });
    expect(r.ok && r.answers.find((a) => a.questionId === "q3")).toEqual({ questionId: "q3", selected: ["a", "b"], correct: true });
  });

  it("refuses a missing answer and says which question", () => {
    const { q4: _omit, ...rest } = allRight;
    const r = scoreCheck(check, rest);
    expect(r).toEqual({ ok: false, errors: { q4: "Answer question 4 before submitting." } });
  });

  it("refuses an answer to a question that isn't in the check", () => {
    const r = scoreCheck(check, { ...allRight, q99: ["a"] });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.formError).toMatch(/isn't part of this check/);
  });

  it("refuses an option id that doesn't exist, and two answers to a single-choice question", () => {
    expect(scoreCheck(check, { ...allRight, q1: ["z"] })).toMatchObject({ ok: false, errors: { q1: expect.stringMatching(/isn't one of its options/) } });
    expect(scoreCheck(check, { ...allRight, q1: ["a", "b"] })).toMatchObject({ ok: false, errors: { q1: "Question 1 takes one answer only." } });
  });

  it("treats a non-array payload as no answer", () => {
    const r = scoreCheck(check, { ...allRight, q2: "b" as unknown as string[] });
    expect(r).toMatchObject({ ok: false, errors: { q2: "Answer question 2 before submitting." } });
  });
});
