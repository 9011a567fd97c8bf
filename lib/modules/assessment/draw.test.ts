import { describe, expect, it } from "vitest";
import type { KnowledgeCheck } from "@/db/schema/modules";
import { drawQuestions, drawSize, type RandomInt } from "./draw";

const opt = (id: string, correct: boolean) => ({ id, text: `text ${id}`, correct, explanation: `because ${id}` });
const bank: KnowledgeCheck = {
  passMark: 80,
  draw: 4,
  questions: Array.from({ length: 10 }, (_, i) => ({ id: `q${i + 1}`, kind: "single" as const, prompt: `prompt ${i + 1}`, options: [opt("a", i % 2 === 0), opt("b", i % 2 === 1), opt("c", false), opt("d", false)] })),
};

/** A seeded generator (mulberry32), so a test can repeat a draw exactly. */
function seeded(seed: number): RandomInt {
  let a = seed;
  return (n) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

describe("drawing questions from a bank", () => {
  it("serves N distinct questions of the bank, each with all its options and their key", () => {
    const served = drawQuestions(bank, { shuffleQuestions: true, shuffleOptions: true }, seeded(1));
    expect(served).toHaveLength(4);
    expect(new Set(served.map((q) => q.id)).size).toBe(4);
    for (const q of served) {
      const original = bank.questions.find((b) => b.id === q.id)!;
      expect([...q.options].sort((x, y) => x.id.localeCompare(y.id))).toEqual(original.options);
    }
  });

  it("draws differently across attempts (crypto randomness) and identically for the same seed", () => {
    const keys = new Set(Array.from({ length: 30 }, () => drawQuestions(bank, { shuffleQuestions: true, shuffleOptions: false }).map((q) => q.id).join(",")));
    expect(keys.size).toBeGreaterThan(1);
    expect(drawQuestions(bank, { shuffleQuestions: true, shuffleOptions: true }, seeded(7))).toEqual(drawQuestions(bank, { shuffleQuestions: true, shuffleOptions: true }, seeded(7)));
  });

  it("reaches every question of the bank over many attempts", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) for (const q of drawQuestions(bank, { shuffleQuestions: false, shuffleOptions: false })) seen.add(q.id);
    expect(seen.size).toBe(bank.questions.length);
  });

  it("keeps the bank's order and the options' order when shuffling is off", () => {
    const served = drawQuestions(bank, { shuffleQuestions: false, shuffleOptions: false }, seeded(3));
    const positions = served.map((q) => bank.questions.findIndex((b) => b.id === q.id));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    for (const q of served) expect(q.options.map((o) => o.id)).toEqual(["a", "b", "c", "d"]);
  });

  it("shuffles options when asked: some draw shows an option away from its place", () => {
    const moved = Array.from({ length: 20 }, (_, i) => drawQuestions(bank, { shuffleQuestions: false, shuffleOptions: true }, seeded(i))).some((d) =>
      d.some((q) => q.options.map((o) => o.id).join("") !== "abcd"),
    );
    expect(moved).toBe(true);
  });

  it("serves the whole bank when no draw size is given, and never more than the bank", () => {
    expect(drawSize({ ...bank, draw: undefined })).toBe(10);
    expect(drawSize({ ...bank, draw: 99 })).toBe(10);
    expect(drawQuestions({ ...bank, draw: undefined }, { shuffleQuestions: true, shuffleOptions: true })).toHaveLength(10);
  });
});
