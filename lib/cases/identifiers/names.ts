// Names of people, found from cues (titles, relations, "named X", known given names and
// surnames, verbs of speech), with compromise adjudicating leftover proper nouns.
import nlp from "compromise";
import type { Candidate } from "./kinds";
import { nextWord, prevWord, type Tok } from "./tokens";
import { isPlaceWord, STREET_WORDS } from "./addresses";
import { AMBIGUOUS_NAMES, AU_PLACES, FROM_PERSON_WORDS, FUNCTION_TAGS, MONTHS, MONTH_NAMES_OK, NAME_TAGS, NAMING_WORDS, NOUNISH_TAGS, PERSON_BEFORE, PLACE_NAME_WORDS, PLACE_TAGS, PLURAL_VERBS, POSSESSED_NOUNS, REGION_NAME_WORDS, RELATIONS, STATE_WORDS, STOP_WORDS, STRONG_AFTER, THEORISTS, THEORIST_FULL, TITLES, TO_PERSON_VERBS, WEAK_AFTER, WEEKDAYS, lexTags, set } from "./words";

// Names ------------------------------------------------------------------------------------------

export type NameClass = "stop" | "theorist" | "ambiguous" | "name" | "place" | "other" | "unknown";

export function classify(t: Tok): NameClass {
  const b = t.base;
  if (b.length < 2 || t.allCaps) return "stop";
  if (WEEKDAYS.has(b) || STOP_WORDS.has(b) || TITLES.has(b) || RELATIONS.has(b)) return "stop";
  if (MONTHS.has(b)) return MONTH_NAMES_OK.has(b) ? "ambiguous" : "stop";
  if (THEORISTS.has(b)) return "theorist";
  if (STREET_WORDS.has(b)) return "other";
  if (AMBIGUOUS_NAMES.has(b)) return "ambiguous";
  if (PLACE_NAME_WORDS.has(b) || REGION_NAME_WORDS.has(b) || AU_PLACES.has(b)) return "place";
  const tags = lexTags(b);
  if (tags.length === 0) {
    if (/(?:ing|ly|ed|ness|tion|sion|ment|ful|less|ous|ive|able|ible|ism|ist|ity|ship|ance|ence|ic|al)$/.test(b.replace(/(?:es|s)$/, "")) || /(?:ing|ly|ed|ness|ic|al)$/.test(b)) return "other";
    return "unknown";
  }
  if (tags.some((g) => NAME_TAGS.has(g))) return "name";
  if (tags.some((g) => PLACE_TAGS.has(g) || g === "Demonym" || g === "Organization" || g === "SportsTeam")) return "place";
  return "other";
}

/** token may be (part of) a name after a strong cue */
function strongOk(t: Tok, c: NameClass): boolean {
  if (!t.cap || t.allCaps) return false;
  if (c === "stop" || c === "place") return (PLACE_NAME_WORDS.has(t.base) || REGION_NAME_WORDS.has(t.base)) && !STATE_WORDS.has(t.base);
  if (c === "other") {
    const tags = lexTags(t.base);
    return !tags.some((g) => FUNCTION_TAGS.has(g));
  }
  return true;
}

/** token may continue a multi-word name ("Sarah Thompson", "Jane Lee") */
function continues(t: Tok, c: NameClass): boolean {
  if (!t.cap || t.allCaps) return false;
  return c === "name" || c === "unknown" || c === "theorist" || (c === "ambiguous" && !MONTHS.has(t.base));
}

const RESULT_NOUN_FOLLOW = (toks: Tok[], i: number): boolean => {
  const n = nextWord(toks, i);
  if (n < 0 || toks[n].cap) return false;
  const tags = lexTags(toks[n].base);
  if (tags.length === 0) return /s$/.test(toks[n].base) && !/ss$/.test(toks[n].base);
  return tags.some((g) => NOUNISH_TAGS.has(g));
};

const APPOSITIVE_DETS = set("her his their my our your the a");
const APPOSITIVE_ADJ = set("best old older oldest younger youngest little big new previous former late ex elder eldest close closest");

const isPossessive = (t: Tok): boolean => t.baseEnd !== t.end;

