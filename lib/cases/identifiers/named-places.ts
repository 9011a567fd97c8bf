// Named places and events (TAXONOMY.md section 6, quasi-identifiers): a school, club, park,
// workplace or venue named in full ("Bayside Public School", "Collaroy RSL", "Cronulla Sharks",
// "Dalton Plumbing"), and a news event tied to a town ("the Lismore floods", "the fires at
// Kinglake"). Alone each may be harmless; with a role, an age or a year it points to one person.
//
// Both work on runs of capitalised words, found in one pass over the tokens.
import type { Candidate } from "./kinds";
import type { Tok } from "./tokens";
import { isPlaceWord, STREET_WORDS } from "./addresses";
import {
  AU_PLACES,
  EVENT_GENERIC_WORDS,
  EVENT_NOUNS,
  EVENT_VENUE_NOUNS,
  FUNCTION_TAGS,
  GENERIC_VENUE_WORDS,
  lexTags,
  MASCOTS,
  MONTHS,
  NATIONAL_VENUES,
  NATIONAL_WORDS,
  PLACE_PREFIXES,
  PLACE_SUFFIXES,
  ROYAL_NOT_VENUE,
  STOP_WORDS,
  THEORISTS,
  VENUE_HEADS,
  VENUE_PREFIXES,
  WEEKDAYS,
} from "./words";

/** A run of capitalised words: token indices of its words ("of" inside "Our Lady of Lourdes" included). */
interface Run {
  words: number[];
  /** token index of the first and last token, for adjacency checks */
  first: number;
  last: number;
}

/**
 * A venue's or town's name is a few words. The cap keeps the pass linear on a long run of
 * capitalised words ("Ab Ab Ab …"): each run is judged once, and no run is longer than this.
 */
const MAX_RUN = 8;

const LEADING_DROP = new Set(["the", "a", "an", "her", "his", "their", "my", "your", "at", "in", "on", "from", "to", "and", "but", "so", "when", "after", "before"]);

const apostropheAfter = (toks: Tok[], i: number): boolean =>
  i + 1 < toks.length && (toks[i + 1].text === "'" || toks[i + 1].text === "’") && toks[i + 1].start === toks[i].end && /s$/i.test(toks[i].text);
const possessiveAt = (toks: Tok[], i: number): boolean => toks[i].baseEnd !== toks[i].end || apostropheAfter(toks, i);

function runMember(t: Tok): boolean {
  return t.word && (t.cap || (t.allCaps && VENUE_HEADS.has(t.base)));
}

/** Maximal runs of space-separated capitalised words within a sentence; "St." keeps its dot. */
function capitalisedRuns(text: string, toks: Tok[]): Run[] {
  const runs: Run[] = [];
  let i = 0;
  while (i < toks.length) {
    if (!runMember(toks[i])) {
      i++;
      continue;
    }
    const words = [i];
    let last = i;
    let j = i + 1;
    for (;;) {
      let k = j;
      // "St. Brigid's": the abbreviation's dot; "St Agnes' Primary": a plural possessive's apostrophe
      if (k < toks.length && toks[k].text === "." && (toks[last].base === "st" || toks[last].base === "mt") && toks[k].start === toks[last].end) k++;
      else if (k < toks.length && apostropheAfter(toks, last)) k++;
      const gapOk = (a: Tok, b: Tok) => b.start === a.end + 1 && text[a.end] === " " && b.sent === a.sent;
      if (words.length >= MAX_RUN) break;
      if (k < toks.length && runMember(toks[k]) && gapOk(toks[k - 1], toks[k])) {
        words.push(k);
        last = k;
        j = k + 1;
        continue;
      }
      // "Our Lady of Lourdes", "University of Sydney"
      if (k + 1 < toks.length && toks[k]?.base === "of" && gapOk(toks[k - 1], toks[k]) && runMember(toks[k + 1]) && gapOk(toks[k], toks[k + 1])) {
        words.push(k, k + 1);
        last = k + 1;
        j = k + 2;
        continue;
      }
      break;
    }
    runs.push({ words, first: i, last });
    i = last + 1;
  }
  return runs;
}

/** Drops sentence words before a name ("The", "At", "Her") and a trailing "of". */
function trimmed(toks: Tok[], run: Run): number[] {
  const w = run.words;
  let a = 0;
  let b = w.length;
  const drop = (t: Tok) => LEADING_DROP.has(t.base) || (t.initial && lexTags(t.base).some((g) => FUNCTION_TAGS.has(g)));
  while (b - a > 1 && drop(toks[w[a]]) && !(toks[w[a]].base === "our" && toks[w[a + 1]].base === "lady")) a++;
  while (b > a && toks[w[b - 1]].base === "of") b--;
  return w.slice(a, b);
}

/** A word that names a particular place or thing, not a kind of one. */
function distinctive(t: Tok): boolean {
  const b = t.base;
  return !GENERIC_VENUE_WORDS.has(b) && !VENUE_HEADS.has(b) && !STOP_WORDS.has(b) && !WEEKDAYS.has(b) && !MONTHS.has(b) && !THEORISTS.has(b) && !VENUE_PREFIXES.has(b) && b !== "st" && b !== "our" && b !== "lady" && b !== "of";
}

