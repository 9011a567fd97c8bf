/**
 * The vocabulary the risk phrases are written in: named word sets (@REFL, @TARGET, @INTENT ...)
 * and the slot that recognises a person as the object of a verb.
 */
import { after, before, test, wordTest, type SlotFn, type Tok, type Vocabulary, type WordTest } from "./engine";
import type { RiskKind } from "./kinds";

export interface Match {
  toks: readonly Tok[];
  /** first token of the match */
  i: number;
  /** token after the match */
  j: number;
  /** token index where each slot of the pattern starts, then j */
  at: number[];
}

export interface Rule {
  p: string;
  kind: RiskKind | ((m: Match) => RiskKind);
  reason?: string;
  /** comma-separated phrases: the match is dropped when one follows it */
  notAfter?: string;
  /** comma-separated phrases: the match is dropped when one ends right before it */
  notBefore?: string;
  /** one of these words must occur within `within` (default 4) tokens before the match */
  needBefore?: string;
  within?: number;
  veto?: (m: Match) => boolean;
}

const SETS: Record<string, string> = {
  REFL: "myself himself herself themselves themself yourself ourselves oneself",
  PRON: "him her them me you us someone somebody anyone anybody people everyone everybody others",
  DET: "his her their my your the a an this that some our its another *'s",
  ADULT: `partner partners husband wife boyfriend girlfriend bf gf ex exes hubby missus missis fiance fiancé fiancee
    spouse bloke blokes guy guys man men woman women lady neighbour neighbours neighbor neighbors boss manager coworker
    colleague colleagues workmate workmates mate mates friend friends flatmate housemate roommate brother brothers sister
    sisters mum mother mom dad father stepdad stepfather stepmum stepmother uncle aunt aunty auntie cousin nan nana
    grandmother grandma gran pop grandfather grandpa teacher teachers doctor nurse counsellor therapist cop cops officer
    police bouncer landlord stranger strangers stepbrother stepsister parents parent carer worker person resident
    residents patient patients student students classmate classmates babysitter sitter nanny coach tutor priest pastor
    minister principal guard driver`,
  CHILD: `baby babies bub bubs kid kids child children son sons daughter daughters toddler toddlers infant infants newborn
    boy boys girl girls stepson stepdaughter stepkids stepkid stepchildren niece nieces nephew nephews grandchild
    grandchildren grandkids grandkid grandson granddaughter kiddies youngest eldest oldest twins minor minors`,
  CHILD_CTX: `child children childhood kid kids baby babies bub toddler infant little young younger growing school primary
    teenager teen girl boy minor underage`,
  VULN: "elderly frail disabled vulnerable aged dementia disability resident residents patient patients elder",
  FAMILY: `partner husband wife boyfriend girlfriend bf gf ex hubby missus missis fiance fiancé fiancee spouse dad father
    stepdad stepfather mum mother mom stepmum stepmother brother sister stepbrother stepsister uncle aunt aunty auntie
    cousin nan nana grandmother grandma grandfather grandpa pop son daughter parents family laws relationship marriage
    married domestic`,
  PARTNER: "partner husband wife boyfriend girlfriend bf gf ex hubby missus missis fiance fiancé fiancee spouse relationship marriage married",
  CARER: "carer carers worker workers staff nurse nurses babysitter sitter nanny coach tutor teacher priest pastor",
  INTENT: `want wants wanted wanting wanna going gonna gunna plan plans planned planning threaten threatens threatened
    threatening intend intends intended ready decided swore vowed promised urge urges try tries tried trying he'd she'd
    i'd they'd he'll she'll i'll they'll will would thinking thought thinks fantasise fantasises fantasised fantasising
    fantasize fantasizes fantasized fantasizing imagines imagined imagining`,
  NEG: "not never no nor cannot *n't dont doesnt didnt cant couldnt wont wouldnt isnt wasnt arent werent hasnt havent",
  MEDS: `tablets pills meds medication medications medicine medicines painkillers panadol paracetamol antidepressants
    sleepers script scripts insulin lithium benzos valium oxys endone seroquel`,
  BODY: "wrists wrist arms arm forearm forearms legs leg thighs thigh skin stomach body",
  HARMV: `hurt hurts hurting harm harms harmed harming kill kills killed killing murder murders murdered murdering stab
    stabs stabbed stabbing shoot shoots shot shooting strangle strangles strangled strangling choke chokes choked choking
    punch punches punched punching hit hits hitting bash bashes bashed bashing belt belts belted belting beat beats
    beaten beating smack smacks smacked smacking slap slaps slapped slapping kick kicks kicked kicking thump thumps
    thumped thumping flog flogs flogged flogging deck decks decked glass glassed glassing whack whacks whacked whacking
    strike strikes struck striking assault assaults assaulted assaulting rape rapes raped raping molest molests molested
    molesting throttle throttles throttled throttling headbutt headbutts headbutted smother smothers smothered
    smothering drown drowns drowned drowning poison poisons poisoned poisoning smash smashes smashed smashing knifed
    burn burns burned burnt abuse abuses abused abusing`,
  PASSV: `hit bashed beaten belted punched kicked slapped smacked choked strangled stabbed assaulted raped molested abused
    flogged thumped whacked decked glassed`,
  AUX: "was were got gets get getting been being is are be",
  LIFE: "life living future everything ever things anything world",
  TO_SELF: "i i'd i'm i've i'll me my we we'd we're",
};

export const VOCAB: Vocabulary = { sets: new Map(), fns: new Map() };
for (const [name, spec] of Object.entries(SETS)) VOCAB.sets.set(name, wordTest(spec, VOCAB));
export const W = (name: string): WordTest => VOCAB.sets.get(name)!;
export const PERSON = wordTest("@ADULT @CHILD", VOCAB);
export const [DET, PRON, VULN] = [W("DET"), W("PRON"), W("VULN")];
const TARGET_STOP = new Set("and or but with to at in on for by of from when if as".split(" "));

/** A person as object: a pronoun, or "his ex", "the baby", "her new partner", "[client's] sister". */
const target: SlotFn = (toks, i, s, limit) => {
  const ends: number[] = [];
  if (test(W("PRON"), toks[i])) ends.push(i + 1);
  const det = test(W("DET"), toks[i]);
  const k = det ? i + 1 : i;
  for (let m = 0; m <= (det ? 2 : 0) && k + m < limit && toks[k + m].s === s; m++) {
    const t = toks[k + m];
    if (test(PERSON, t)) ends.push(k + m + 1);
    else if (TARGET_STOP.has(t.w) || test(W("PRON"), t)) break;
  }
  return ends.sort((a, b) => b - a);
};
VOCAB.fns.set("TARGET", target);

export const has = (toks: readonly Tok[], set: string) => toks.some((t) => test(W(set), t));
/** The match and up to n tokens either side, in its sentence. */
export const win = (m: Match, n = 8) => [...before(m.toks, m.i, n), ...m.toks.slice(m.i, m.j), ...after(m.toks, m.j, n)];
