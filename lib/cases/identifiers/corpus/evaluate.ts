import { scanText, type Finding } from "../index";

// Finding-level precision and recall of the identifier check on a labelled corpus: a finding is
// a true positive when it overlaps a labelled identifier of the same kind; a labelled identifier
// is recalled when some finding of its kind overlaps it. A finding of the wrong kind counts
// against both figures, so a kind is part of what is measured.

export interface CorpusEntry {
  text: string;
  expect: { kind: string; text: string }[];
}

export interface Score {
  sentences: number;
  findings: number;
  truePositives: number;
  expected: number;
  recalled: number;
  precision: number;
  recall: number;
  /** one line per false positive or miss, for the test's output */
  errors: string[];
}

export function evaluate(entries: readonly CorpusEntry[], scan: (text: string) => Finding[] = scanText): Score {
  let findings = 0;
  let truePositives = 0;
  let expected = 0;
  let recalled = 0;
  const errors: string[] = [];
  for (const entry of entries) {
    const got = scan(entry.text);
    const spans = entry.expect.map((x) => {
      const start = entry.text.indexOf(x.text);
      return { kind: x.kind, start, end: start + x.text.length, text: x.text };
    });
    const overlaps = (f: Finding, s: { kind: string; start: number; end: number }): boolean => f.kind === s.kind && f.start < s.end && s.start < f.end;
    for (const f of got) {
      findings++;
      if (spans.some((s) => overlaps(f, s))) truePositives++;
      else errors.push(`false positive ${f.kind} "${f.text}" in: ${entry.text}`);
    }
    for (const s of spans) {
      expected++;
      if (got.some((f) => overlaps(f, s))) recalled++;
      else errors.push(`missed ${s.kind} "${s.text}" in: ${entry.text}`);
    }
  }
  return {
    sentences: entries.length,
    findings,
    truePositives,
    expected,
    recalled,
    precision: findings === 0 ? 1 : truePositives / findings,
    recall: expected === 0 ? 1 : recalled / expected,
    errors,
  };
}

export const describeScore = (label: string, s: Score): string =>
  `${label}: ${s.sentences} sentences, precision ${s.precision.toFixed(3)} (${s.truePositives}/${s.findings}), recall ${s.recall.toFixed(3)} (${s.recalled}/${s.expected})`;
