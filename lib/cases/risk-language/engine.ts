/**
 * Tokeniser and phrase matcher behind the risk-language scanner. No regular expression runs over
 * the text: one pass splits it into tokens, and each phrase pattern is tried only at tokens that
 * can start it, over a bounded number of tokens. Work is therefore linear in the text (capped at
 * MAX_SCAN_CHARS), whatever the text is: an attacker's megabyte of "kill kill kill" or of spaces
 * costs the same per character as a case narrative.
 *
 * Pattern syntax (one string per phrase, tokens separated by spaces):
 *   a|b|c        one token, any of these words        hurt*   a word starting with "hurt"
 *   *n't         a word ending with "n't"             ^SI     exactly this text (case-sensitive)
 *   @NAME        a named word set, or a named slot function (e.g. @TARGET)
 *   x?           the slot may be skipped              ~2      0 to 2 tokens of anything
 *   [go on|carry on|live]                             one of several word sequences
 * A match never crosses a sentence boundary and never spans more than MAX_SPAN tokens.
 */

/**
 * Only the start of a text is scanned: four times the longest free-text field of a case
 * (LIMITS.whatHappened, 5,000 characters), so no text the form accepts is cut short, while a
 * hostile megabyte costs what 20,000 characters cost (about 10 ms; see the test's figures).
 */
export const MAX_SCAN_CHARS = 20_000;
const MAX_SPAN = 14;
const MAX_ALTERNATIVES = 64;

export interface Tok {
  /** lowercase, curly apostrophes made straight */
  w: string;
  raw: string;
  start: number;
  end: number;
  /** sentence number */
  s: number;
  /** clause number (commas, colons, dashes and "but" start a new clause) */
  c: number;
  /** inside double quotes */
  q: boolean;
  /** "old" in "a four-year-old", "her 7 year old": matches any word set that has "kid" */
  kid?: boolean;
}

export const UNDER_18 = new Set(
  "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17".split(" "),
);
function markChildAge(toks: Tok[]): void {
  const n = toks.length;
  if (n < 3 || !/^(old|olds)$/.test(toks[n - 1].w) || !/^(year|years|yr|yrs)$/.test(toks[n - 2].w)) return;
  if (UNDER_18.has(toks[n - 3].w)) toks[n - 1].kid = true;
}

const LETTER = /[\p{L}\p{N}\p{M}]/u;
function isWordChar(text: string, i: number): boolean {
  const ch = text.charCodeAt(i);
  if (ch < 128) return (ch >= 48 && ch <= 57) || (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122);
  return ch < 0xd800 || ch > 0xdfff ? LETTER.test(text[i]) : false;
}

