import type { AttemptAnswer, KnowledgeCheck } from "@/db/schema/modules";

export type SubmittedAnswers = Record<string, string[]>;

export type ScoreResult =
  | { ok: true; score: number; correctCount: number; total: number; passed: boolean; answers: AttemptAnswer[] }
  | { ok: false; errors: Record<string, string>; formError?: string };

/**
 * Scores a knowledge check. All-or-nothing per question: a multiple-choice question counts only
 * when exactly the correct options are chosen. Rejects (rather than ignores) anything that isn't
 * part of the check, so a tampered payload is never stored.
 */
export function scoreCheck(check: KnowledgeCheck, submitted: SubmittedAnswers): ScoreResult {
  const errors: Record<string, string> = {};
  const known = new Map(check.questions.map((q, i) => [q.id, { q, n: i + 1 }]));
  const unknown = Object.keys(submitted).filter((id) => !known.has(id));
  if (unknown.length) {
    return { ok: false, errors, formError: "Your answers include a question that isn't part of this check. Reload the page and answer again." };
  }
  const answers: AttemptAnswer[] = [];
  for (const q of check.questions) {
    const n = known.get(q.id)!.n;
    const raw = submitted[q.id];
    const selected = Array.isArray(raw) ? [...new Set(raw)] : [];
    if (selected.length === 0) {
      errors[q.id] = `Answer question ${n} before submitting.`;
      continue;
    }
    const valid = new Set(q.options.map((o) => o.id));
    if (selected.some((s) => typeof s !== "string" || !valid.has(s))) {
      errors[q.id] = `Question ${n} has an answer that isn't one of its options. Choose again.`;
      continue;
    }
    if (q.kind === "single" && selected.length > 1) {
      errors[q.id] = `Question ${n} takes one answer only.`;
      continue;
    }
    const correctIds = q.options.filter((o) => o.correct).map((o) => o.id);
    const correct = selected.length === correctIds.length && correctIds.every((id) => selected.includes(id));
    answers.push({ questionId: q.id, selected: selected.sort(), correct });
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  const correctCount = answers.filter((a) => a.correct).length;
  const total = check.questions.length;
  const score = Math.round((correctCount / total) * 100);
  return { ok: true, score, correctCount, total, passed: score >= check.passMark, answers };
}
