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
 * Names are found from cues, not from capitalisation alone: a title ("Mr Smith"), a relation
 * ("her husband John", "Jasmine, her best friend"), "named/called X", a known given name or
 * surname, or an unknown capitalised word followed by "said/told/..." or preceded by "with/told/...".
 * Words that are also ordinary words (Hope, Grace, Will, Mark, May...) need a strong cue; theorists
 * of the curriculum (Rogers, Bordin, Safran...) are allow-listed unless a strong cue says otherwise.
 */
import nlp from "compromise";
import * as chrono from "chrono-node";

export type IdentifierKind =
  | "name"
  | "date"
  | "age"
  | "phone"
  | "email"
  | "url"
  | "ip"
  | "address"
  | "postcode"
  | "id_number";

export interface Finding {
  kind: IdentifierKind;
  /** UTF-16 offset into the text, inclusive */
  start: number;
  /** UTF-16 offset, exclusive */
  end: number;
  /** text.slice(start, end) */
  text: string;
  /** plain-language explanation and what to do */
  reason: string;
  /** stable fingerprint `${kind}:${normalised text}` used to record dismissals */
  key: string;
}

/** Bump when detection rules change, so stored dismissals can be re-checked. */
export const SCANNER_VERSION = "1";

// ---------------------------------------------------------------------------------------------
// Reasons
// ---------------------------------------------------------------------------------------------

const REASONS: Record<IdentifierKind, string> = {
  name: "Looks like a person's name. Remove it or replace it with their role, e.g. [partner] or [client's sister].",
  date: "Looks like a date more specific than a year. Keep the year only, or replace it with [date].",
  age: "Looks like an age over 89. Replace it with [aged 90 or over].",
  phone: "Looks like a phone number. Remove it or replace it with [phone].",
  email: "Looks like an email address. Remove it or replace it with [email].",
  url: "Looks like a web address. Remove it or replace it with [website].",
  ip: "Looks like an IP address. Remove it or replace it with [IP address].",
  address: "Looks like a street address, suburb or town. Remove it or replace it with something general, e.g. [suburb] or [state].",
  postcode: "Looks like a postcode. Remove it or replace it with [postcode].",
  id_number:
    "Looks like an identifying number (Medicare, TFN, record, licence, account or similar). Remove it or replace it with [ID number].",
};

const PRIORITY: Record<IdentifierKind, number> = {
  email: 0,
  url: 1,
  ip: 2,
  phone: 3,
  date: 4,
  id_number: 5,
  age: 6,
  name: 7,
  address: 8,
  postcode: 9,
};

interface Candidate {
  kind: IdentifierKind;
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------

const set = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s*\|\s*|\s+/).filter(Boolean));

// compromise's lexicon: lowercase word -> tag or tags
type Lexicon = Record<string, string | string[] | undefined>;
const LEXICON: Lexicon = (() => {
  try {
    const model = nlp.model() as { one?: { lexicon?: Lexicon } };
    return model.one?.lexicon ?? {};
  } catch {
    return {};
  }
})();

