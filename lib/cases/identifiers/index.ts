/**
 * De-identification scanner for rupture-case free text (TAXONOMY.md section 6).
 *
 * Pure module: no server-only imports, no DB, no Node-only APIs. It runs in the browser while the
 * trainee types and again on the server on save/submit. It flags *suspected* identifiers; the
 * trainee either removes them or dismisses a flag with a reason (recorded against `key`).
 *
 * Detection is rule-based (regular expressions plus context cues) with two libraries:
 * - compromise: its lexicon (first names, surnames, cities, countries, demonyms) drives name and
 *   place recognition, and `nlp(snippet).people()/.places()` adjudicates leftover proper nouns
 *   that no rule explains, run only on a short window around each (capped per call, cached);
 * - chrono-node: parses textual dates ("14th of June", "Thursday 5 September") in sentences that
 *   mention a month and a day; a date is flagged only when its day is known.
 *
 * Layout: kinds.ts (what a finding is), words.ts (word lists and the lexicon), tokens.ts,
 * structured.ts (email, web and IP addresses, phones, ID numbers), dates.ts (dates and ages),
 * addresses.ts (streets, suburbs, postcodes), names.ts; this file runs them and resolves overlaps.
 *
 * Names are found from cues, not from capitalisation alone: a title ("Mr Smith"), a relation
 * ("her husband John", "Jasmine, her best friend"), "named/called X", a known given name or
 * surname, or an unknown capitalised word followed by "said/told/..." or preceded by "with/told/...".
 * Words that are also ordinary words (Hope, Grace, Will, Mark, May...) need a strong cue; theorists
 * of the curriculum (Rogers, Bordin, Safran...) are allow-listed unless a strong cue says otherwise.
 */
import { PRIORITY, REASONS, type Candidate, type Finding, type IdentifierKind } from "./kinds";
import { tokenize } from "./tokens";
import { detectContact, detectHandles, detectIds } from "./structured";
import { detectAges, detectDates } from "./dates";
import { detectAddresses } from "./addresses";
import { detectNames } from "./names";
import { detectInitials } from "./initials";
import { detectNamedPlaces } from "./named-places";
import { AMBIGUOUS_NAMES, AU_PLACES, lexTags, NAME_TAGS, PLACE_NAME_WORDS, THEORISTS } from "./words";

export { SCANNER_VERSION, type Finding, type IdentifierKind } from "./kinds";

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

function normalise(kind: IdentifierKind, s: string): string {
  const lower = s.toLowerCase().replace(/\s+/g, " ").trim();
  if (kind === "phone" || kind === "id_number") return lower.replace(/[^0-9a-z+]/g, "");
  if (kind === "name") return lower.replace(/[.,'’]/g, "");
  return lower;
}

function resolve(text: string, cands: Candidate[]): Finding[] {
  const valid = cands.filter((c) => c.end > c.start && c.start >= 0 && c.end <= text.length);
  valid.sort((a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start);
  // Which characters a kept finding covers: checking a candidate costs its own length, not the
  // number kept so far, so text with thousands of findings resolves in one pass.
  const covered = new Uint8Array(text.length);
  const kept: Candidate[] = [];
  for (const c of valid) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = covered[i] === 0;
    if (!free) continue;
    covered.fill(1, c.start, c.end);
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map((c) => {
    const t = text.slice(c.start, c.end);
    return { kind: c.kind, start: c.start, end: c.end, text: t, reason: REASONS[c.kind], key: `${c.kind}:${normalise(c.kind, t)}` };
  });
}

/** Scan one free-text value. Findings are sorted by start and never overlap. */
export function scanText(text: string): Finding[] {
  if (typeof text !== "string" || text.trim() === "") return [];
  const toks = tokenize(text);
  const cands: Candidate[] = [];
  detectContact(text, cands);
  detectIds(text, cands);
  detectDates(text, cands, toks);
  detectAges(text, cands);
  const placeStarts = detectAddresses(text, toks, cands);
  detectNames(text, toks, cands, placeStarts);
  detectHandles(text, cands);
  detectInitials(text, toks, cands);
  detectNamedPlaces(text, toks, cands);
  return resolve(text, cands);
}

/** Scan several fields; only fields with at least one finding appear in the result. */
export function scanFields(fields: Record<string, string | null | undefined>): Record<string, Finding[]> {
  const result: Record<string, Finding[]> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== "string") continue;
    const findings = scanText(value);
    if (findings.length > 0) result[name] = findings;
  }
  return result;
}

const CLIENT_CODE_NAME_REASON =
  "Looks like a name. A client code is made up, never the client's name: use a code such as C-0142 or the one your service uses, or dismiss this if the word isn't a name here.";
const CLIENT_CODE_PLACE_REASON =
  "Looks like a suburb or town, which can identify the client. Use a made-up code such as C-0142, or dismiss this if the word isn't a place here.";

/**
 * The identifier check for a client code. A code has no sentence around it, so the cues that find
 * names in prose can't help; instead each run of three or more letters is looked up as a given
 * name, surname or town ("PRIYA-2", "Johnson7", "Bondi-1"). Initials are refused outright by the
 * case schema (client-code.ts).
 */
export function scanClientCode(code: string | null | undefined): Finding[] {
  if (typeof code !== "string") return [];
  const out: Finding[] = [];
  for (const m of code.matchAll(/[A-Za-z]{3,}/g)) {
    const word = m[0].toLowerCase();
    const start = m.index ?? 0;
    const tags = lexTags(word);
    const isName = tags.some((g) => NAME_TAGS.has(g)) || AMBIGUOUS_NAMES.has(word) || THEORISTS.has(word);
    const isPlace = !isName && (AU_PLACES.has(word) || PLACE_NAME_WORDS.has(word) || tags.includes("City"));
    if (!isName && !isPlace) continue;
    const kind: IdentifierKind = isName ? "name" : "address";
    out.push({ kind, start, end: start + m[0].length, text: m[0], reason: isName ? CLIENT_CODE_NAME_REASON : CLIENT_CODE_PLACE_REASON, key: `${kind}:${normalise(kind, m[0])}` });
  }
  return out;
}
