// Places smaller than a state: street addresses, PO boxes, suburbs and towns, postcodes.
import { pushAll, type Candidate } from "./kinds";
import { nextWord, prevWord, type Tok } from "./tokens";
import {
  AU_PLACES,
  FUNCTION_TAGS,
  lexTags,
  MONTHS,
  NAME_TAGS,
  NOUNISH_TAGS,
  PLACE_NAME_WORDS,
  PLACE_PREFIXES,
  PLACE_PREPS,
  PLACE_SUFFIXES,
  PLACE_TAGS,
  REGION_NAME_WORDS,
  RESIDENCE_WORDS,
  set,
  STATE_WORDS,
  STOP_WORDS,
  THEORISTS,
  TITLES,
  WEEKDAYS,
  WORK_TRAVEL_WORDS,
} from "./words";

// Addresses --------------------------------------------------------------------------------------

const STREET_TYPES =
  "Street|St|Road|Rd|Avenue|Ave|Av|Drive|Dr|Lane|Ln|Court|Ct|Place|Pl|Crescent|Cres|Cr|Parade|Pde|Highway|Hwy|Boulevard|Blvd|Terrace|Tce|Close|Cl|Way|Circuit|Cct|Grove|Gr|Gve|Square|Sq|Esplanade|Esp|Parkway|Pkwy|Track|Walk|Rise|Row|Mews|Loop|Link|Gardens|Gdns|Mall|Quay|Promenade|Ridge|Vista|Heights|Hts|Retreat|Alley|Broadway|Strand|Circle|Cir|Concourse|Cove|Crest|Glade|Green";
const STREET_TYPES_LOWER = "street|road|avenue|drive|lane|court|place|crescent|parade|highway|terrace|close|boulevard|esplanade";
const CAPWORD = String.raw`(?:St\.?\s+|Mt\.?\s+)?[A-Z][a-zA-Z'’-]+`;
export const STREET_WORDS = new Set(STREET_TYPES.toLowerCase().split("|").filter((w) => w.length > 3));
const STREET_RE = new RegExp(
  String.raw`\b(?:(?:Unit|Apartment|Apt|Flat|Suite|Shop|Level|Lvl|Villa|Townhouse|Lot)\s*\d+[A-Za-z]?,?\s+)?(?:\d+[A-Za-z]?\s*\/\s*)?\d{1,5}[A-Za-z]?(?:\s*-\s*\d{1,5})?\s+(?:${CAPWORD}\s+){1,3}(?:(?:${STREET_TYPES})\b\.?|(?:${STREET_TYPES_LOWER})\b)`,
  "g",
);
const NAMED_STREET_RE = new RegExp(
  String.raw`\b(?:on|in|at|off|near|along|down|up|from|of|to|into|onto|opposite)\s+((?:${CAPWORD}\s+){1,3}(?:Street|Road|Avenue|Drive|Lane|Crescent|Parade|Highway|Terrace|Boulevard|Esplanade|St|Rd|Ave)\b)`,
  "g",
);
const BARE_STREET_RE = new RegExp(
  String.raw`\b(?:${CAPWORD}\s+){1,3}(?:Street|Road|Avenue|Drive|Lane|Crescent|Parade|Highway|Terrace|Boulevard|Esplanade)\b`,
  "g",
);
const PO_BOX_RE = /\b(?:P\.?\s?O\.?\s?Box|Post Office Box|GPO Box|Locked Bag|Private Bag)\s*\d+\b/gi;
const STATE_ABBR = "NSW|VIC|Vic|QLD|Qld|SA|WA|TAS|Tas|NT|ACT";
const AMBIGUOUS_STATES = set("sa wa nt act");
const STATE_RE = new RegExp(String.raw`\b(${STATE_ABBR})\b(?:\.?,?\s+(\d{4})\b)?`, "g");
const POSTCODE_LABEL_RE = /\b(?:post\s?code|p\/code)\s*(?:is|was|of|:|,)?\s*(\d{4})\b/gi;
const SUBURB_AFTER_STREET_RE = new RegExp(
  String.raw`^,?\s+((?:[A-Z][a-zA-Z'’-]+)(?:\s+[A-Z][a-zA-Z'’-]+){0,2})(?:,?\s+(?:${STATE_ABBR})\b)?(?:,?\s+(\d{4})\b)?`,
);

export function isPlaceWord(base: string): "city" | "region" | null {
  if (STATE_WORDS.has(base) || REGION_NAME_WORDS.has(base)) return "region";
  const tags = lexTags(base);
  if (tags.includes("Country") || tags.includes("Region") || tags.includes("Demonym")) return "region";
  if (AU_PLACES.has(base) || PLACE_NAME_WORDS.has(base) || tags.includes("City") || tags.includes("Place")) return "city";
  return null;
}

/** capitalised words that may be part of a suburb or town name */
function placeLike(t: Tok): boolean {
  if (!t.cap || t.allCaps) return false;
  const b = t.base;
  if (WEEKDAYS.has(b) || MONTHS.has(b) || STOP_WORDS.has(b) || TITLES.has(b) || THEORISTS.has(b)) {
    return b === "north" || b === "south" || b === "east" || b === "west" || b === "st";
  }
  const tags = lexTags(b);
  if (tags.some((g) => FUNCTION_TAGS.has(g))) return false;
  return true;
}

