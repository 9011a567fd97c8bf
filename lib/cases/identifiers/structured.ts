// Structured identifiers: email addresses, web and IP addresses, phone numbers, identifying
// numbers, whole or partial (Medicare, TFN, CRN, record, licence, account, registration), and
// social-media handles.
import { pushAll, trimTrailing, type Candidate } from "./kinds";
import { DOTTED_ABBREVIATIONS, HANDLE_CUES, lexTags, STOP_WORDS } from "./words";

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const DOMAIN_RE =
  /(?<![@\w.-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:com|net|org|edu|gov|info|biz|io|co|me|app|dev|ly|au|nz|uk|us|ca|ie|sg|tv|store|shop|online|site|xyz|blog|art|life|club|page|link|tech|news|space|website)\b(?:\/[^\s]*)?/g;
const IPV4_RE = /(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?!\d|\.\d)/g;
const IPV6_RE = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/gi;

function validIpv6(s: string): boolean {
  const doubles = s.split("::").length - 1;
  if (doubles > 1) return false;
  const groups = s.split(":").filter((g) => g !== "");
  if (groups.length < 2 || groups.some((g) => g.length > 4)) return false;
  if (doubles === 0 && groups.length !== 8) return false;
  return groups.join("").length >= 4;
}

const PHONE_RES: RegExp[] = [
  // AU mobiles and landlines in any grouping: 0412 345 678, 04 9876 5432, (02) 9876 5432, +61 2 9876 5432
  /(?<![\w+])(?:\+61[ .-]?(?:\(0\)[ .-]?)?\(?|\(?0)[2-478]\)?(?:[ .-]?\d){8}(?![\w])/g,
  // 1300 / 1800
  /(?<![\w+])1[38]00[ .-]?\d{3}[ .-]?\d{3}(?![\w])/g,
  /(?<![\w+])1[38]00[ .-]?\d{2}[ .-]?\d{2}[ .-]?\d{2}(?![\w])/g,
  // 13 xx xx
  /(?<![\w+])13 \d{2} \d{2}(?![\w]| ?\d)/g,
];
const INTL_PHONE_RE = /(?<![\w+])\+(?!61)\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{1,4}){1,4}(?![\w])/g;

const DIGIT_RUN_RE = /(?<![\w.,+/-])\d+(?:[ -]\d+)*(?:[A-Z](?![\w/]))?(?![\w/])/g;
const ALNUM_CODE_RE = /(?<![\w-])(?=[A-Z0-9]*[A-Z])(?=(?:[A-Z]*\d){7})[A-Z0-9]{8,}(?![\w-])/g;
const YEARISH = /^(?:19|20)\d\d$/;

const PHONE_CONTEXT_RE = /\b(?:ph|phone|mobile|mob|cell|tel|telephone|fax|landline)\b[^.\n]{0,25}$/i;

// "ends in 4521", "starts with 301", "begins 4300": part of a number still narrows it to a few people
const PARTIAL_VERBS = String.raw`(?:ending|ends|end|finishing|finishes|finish|starting|starts|start|beginning|begins|begin)\b(?:\s+(?:in|with))?`;
const ID_LABEL_RE = new RegExp(
  String.raw`\b(?:MRN|URN|UR|medical record|record|hospital|patient|file|reference|ref|case|claim|policy|member(?:ship)?|` +
    String.raw`driver'?s licen[cs]e|licen[cs]e|account|acct|a\/c|BSB|card|medicare(?: card)?|TFN|tax file|CRN|customer reference|` +
    String.raw`centrelink|NDIS|passport|visa|rego|registration|number plate|plate|VIN|serial|IMEI|device|health fund|DVA|IHI|ABN|ACN|` +
    String.raw`student|employee|staff|ID|identification)` +
    String.raw`(?:\s+(?:card|reference|ref|customer|file|record|client|account|plate))*` +
    String.raw`(?:\s+(?:no\.?|number|num|#|id|ID)(?![\w]))?\s*(?:is|was|are|were|of|:|#|-|(${PARTIAL_VERBS}))?\s*`,
  "gi",
);
/** "the last four digits of his TFN are 7823", "the first five digits of her CRN, 20714" */
const PARTIAL_DIGITS_RE = new RegExp(
  String.raw`\b(?:first|last|final|opening|closing|end)\s+(?:(?:few|two|three|four|five|six|seven|eight|nine|\d)\s+)?(?:digits?|numbers?|characters?)\s+(?:of|in|on|from)\s+` +
    String.raw`(?:(?:his|her|their|my|your|the|a|an)\s+)?(?:[A-Za-z]+\s+){0,2}?` +
    String.raw`(?:medicare|TFN|tax file number|CRN|centrelink|NDIS|licen[cs]e|passport|account|card|DVA|IHI|MRN|URN|number)` +
    String.raw`(?:\s+(?:card|number|no\.?))?\s*(?:is|was|are|were|:|,|-)?\s*`,
  "gi",
);
const CODE_TOKEN_RE = /^[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*/;

const GENERIC_ID_LABEL = /^(?:id|identification|reference|ref|case|file|record|member|membership|student|staff|employee|patient)\b/i;

function parseCodeAt(text: string, pos: number, label: string, partial = false): [number, number] | null {
  // one or more code tokens separated by single spaces; every token after the first must hold a digit
  let end = pos;
  let digits = 0;
  let tokens = 0;
  let cur = pos;
  for (;;) {
    const m = CODE_TOKEN_RE.exec(text.slice(cur, cur + 40));
    if (!m) break;
    const tok = m[0];
    const after = text[cur + tok.length];
    if (after !== undefined && /[\p{L}\p{M}]/u.test(after)) break; // runs into a lowercase word
    const d = (tok.match(/\d/g) ?? []).length;
    if (d === 0 && (tokens > 0 || /[a-z]/.test(tok))) break;
    digits += d;
    tokens++;
    end = cur + tok.length;
    if (text[end] === " " && /[A-Z0-9]/.test(text[end + 1] ?? "")) cur = end + 1;
    else break;
  }
  if (tokens === 0 || digits < 3) return null;
  const value = text.slice(pos, end);
  if (!partial && value.replace(/[^0-9A-Z]/g, "").length < 4) return null;
  if (YEARISH.test(value)) return null;
  if (/^[A-Za-z]{1,6}-\d{1,6}$/.test(value) && GENERIC_ID_LABEL.test(label.trim())) return null; // client-code style, e.g. RX-2041
  return [pos, end];
}

export function detectContact(text: string, out: Candidate[]): void {
  if (text.includes("@")) pushAll(out, EMAIL_RE, text, "email", (m) => trimTrailing(m.index ?? 0, m[0]));
  if (text.includes(".")) {
    pushAll(out, URL_RE, text, "url", (m) => trimTrailing(m.index ?? 0, m[0]));
    pushAll(out, DOMAIN_RE, text, "url", (m) => {
      const s = m.index ?? 0;
      const [a, b] = trimTrailing(s, m[0]);
      const dom = text.slice(a, b);
      // at least one label with a letter before the TLD, and not something like "e.g."
      if (!/[a-z]{2,}\./i.test(dom)) return null;
      return [a, b];
    });
    pushAll(out, IPV4_RE, text, "ip");
  }
  if (text.includes(":")) pushAll(out, IPV6_RE, text, "ip", (m) => (validIpv6(m[0]) ? [m.index ?? 0, (m.index ?? 0) + m[0].length] : null));
  if (!/\d/.test(text)) return;
  for (const re of PHONE_RES) pushAll(out, re, text, "phone");
  if (text.includes("+"))
    pushAll(out, INTL_PHONE_RE, text, "phone", (m) => {
      const digits = m[0].replace(/\D/g, "").length;
      return digits >= 8 && digits <= 15 ? [m.index ?? 0, (m.index ?? 0) + m[0].length] : null;
    });
}

export function detectIds(text: string, out: Candidate[]): void {
  if (!/\d/.test(text)) return;
  // long digit runs (Medicare, TFN, account numbers, anything with 8+ digits)
  for (const m of text.matchAll(DIGIT_RUN_RE)) {
    const s = m.index ?? 0;
    const groups = m[0].replace(/[A-Z]$/, "").split(/[ -]/);
    const digits = groups.join("").length;
    if (digits < 8) continue;
    if (groups.every((g) => YEARISH.test(g))) continue; // 2019-2021
    const e = s + m[0].length;
    const before = text.slice(Math.max(0, s - 40), s);
    out.push({ kind: PHONE_CONTEXT_RE.test(before) && digits <= 12 ? "phone" : "id_number", start: s, end: e });
  }
  pushAll(out, ALNUM_CODE_RE, text, "id_number");
  // labelled codes: MRN 00123456, URN: 4456123, licence no. 12345678, rego 1ABC234
  for (const m of text.matchAll(ID_LABEL_RE)) {
    const pos = (m.index ?? 0) + m[0].length;
    const span = parseCodeAt(text, pos, m[0], m[1] !== undefined);
    if (span) out.push({ kind: "id_number", start: span[0], end: span[1] });
  }
  for (const m of text.matchAll(PARTIAL_DIGITS_RE)) {
    const span = parseCodeAt(text, (m.index ?? 0) + m[0].length, "", true);
    if (span) out.push({ kind: "id_number", start: span[0], end: span[1] });
  }
}

// Handles -----------------------------------------------------------------------------------------

const TIME_RE = /^\d{1,2}(?:[:.]\d\d)?(?:am|pm)?$/i;
/** Where a handle may be: a character or pair that no ordinary word has. Most words never match. */
const HANDLE_HINT_RE = /[_@/]|[A-Za-z0-9]\.[A-Za-z0-9]|\d|[a-z][A-Z]/g;
/**
 * "username is", "her handle:", "gamer tag is": after these even a plain word is a handle.
 * ("handle" and "tag" alone are verbs too: "how to handle disagreement".)
 */
const STRONG_CUE_RE = /\b(?:(her|his|their|my|your)\s+)?(?:user ?name|handle|gamer ?tag|tag|alias|screen ?name)(\s*(?:is|was|:))?\s*,?\s*/gi;

const isChunkChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46 || c === 64 || c === 47 || c === 45; // 0-9 A-Z a-z _ . @ / -

/** The handle-like run of characters around `at`, without trailing or leading dots and hyphens. */
function chunkAround(text: string, at: number): [number, number] {
  let a = at;
  let b = at;
  while (a > 0 && isChunkChar(text.charCodeAt(a - 1))) a--;
  while (b < text.length && isChunkChar(text.charCodeAt(b))) b++;
  while (b > a && /[.\-/]/.test(text[b - 1])) b--;
  while (a < b && /[.\-/]/.test(text[a])) a++;
  return [a, b];
}

/**
 * Whether a handle cue is among the five words before `start`, in the same sentence. "account" and
 * "profile" are cues for a dotted or mixed word ("the account jay.bird", "profile tash2000") but not
 * for a camel-case one, which is as often a brand ("her account with CommBank").
 */
function handleCue(text: string, start: number, camel = false): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  let cut = 0;
  for (const m of before.matchAll(/[!?\n]|\.(?=\s)/g)) cut = (m.index ?? 0) + 1;
  const words = before.slice(cut).toLowerCase().split(/[^a-z']+/).filter(Boolean).slice(-5);
  const prev = words[words.length - 1] ?? "";
  return words.some((w) => HANDLE_CUES.has(w) && !(camel && (w === "account" || w === "profile"))) || prev === "as" || prev === "under" || words.join(" ").endsWith("goes by");
}

function handleShape(s: string): "at" | "reddit" | "underscore" | "dotted" | "mixed" | "camel" | "plain" | null {
  if (s.startsWith("@")) {
    const rest = s.slice(1);
    return /^[A-Za-z0-9_][A-Za-z0-9_.]{0,29}$/.test(rest) && /[A-Za-z_]/.test(rest) && !TIME_RE.test(rest) ? "at" : null;
  }
  if (s.includes("@") || s.includes("//")) return null; // email and URL detectors own these
  if (/^u\/[A-Za-z0-9_-]{3,20}$/.test(s)) return "reddit";
  if (s.includes("/") || s.length > 40) return null;
  if (/[A-Za-z0-9]_+[A-Za-z0-9]/.test(s)) return /[a-z]/.test(s) ? "underscore" : null; // LAST_NAMES: a constant, not a person
  if (/^[a-z0-9]+(?:\.[a-z0-9]+)+$/i.test(s) && /[a-z]/i.test(s)) {
    const parts = s.split(".");
    if (parts.every((p) => p.length <= 2)) return null; // e.g, a.m, U.S, ph.d
    if (DOTTED_ABBREVIATIONS.has(s.replace(/\./g, "").toLowerCase())) return null;
    if (/^[a-z]{1,2}\.\d/i.test(s)) return null; // s.21: a section of an Act
    return "dotted";
  }
  if (/^[A-Za-z][A-Za-z0-9]{2,29}$/.test(s) && /\d/.test(s) && /[A-Za-z]{2}/.test(s)) return "mixed";
  if (/^[A-Za-z0-9]{5,30}$/.test(s) && /[a-z][A-Z]/.test(s) && !/^Ma?c[A-Z]/.test(s)) return "camel";
  if (/^[a-z][a-z0-9]{3,29}$/.test(s)) return "plain";
  return null;
}

/**
 * Social-media handles and usernames: "@jaz.k_07", "u/throwaway_dad", "broken_wings_99" anywhere
 * (an underscore inside a word is not English); dotted, mixed or camel-case words ("priyaaa.s",
 * "GrumpyTradieTV") after a cue ("on Instagram as", "YouTube channel,"); and a plain word only
 * right after "username is", "her handle:". Only the few places with a hint are looked at, so the
 * pass is linear and cheap on ordinary prose.
 */
export function detectHandles(text: string, out: Candidate[]): void {
  let lastEnd = -1;
  for (const m of text.matchAll(HANDLE_HINT_RE)) {
    const at = m.index ?? 0;
    if (at < lastEnd) continue;
    const [start, end] = chunkAround(text, at);
    lastEnd = Math.max(end, at + 1);
    if (end - start < 3) continue;
    const chunk = text.slice(start, end);
    const shape = handleShape(chunk);
    if (shape === null || shape === "plain") continue;
    if (shape === "dotted" || shape === "mixed" || shape === "camel") {
      if (!handleCue(text, start, shape === "camel")) continue;
      if (shape === "mixed" && (TIME_RE.test(chunk) || /^(?:k|phq|gad|dass|ors|srs|wai|covid|mp|v)\d+$/i.test(chunk))) continue; // K10, PHQ9: measures
      if (shape === "camel" && STOP_WORDS.has(chunk.toLowerCase())) continue; // YouTube, TikTok, iPhone
    }
    out.push({ kind: "handle", start, end });
  }
  for (const m of text.matchAll(STRONG_CUE_RE)) {
    if (m[1] === undefined && m[2] === undefined) continue;
    const at = (m.index ?? 0) + m[0].length;
    if (at >= text.length || !isChunkChar(text.charCodeAt(at))) continue;
    const [start, end] = chunkAround(text, at);
    const chunk = text.slice(start, end);
    if (handleShape(chunk) === "plain" && lexTags(chunk).length === 0) out.push({ kind: "handle", start, end });
  }
}
