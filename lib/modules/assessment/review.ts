import type { AttemptAnswer, CheckQuestion } from "@/db/schema/modules";

// What a person may see of a submitted attempt. Built on the server; when the key is not to be
// shown, the correct flags and the explanations are left out of the object altogether, so no
// page or serialised payload can carry them.

export type ReviewOption = { id: string; text: string; chosen: boolean; correct?: boolean; explanation?: string };
export type ReviewQuestion = { id: string; number: number; kind: CheckQuestion["kind"]; prompt: string; scenario?: string; answeredCorrectly: boolean; options: ReviewOption[] };
export type AttemptReview = { keyShown: boolean; questions: ReviewQuestion[] };

export function reviewAttempt(questions: CheckQuestion[], answers: AttemptAnswer[], keyShown: boolean): AttemptReview {
  const byId = new Map(answers.map((a) => [a.questionId, a]));
  return {
    keyShown,
    questions: questions.map((q, i) => {
      const answer = byId.get(q.id);
      const chosen = new Set(answer?.selected ?? []);
      return {
        id: q.id,
        number: i + 1,
        kind: q.kind,
        prompt: q.prompt,
        ...(q.scenario ? { scenario: q.scenario } : {}),
        answeredCorrectly: Boolean(answer?.correct),
        options: q.options.map((o) =>
          keyShown ? { id: o.id, text: o.text, chosen: chosen.has(o.id), correct: o.correct, explanation: o.explanation } : { id: o.id, text: o.text, chosen: chosen.has(o.id) },
        ),
      };
    }),
  };
}
