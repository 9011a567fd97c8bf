import { randomInt } from "node:crypto";
import type { CheckQuestion, KnowledgeCheck } from "@/db/schema/modules";

/** An integer in [0, n): crypto by default; tests pass a seeded one. */
export type RandomInt = (n: number) => number;
const cryptoInt: RandomInt = (n) => randomInt(n);

function shuffle<T>(items: readonly T[], rand: RandomInt): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rand(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function drawSize(check: KnowledgeCheck): number {
  return Math.min(check.draw ?? check.questions.length, check.questions.length);
}

/**
 * The questions one attempt serves: `draw` of the bank, chosen at random every time. Shuffling
 * changes only the order shown; option ids travel with their options, so scoring by id is
 * unaffected by where an option appears. Without question shuffling the bank's order is kept.
 */
export function drawQuestions(check: KnowledgeCheck, opts: { shuffleQuestions: boolean; shuffleOptions: boolean }, rand: RandomInt = cryptoInt): CheckQuestion[] {
  const n = drawSize(check);
  const chosen = new Set(shuffle(check.questions.map((q) => q.id), rand).slice(0, n));
  const inBankOrder = check.questions.filter((q) => chosen.has(q.id));
  const ordered = opts.shuffleQuestions ? shuffle(inBankOrder, rand) : inBankOrder;
  return ordered.map((q) => ({ ...q, options: opts.shuffleOptions ? shuffle(q.options, rand) : [...q.options] }));
}
