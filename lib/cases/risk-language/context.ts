/**
 * Context around a matched phrase: who is at risk (the kind), and the readings that are idioms or
 * accidents rather than risk. Every window is a few tokens in the same sentence.
 */
import { after, before, followedBy, test, UNDER_18, wordTest, type Pattern, type WordTest } from "./engine";
import type { RiskKind } from "./kinds";
import { DET, has, PERSON, PRON, VULN, W, win, VOCAB, type Match } from "./words";

// ---------------------------------------------------------------------------------------------
// Who is at risk: the kind depends on who is named around the words
// ---------------------------------------------------------------------------------------------

/** Violence with a named target: a child or vulnerable target first, then family, then anyone. */
export const harmKind =
  (tg: number) =>
  (m: Match): RiskKind => {
    const tgt = m.toks.slice(m.at[tg], m.at[tg + 1]);
    if (has(tgt, "CHILD") || has(tgt, "VULN") || inChildhood(m)) return "child_or_vulnerable_abuse";
    const back = before(m.toks, m.i, 8);
    if (has(back, "CARER")) return "child_or_vulnerable_abuse";
    if (has(back, "FAMILY") || has(tgt, "FAMILY")) return "family_violence";
    // "he hit her", "she slapped him": a bare pronoun of the other sex is most often a partner
    const subj = back.map((t) => t.w.replace(/'(ll|d|s)$/, "")).find((w) => w === "he" || w === "she");
    const obj = tgt.length === 1 ? tgt[0].w : "";
    if ((subj === "he" && obj === "her") || (subj === "she" && obj === "him")) return "family_violence";
    return "harm_to_others";
  };

const CHILDHOOD = new Set("childhood growing little young younger small teenager teen primary".split(" "));
const AS_A = new Set("child kid teenager teen girl boy baby toddler".split(" "));
/** "... when she was eight", "... as a kid", "... growing up": the harm was in childhood. */
function inChildhood(m: Match): boolean {
  const fwd = after(m.toks, m.j, 8);
  return fwd.some((t, k) => {
    const prev = fwd[k - 1]?.w;
    if (CHILDHOOD.has(t.w)) return true;
    if (prev === "a" && fwd[k - 2]?.w === "as" && AS_A.has(t.w)) return true;
    return prev === "was" && UNDER_18.has(t.w);
  });
}

/** "was bashed", "the kids get belted": who is named before, or "as a child" after. */
export const passiveKind = (m: Match): RiskKind => {
  const back = before(m.toks, m.i, 5);
  const fwd = after(m.toks, m.j, 8);
  if (has(back, "CHILD") || inChildhood(m)) return "child_or_vulnerable_abuse";
  if (has(back, "VULN") || has(fwd, "VULN")) return "child_or_vulnerable_abuse";
  if (has(back, "FAMILY") || has(fwd, "FAMILY")) return "family_violence";
  return "harm_to_others";
};

/** "abuse", "abusive": childhood, age or disability, or else within a family (the usual case). */
export const abuseKind = (m: Match): RiskKind => {
  const w = win(m);
  if (has(w, "CHILD_CTX") || has(w, "VULN")) return "child_or_vulnerable_abuse";
  return "family_violence";
};

export const RELATIVE = wordTest("stepdad stepfather uncle dad father grandfather grandpa pop brother stepbrother cousin step", VOCAB);
/** Sexual harm: a child, a relative who is not a partner, a partner, anyone else. */
export const sexualKind = (m: Match): RiskKind => {
  const w = win(m);
  if (has(w, "CHILD_CTX") || has(w, "VULN") || w.some((t) => test(RELATIVE, t))) return "child_or_vulnerable_abuse";
  if (has(w, "PARTNER")) return "family_violence";
  return "harm_to_others";
};

export const familyOr =
  (fallback: RiskKind) =>
  (m: Match): RiskKind =>
    has(win(m), "CHILD_CTX") ? "child_or_vulnerable_abuse" : has(win(m), "FAMILY") ? "family_violence" : fallback;

// ---------------------------------------------------------------------------------------------
// Vetoes shared by the violence phrases
// ---------------------------------------------------------------------------------------------

/** "beaten in the final", "got belted on the weekend (footy)": passive violence words in sport */
export const SPORT = new Set(
  "race final game match chess tennis footy football soccer netball cricket swimming competition tournament election vote points round cards trivia grand".split(" "),
);
export const HIGH_PLACE = new Set("bridge cliff building roof balcony overpass gap tower carpark edge ledge lookout".split(" "));
const ADVERBS = new Set("really just also then finally actually kind sort almost nearly even seemed seems seem appeared to".split(" "));
const NONHUMAN = new Set(
  "it that this which what news reality grief joke comment comments words question feedback silence remark loss diagnosis anxiety depression pain".split(" "),
);
const OBJ_FOLLOW = new Set(
  `again when if because and or but in on with at until till to so badly repeatedly regularly often sometimes every last
   twice once hard too while after before during for since as across around over up into against`.split(/\s+/),
);
/** Verb idioms, by what follows the person: comma-separated phrases. */
const IDIOMS: [WordTest, string][] = [
  [wordTest("hit hits hitting"), "up, it off, for six, with a|an|the? question|questions|comment|request|list|story|news|bombshell|accusation|complaint"],
  [wordTest("beat beats beating beaten"), "at, to, by, on points"],
  [wordTest("shoot shoots shot shooting"), "a|an|the|down|up|back|off|glance|glances|look|looks|smile|message|text|email|daggers"],
  [wordTest("kick kicks kicked kicking"), "out|off|under"],
  [wordTest("strike strikes struck striking"), "as"],
  [wordTest("poison poisons poisoned poisoning"), "against"],
  [wordTest("smother smothers smothered smothering"), "with love|affection|kindness|attention|kisses|praise"],
  [wordTest("stab stabs stabbed stabbing"), "in the back"],
  [wordTest("choke chokes choked choking"), "up"],
  [wordTest("burn burns burned burnt"), "out"],
  [wordTest("kill kills killed killing"), "with kindness, off"],
  [wordTest("hurt hurts hurting harm harms harmed harming"), "feelings|pride|chances|ego|by|more|less"],
];

/** "that comment hurt him", "the exam nearly killed him", "his team got belted": not a person. */
export function thingAsSubject(m: Match): boolean {
  const { toks } = m;
  let k = m.i - 1;
  while (k >= 0 && k > m.i - 4 && toks[k].s === toks[m.i].s && ADVERBS.has(toks[k].w)) k--;
  const subj = k >= 0 && toks[k].s === toks[m.i].s ? toks[k] : undefined;
  if (!subj) return false;
  if (NONHUMAN.has(subj.w)) return true;
  const det = k > 0 && toks[k - 1].s === subj.s ? toks[k - 1] : undefined;
  return !!det && test(DET, det) && !test(PERSON, subj) && !test(PRON, subj) && !test(VULN, subj);
}

/** "hit her head", "groom her hair": a lone "her" before a word that can't follow an object. */
export function possessiveHer(m: Match, tg: number): boolean {
  const t0 = m.at[tg];
  const t1 = m.at[tg + 1];
  const nx = m.toks[t1];
  // when the pattern goes on after the target ("pushed her down the stairs"), it has decided
  if (t1 !== m.j) return false;
  return t1 - t0 === 1 && m.toks[t0].w === "her" && !!nx && nx.s === m.toks[t0].s && nx.c === m.toks[t0].c && !OBJ_FOLLOW.has(nx.w);
}

/** Veto for "@HARMV @TARGET" phrases: `v` and `tg` are the slot numbers of the verb and target. */
export function harmVeto(v: number, tg: number, compiled: (s: string) => Pattern[]) {
  const idioms = IDIOMS.map(([verbs, phrases]) => [verbs, compiled(phrases)] as const);
  return (m: Match): boolean => {
    const { toks } = m;
    const vi = m.at[v];
    const t0 = m.at[tg];
    const t1 = m.at[tg + 1];
    const verb = toks[vi];
    if (thingAsSubject(m)) return true;
    // "hit him hard" said of news or a comment, unless it goes on "across the face", "with a belt"
    if (/^hit/.test(verb.w) && toks[t1]?.w === "hard" && toks[t1].s === verb.s) {
      const nx = toks[t1 + 1];
      if (!nx || nx.s !== verb.s || !/^(in|on|across|with|around|over|enough)$/.test(nx.w)) return true;
    }
    for (const [verbs, phrases] of idioms) if (test(verbs, verb) && phrases.some((p) => followedBy(p, toks, t1))) return true;
    // "hit her head", "hurt her back": "her" is a possessive here, not the person hurt
    if (possessiveHer(m, tg)) return true;
    // "I worried I had hurt her": the counsellor's own words, outside quotes
    if (/^(hurt|harm)/.test(verb.w) && !verb.q) {
      const pron = before(toks, m.i, 4).find((t) => /^(i|i'd|i'm|i've|we|we'd|he|she|they|he'd|she'd|they'd)$/.test(t.w));
      if (pron && test(W("TO_SELF"), pron)) return true;
    }
    // "my back is killing me", "the commute is killing him": figurative in the progressive
    const aux = toks[vi - 1];
    if (verb.w === "killing" && (toks[t0].w === "me" || (aux && aux.s === verb.s && /^(is|are|was|were|been)$|'s$|'re$/.test(aux.w)))) return true;
    return false;
  };
}

/** Self-harm and suicide verbs with "herself": the accidental and idiomatic readings. */
export const reflexVeto =
  (compiled: (s: string) => Pattern[]) =>
  (accidental: string): ((m: Match) => boolean) => {
    const ps = compiled(accidental);
    return (m) => {
      const nx = m.toks[m.j];
      if (nx?.w === "on" && m.toks[m.j + 1]?.w === "purpose") return false;
      return ps.some((p) => followedBy(p, m.toks, m.j));
    };
  };

/** "hopelessness about her homework" is about a task; "about the future" or nothing after is not. */
export const taskHopelessness = (m: Match): boolean => {
  const nx = after(m.toks, m.j, 4, true);
  if (!nx.length) return false;
  if (/^(at|with|when|as|in)$/.test(nx[0].w)) return nx[1]?.w !== "times";
  if (/^(about|over|for|regarding|of)$/.test(nx[0].w)) return !nx.slice(1, 4).some((t) => test(W("LIFE"), t) || test(W("REFL"), t));
  return false;
};

/** "wishes she was dead" is about herself; "wishes he was dead" is about someone else. */
export const wishDeadKind = (m: Match): RiskKind => {
  const mid = m.toks.slice(m.i + 1, m.j - 2);
  if (mid.some((t) => test(PERSON, t))) return "harm_to_others";
  const subj = before(m.toks, m.i, 2).find((t) => /^(i|she|he|they|we)$/.test(t.w))?.w;
  const dead = mid.find((t) => /^(i|she|he|they|we)$/.test(t.w))?.w;
  return !dead || dead === subj || dead === "i" ? "suicide" : "harm_to_others";
};

/** "The kids would be better off without her": someone is named as better off without the client. */
export const needsCollective = (m: Match) =>
  !before(m.toks, m.i, 8).some((t) =>
    /^(everyone|everybody|they|they'd|family|kids|children|people|world|all|husband|wife|partner|parents|friends)$/.test(t.w),
  );

/** "been cutting" counts only when nothing (or a time) follows: not "cutting class", "cutting back". */
export const cuttingVeto = (m: Match): boolean => {
  const nx = after(m.toks, m.j, 1, true)[0];
  return !!nx && !/^(again|at|since|when|after|before|regularly|more|less|recently|lately|and|for|herself|himself|myself|themselves|in|or|as)$/.test(nx.w);
};

/** Only for "touch": a relative as subject, or an explicit qualifier after. */
export const touchVeto = (m: Match): boolean => {
  const nx = m.toks[m.j];
  if (nx && /^(shoulder|arm|hand|hands|back|head|face|knee|hair|on)$/.test(nx.w) && nx.s === m.toks[m.i].s) return true;
  if (nx && /^(inappropriately|sexually|down|under|there|private|privates|where)$/.test(nx.w)) return false;
  return !before(m.toks, m.i, 5).some((t) => test(RELATIVE, t) || test(W("PARTNER"), t) || test(W("CARER"), t));
};
