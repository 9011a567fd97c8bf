// Tokens and sentences: the detectors that need context (names, places, textual dates) read these.
import { ABBREVIATIONS } from "./words";

export interface Tok {
  text: string;
  start: number;
  end: number;
  /** lowercase, possessive 's removed */
  base: string;
  /** end offset without a possessive 's */
  baseEnd: number;
  word: boolean;
  cap: boolean;
  allCaps: boolean;
  initial: boolean;
  /** index of the sentence the token belongs to */
  sent: number;
}

const TOKEN_RE = /[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*(?:-[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*)*|\d+|\S/gu;
const CAP_RE = /^\p{Lu}(?:[\p{Ll}\p{M}]|['’]\p{Lu})/u;
const ALLCAPS_RE = /^[\p{Lu}\d-]+$/u;
const OPENERS = new Set(["'", '"', "“", "‘", "(", "[", "-", "–", "—", "•", "*"]);

export function tokenize(text: string): Tok[] {
  const toks: Tok[] = [];
  let sent = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const raw = m[0];
    const start = m.index ?? 0;
    const word = /^[\p{L}\p{M}]/u.test(raw);
    let base = raw.toLowerCase();
    let baseEnd = start + raw.length;
    if (word && /['’]s$/.test(base)) {
      base = base.slice(0, -2);
      baseEnd -= 2;
    }
    base = base.replace(/’/g, "'");
    toks.push({
      text: raw,
      start,
      end: start + raw.length,
      base,
      baseEnd,
      word,
      cap: word && CAP_RE.test(raw),
      allCaps: word && raw.length > 1 && ALLCAPS_RE.test(raw),
      initial: false,
      sent: 0,
    });
  }
  // sentence-initial flags and sentence ids
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    let j = i - 1;
    let sawOpener = false;
    while (j >= 0 && OPENERS.has(toks[j].text) && !/\n/.test(text.slice(toks[j].end, t.start))) {
      sawOpener = true;
      j--;
    }
    let initial = false;
    if (j < 0) initial = true;
    else if (/\n/.test(text.slice(toks[j].end, t.start))) initial = true;
    else {
      const p = toks[j].text;
      if (p === "!" || p === "?" || p === ":" || p === ";") initial = true;
      else if (p === ".") {
        const before = j > 0 ? toks[j - 1] : undefined;
        const abbrev = before !== undefined && before.word && before.end === toks[j].start && ABBREVIATIONS.has(before.base);
        const initialLetter = before !== undefined && before.word && before.text.length === 1 && /\p{Lu}/u.test(before.text);
        initial = !abbrev && !initialLetter;
      } else if (sawOpener && (p === "," || p === "." || p === ":")) initial = true;
      else if (sawOpener && j < i - 1 && toks[i - 1].text !== "(" && toks[i - 1].text !== "[") initial = true;
    }
    if (initial && i > 0) sent++;
    t.initial = initial;
    t.sent = sent;
  }
  return toks;
}

export function prevWord(toks: Tok[], i: number, skipCommas = true): number {
  let j = i - 1;
  while (j >= 0 && !toks[j].word) {
    if (!(skipCommas && (toks[j].text === "," || toks[j].text === "."))) return -1;
    j--;
  }
  return j >= 0 && toks[j].sent === toks[i].sent ? j : -1;
}

export function nextWord(toks: Tok[], i: number): number {
  const j = i + 1;
  return j < toks.length && toks[j].word && toks[j].sent === toks[i].sent ? j : -1;
}

export function sentenceSpans(text: string, toks: Tok[]): [number, number][] {
  const spans: [number, number][] = [];
  let start = 0;
  let cur = 0;
  for (const t of toks) {
    if (t.sent !== cur) {
      spans.push([start, t.start]);
      start = t.start;
      cur = t.sent;
    }
  }
  if (toks.length > 0) spans.push([start, text.length]);
  return spans;
}