/** "Jasmine, her best friend," / "Jordan, her previous psychologist" */
function appositiveRelation(toks: Tok[], i: number): boolean {
  let j = i + 1;
  if (toks[i].baseEnd !== toks[i].end) return false;
  if (j >= toks.length || toks[j].text !== ",") return false;
  j++;
  let steps = 0;
  // "her best friend", "his case worker", "her three-year-old", "the client's nan"
  let modifiers = 0;
  while (j < toks.length && steps < 5 && toks[j].word && !toks[j].cap && toks[j].sent === toks[i].sent) {
    const b = toks[j].base;
    if (steps > 0 && (RELATIONS.has(b) || /-year-old$/.test(b))) return true;
    if (steps === 0) {
      if (!(APPOSITIVE_DETS.has(b) || b === "client" || isPossessive(toks[j]))) return false;
    } else if (!(APPOSITIVE_ADJ.has(b) || b === "client" || isPossessive(toks[j]))) {
      // one or two ordinary modifiers ("case worker", "support worker") are allowed
      if (++modifiers > 2 || lexTags(b).some((g) => FUNCTION_TAGS.has(g))) return false;
    }
    j++;
    steps++;
  }
  return false;
}

interface NameCtx {
  text: string;
  toks: Tok[];
  classes: NameClass[];
  flagged: Uint8Array;
  out: Candidate[];
}

/**
 * A name is a few words at most. The cap also keeps scanning linear: callers that decide not to
 * flag a span look at the next word again, so an unbounded run of capitalised words ("Ab Ab Ab …")
 * would otherwise be walked once per word.
 */
const MAX_NAME_TOKENS = 8;

function extendName(ctx: NameCtx, i: number): number {
  const { toks, text, classes } = ctx;
  let k = i;
  while (k - i < MAX_NAME_TOKENS) {
    if (toks[k].baseEnd !== toks[k].end) break; // a possessive ends the name
    // middle initial: "Aaron T. Beck"
    if (
      k + 3 < toks.length &&
      /^\p{Lu}$/u.test(toks[k + 1].text) &&
      toks[k + 2].text === "." &&
      toks[k + 1].start === toks[k].end + 1 &&
      continues(toks[k + 3], classes[k + 3]) &&
      toks[k + 3].start <= toks[k + 2].end + 1
    ) {
      k += 3;
      continue;
    }
    if (k + 1 < toks.length && toks[k + 1].start === toks[k].end + 1 && text[toks[k].end] === " " && continues(toks[k + 1], classes[k + 1])) {
      k++;
      continue;
    }
    break;
  }
  return k;
}

function emitName(ctx: NameCtx, from: number, to: number, spanStart?: number): void {
  for (let q = from; q <= to; q++) ctx.flagged[q] = 1;
  ctx.out.push({ kind: "name", start: spanStart ?? ctx.toks[from].start, end: ctx.toks[to].baseEnd });
}

function isTheoristSpan(ctx: NameCtx, from: number, to: number): boolean {
  const s = ctx.toks
    .slice(from, to + 1)
    .map((t) => t.base.replace(/\./g, ""))
    .join(" ");
  if (THEORIST_FULL.has(s)) return true;
  // "Aaron T. Beck"
  const words = s.split(" ").filter((w) => w.length > 1);
  return THEORIST_FULL.has(words.join(" "));
}

/**
 * compromise costs about 0.5 ms for a ten-word window, so at most this many windows per call are
 * sent to it (in document order; deterministic, so browser and server agree). Results are cached.
 */
const MAX_NLP_WINDOWS = 10;

const nlpCache = new Map<string, { people: [number, number][]; places: [number, number][] }>();

function compromiseSpans(snippet: string): { people: [number, number][]; places: [number, number][] } {
  const hit = nlpCache.get(snippet);
  if (hit) return hit;
  const doc = nlp(snippet);
  type J = { offset?: { start: number; length: number } };
  const spans = (arr: J[]): [number, number][] =>
    arr.filter((j) => j.offset).map((j) => [j.offset!.start, j.offset!.start + j.offset!.length] as [number, number]);
  const res = {
    people: spans(doc.people().json({ offset: true }) as J[]),
    places: spans(doc.places().json({ offset: true }) as J[]),
  };
  if (nlpCache.size > 500) nlpCache.clear();
  nlpCache.set(snippet, res);
  return res;
}


