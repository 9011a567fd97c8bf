// Initials (TAXONOMY.md section 6: initials are a name): "R.K.", "D.M.", "Mr K.", "Dr H.",
// "her ex J.", "her ex RK"; and a name cut to an initial, "Priya S.", "Lauren B.", which is
// reported as a name.
import type { Candidate } from "./kinds";
import { prevWord, type Tok } from "./tokens";
import { classify } from "./names";
import { DOTTED_ABBREVIATIONS, LETTER_LABEL_WORDS, RELATIONS, STRONG_AFTER, THEORISTS, UPPERCASE_ACRONYMS } from "./words";

/** Two or three capitals each with a dot: "R.K.", "T. J.", "A.B.C." */
const DOTTED_RE = /(?<![\p{L}\p{N}.])(?:\p{Lu}\.\s?){1,2}\p{Lu}\.(?![\p{L}\p{N}])/gu;
/** A title and an initial: "Mr K.", "Dr H", "Ms R.K." */
const TITLE_INITIAL_RE = /\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Coach|Aunty|Auntie|Uncle)\.?\s+\p{Lu}(?:\.(?:\s?\p{Lu}\.)?|(?=[\s,;:!?)]|$))/gu;
const ARTICLE_BEFORE_RE = /\b(?:a|an|the)\s+$/i;

export function detectInitials(text: string, toks: Tok[], out: Candidate[]): void {
  if (/\p{Lu}\./u.test(text)) {
    for (const m of text.matchAll(DOTTED_RE)) {
      const s = m.index ?? 0;
      const letters = m[0].replace(/[.\s]/g, "").toLowerCase();
      if (DOTTED_ABBREVIATIONS.has(letters)) continue;
      if (ARTICLE_BEFORE_RE.test(text.slice(Math.max(0, s - 5), s))) continue; // "a J.P.": a role
      out.push({ kind: "initials", start: s, end: s + m[0].trimEnd().length });
    }
    for (const m of text.matchAll(TITLE_INITIAL_RE)) {
      const s = m.index ?? 0;
      out.push({ kind: "initials", start: s, end: s + m[0].length });
    }
  }

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    // every rule starts at a capital: a word, a lone letter or two or three capitals
    if (!t.word || t.text[0] === t.text[0].toLowerCase()) continue;
    const dotAfter = i + 1 < toks.length && toks[i + 1].text === "." && toks[i + 1].start === t.end;
    const single = /^\p{Lu}$/u.test(t.text);
    const p = prevWord(toks, i, true);
    const pt = p >= 0 ? toks[p] : undefined;
    const afterRelation = pt !== undefined && !pt.cap && RELATIONS.has(pt.base) && pt.baseEnd === pt.end;

    // "her ex J.", "his boss, K.,"
    if (single && dotAfter && afterRelation) {
      out.push({ kind: "initials", start: t.start, end: toks[i + 1].end });
      continue;
    }
    // "her ex RK", "RK texted her again"
    if (/^\p{Lu}{2,3}$/u.test(t.text) && !UPPERCASE_ACRONYMS.has(t.base)) {
      const n = i + 1 < toks.length && toks[i + 1].word && toks[i + 1].sent === t.sent ? toks[i + 1] : undefined;
      const subject = n !== undefined && STRONG_AFTER.has(n.base) && (pt === undefined || !["the", "a", "an", "her", "his", "their", "my", "our", "your"].includes(pt.base));
      if (afterRelation || subject) {
        out.push({ kind: "initials", start: t.start, end: t.end });
        continue;
      }
    }
    // a name cut to an initial: "Priya S. from her class", "Lauren B., her flatmate"
    if (t.cap && !t.allCaps && i + 1 < toks.length) {
      const letter = toks[i + 1];
      if (!/^\p{Lu}$/u.test(letter.text) || letter.start !== t.end + 1 || text[t.end] !== " ") continue;
      const c = classify(t);
      if (!(c === "name" || c === "unknown" || c === "ambiguous") || LETTER_LABEL_WORDS.has(t.base) || THEORISTS.has(t.base)) continue;
      const dot = i + 2 < toks.length && toks[i + 2].text === "." && toks[i + 2].start === letter.end ? toks[i + 2] : undefined;
      const after = text.slice(dot ? dot.end : letter.end, (dot ? dot.end : letter.end) + 2);
      // what follows says the letter ends a name, not a sentence or a label: "S. from", "B., knows"
      const nameEnds = /^(?:,|;|\)|\s\p{Ll})/u.test(after);
      const endsText = /^\s*(?:\n|$)/.test(after);
      const known = c === "name";
      // "Aaron T. Beck": a middle initial, which the name detector reads with the surname
      if ((dot && (nameEnds || (endsText && (known || !t.initial)))) || (known && !dot && /^(?:\s\p{Ll}|,)/u.test(after))) {
        out.push({ kind: "name", start: t.start, end: dot ? dot.end : letter.end });
        i += dot ? 2 : 1;
      }
    }
  }
}