/** A word that can be (part of) a town's or suburb's name. */
function placeish(t: Tok): boolean {
  const b = t.base;
  if (EVENT_GENERIC_WORDS.has(b) || WEEKDAYS.has(b) || MONTHS.has(b) || THEORISTS.has(b) || isPlaceWord(b) === "region") return false;
  if (AU_PLACES.has(b) || PLACE_PREFIXES.has(b) || PLACE_SUFFIXES.has(b)) return true;
  if (STOP_WORDS.has(b)) return false;
  const tags = lexTags(b);
  return tags.length === 0 || tags.includes("City") || tags.includes("Place") || tags.some((g) => g === "FirstName" || g === "MaleName" || g === "FemaleName" || g === "LastName");
}

function venue(toks: Tok[], w: number[]): boolean {
  if (w.length < 2) return false;
  const ids = w.filter((i) => toks[i].base !== "of");
  const words = ids.map((i) => toks[i]);
  if (words.length < 2) return false;
  const first = words[0];
  const last = words[words.length - 1];
  // a street ("Victoria Park Road") belongs to the address detector
  if (STREET_WORDS.has(last.base) && !VENUE_HEADS.has(last.base)) return false;
  if (NATIONAL_WORDS.has(first.base)) return false;
  if (NATIONAL_VENUES.has(words.map((t) => t.base).join(" "))) return false;
  const hasDistinctive = words.some(distinctive);
  if (first.base === "our" && words[1].base === "lady") return words.length > 2;
  if (first.base === "st" && possessiveAt(toks, ids[1])) return hasDistinctive; // "St Brigid's", "St Agnes'"
  if (VENUE_PREFIXES.has(first.base)) return !(first.base === "royal" && ROYAL_NOT_VENUE.has(words[1].base)) && (hasDistinctive || first.base === "royal");
  if (MASCOTS.has(last.base)) return words.slice(0, -1).some(placeish);
  const hasOf = words.length < w.length;
  const headAt = words.findIndex((t, n) => VENUE_HEADS.has(t.base) && (n > 0 || hasOf));
  return headAt >= 0 && hasDistinctive;
}

export function detectNamedPlaces(text: string, toks: Tok[], out: Candidate[]): void {
  const runs = capitalisedRuns(text, toks);
  const runEndingAt = new Map<number, Run>();
  const runStartingAt = new Map<number, Run>();
  const venueEnds = new Set<number>();
  for (const run of runs) {
    runEndingAt.set(run.last, run);
    runStartingAt.set(run.first, run);
    const w = trimmed(toks, run);
    if (!venue(toks, w)) continue;
    out.push({ kind: "named_place", start: toks[w[0]].start, end: toks[w[w.length - 1]].end });
    venueEnds.add(run.last);
  }
  // the suburb or town a named workplace is in: "Dalton Plumbing in Campbelltown"
  for (const run of runs) {
    const p = run.first - 1;
    if (p < 1 || !(toks[p].base === "in" || toks[p].base === "at") || !venueEnds.has(p - 1)) continue;
    const w = run.words.slice(0, 3).filter((i) => toks[i].base !== "of");
    if (w.some((i) => STOP_WORDS.has(toks[i].base) || isPlaceWord(toks[i].base) === "region" || WEEKDAYS.has(toks[i].base) || MONTHS.has(toks[i].base) || THEORISTS.has(toks[i].base))) continue;
    if (venue(toks, trimmed(toks, run))) continue;
    out.push({ kind: "address", start: toks[w[0]].start, end: toks[w[w.length - 1]].baseEnd });
  }

  // events: "<place> [bus] floods", "<event noun> at/in <place>"
  for (let j = 0; j < toks.length; j++) {
    const t = toks[j];
    if (!t.word || !EVENT_NOUNS.has(t.base)) continue;
    let k = j - 1;
    if (k >= 0 && toks[k].word && !toks[k].cap && EVENT_VENUE_NOUNS.has(toks[k].base) && toks[k].end + 1 === t.start) k--;
    const left = k >= 0 ? runEndingAt.get(k) : undefined;
    if (left && toks[k].end + 1 === toks[k + 1].start) {
      const w = trimmed(toks, left).filter((i) => !EVENT_GENERIC_WORDS.has(toks[i].base) || i !== left.words[0]);
      if (w.length > 0 && w.every((i) => !EVENT_GENERIC_WORDS.has(toks[i].base)) && w.some((i) => placeish(toks[i]))) {
        out.push({ kind: "event", start: toks[w[0]].start, end: t.end });
        continue;
      }
    }
    const prep = j + 1 < toks.length ? toks[j + 1] : undefined;
    if (prep && (prep.base === "at" || prep.base === "in" || prep.base === "near") && prep.sent === t.sent) {
      const right = runStartingAt.get(j + 2);
      if (right && right.words.some((i) => placeish(toks[i])) && !right.words.some((i) => STOP_WORDS.has(toks[i].base) && !PLACE_SUFFIXES.has(toks[i].base))) {
        out.push({ kind: "event", start: t.start, end: toks[right.last].baseEnd });
      }
    }
  }
}
