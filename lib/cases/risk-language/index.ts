/**
 * Risk-language check for case narratives (TAXONOMY.md section 7, safety pathway).
 *
 * Finds phrases that suggest a client may be at risk (suicide, self-harm, harm to or from other
 * people, harm to a child or vulnerable person, family violence) so the case form can highlight
 * them in place, as it does suspected identifiers, and prompt the trainee to complete the Risk
 * section. It prompts; it never blocks saving. A miss costs more than a false prompt, so when a
 * phrase is ambiguous the lexicon leans towards prompting, except for everyday idioms ("killed it",
 * "dying to", "cut the session short") that would teach trainees to ignore the prompt.
 *
 * Pure module: no dependencies, no server-only imports; it runs in the browser as the trainee
 * types and on the server on save. Linear in the text, capped at MAX_SCAN_CHARS (engine.ts).
 *
 * Negation, decided here:
 * - A topic that was not raised does not prompt: "self-harm was not discussed", "we didn't ask
 *   about suicide", "suicide never came up", "no mention of self-harm".
 * - A denial still prompts: "denied suicidal ideation", "no SI", "denies any thoughts of
 *   self-harm". A risk assessment was done, and the Risk section is where it is recorded (risk:
 *   none, with what was asked), which a supervisor wants to see whenever suicide was discussed.
 * - The word "risk" on its own never prompts, so boilerplate such as "no risk issues" or "low
 *   risk" doesn't either ("the risk of another rupture" is about the alliance). Boilerplate that
 *   names suicide or self-harm ("no suicide risk identified") prompts, by the rule above.
 * - "He wouldn't talk about wanting to die" prompts: a client's refusal is not a counsellor's
 *   note that the topic was absent, so only "I/we did not ..." and "was not discussed" suppress.
 *   "Suicide risk was not assessed" does not prompt either: nothing was disclosed (whether it
 *   should have been asked is for supervision, not for this check).
 *
 * Hopelessness: about life or the future it prompts, with its own reason ("feels hopeless about
 * the future", "nothing will ever change", "a burden to her family"); about a task it does not
 * ("hopeless at maths", "lost all hope of getting tickets"). The noun "hopelessness" prompts
 * unless it is about a task, because it is the withdrawal marker's word (HOPELESSNESS_NOTE).
 * "Self-criticism" and "beats herself up" never prompt.
 *
 * Limits: a lexicon finds the phrasings it knows. On sentences written after tuning it found
 * about two in three risk sentences (the corpus test prints the figures); indirect disclosures
 * ("wants to walk into the ocean", "written letters to her kids in case") are often missed. It
 * is a prompt beside the Risk section, never a reason to skip asking about risk.
 */
import { after, before, compile, firstTest, matchAll, tokenize, wordTest, type Pattern, type Tok, type WordTest } from "./engine";
import { RISK_KINDS, RISK_REASONS, type RiskKind } from "./kinds";
import { rules, VOCAB, type Rule } from "./lexicon";

export type { RiskKind } from "./kinds";
export { HOPELESSNESS_NOTE, HOPELESSNESS_REASON, RISK_KIND_LABELS, RISK_KINDS, RISK_REASONS } from "./kinds";
export { MAX_SCAN_CHARS } from "./engine";

/**
 * Work caps for hostile input. A narrative has a handful of findings; a text built to be nothing
 * but triggers stops being scanned once this many phrases have been found, or this many candidate
 * matches checked, so its cost stays flat (the form needs one finding to prompt, not a thousand).
 */
const MAX_HITS = 100;
const MAX_CHECKS = 2_000;

/** Bump when the lexicon changes, so a stored "seen" flag can be re-checked. */
export const RISK_SCANNER_VERSION = "1";

export interface RiskFinding {
  kind: RiskKind;
  /** UTF-16 offset into the text, inclusive */
  start: number;
  /** UTF-16 offset, exclusive */
  end: number;
  /** text.slice(start, end) */
  text: string;
  /** plain-language prompt: what this may describe and what to do */
  reason: string;
  /** stable fingerprint `${kind}:${normalised text}` (lowercase words joined by single spaces) */
  key: string;
}