function lexTags(word: string): readonly string[] {
  const v = LEXICON[word];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

const NAME_TAGS = set("FirstName MaleName FemaleName LastName Person");
const PLACE_TAGS = set("City Place Country Region");
/** lexicon tags that mean "a function word or verb, never a name even after a strong cue" */
const FUNCTION_TAGS = set(
  "Pronoun Determiner Preposition Conjunction Modal Copula QuestionWord Negative Possessive Reflexive Adverb Infinitive PastTense PresentTense Gerund Participle PhrasalVerb Auxiliary Expression",
);
const NOUNISH_TAGS = set("Noun Singular Plural Uncountable Actor");

const WEEKDAYS = set("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun");
const MONTHS_FULL = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTHS = set(MONTHS_FULL.join(" ") + " jan feb mar apr jun jul aug sep sept oct nov dec");
/** month words that are also given names (accepted after a strong cue: "her daughter April") */
const MONTH_NAMES_OK = set("april may june august");

/** Names that are also ordinary English words: only flagged with a strong cue (title, relation, "named"). */
const AMBIGUOUS_NAMES = set(`
  hope grace faith joy rose will mark bill may june april august summer dawn autumn winter spring
  amber ruby pearl iris lily daisy holly ivy heather violet jasmine olive sky skye rain storm river
  sunny patience charity constance prudence mercy honor honour justice chase hunter drew pat sue
  art rob robin jack frank grant gene ray dick nick carol sandy dale glen cliff wade lance miles
  rich harmony destiny trinity melody star crystal ginger brook forest heath hazel rusty buck bud
  guy king page penny ward bob chuck don duke earl fern gay lane marshal marshall mason pierce
  reed rocky rod sterling true wolf young angel christian major sage stone cherry honey kit max
  norm chance victor eden genesis jade jewel willow lou val vic mack spike skip stew peg piper
  buddy buster clay dean ernest gus hal hank harley ike kip levi lincoln moss rex roman sonny ted
  tim tony troy ty trey liberty unity serenity haven bliss misty raven wren poppy rosemary sherry
  flora gale garnet opal precious velvet sable saffron rowan royce dusty woody sparkle pepper
  candy dolly goldie kitty
`);

/** Places that compromise lists as given names. */
const PLACE_NAME_WORDS = set(
  "sydney adelaide darwin hobart perth florence paris hamilton houston austin orlando chester brooklyn savannah phoenix denver dallas lincoln",
);
/** Countries and states that compromise lists as given names. */
const REGION_NAME_WORDS = set("victoria georgia india jordan chad israel kent virginia carolina dakota");

/** States, territories and regions: never flagged on their own (a state is allowed). */
const STATE_WORDS = set(
  "nsw vic qld sa wa tas nt act victoria queensland tasmania australia new south wales western south northern territory capital",
);

/**
 * Australian cities, towns and well-known suburbs that compromise does not know as places.
 * Used only in place-like positions ("in X", "X NSW", "X 2150").
 */
const AU_PLACES = set(`
  sydney melbourne brisbane perth adelaide hobart darwin canberra geelong newcastle wollongong cairns
  townsville toowoomba ballarat bendigo launceston albury wodonga mackay rockhampton bundaberg bunbury
  dubbo orange wagga tamworth mildura shepparton broome kalgoorlie geraldton mandurah parramatta penrith
  blacktown liverpool campbelltown bankstown marrickville newtown surry redfern bondi coogee manly
  chatswood hornsby fitzroy collingwood richmond footscray dandenong frankston werribee sunshine
  preston brunswick carlton kew toorak prahran yarra fremantle joondalup rockingham armadale
  logan ipswich caboolture redcliffe southport coolangatta maroochydore nambour gladstone
  devonport burnie kingston glenorchy palmerston katherine alice lismore coffs ballina byron
  nowra bathurst goulburn queanbeyan armidale gosford wyong maitland cessnock traralgon warrnambool
  mornington hawthorn st kilda elizabeth salisbury glenelg gawler whyalla mount gambier moe sale
  echuca horsham wangaratta gympie hervey emerald mount isa bowral katoomba tweed heads
`);

const TITLES = set(
  "mr mrs ms miss mx dr doctor prof professor sir dame father fr rev reverend pastor rabbi imam sheikh aunty auntie uncle nurse detective det sgt sergeant constable officer judge magistrate coach councillor senator",
);

const RELATIONS = set(`
  husband wife partner boyfriend girlfriend fiance fiancé fiancee fiancée spouse hubby bf gf lover ex
  ex-husband ex-wife ex-partner ex-boyfriend ex-girlfriend ex-fiance son daughter child kid baby
  sons daughters children kids stepson stepdaughter step-son step-daughter sister brother sibling siblings sisters brothers
  half-sister half-brother stepsister stepbrother step-sister step-brother twin mother father mum mom dad mama papa
  mummy daddy stepmother stepfather stepmum stepdad step-mum step-dad step-mother step-father nan nana nanna
  gran granny grandma grandpa grandmother grandfather grandson granddaughter grandchild grandkids grandchildren
  pop poppy aunt aunty auntie uncle cousin niece nephew mother-in-law father-in-law sister-in-law
  brother-in-law son-in-law daughter-in-law friend friends mate mates bestie buddy flatmate housemate
  roommate neighbour neighbor colleague coworker co-worker workmate boss manager supervisor employer
  teacher principal tutor lecturer classmate counsellor psychologist psychiatrist therapist gp
  caseworker worker lawyer solicitor priest carer caregiver dog cat pet puppy kitten eldest youngest oldest
  toddler teenager infant newborn
`);

/** "named Priya", "called Tom", "known as Bea" */
const NAMING_WORDS = set("named called nicknamed");

/** Verbs that, after an unknown capitalised word, strongly suggest it is a person: "Priya said". */
const STRONG_AFTER = set(
  "said says told tells asked asks texted messaged emailed rang phoned replied yelled shouted screamed swore admitted reckons reckoned insisted whispered threatened hit pushed cried laughed died visited arrived came",
);
/** Weaker verbs: accepted only for an unknown capitalised word that is not sentence-initial. */
const WEAK_AFTER = set(
  "had has was is wants wanted thinks thought keeps kept would will never always still doesn't didn't won't can't refused agreed left moved lives lived works worked went got sent took made loves loved hates hated called calls texts rings picked dropped",
);
/** Verbs after "X and Y" that make both people: "Kirra and Jai are not speaking". */
const PLURAL_VERBS = set("are were have came come go went say live lived used argue argued fight fought broke split");
/** Words before an unknown capitalised word that suggest a person: "with Priya", "told Jarrah". */
const PERSON_BEFORE = set(
  "with told tell tells asked ask asks saw see sees seeing met meet meets meeting visited visit visits visiting married marry marrying divorced divorcing dating texting texted text texts messaged messaging phoned phoning rang ring rings calling hugged blames blamed blaming loves loved hates hated misses missed trusts trusted thanked thank and",
);
/** Verbs that make a following "to X" person-like: "talked to Priya". */
const TO_PERSON_VERBS = set(
  "talk talked talking talks spoke speak speaking speaks listen listened listening close married engaged lied lying wrote write writing apologised apologized apologising explained complained introduced sent gave give giving lent owes owed said say says",
);

/** Words that make a following "from X" a person: "heard from Lachlan", "a text from Priya". */
const FROM_PERSON_WORDS = set("heard hear hearing hears message messages text texts call calls letter letters email emails visit visits gift card note");

/** Nouns that, after an unknown capitalised possessive, suggest a person: "at Bec's place". */
const POSSESSED_NOUNS = set("place house flat home unit apartment room bed car party birthday funeral wedding phone number family parents kids");

/** Verbs/nouns that make a following "in/to/from X" a place where someone lives. */
const RESIDENCE_WORDS = set(
  "live lives living lived moved moving move relocated relocating grew raised born based resides residing reside stays staying stayed stay house home flat unit apartment renting rents rented suburb town from farm property village city area",
);
const PLACE_PREPS = set("in at near to from around outside into");

/** Capitalised words that are never identifiers on their own. */
const STOP_WORDS = set(`
  i i'm i've i'd i'll ok okay yes no mum dad mom nan nana pop god jesus christ allah buddha lord
  christmas easter ramadan eid diwali hanukkah passover anzac halloween new year's nye boxing
  australia day mother's father's valentine's
  english australian aboriginal indigenous torres strait islander catholic christian muslim jewish hindu buddhist anglican
  protestant orthodox bible quran koran church mosque temple synagogue
  centrelink medicare lifeline headspace beyond blue ndis mygov services kids helpline qlife mensline
  respect sane relationships salvation army salvos vinnies red cross al-anon smart recovery
  alcoholics narcotics anonymous triple zero police ambulance hospital emergency legal aid
  facebook instagram tiktok snapchat whatsapp youtube netflix google zoom teams messenger tinder hinge
  bumble uber spotify reddit twitter iphone android fitbit apple samsung kmart coles woolworths bunnings
  aldi mcdonald's telehealth covid omicron
  gestalt socratic rogerian freudian jungian kleinian adlerian oedipal cbt dbt act emdr ifs mbct schema
  mindfulness motivational interviewing narrative solution focused person centred person-centred psychodynamic
  psychoanalytic integrative humanistic existential systemic attachment
  client session sessions week module chapter page step room level figure table appendix part unit
  phq gad dass ors srs wai k10 inventory scale
  spring summer autumn winter
  north south east west northern southern eastern western central regional rural inner outer greater
  upper lower coastal remote metro metropolitan
  mental health care plan working alliance
`);

/** Theorists and authors named in training material: not flagged without a strong cue. */
const THEORISTS = set(`
  rogers bordin beck safran muran bernard freud eubanks jung adler klein winnicott bowlby ainsworth kohut
  kernberg yalom perls frankl maslow erikson piaget skinner pavlov bandura seligman siegel porges kolk
  egan carkhuff truax lambert wampold norcross horvath luborsky greenson bion lacan kabat-zinn segal
  teasdale linehan neff epston shazer satir minuchin bowen gottman greenberg gendlin mearns thorne mcleod
  stiles castonguay padesky ellis glasser lazarus meichenbaum wolpe mahler fonagy bateman schore
  prochaska diclemente rollnick miller hayes johnson cooper gilbert herman levine ogden bateson
  watzlawick haley berg de
`);
const THEORIST_FULL = new Set(
  `carl rogers|aaron beck|aaron t beck|judith beck|sigmund freud|anna freud|jeremy safran|christopher muran|chris muran|
  j christopher muran|catherine eubanks|edward bordin|ed bordin|janine bernard|albert ellis|irvin yalom|william miller|
  stephen rollnick|sue johnson|john gottman|julie gottman|marsha linehan|john bowlby|donald winnicott|melanie klein|
  carl jung|alfred adler|viktor frankl|fritz perls|virginia satir|gerard egan|paul gilbert|kristin neff|steven hayes|
  leslie greenberg|eugene gendlin|dave mearns|brian thorne|mick cooper|john mcleod|judith herman|peter levine|pat ogden|
  daniel siegel|stephen porges|michael white|david epston|abraham maslow|erik erikson|jean piaget|heinz kohut|
  otto kernberg|peter fonagy|jon kabat-zinn|zindel segal|john teasdale|bruce wampold|michael lambert|john norcross|
  adam horvath|ralph greenson|wilfred bion|jacques lacan|albert bandura|martin seligman|james prochaska|
  carlo diclemente|christine padesky|william glasser|arnold lazarus|donald meichenbaum|joseph wolpe|margaret mahler|
  anthony bateman|allan schore|mary ainsworth|bessel van der kolk|insoo kim berg|steve de shazer`
    .split("|")
    .map((s) => s.trim())
    .filter(Boolean),
);

const ABBREVIATIONS = set("mr mrs ms dr prof st mt no vs etc eg e.g ie i.e approx fr rev sgt det cr");

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

interface Tok {
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

function tokenize(text: string): Tok[] {
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

function prevWord(toks: Tok[], i: number, skipCommas = true): number {
  let j = i - 1;
  while (j >= 0 && !toks[j].word) {
    if (!(skipCommas && (toks[j].text === "," || toks[j].text === "."))) return -1;
    j--;
  }
  return j >= 0 && toks[j].sent === toks[i].sent ? j : -1;
}

function nextWord(toks: Tok[], i: number): number {
  const j = i + 1;
  return j < toks.length && toks[j].word && toks[j].sent === toks[i].sent ? j : -1;
}

// ---------------------------------------------------------------------------------------------
// Regex detectors
// ---------------------------------------------------------------------------------------------

function pushAll(out: Candidate[], re: RegExp, text: string, kind: IdentifierKind, accept?: (m: RegExpMatchArray) => [number, number] | null): void {
  for (const m of text.matchAll(re)) {
    const s = m.index ?? 0;
    if (accept) {
      const span = accept(m);
      if (span) out.push({ kind, start: span[0], end: span[1] });
    } else out.push({ kind, start: s, end: s + m[0].length });
  }
}

const TRAILING_PUNCT = /[.,;:!?)\]'"’”]+$/;

function trimTrailing(s: number, str: string): [number, number] {
  const trimmed = str.replace(TRAILING_PUNCT, "");
  return [s, s + trimmed.length];
}

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

const ID_LABEL_RE = new RegExp(
  String.raw`\b(?:MRN|URN|UR|medical record|record|hospital|patient|file|reference|ref|case|claim|policy|member(?:ship)?|` +
    String.raw`driver'?s licen[cs]e|licen[cs]e|account|acct|a\/c|BSB|card|medicare(?: card)?|TFN|tax file|CRN|customer reference|` +
    String.raw`centrelink|NDIS|passport|visa|rego|registration|number plate|plate|VIN|serial|IMEI|device|health fund|DVA|IHI|ABN|ACN|` +
    String.raw`student|employee|staff|ID|identification)` +
    String.raw`(?:\s+(?:card|reference|ref|customer|file|record|client|account|plate))*` +
    String.raw`(?:\s+(?:no\.?|number|num|#|id|ID)(?![\w]))?\s*(?:is|was|of|:|#|-|ending(?: in)?|starting(?: with)?)?\s*`,
  "gi",
);
const CODE_TOKEN_RE = /^[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*/;

const GENERIC_ID_LABEL = /^(?:id|identification|reference|ref|case|file|record|member|membership|student|staff|employee|patient)\b/i;

function parseCodeAt(text: string, pos: number, label: string): [number, number] | null {
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
  if (value.replace(/[^0-9A-Z]/g, "").length < 4) return null;
  if (YEARISH.test(value)) return null;
  if (/^[A-Za-z]{1,6}-\d{1,6}$/.test(value) && GENERIC_ID_LABEL.test(label.trim())) return null; // client-code style, e.g. RX-2041
  return [pos, end];
}

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

// Addresses --------------------------------------------------------------------------------------

const STREET_TYPES =
  "Street|St|Road|Rd|Avenue|Ave|Av|Drive|Dr|Lane|Ln|Court|Ct|Place|Pl|Crescent|Cres|Cr|Parade|Pde|Highway|Hwy|Boulevard|Blvd|Terrace|Tce|Close|Cl|Way|Circuit|Cct|Grove|Gr|Gve|Square|Sq|Esplanade|Esp|Parkway|Pkwy|Track|Walk|Rise|Row|Mews|Loop|Link|Gardens|Gdns|Mall|Quay|Promenade|Ridge|Vista|Heights|Hts|Retreat|Alley|Broadway|Strand|Circle|Cir|Concourse|Cove|Crest|Glade|Green";
const STREET_TYPES_LOWER = "street|road|avenue|drive|lane|court|place|crescent|parade|highway|terrace|close|boulevard|esplanade";
const CAPWORD = String.raw`(?:St\.?\s+|Mt\.?\s+)?[A-Z][a-zA-Z'’-]+`;
const STREET_WORDS = new Set(STREET_TYPES.toLowerCase().split("|").filter((w) => w.length > 3));
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

// ---------------------------------------------------------------------------------------------
// Detectors
// ---------------------------------------------------------------------------------------------

function detectContact(text: string, out: Candidate[]): void {
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

function detectIds(text: string, out: Candidate[]): void {
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
    const span = parseCodeAt(text, pos, m[0]);
    if (span) out.push({ kind: "id_number", start: span[0], end: span[1] });
  }
}

function detectDates(text: string, out: Candidate[], toks: Tok[]): void {
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

function detectAges(text: string, out: Candidate[]): void {
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

function isPlaceWord(base: string): "city" | "region" | null {
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

function detectAddresses(text: string, toks: Tok[], out: Candidate[]): void {
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
    if (kind === "unknown" && !residence) continue;
    // an unknown word followed by a noun is more likely an organisation or brand ("in Kmart uniform")
    const last = idx[idx.length - 1];
    const n = nextWord(toks, last);
    if (kind === "unknown" && n >= 0 && !toks[n].cap && lexTags(toks[n].base).some((g) => NOUNISH_TAGS.has(g))) continue;
    out.push({ kind: "address", start: toks[idx[0]].start, end: toks[last].baseEnd });
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
}

// Names ------------------------------------------------------------------------------------------

type NameClass = "stop" | "theorist" | "ambiguous" | "name" | "place" | "other" | "unknown";

function classify(t: Tok): NameClass {
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

function sentenceSpans(text: string, toks: Tok[]): [number, number][] {
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

function detectNames(text: string, toks: Tok[], out: Candidate[]): void {
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
  const kept: Candidate[] = [];
  for (const c of valid) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
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
  detectAddresses(text, toks, cands);
  detectNames(text, toks, cands);
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
