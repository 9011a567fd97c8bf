// Dates more specific than a year, and ages over 89.
import * as chrono from "chrono-node";
import { pushAll, trimTrailing, type Candidate } from "./kinds";
import { sentenceSpans, type Tok } from "./tokens";

// Dates -----------------------------------------------------------------------------------------

const MONTH_ALT =
  "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|january|february|april|june|july|august|september|october|november|december";
const MONTH_TEST_RE = new RegExp(String.raw`\b(?:${MONTH_ALT})\b`);
const DMY_TEXT_RE = new RegExp(
  String.raw`\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+of)?\s+(?:${MONTH_ALT})\.?(?:,?\s+(?:19|20)\d\d)?\b`,
  "g",
);
const MDY_TEXT_RE = new RegExp(
  String.raw`\b(?:${MONTH_ALT})\.?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d\d\b)?(?!\s*(?:sessions?|weeks?|days?|months?|years?|times|minutes|hours|people|out of|%|-|\/|:|\.\d))`,
  "g",
);
const NUM_DATE_RE = /(?<![\w/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\w/-]|\.\d)/g;
const ISO_DATE_RE = /(?<![\w/.-])((?:19|20)\d\d)([/.-])(\d{1,2})\2(\d{1,2})(?![\w/-]|\.\d)/g;
const DM_DATE_RE =
  /\b(on|dob|d\.o\.b\.?|dated|date|born|birthday|since|until|till|til|due|anniversary|expires|expiry)\s*:?\s*(?:is\s+|was\s+|on\s+)?(\d{1,2})\/(\d{1,2})(?![\w/]|\.\d)/gi;
/** a bare day/month that cannot be a score: the first number is 13-31 ("26/12") */
const BARE_DM_RE = /(?<![\w/.$-])(1[3-9]|2\d|3[01])\/(0?[1-9]|1[0-2])(?![\w/]|\.\d)/g;
const SCORE_BEFORE_RE = /\b(?:scored?|scoring|rated?|rating|out of|total|result|level|was|is|at)\s*$/i;
const ORDINAL_DAY_RE =
  /\b(?:(?:on|by|until|till|since|before|after|from|around|about)\s+(the\s+\d{1,2}(?:st|nd|rd|th))|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+((?:the\s+)?\d{1,2}(?:st|nd|rd|th)))\b(?=\s*(?:[,.;!?)]|$|\s+(?:she|he|they|we|I|and|but|when|so|because|which|her|his|their|at|in|was|is|will|of\s+(?:this|last|next|the)\s+month)\b))/g;

const DAY_HINT_RE =
  /\d|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty|thirtieth|thirty)\b/i;

