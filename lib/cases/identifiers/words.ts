// Word lists for the identifier check: compromise's lexicon and the lists that give cues for
// names, places and dates, or keep ordinary words (Hope, CBT, Rogers) from being flagged.
import nlp from "compromise";

export const set = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s*\|\s*|\s+/).filter(Boolean));

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

export function lexTags(word: string): readonly string[] {
  const v = LEXICON[word];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export const NAME_TAGS = set("FirstName MaleName FemaleName LastName Person");
export const PLACE_TAGS = set("City Place Country Region");
/** lexicon tags that mean "a function word or verb, never a name even after a strong cue" */
export const FUNCTION_TAGS = set(
  "Pronoun Determiner Preposition Conjunction Modal Copula QuestionWord Negative Possessive Reflexive Adverb Infinitive PastTense PresentTense Gerund Participle PhrasalVerb Auxiliary Expression",
);
export const NOUNISH_TAGS = set("Noun Singular Plural Uncountable Actor");

export const WEEKDAYS = set("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun");
const MONTHS_FULL = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
export const MONTHS = set(MONTHS_FULL.join(" ") + " jan feb mar apr jun jul aug sep sept oct nov dec");
/** month words that are also given names (accepted after a strong cue: "her daughter April") */
export const MONTH_NAMES_OK = set("april may june august");

/** Names that are also ordinary English words: only flagged with a strong cue (title, relation, "named"). */
export const AMBIGUOUS_NAMES = set(`
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
export const PLACE_NAME_WORDS = set(
  "sydney adelaide darwin hobart perth florence paris hamilton houston austin orlando chester brooklyn savannah phoenix denver dallas lincoln",
);
/** Countries and states that compromise lists as given names. */
export const REGION_NAME_WORDS = set("victoria georgia india jordan chad israel kent virginia carolina dakota");

/** States, territories and regions: never flagged on their own (a state is allowed). */
export const STATE_WORDS = set(
  "nsw vic qld sa wa tas nt act victoria queensland tasmania australia new south wales western south northern territory capital bali",
);

/**
 * Australian cities, towns and well-known suburbs that compromise does not know as places.
 * Used only in place-like positions ("in X", "X NSW", "X 2150").
 */
export const AU_PLACES = set(`
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

export const TITLES = set(
  "mr mrs ms miss mx dr doctor prof professor sir dame father fr rev reverend pastor rabbi imam sheikh aunty auntie uncle nurse detective det sgt sergeant constable officer judge magistrate coach councillor senator",
);

export const RELATIONS = set(`
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
export const NAMING_WORDS = set("named called nicknamed");

/** Verbs that, after an unknown capitalised word, strongly suggest it is a person: "Priya said". */
export const STRONG_AFTER = set(
  "said says told tells asked asks texted messaged emailed rang phoned replied yelled shouted screamed swore admitted reckons reckoned insisted whispered threatened hit pushed cried laughed died visited arrived came",
);
/** Weaker verbs: accepted only for an unknown capitalised word that is not sentence-initial. */
export const WEAK_AFTER = set(
  "had has was is wants wanted thinks thought keeps kept would will never always still doesn't didn't won't can't refused agreed left moved lives lived works worked went got sent took made loves loved hates hated called calls texts rings picked dropped",
);
/** Verbs after "X and Y" that make both people: "Kirra and Jai are not speaking". */
export const PLURAL_VERBS = set("are were have came come go went say live lived used argue argued fight fought broke split");
/** Words before an unknown capitalised word that suggest a person: "with Priya", "told Jarrah". */
export const PERSON_BEFORE = set(
  "with told tell tells asked ask asks saw see sees seeing met meet meets meeting visited visit visits visiting married marry marrying divorced divorcing dating texting texted text texts messaged messaging phoned phoning rang ring rings calling hugged blames blamed blaming loves loved hates hated misses missed trusts trusted thanked thank and",
);
/** Verbs that make a following "to X" person-like: "talked to Priya". */
export const TO_PERSON_VERBS = set(
  "talk talked talking talks spoke speak speaking speaks listen listened listening close married engaged lied lying wrote write writing apologised apologized apologising explained complained introduced sent gave give giving lent owes owed said say says",
);

/** Words that make a following "from X" a person: "heard from Lachlan", "a text from Priya". */
export const FROM_PERSON_WORDS = set("heard hear hearing hears message messages text texts call calls letter letters email emails visit visits gift card note");

/** Nouns that, after an unknown capitalised possessive, suggest a person: "at Bec's place". */
export const POSSESSED_NOUNS = set("place house flat home unit apartment room bed car party birthday funeral wedding phone number family parents kids");

/** Verbs/nouns that make a following "in/to/from X" a place where someone lives. */
export const RESIDENCE_WORDS = set(
  "live lives living lived moved moving move relocated relocating grew raised born based resides residing reside stays staying stayed stay house home flat unit apartment renting rents rented suburb town from farm property village city area",
);
export const PLACE_PREPS = set("in at near to from around outside into");

/** Capitalised words that are never identifiers on their own. */
export const STOP_WORDS = set(`
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
  insta discord twitch linkedin grindr onlyfans telegram xbox playstation fortnite roblox minecraft kik pinterest tumblr bereal
  paypal commbank jobseeker afterpay mastercard jobactive newstart westpac
  gestalt socratic rogerian freudian jungian kleinian adlerian oedipal cbt dbt act emdr ifs mbct schema
  mindfulness motivational interviewing narrative solution focused person centred person-centred psychodynamic
  psychoanalytic integrative humanistic existential systemic attachment
  client session sessions week module chapter page step room level figure table appendix part unit
  phq gad dass ors srs wai k10 inventory scale
  spring summer autumn winter
  north south east west northern southern eastern western central regional rural inner outer greater
  upper lower coastal remote metro metropolitan
  mental health care plan working alliance
  society association council commission foundation institute committee department board tribunal authority agency ministry
`);

/** Theorists and authors named in training material: not flagged without a strong cue. */
export const THEORISTS = set(`
  rogers bordin beck safran muran bernard freud eubanks jung adler klein winnicott bowlby ainsworth kohut
  kernberg yalom perls frankl maslow erikson piaget skinner pavlov bandura seligman siegel porges kolk
  egan carkhuff truax lambert wampold norcross horvath luborsky greenson bion lacan kabat-zinn segal
  teasdale linehan neff epston shazer satir minuchin bowen gottman greenberg gendlin mearns thorne mcleod
  stiles castonguay padesky ellis glasser lazarus meichenbaum wolpe mahler fonagy bateman schore
  prochaska diclemente rollnick miller hayes johnson cooper gilbert herman levine ogden bateson
  watzlawick haley berg de
`);
export const THEORIST_FULL = new Set(
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

export const ABBREVIATIONS = set("mr mrs ms dr prof st mt no vs etc eg e.g ie i.e approx fr rev sgt det cr");

// Quasi-identifiers (TAXONOMY.md section 6) ------------------------------------------------------

/**
 * Words that end (or sit inside) the name of a school, club, park, workplace or venue:
 * "Bayside Public School", "Collaroy RSL", "Westmead Hospital", "Dalton Plumbing".
 */
export const VENUE_HEADS = set(`
  school primary high college academy grammar university uni institute kindergarten preschool kindy childcare
  club rsl bowlo leagues pcyc ymca tafe fc afc
  park reserve oval pool lake stadium arena showground showgrounds racecourse speedway
  hospital clinic medical dental physio physiotherapy pharmacy chemist surgery
  hotel motel tavern inn pub café cafe restaurant bakery
  church cathedral chapel parish mosque temple synagogue gurdwara
  library gym fitness studio studios salon barbers
  logistics freight transport plumbing electrical constructions construction builders motors mechanical auto
  meats butchers engineering industries landscaping cleaning realty accounting solicitors lawyers pty ltd
  nursery winery brewery distillery mine colliery abattoir depot warehouse plaza centre center
`);

/** Team names that follow a suburb or town: "Cronulla Sharks", "Penrith Panthers". */
export const MASCOTS = set(`
  sharks panthers tigers eagles roosters rabbitohs bulldogs dragons storm broncos cowboys knights raiders titans
  warriors swans giants magpies bombers hawks demons saints cats crows dockers lions suns kangaroos wanderers
  jets mariners bulls bears wolves rams falcons seagulls dolphins pumas bombers
`);

/**
 * Capitalised words that name a kind of place, not a particular one: a venue whose other words
 * are all from this list ("Public School", "Community Health Centre") is not flagged.
 */
export const GENERIC_VENUE_WORDS = set(`
  public private catholic christian anglican uniting baptist islamic jewish lutheran steiner montessori
  independent state high primary secondary grammar boys girls community regional district base general
  local city central north south east west northern southern eastern western upper lower inner outer new old
  children's women's men's day aged care medical dental health mental emergency family sports sporting
  football soccer netball rugby league union cricket tennis golf bowling bowls swimming surf life saving
  athletics little youth country returned services leagues workers early learning child special education
  technical open tertiary adult art arts music dance drama police fire rescue ambulance sexual assault crisis
  support domestic violence legal aid housing homeless shopping leisure aquatic fitness the and of
  hospital school club park university college institute centre center clinic church library hotel
  national australian aboriginal torres strait islander international
  service services unit team department program programme association council foundation network society trust
  house hub office group practice
`);

/** First words of a national body, which identifies no one: "Australian Institute of Family Studies". */
export const NATIONAL_WORDS = set("australian national international federal commonwealth");
/** National services whose names look like a venue's. */
export const NATIONAL_VENUES = new Set(["black dog institute", "gottman institute", "beck institute", "tavistock clinic", "mayo clinic", "cleveland clinic"]);

/** Words that begin a venue's name: "Lake Ginninderra", "Royal North Shore", "Our Lady of Lourdes". */
export const VENUE_PREFIXES = set("lake royal");
/** Words after "Royal" that make it something other than a hospital or a venue. */
export const ROYAL_NOT_VENUE = set("commission commissioner navy australian air society family show easter flying mail mint visit wedding baby highness assent");

/** Words that begin or end a suburb's or town's name made of ordinary words: "Port Kembla", "Rouse Hill". */
export const PLACE_PREFIXES = set("port mount mt cape point glen fort");
export const PLACE_SUFFIXES = set(
  "hill hills harbour heights junction cross creek valley beach bay vale forest downs plains springs waters gully flat flats head heads island lakes north south east west central",
);

/**
 * Workplaces and transport that, like a residence word, make a capitalised word after "in/at/from"
 * a place: "the Coles in Auburn", "the train from Strathfield". Not the verb "work" or "job":
 * "works in Sales" names a department.
 */
export const WORK_TRAVEL_WORDS = set(`
  store shop branch café cafe pub hotel office offices warehouse depot plant factory steelworks mine site checkout
  restaurant bakery clinic hospital gym church school train bus ferry tram station commute commutes commuting
  woolworths coles kmart aldi bunnings mcdonald's target iga
`);

/** What a news event tied to a place is called: "the Lismore floods", "the fires at Kinglake". */
export const EVENT_NOUNS = set(`
  flood floods flooding fire fires bushfire bushfires massacre siege stabbing stabbings shooting shootings crash
  crashes derailment collapse explosion murder murders riot riots bombing bombings attack attacks earthquake
  landslide tragedy disaster drownings rampage
`);
/** Lowercase words between a place and an event noun: "the Lindt cafe siege", "the Hunter Valley bus crash". */
export const EVENT_VENUE_NOUNS = set("cafe café bus train school mine hotel pub club nightclub church mosque ferry plane boat truck highway bridge mall festival");
/** Capitalised words of a national or seasonal event, which alone tie it to no town: "Black Summer", "Black Saturday". */
export const EVENT_GENERIC_WORDS = set("black red great big summer winter autumn spring christmas easter new year's boxing day covid global financial world war royal national australian the");

/** Letters written with dots that are abbreviations, not someone's initials ("A.A.", "U.S.", "a.m."). */
export const DOTTED_ABBREVIATIONS = set(`
  aa na ca ga uk us usa un eu nz am pm ba ma bsc ps pps rn en gp ed it hr pe dv ad bc ok tv cv id po act nsw wa
  sa nt qld vic tas mp mc dj pa eg ie nb vs rsvp dob phd md
`);
/** Capital letters used as abbreviations, not initials, when they are the subject of "said/told ...". */
export const UPPERCASE_ACRONYMS = set(`
  gp ed dv ot pt icu ceo hr it pa rn en ent aod mh asd adhd ptsd ocd bpd gad mdd cbt dbt act emdr ifs sfbt ndis
  tfn crn ato dhs dcj docs facs cps avo advo ivo dvo aps aca pacfa ahpra nsw vic qld wa sa nt tas au uk us usa nz
  un eu afl nrl abc sbs tv am pm ok id pin mp rsl tafe hsc vce atar bbq asap fyi dm dms irl lol omg bff sms
  ama who cdc nhs uni ai sos pc ps ib hsc phd
`);
/** Words before a capital letter and a dot that are not a person's name: "Plan B.", "Vitamin D.", "Hep C.". */
export const LETTER_LABEL_WORDS = set(`
  vitamin hep hepatitis strep type plan option schedule group grade category section form list class exhibit
  appendix part step phase stage level block unit building wing ward bay gate platform zone row seat team side
  version model series size cup blood omega covid term year room
`);

/** Words up to five before a handle-shaped word that say it is one: "on Instagram as", "username is". */
export const HANDLE_CUES = set(`
  instagram insta ig tiktok snapchat snap twitter facebook fb reddit youtube discord twitch tinder hinge bumble
  grindr threads linkedin onlyfans kik telegram steam xbox psn username usernames handle handles gamertag tag
  account profile channel alias
`);