interface Compiled {
  rule: Rule;
  order: number;
  p: Pattern;
  notAfter: Pattern[];
  notBefore: Pattern[];
  need?: WordTest;
}

const phrases = (s: string | undefined): Pattern[] =>
  (s ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean)
    .map((x) => compile(x, VOCAB));

const COMPILED: Compiled[] = rules(phrases).map((rule, order) => ({
  rule,
  order,
  p: compile(rule.p, VOCAB),
  notAfter: phrases(rule.notAfter),
  notBefore: phrases(rule.notBefore),
  need: rule.needBefore ? wordTest(rule.needBefore, VOCAB) : undefined,
}));

// Patterns are tried only at tokens that can start them: by exact word, exact text, or affix.
const BY_WORD = new Map<string, Compiled[]>();
const BY_RAW = new Map<string, Compiled[]>();
const BY_AFFIX: { prefix: string[]; suffix: string[]; c: Compiled }[] = [];
const push = (map: Map<string, Compiled[]>, k: string, c: Compiled) => map.set(k, [...(map.get(k) ?? []), c]);
for (const c of COMPILED) {
  for (const t of firstTest(c.p)) {
    t.exact.forEach((w) => push(BY_WORD, w, c));
    t.raw.forEach((w) => push(BY_RAW, w, c));
    if (t.prefix.length || t.suffix.length) BY_AFFIX.push({ prefix: t.prefix, suffix: t.suffix, c });
  }
}

/** The patterns that can start at this token (affix tests only for the few affix patterns). */
function candidatesAt(tok: Tok, cache: Map<string, Compiled[]>): Compiled[] {
  const key = tok.raw;
  const hit = cache.get(key);
  if (hit) return hit;
  const out = new Set<Compiled>(BY_WORD.get(tok.w));
  if (tok.w.endsWith("'s")) BY_WORD.get(tok.w.slice(0, -2))?.forEach((c) => out.add(c));
  BY_RAW.get(tok.raw)?.forEach((c) => out.add(c));
  for (const a of BY_AFFIX) {
    if (out.has(a.c)) continue;
    if (a.prefix.some((p) => tok.w.startsWith(p)) || a.suffix.some((x) => tok.w.endsWith(x))) out.add(a.c);
  }
  const list = [...out];
  if (key.length <= 40) cache.set(key, list); // per scan; a 100,000-letter "word" is not kept
  return list;
}

// "Self-harm was not discussed", "we didn't ask about suicide", "no mention of self-harm".
const RAISED = "[discussed|raised|mentioned|explored|covered|addressed|assessed|asked about|brought up|talked about|touched on]";
const NOT_RAISED_AFTER = phrases(
  `was|were|is|are|has|have|had not|never been? ${RAISED}, wasn't|weren't|isn't|aren't|hasn't|haven't|hadn't|wasnt|werent been? ${RAISED}, @NEG come|came up`,
);
const NOT_RAISED_BEFORE = phrases(
  "i|we ~1 @NEG discuss|raise|mention|ask|explore|cover|address|talk|bring|get|touch|assess, " + "no|not|never|without ~1 mention|discussion|talk|question|questions of|about",
);

const NEGATION = wordTest("@NEG no without", VOCAB);

function notRaised(toks: readonly Tok[], i: number, j: number): boolean {
  // cheap test first: most findings have no negation anywhere near them
  const near = [...before(toks, i, 8, true), ...after(toks, j, 6, true)];
  if (!near.some((t) => testWord(NEGATION, t))) return false;
  const fwd = after(toks, j, 4, true);
  for (let k = 0; k < fwd.length; k++) if (NOT_RAISED_AFTER.some((p) => matchAll(p, toks, j + k).length > 0)) return true;
  const back = before(toks, i, 8, true).length;
  for (let k = i - back; k < i; k++) {
    for (const p of NOT_RAISED_BEFORE) if (matchAll(p, toks, k).some((m) => m.end <= i && i - m.end <= 4)) return true;
  }
  return false;
}