/** `placeStarts`: offsets of words the address detector took for a town from work or travel context. */
export function detectNames(text: string, toks: Tok[], out: Candidate[], placeStarts: ReadonlySet<number> = new Set()): void {
  const classes = toks.map((t) => (t.cap ? classify(t) : "stop"));
  const ctx: NameCtx = { text, toks, classes, flagged: new Uint8Array(toks.length), out };
  const leftovers = new Set<number>();

  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.cap || ctx.flagged[i]) continue;
    const c = classes[i];
    const p = prevWord(toks, i, true);
    const pRaw = prevWord(toks, i, false);
    const pt = p >= 0 ? toks[p] : undefined;

    // 1. title + name: "Mr Smith", "Dr. Nguyen", "Ms Jane Lee"
    if (pt && TITLES.has(pt.base) && (pt.cap || pt.base === "aunty" || pt.base === "uncle") && text.slice(pt.end, t.start).replace(/[.\s]/g, "") === "" && strongOk(t, c)) {
      const k = extendName(ctx, i);
      const isDoc = ["dr", "doctor", "prof", "professor"].includes(pt.base);
      if (isDoc && (c === "theorist" || isTheoristSpan(ctx, i, k))) {
        i = k;
        continue;
      }
      emitName(ctx, i, k, pt.start);
      ctx.flagged[p] = 1;
      i = k;
      continue;
    }
    // 2. relation + name: "her husband John", "the client's nan, Dorothy,"; 3. "named Priya", "called Tom"
    const relation = (pt !== undefined && !pt.cap && RELATIONS.has(pt.base) && pt.baseEnd === pt.end) || appositiveRelation(toks, i);
    const naming =
      pt !== undefined &&
      pRaw === p &&
      (NAMING_WORDS.has(pt.base) ||
        (pt.base === "as" && p > 0 && ["known", "go", "goes", "went"].includes(toks[p - 1].base)) ||
        (pt.base === "by" && p > 0 && ["goes", "go", "went"].includes(toks[p - 1].base)) ||
        ((pt.base === "is" || pt.base === "was") && p > 0 && toks[p - 1].base === "name"));
    if ((relation || naming) && strongOk(t, c) && !(c === "other" && naming && lexTags(t.base).some((g) => NOUNISH_TAGS.has(g)))) {
      const k = extendName(ctx, i);
      emitName(ctx, i, k);
      i = k;
      continue;
    }
    // ambiguous words capitalised mid-sentence after a person cue: "met Will at a party", "then Hope said"
    if (c === "ambiguous" && !t.initial && !MONTHS.has(t.base)) {
      const n = nextWord(toks, i);
      const nb = n >= 0 ? toks[n].base : "";
      const cueBefore = pt !== undefined && pRaw === p && !pt.cap && PERSON_BEFORE.has(pt.base) && pt.base !== "and";
      if ((cueBefore || STRONG_AFTER.has(nb)) && !RESULT_NOUN_FOLLOW(toks, i)) {
        emitName(ctx, i, i);
        continue;
      }
    }
    if (c === "stop" || c === "theorist" || c === "ambiguous" || c === "other" || c === "place") continue;
    if (placeStarts.has(t.start)) continue; // "the Kmart in Tuggeranong keeps ...": a suburb, not a person

    // 4. known given names and surnames from compromise's lexicon
    if (c === "name") {
      // include an unknown capitalised word just before it: "Priya Sharma"
      let from = i;
      if (i > 0 && classes[i - 1] === "unknown" && toks[i - 1].cap && !ctx.flagged[i - 1] && toks[i - 1].end + 1 === t.start) from = i - 1;
      const k = extendName(ctx, i);
      if (isTheoristSpan(ctx, from, k)) {
        i = k;
        continue;
      }
      // a lone surname followed by a capitalised ordinary word is probably a named instrument or
      // building ("Hamilton Rating Scale", "Nelson House"), not a person
      const next = k + 1 < toks.length && toks[k + 1].start === toks[k].end + 1 ? k + 1 : -1;
      const surnameOnly = lexTags(t.base).every((g) => g === "LastName" || g === "Person");
      if (from === k && surnameOnly && next >= 0 && toks[next].cap && (classes[next] === "other" || classes[next] === "stop")) {
        i = k;
        continue;
      }
      emitName(ctx, from, k);
      i = k;
      continue;
    }

    // 5. unknown capitalised words with person cues
    if (c === "unknown") {
      const n = nextWord(toks, i);
      const nb = n >= 0 && toks[n].start === t.end + 1 ? toks[n].base : "";
      const k = extendName(ctx, i);
      const nk = nextWord(toks, k);
      const nkb = nk >= 0 ? toks[nk].base : "";
      if (STRONG_AFTER.has(nkb) || (!t.initial && WEAK_AFTER.has(nkb))) {
        emitName(ctx, i, k);
        i = k;
        continue;
      }
      if (!t.initial && pt && pRaw === p && !pt.cap) {
        const personBefore =
          (PERSON_BEFORE.has(pt.base) && pt.base !== "and") ||
          (pt.base === "to" && p > 0 && TO_PERSON_VERBS.has(toks[p - 1].base)) ||
          (pt.base === "from" && p > 0 && FROM_PERSON_WORDS.has(toks[p - 1].base));
        if (personBefore && !RESULT_NOUN_FOLLOW(toks, k)) {
          emitName(ctx, i, k);
          i = k;
          continue;
        }
      }
      // "Kirra and Jai are no longer speaking to her"
      if ((nb === "and" || nb === "&") && n >= 0 && n + 1 < toks.length) {
        const o = n + 1;
        const oc = classes[o];
        const after = nextWord(toks, o);
        const ab = after >= 0 ? toks[after].base : "";
        if (toks[o].cap && (oc === "unknown" || oc === "name") && (STRONG_AFTER.has(ab) || WEAK_AFTER.has(ab) || PLURAL_VERBS.has(ab))) {
          emitName(ctx, i, i);
          emitName(ctx, o, o);
          continue;
        }
      }
      // "Brodie and him", "Tayla and I"
      if (nb === "and" && n >= 0) {
        const n2 = nextWord(toks, n);
        const n3 = n2 >= 0 ? nextWord(toks, n2) : -1;
        // "her" may be a possessive ("the Stolen Generations and her nan's story"): then it is followed by a noun
        const herIsObject = n3 < 0 || (!lexTags(toks[n3].base).some((g) => NOUNISH_TAGS.has(g) || g === "Adjective") && !RELATIONS.has(toks[n3].base));
        if (n2 >= 0 && (["him", "me", "i", "them", "us"].includes(toks[n2].base) || (toks[n2].base === "her" && herIsObject))) {
          emitName(ctx, i, i);
          continue;
        }
      }
      // "at Bec's place", "Tayla's mum"
      if (t.baseEnd !== t.end && n >= 0 && (POSSESSED_NOUNS.has(toks[n].base) || RELATIONS.has(toks[n].base))) {
        emitName(ctx, i, i);
        continue;
      }
      if (!t.initial) leftovers.add(i);
    }
  }

  // 6. coordination: "John and Mary", "Priya and Jarrah came", "sons Tom, Ella and Max"
  let changed = true;
  while (changed) {
    changed = false;
    for (let i = 0; i < toks.length; i++) {
      if (!ctx.flagged[i] || !toks[i].cap) continue;
      for (const dir of [1, -1]) {
        const j = i + dir;
        const k = i + 2 * dir;
        if (k < 0 || k >= toks.length || j < 0 || j >= toks.length) continue;
        const conj = toks[j].base;
        if (!(conj === "and" || conj === "&" || conj === "or" || conj === ",")) continue;
        const other = toks[k];
        const oc = classes[k];
        if (ctx.flagged[k] || !other.cap || other.sent !== toks[i].sent) continue;
        if (!(oc === "unknown" || oc === "name" || (oc === "ambiguous" && !MONTHS.has(other.base)))) continue;
        if (conj === "," && oc !== "name" && oc !== "unknown") continue;
        // the other word must itself look like a standalone name, not the start of a phrase
        if (RESULT_NOUN_FOLLOW(toks, k)) continue;
        if (THEORISTS.has(toks[i].base)) continue;
        emitName(ctx, k, k);
        leftovers.delete(k);
        changed = true;
      }
    }
  }

  // 7. compromise adjudicates leftover proper nouns: a short window around each one, capped per call
  let windows = 0;
  for (const i of [...leftovers].sort((a, b) => a - b)) {
    if (ctx.flagged[i]) continue;
    if (windows >= MAX_NLP_WINDOWS) break;
    windows++;
    let a = i;
    let b = i;
    for (let n = 0; n < 5 && a > 0 && toks[a - 1].sent === toks[i].sent; n++) a--;
    for (let n = 0; n < 5 && b + 1 < toks.length && toks[b + 1].sent === toks[i].sent; n++) b++;
    const s = toks[a].start;
    const res = compromiseSpans(text.slice(s, toks[b].end));
    for (const q of leftovers) {
      if (q < a || q > b || ctx.flagged[q]) continue;
      const off = toks[q].start - s;
      if (res.people.some(([x, y]) => off >= x && off < y) && !RESULT_NOUN_FOLLOW(toks, q)) emitName(ctx, q, q);
      else if (res.places.some(([x, y]) => off >= x && off < y) && isPlaceWord(toks[q].base) === "city") {
        out.push({ kind: "address", start: toks[q].start, end: toks[q].baseEnd });
      }
    }
  }
}