const CURLY_ALL = /[\u2019\u2018\u02bc`]/g;
const CLAUSE_WORDS = new Set(["but", "although", "though", "however", "whereas"]);

const isApostrophe = (ch: number) => ch === 39 || ch === 0x2019 || ch === 0x2018 || ch === 0x2bc || ch === 96;
// . ! ? ; newline, carriage return, ellipsis
const isSentenceBreak = (ch: number) => ch === 46 || ch === 33 || ch === 63 || ch === 59 || ch === 10 || ch === 13 || ch === 0x2026;
// , : en dash, em dash
const isClauseBreak = (ch: number) => ch === 44 || ch === 58 || ch === 0x2013 || ch === 0x2014;

/** One pass over character codes; tokens never include punctuation. Stops at MAX_SCAN_CHARS. */
export function tokenize(text: string): Tok[] {
  const n = Math.min(text.length, MAX_SCAN_CHARS);
  const toks: Tok[] = [];
  let s = 0;
  let c = 0;
  let q = false;
  let i = 0;
  while (i < n) {
    if (isWordChar(text, i)) {
      let j = i + 1;
      let curly = false;
      while (j < n) {
        if (isWordChar(text, j)) j++;
        else if (isApostrophe(text.charCodeAt(j)) && j + 1 < n && isWordChar(text, j + 1)) {
          curly ||= text.charCodeAt(j) !== 39;
          j += 2;
        } else break;
      }
      const raw = text.slice(i, j);
      let w = raw.toLowerCase();
      if (curly) w = w.replace(CURLY_ALL, "'");
      if (CLAUSE_WORDS.has(w)) c++;
      toks.push({ w, raw, start: i, end: j, s, c, q });
      if (w === "old" || w === "olds") markChildAge(toks);
      i = j;
      continue;
    }
    const ch = text.charCodeAt(i);
    if (isSentenceBreak(ch)) {
      s++;
      c++;
      if (ch === 10) q = false;
    } else if (isClauseBreak(ch)) c++;
    else if (ch === 34) q = !q;
    else if (ch === 0x201c) q = true;
    else if (ch === 0x201d) q = false;
    i++;
  }
  return toks;
}

// ---------------------------------------------------------------------------------------------
// Word tests and patterns
// ---------------------------------------------------------------------------------------------

export interface WordTest {
  exact: Set<string>;
  prefix: string[];
  suffix: string[];
  raw: Set<string>;
}

/** Candidate end indices for a slot that starts at token i (tokens before `limit`, sentence s). */
export type SlotFn = (toks: readonly Tok[], i: number, s: number, limit: number) => number[];

type Slot =
  | { t: "w"; test: WordTest; opt: boolean }
  | { t: "gap"; max: number }
  | { t: "ph"; alts: WordTest[][]; opt: boolean }
  | { t: "fn"; f: SlotFn; opt: boolean };

export type Pattern = Slot[];

export interface Vocabulary {
  sets: Map<string, WordTest>;
  fns: Map<string, SlotFn>;
}

export function wordTest(spec: string, vocab?: Vocabulary): WordTest {
  const t: WordTest = { exact: new Set(), prefix: [], suffix: [], raw: new Set() };
  for (const alt of spec.split(/[|\s]+/).filter(Boolean)) {
    if (alt.startsWith("@")) {
      const named = vocab?.sets.get(alt.slice(1));
      if (!named) throw new Error(`risk-language: unknown word set ${alt}`);
      named.exact.forEach((x) => t.exact.add(x));
      named.raw.forEach((x) => t.raw.add(x));
      t.prefix.push(...named.prefix);
      t.suffix.push(...named.suffix);
    } else if (alt.startsWith("^")) t.raw.add(alt.slice(1));
    else if (alt.startsWith("*")) t.suffix.push(alt.slice(1));
    else if (alt.endsWith("*")) t.prefix.push(alt.slice(0, -1));
    else t.exact.add(alt);
  }
  return t;
}

export function test(t: WordTest, tok: Tok | undefined): boolean {
  if (!tok) return false;
  if (t.exact.has(tok.w) || t.raw.has(tok.raw) || (tok.kid && t.exact.has("kid"))) return true;
  for (const p of t.prefix) if (tok.w.startsWith(p)) return true;
  for (const x of t.suffix) if (tok.w.endsWith(x)) return true;
  // "her daughter's legs", "life's": a possessive or "is" matches its word
  return tok.w.endsWith("'s") && t.exact.has(tok.w.slice(0, -2));
}

export function compile(p: string, vocab: Vocabulary): Pattern {
  const slots: Slot[] = [];
  let i = 0;
  while (i < p.length) {
    if (p[i] === " ") {
      i++;
      continue;
    }
    if (p[i] === "[") {
      const close = p.indexOf("]", i);
      if (close < 0) throw new Error(`risk-language: unclosed [ in "${p}"`);
      const alts = p
        .slice(i + 1, close)
        .split("|")
        .map((a) => a.trim().split(/\s+/).map((w) => wordTest(w, vocab)));
      i = close + 1;
      const opt = p[i] === "?";
      if (opt) i++;
      slots.push({ t: "ph", alts, opt });
      continue;
    }
    let j = i;
    while (j < p.length && p[j] !== " ") j++;
    let tok = p.slice(i, j);
    i = j;
    if (tok.includes("[") || tok.includes("]")) throw new Error(`risk-language: "[" must start a slot in "${p}"`);
    if (tok.startsWith("~")) {
      slots.push({ t: "gap", max: Number(tok.slice(1)) });
      continue;
    }
    const opt = tok.length > 1 && tok.endsWith("?");
    if (opt) tok = tok.slice(0, -1);
    const fn = tok.startsWith("@") ? vocab.fns.get(tok.slice(1)) : undefined;
    slots.push(fn ? { t: "fn", f: fn, opt } : { t: "w", test: wordTest(tok, vocab), opt });
  }
  return slots;
}

/** The word test a pattern must start with (used to index patterns by their first token). */
export function firstTest(p: Pattern): WordTest[] {
  const first = p[0];
  if (first?.t === "w" && !first.opt) return [first.test];
  if (first?.t === "ph" && !first.opt) return first.alts.map((a) => a[0]);
  throw new Error("risk-language: a pattern must start with a required word or phrase");
}

export interface RawMatch {
  end: number;
  /** token index where each slot starts, then the end */
  at: number[];
}

interface MatchState {
  p: Pattern;
  toks: readonly Tok[];
  s: number;
  limit: number;
  out: RawMatch[];
  at: number[];
}

function inSpan(st: MatchState, i: number): boolean {
  return i < st.limit && st.toks[i].s === st.s;
}

// Module-level recursion rather than closures: this is the hot path.
function step(st: MatchState, k: number, i: number): void {
  if (st.out.length >= MAX_ALTERNATIVES) return;
  if (k === st.p.length) {
    if (st.out === NONE) st.out = [];
    st.out.push({ end: i, at: [...st.at.slice(0, k), i] });
    return;
  }
  st.at[k] = i;
  const sl = st.p[k];
  if (sl.t === "gap") {
    for (let g = 0; g <= sl.max && (g === 0 || inSpan(st, i + g - 1)); g++) step(st, k + 1, i + g);
    return;
  }
  if (sl.t === "w") {
    if (inSpan(st, i) && test(sl.test, st.toks[i])) step(st, k + 1, i + 1);
  } else if (sl.t === "ph") {
    for (const alt of sl.alts) {
      let j = i;
      for (const wt of alt) j = j >= 0 && inSpan(st, j) && test(wt, st.toks[j]) ? j + 1 : -1;
      if (j >= 0) step(st, k + 1, j);
    }
  } else if (inSpan(st, i)) {
    for (const e of sl.f(st.toks, i, st.s, st.limit)) step(st, k + 1, e);
  }
  if (sl.opt) {
    st.at[k] = i;
    step(st, k + 1, i);
  }
}

const byEndDesc = (a: RawMatch, b: RawMatch) => b.end - a.end;

/** Every way the pattern matches from token i0 (at most MAX_ALTERNATIVES), longest first. */
export function matchAll(p: Pattern, toks: readonly Tok[], i0: number): RawMatch[] {
  if (i0 >= toks.length) return NONE;
  // one state object reused: step() never re-enters matchAll, and `out` is fresh per call
  const st = STATE;
  st.p = p;
  st.toks = toks;
  st.s = toks[i0].s;
  st.limit = Math.min(toks.length, i0 + MAX_SPAN);
  st.out = NONE;
  step(st, 0, i0);
  const out = st.out;
  st.toks = NO_TOKS;
  st.out = NONE;
  return out.length > 1 ? out.sort(byEndDesc) : out;
}
const NONE: RawMatch[] = [];
const NO_TOKS: Tok[] = [];
const STATE: MatchState = { p: [], toks: NO_TOKS, s: 0, limit: 0, out: NONE, at: [] };

// ---------------------------------------------------------------------------------------------
// Context windows (bounded, never past the sentence)
// ---------------------------------------------------------------------------------------------

/** Up to n tokens before index i in the same sentence (and clause, if `clause`), nearest first. */
export function before(toks: readonly Tok[], i: number, n: number, clause = false): Tok[] {
  const out: Tok[] = [];
  const ref = toks[i] ?? toks[i - 1];
  if (!ref) return out;
  for (let k = i - 1; k >= 0 && out.length < n; k--) {
    if (toks[k].s !== ref.s || (clause && toks[k].c !== ref.c)) break;
    out.push(toks[k]);
  }
  return out;
}

/** Up to n tokens from index j on, in the same sentence as token j-1 (and clause, if `clause`). */
export function after(toks: readonly Tok[], j: number, n: number, clause = false): Tok[] {
  const out: Tok[] = [];
  const ref = toks[j - 1];
  if (!ref) return out;
  for (let k = j; k < toks.length && out.length < n; k++) {
    if (toks[k].s !== ref.s || (clause && toks[k].c !== ref.c)) break;
    out.push(toks[k]);
  }
  return out;
}

/** Does the pattern match starting exactly at token j, within the sentence of token j-1? */
export function followedBy(p: Pattern, toks: readonly Tok[], j: number): boolean {
  const ref = toks[j - 1];
  if (!ref || j >= toks.length || toks[j].s !== ref.s) return false;
  return matchAll(p, toks, j).length > 0;
}

/** Does the pattern match ending exactly at token i (exclusive), in the same sentence? */
export function precededBy(p: Pattern, toks: readonly Tok[], i: number, maxLen = 4): boolean {
  for (let k = i - 1; k >= 0 && k >= i - maxLen; k--) {
    if (toks[k].s !== toks[i - 1].s) break;
    if (matchAll(p, toks, k).some((m) => m.end === i)) return true;
  }
  return false;
}