interface Hit {
  kind: RiskKind;
  i: number;
  j: number;
  reason?: string;
  order: number;
}

function accept(c: Compiled, toks: readonly Tok[], i: number, j: number, at: number[]): RiskKind | null {
  const { rule } = c;
  if (c.notAfter.some((p) => j < toks.length && toks[j].s === toks[j - 1].s && matchAll(p, toks, j).length > 0)) return null;
  if (c.notBefore.some((p) => endsAt(p, toks, i))) return null;
  if (c.need && !before(toks, i, rule.within ?? 4).some((t) => testWord(c.need!, t))) return null;
  const m = { toks, i, j, at };
  if (rule.veto?.(m)) return null;
  return typeof rule.kind === "function" ? rule.kind(m) : rule.kind;
}

function endsAt(p: Pattern, toks: readonly Tok[], i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4 && toks[k].s === toks[i].s; k--) if (matchAll(p, toks, k).some((m) => m.end === i)) return true;
  return false;
}

function testWord(t: WordTest, tok: Tok): boolean {
  return t.exact.has(tok.w) || t.raw.has(tok.raw) || t.prefix.some((p) => tok.w.startsWith(p)) || t.suffix.some((x) => tok.w.endsWith(x));
}

/** Scan one free-text value. Findings are sorted by start and never overlap. */
export function scanRisk(text: string): RiskFinding[] {
  if (typeof text !== "string" || text.trim() === "") return [];
  const toks = tokenize(text);
  const hits: Hit[] = [];
  const cache = new Map<string, Compiled[]>();
  let checked = 0;
  for (let i = 0; i < toks.length && hits.length < MAX_HITS && checked < MAX_CHECKS; i++) {
    for (const c of candidatesAt(toks[i], cache)) {
      for (const m of matchAll(c.p, toks, i)) {
        checked++;
        const kind = accept(c, toks, i, m.end, m.at);
        if (kind) {
          hits.push({ kind, i, j: m.end, reason: c.rule.reason, order: c.order });
          break;
        }
      }
    }
  }
  hits.sort((a, b) => a.i - b.i || b.j - a.j || a.order - b.order);
  const kept: Hit[] = [];
  for (const h of hits) {
    const last = kept[kept.length - 1];
    if (last && h.i < last.j) {
      // "wants to end it" + "end it all": one finding; a different kind inside it is dropped
      if (h.kind === last.kind && h.j > last.j && !notRaised(toks, h.i, h.j)) last.j = h.j;
      continue;
    }
    if (!notRaised(toks, h.i, h.j)) kept.push({ ...h });
  }
  return kept.map((h) => {
    const start = toks[h.i].start;
    const end = toks[h.j - 1].end;
    const words = toks.slice(h.i, h.j).map((t) => t.w);
    return { kind: h.kind, start, end, text: text.slice(start, end), reason: h.reason ?? RISK_REASONS[h.kind], key: `${h.kind}:${words.join(" ")}` };
  });
}

/** Scan several fields; only fields with at least one finding appear in the result. */
export function scanRiskFields(fields: Record<string, string | null | undefined>): Record<string, RiskFinding[]> {
  const result: Record<string, RiskFinding[]> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== "string") continue;
    const findings = scanRisk(value);
    if (findings.length > 0) result[name] = findings;
  }
  return result;
}

/** The distinct kinds found, in the fixed order of RISK_KINDS (suicide first). */
export function riskKindsIn(findings: Record<string, RiskFinding[]>): RiskKind[] {
  const seen = new Set<RiskKind>();
  for (const list of Object.values(findings)) for (const f of list) seen.add(f.kind);
  return RISK_KINDS.filter((k) => seen.has(k));
}