/**
 * Returns the start offsets of the towns and suburbs it found from work or travel context or from
 * their shape ("the Kmart in Tuggeranong", "at Rouse Hill"): the name detector leaves those alone.
 */
export function detectAddresses(text: string, toks: Tok[], out: Candidate[]): Set<number> {
  const claimed = new Set<number>();
  const hasDigit = /\d/.test(text);
  if (hasDigit) {
    for (const m of text.matchAll(STREET_RE)) {
      const s = m.index ?? 0;
      let e = s + m[0].length;
      // ", Newtown", ", Coogee NSW 2034"
      const tail = SUBURB_AFTER_STREET_RE.exec(text.slice(e, e + 80));
      if (tail) {
        const words = tail[1].split(/\s+/);
        const firstBase = words[0].toLowerCase();
        const firstTags = lexTags(firstBase);
        const ok = !firstTags.some((g) => FUNCTION_TAGS.has(g)) && !WEEKDAYS.has(firstBase) && !MONTHS.has(firstBase) && !STATE_WORDS.has(firstBase);
        if (ok) {
          const postcode = tail[2];
          const full = tail[0];
          if (postcode) {
            const pcStart = e + full.lastIndexOf(postcode);
            out.push({ kind: "postcode", start: pcStart, end: pcStart + 4 });
            e = e + full.slice(0, full.lastIndexOf(postcode)).replace(/[\s,]+$/, "").length;
          } else e += full.length;
        }
      }
      out.push({ kind: "address", start: s, end: e });
    }
    pushAll(out, PO_BOX_RE, text, "address");
    pushAll(out, POSTCODE_LABEL_RE, text, "postcode", (m) => {
      const s = (m.index ?? 0) + m[0].length - 4;
      return [s, s + 4];
    });
  }
  pushAll(out, NAMED_STREET_RE, text, "address", (m) => {
    const s = (m.index ?? 0) + m[0].length - m[1].length;
    return [s, s + m[1].length];
  });
  pushAll(out, BARE_STREET_RE, text, "address", (m) => {
    // skip leading sentence words such as "The" or "On"
    let s = m.index ?? 0;
    let str = m[0];
    const lead = /^(?:The|On|In|At|Off|Near|Along|Down|Up|From|Of|To|Into|Onto|Opposite|Her|His|Their|My|Our|A|An)\s+/.exec(str);
    if (lead) {
      s += lead[0].length;
      str = str.slice(lead[0].length);
    }
    return str.includes(" ") ? [s, s + str.length] : null;
  });
  // "Parramatta NSW", "Fitzroy VIC 3065", "Dubbo, NSW 2830"
  for (const m of text.matchAll(STATE_RE)) {
    const stateStart = m.index ?? 0;
    const stateEnd = stateStart + m[1].length;
    const postcode = m[2];
    // find the token index of the state
    const si = toks.findIndex((t) => t.start === stateStart);
    if (si < 0) continue;
    let j = si - 1;
    let comma = false;
    if (j >= 0 && toks[j].text === ",") {
      comma = true;
      j--;
    }
    const words: number[] = [];
    while (j >= 0 && words.length < 3 && placeLike(toks[j]) && toks[j].sent === toks[si].sent) {
      words.unshift(j);
      if (toks[j].initial) break;
      j--;
    }
    // drop leading words that are ordinary (e.g. "In", "From") or regions on their own
    while (words.length > 0) {
      const t = toks[words[0]];
      const tags = lexTags(t.base);
      const ordinary = tags.length > 0 && !tags.some((g) => NAME_TAGS.has(g) || PLACE_TAGS.has(g)) && !AU_PLACES.has(t.base);
      if ((t.initial && ordinary) || STATE_WORDS.has(t.base) || (ordinary && words.length > 1 && t.base !== "north" && t.base !== "south" && t.base !== "east" && t.base !== "west" && t.base !== "st")) words.shift();
      else break;
    }
    if (words.length === 0) {
      if (postcode) {
        const pcStart = text.indexOf(postcode, stateEnd);
        out.push({ kind: "postcode", start: pcStart, end: pcStart + 4 });
      }
      continue;
    }
    const first = toks[words[0]];
    const firstTags = lexTags(first.base);
    const known = AU_PLACES.has(first.base) || firstTags.includes("City") || firstTags.includes("Place");
    const ordinaryWord = firstTags.length > 0 && !firstTags.some((g) => NAME_TAGS.has(g) || PLACE_TAGS.has(g));
    if (ordinaryWord && !known) continue; // "Health NSW", "Relationships WA"
    if (AMBIGUOUS_STATES.has(m[1].toLowerCase()) && !postcode && !comma && !known && first.initial) continue;
    out.push({ kind: "address", start: first.start, end: stateEnd });
    if (postcode) {
      const pcStart = text.indexOf(postcode, stateEnd);
      out.push({ kind: "postcode", start: pcStart, end: pcStart + 4 });
    }
  }
  // towns and suburbs in residence context: "lives in Marrickville", "moved to Melbourne"
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.cap || t.allCaps) continue;
    const p = prevWord(toks, i, false);
    if (p < 0 || !PLACE_PREPS.has(toks[p].base) || toks[p].cap) continue;
    // a residence word up to four words back in the same clause: "staying with a friend in Cronulla"
    let residence = false;
    // work or travel instead: "a job at the Coles in Auburn", "the train from Strathfield"
    let workTravel = false;
    for (let q = p - 1, n = 0; q >= 0 && n < 5 && toks[q].sent === t.sent; q--) {
      if (!toks[q].word) {
        if (toks[q].text === "," || toks[q].text === ";") break;
        continue;
      }
      if (toks[q].base === "and" || toks[q].base === "but") break;
      if (RESIDENCE_WORDS.has(toks[q].base) && !(toks[q].base === "from" && n > 0)) {
        residence = true;
        break;
      }
      if (WORK_TRAVEL_WORDS.has(toks[q].base)) {
        workTravel = true;
        break;
      }
      n++;
    }
    // collect up to 3 capitalised words
    const idx: number[] = [];
    let k = i;
    while (k < toks.length && idx.length < 3 && toks[k].cap && !toks[k].allCaps && toks[k].sent === t.sent) {
      if (idx.length > 0 && toks[k - 1].end !== toks[k].start - 1) break; // must be space separated
      idx.push(k);
      k++;
    }
    // a name made of ordinary words with a place's shape: "Port Kembla", "Rouse Hill", "Darling Harbour"
    if (idx.length >= 2 && t.baseEnd === t.end) {
      const words = idx.map((q) => toks[q]);
      const lastWord = words[words.length - 1];
      const compass = ["north", "south", "east", "west", "central"].includes(lastWord.base);
      const shaped = PLACE_PREFIXES.has(t.base) || (PLACE_SUFFIXES.has(lastWord.base) && (!compass || lexTags(t.base).length === 0 || AU_PLACES.has(t.base)));
      const firstTags = lexTags(t.base);
      const personFirst = TITLES.has(t.base) || firstTags.some((g) => g === "FirstName" || g === "MaleName" || g === "FemaleName");
      const excluded = words.some(
        (w) => isPlaceWord(w.base) === "region" || WEEKDAYS.has(w.base) || MONTHS.has(w.base) || THEORISTS.has(w.base) || (STOP_WORDS.has(w.base) && !PLACE_SUFFIXES.has(w.base)),
      );
      if (shaped && !personFirst && !excluded) {
        out.push({ kind: "address", start: t.start, end: lastWord.baseEnd });
        claimed.add(t.start);
        i = idx[idx.length - 1];
        continue;
      }
    }
    let kind: "city" | "unknown" | null = null;
    let bad = false;
    for (const q of idx) {
      const b = toks[q].base;
      const pw = isPlaceWord(b);
      if (pw === "region" || WEEKDAYS.has(b) || MONTHS.has(b) || (STOP_WORDS.has(b) && !["north", "south", "east", "west", "st"].includes(b)) || THEORISTS.has(b)) {
        bad = true;
        break;
      }
      if (pw === "city") kind = "city";
      else if (lexTags(b).length === 0 && kind === null) kind = "unknown";
      else if (lexTags(b).some((g) => FUNCTION_TAGS.has(g) || NOUNISH_TAGS.has(g) || g === "Adjective")) {
        if (kind === null) bad = true;
        break;
      }
    }
    if (bad || kind === null) continue;
    if (kind === "unknown" && !residence && !(workTravel && t.baseEnd === t.end)) continue;
    // an unknown word followed by a noun is more likely an organisation or brand ("in Kmart uniform")
    const last = idx[idx.length - 1];
    const n = nextWord(toks, last);
    if (kind === "unknown" && n >= 0 && !toks[n].cap && lexTags(toks[n].base).some((g) => NOUNISH_TAGS.has(g))) continue;
    out.push({ kind: "address", start: toks[idx[0]].start, end: toks[last].baseEnd });
    if (workTravel && !residence) claimed.add(toks[idx[0]].start);
    i = last;
  }
  // "Parramatta 2150": a known place followed by a postcode
  if (hasDigit)
    for (const m of text.matchAll(/\b([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+(\d{4})\b(?!\s*(?:words|steps|people|dollars|km|kms|metres|calories|hours|minutes))/g)) {
      const place = m[1].toLowerCase().split(" ")[0];
      if (!AU_PLACES.has(place) && !lexTags(place).includes("City")) continue;
      if (/^(?:19\d\d|20[0-3]\d)$/.test(m[2])) continue; // "Sydney 2000" is more often a year than a postcode
      const s = m.index ?? 0;
      out.push({ kind: "address", start: s, end: s + m[1].length });
      const pc = s + m[0].length - 4;
      out.push({ kind: "postcode", start: pc, end: pc + 4 });
    }
  return claimed;
}
