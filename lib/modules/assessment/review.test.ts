import { describe, expect, it } from "vitest";
import type { CheckQuestion } from "@/db/schema/modules";
import { reviewAttempt } from "./review";

const questions: CheckQuestion[] = [
  { id: "q3", kind: "single", prompt: "three", options: [{ id: "b", text: "B", correct: true, explanation: "why B" }, { id: "a", text: "A", correct: false, explanation: "why not A" }, { id: "c", text: "C", correct: false, explanation: "why not C" }] },
  { id: "q1", kind: "multiple", prompt: "one", scenario: "A client…", options: [{ id: "a", text: "A", correct: true, explanation: "yes A" }, { id: "b", text: "B", correct: true, explanation: "yes B" }, { id: "c", text: "C", correct: false, explanation: "no C" }] },
];
const answers = [
  { questionId: "q3", selected: ["a"], correct: false },
  { questionId: "q1", selected: ["a", "b"], correct: true },
];

describe("reviewing an attempt", () => {
  it("without the key: says which questions were right or wrong and what was chosen, and nothing of the key", () => {
    const review = reviewAttempt(questions, answers, false);
    expect(review.keyShown).toBe(false);
    expect(review.questions.map((q) => [q.id, q.number, q.answeredCorrectly])).toEqual([["q3", 1, false], ["q1", 2, true]]);
    expect(review.questions[0].options).toEqual([{ id: "b", text: "B", chosen: false }, { id: "a", text: "A", chosen: true }, { id: "c", text: "C", chosen: false }]);
    const json = JSON.stringify(review);
    expect(json).not.toMatch(/"correct"|explanation|why B|yes A/);
  });

  it("with the key: every option's correctness and explanation, in the order served", () => {
    const review = reviewAttempt(questions, answers, true);
    expect(review.questions[0].options[0]).toEqual({ id: "b", text: "B", chosen: false, correct: true, explanation: "why B" });
    expect(review.questions[1].scenario).toBe("A client…");
  });
});