function validDM(d: number, m: number): boolean {
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

const chronoParser: { parse(text: string): chrono.ParsedResult[] } = (chrono as unknown as { en?: { GB?: { parse(t: string): chrono.ParsedResult[] } } }).en?.GB ?? chrono;

// Ages ------------------------------------------------------------------------------------------

const AGE_WORDS = String.raw`ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:a|one)[- ]hundred(?:[- ]and[- ][a-z]+)?`;
const AGE_WORD_RES: RegExp[] = [
  new RegExp(String.raw`\b(?:aged|turned|turns|turning|reached)\s+(?:${AGE_WORDS})\b`, "gi"),
  new RegExp(String.raw`\b(?:${AGE_WORDS})[\s-]*(?:years?)[\s-]*old\b`, "gi"),
  new RegExp(
    String.raw`(?<=\b(?:who|he|she|they|mum|mother|father|dad|grandmother|grandfather|nan|nana|gran|grandma|grandpa|husband|wife|partner|neighbour|aunt|uncle)\s+(?:is|was|is now)\s+)(?:${AGE_WORDS})\b`,
    "gi",
  ),
];
const AGE_RES: RegExp[] = [
  /\b(?:aged|age)\s*:?\s*(\d{2,3})\b/gi,
  /\b(\d{2,3})[\s-]*(?:years?|yrs?|yr)[\s-]*old\b/gi,
  /\b(\d{2,3})\s*(?:y\/o|y\.o\.?|yo)(?![\w])/gi,
  /\b(?:turned|turns|turning|reached|celebrated|lived to|lived until|died at|passed away at)\s+(\d{2,3})\b(?!\s*(?:%|percent|minutes|mins|kg|cm|km|days|weeks|months|points|\/))/gi,
  /(?<=\b(?:who|he|she|they|mum|mother|father|dad|grandmother|grandfather|nan|nana|gran|grandma|grandpa|husband|wife|partner|neighbour|aunt|uncle)\s+(?:is|was|is now|was then)\s+)(\d{2,3})\b(?!\s*(?:%|percent|minutes|mins|kg|cm|km|days|weeks|months|points|out of|on|\/|kilos|dollars))/gi,
];
const AGE_APPOSITIVE_RE =
  /(?<=\b(?:mother|father|mum|dad|grandmother|grandfather|grandma|grandpa|nan|nana|gran|pop|husband|wife|partner|neighbour|aunt|uncle|great-grandmother|great-grandfather|great-aunt|great-uncle|widow|widower|resident|man|woman)\s*[,(]\s*)(?:9\d|1[01]\d|12[0-5])(?=\s*[,)])/gi;
const AGE_DECADE_RE = /\bin\s+(?:his|her|their|my|your)\s+(?:(?:late|early|mid)[\s-]+)?(?:nineties|90s|'90s|hundreds)\b/gi;

export function detectDates(text: string, out: Candidate[], toks: Tok[]): void {
  if (/\d/.test(text)) {
    pushAll(out, NUM_DATE_RE, text, "date", (m) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      if (!(validDM(a, b) || validDM(b, a))) return null;
      const s = m.index ?? 0;
      return [s, s + m[0].length];
    });
    pushAll(out, ISO_DATE_RE, text, "date", (m) => {
      if (!validDM(Number(m[4]), Number(m[3]))) return null;
      const s = m.index ?? 0;
      return [s, s + m[0].length];
    });
    pushAll(out, DM_DATE_RE, text, "date", (m) => {
      const d = Number(m[2]);
      const mo = Number(m[3]);
      if (!validDM(d, mo) && !validDM(mo, d)) return null;
      const s = (m.index ?? 0) + m[0].length;
      const len = `${m[2]}/${m[3]}`.length;
      return [s - len, s];
    });
    pushAll(out, BARE_DM_RE, text, "date", (m) => {
      const s = m.index ?? 0;
      if (SCORE_BEFORE_RE.test(text.slice(Math.max(0, s - 12), s))) return null;
      return [s, s + m[0].length];
    });
    pushAll(out, ORDINAL_DAY_RE, text, "date", (m) => {
      const day = m[1] ?? m[2];
      const s = (m.index ?? 0) + m[0].length - day.length;
      return [s, s + day.length];
    });
  }
  if (!MONTH_TEST_RE.test(text)) return;
  pushAll(out, DMY_TEXT_RE, text, "date", (m) => (Number(m[1]) >= 1 && Number(m[1]) <= 31 ? trimTrailing(m.index ?? 0, m[0]) : null));
  pushAll(out, MDY_TEXT_RE, text, "date", (m) => {
    const s = m.index ?? 0;
    // "May 4" where May is the sentence's first word and a modal is unlikely; still require a day 1-31
    if (Number(m[1]) < 1 || Number(m[1]) > 31) return null;
    return trimTrailing(s, m[0]);
  });
  // chrono on the sentences that mention a month
  for (const [s, e] of sentenceSpans(text, toks)) {
    const sentence = text.slice(s, e);
    // chrono only flags a date with a known day, so the sentence needs a month and a day (digits or an ordinal word)
    if (!MONTH_TEST_RE.test(sentence) || !DAY_HINT_RE.test(sentence)) continue;
    for (const r of chronoParser.parse(sentence)) {
      if (!r.start.isCertain("day")) continue;
      let t = r.text;
      if (!MONTH_TEST_RE.test(t) && !/\d(?:st|nd|rd|th)\b/.test(t)) continue; // skip "today", "3/5"
      let off = r.index;
      const lead = /^(?:(?:on|by|from|until|till|since|at|in|before|after)\s+)?(?:the\s+)?/i.exec(t);
      if (lead && lead[0].length < t.length) {
        off += lead[0].length;
        t = t.slice(lead[0].length);
      }
      const [a, b] = trimTrailing(s + off, t);
      if (b > a) out.push({ kind: "date", start: a, end: b });
    }
  }
}

export function detectAges(text: string, out: Candidate[]): void {
  if (/\d/.test(text)) {
    for (const re of AGE_RES)
      pushAll(out, re, text, "age", (m) => {
        const n = Number(m[1]);
        if (n < 90 || n > 125) return null;
        const s = m.index ?? 0;
        return [s, s + m[0].length];
      });
  }
  pushAll(out, AGE_DECADE_RE, text, "age");
  if (/\d/.test(text)) pushAll(out, AGE_APPOSITIVE_RE, text, "age");
  if (/ninety|hundred/i.test(text)) for (const re of AGE_WORD_RES) pushAll(out, re, text, "age");
}
