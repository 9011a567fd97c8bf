import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { scanClientCode, scanText, type IdentifierKind } from "@/lib/cases/identifiers";
import { describeScore, evaluate, type CorpusEntry } from "./corpus/evaluate";
import quasi from "./corpus/quasi-identifiers.json";
import caseNarratives from "./corpus/case-narratives.json";

// The quasi-identifiers of TAXONOMY.md section 6 that the check missed on sentences it was never
// tuned on (issue 16): social-media handles, initials, named schools, clubs, parks and workplaces,
// a news event tied to a town, partial government or Medicare numbers, and a suburb named beside
// a workplace or a train.

const found = (text: string): string[] => scanText(text).map((f) => `${f.kind}:${f.text}`);

function expectFlag(text: string, kind: IdentifierKind, fragment: string): void {
  const hit = scanText(text).find((f) => f.kind === kind && f.text.includes(fragment));
  expect(hit, `expected ${kind} containing "${fragment}" in: ${text}\n got: ${found(text).join(", ")}`).toBeDefined();
}

function expectNone(text: string, kinds?: IdentifierKind[]): void {
  const got = scanText(text).filter((f) => !kinds || kinds.includes(f.kind));
  expect(
    got.map((f) => `${f.kind}:${f.text}`),
    `expected no ${kinds ? kinds.join("/") : ""} findings in: ${text}`,
  ).toEqual([]);
}

describe("scanText: social-media handles", () => {
  it.each([
    ["Her Insta is @kez_b.98 now.", "@kez_b.98"],
    ["He posts on Reddit as u/tired_dad_88.", "u/tired_dad_88"],
    ["She plays online as dark_moon_77.", "dark_moon_77"],
    ["Her TikTok handle is lil.bee.xo and she checks it hourly.", "lil.bee.xo"],
    ["His Twitch channel, NightOwlGamer, streams daily.", "NightOwlGamer"],
    ["Her username is mooncake.", "mooncake"],
  ])("flags a handle in %j", (text, handle) => {
    expectFlag(text, "handle", handle);
  });

  it("reports the handle without the sentence's full stop, and keeps an email an email", () => {
    expect(found("She follows him as @jaz.k_07.")).toEqual(["handle:@jaz.k_07"]);
    expect(found("Email me at tash_b@example.com today.")).toEqual(["email:tash_b@example.com"]);
  });

  it.each([
    "We meet @ 3pm, or @3pm if the room is free.",
    "In the a.m. sessions, i.e. before work, she is flatter.",
    "Her Instagram account is private now.",
    "I don't know how to handle disagreement with her.",
    "She keeps a handle on things by making lists.",
    "She scrolls Instagram and watches YouTube with him.",
    "He scored 28 on the K10 after a week off TikTok.",
    "Her score on the PHQ9 was lower than in s.21 of the report.",
  ])("does not flag ordinary text near platform words in %j", (text) => {
    expectNone(text, ["handle"]);
  });
});

describe("scanText: initials", () => {
  it.each([
    ["He calls her T.R. in messages.", "T.R."],
    ["R. K. has been texting her again.", "R. K."],
    ["She said Mr K. from the shop was kind.", "Mr K."],
    ["Dr. H. would not listen to her.", "Dr. H."],
    ["Her ex J. still has the car.", "J."],
    ["Her boyfriend, J.P., drove her here.", "J.P."],
    ["Her ex RK keeps calling.", "RK"],
    ["RK said he was leaving.", "RK"],
  ])("flags initials in %j", (text, initials) => {
    expectFlag(text, "initials", initials);
  });

  it.each([
    ["Her cousin, Mia L., moved in.", "Mia L."],
    ["Tash W. from her class rang her.", "Tash W."],
    ["She met Priya S.", "Priya S."],
  ])("flags a name cut to an initial, as a name, in %j", (text, name) => {
    expectFlag(text, "name", name);
  });

  it.each([
    "She goes to A.A. meetings twice a week.",
    "He moved here from the U.S. as a child.",
    "She got the form signed by a J.P. at the library.",
    "We used Plan B. It worked better.",
    "She takes Vitamin D. Her GP suggested it.",
    "Carl Rogers and Aaron T. Beck both wrote about this.",
    "The GP said no, and her RN agreed.",
    "I noted PTSD, GAD and MDD in the referral.",
    // a single letter with a title is the usual way to write a case without a name
    "Ms A and Mr B attended the couples session.",
  ])("does not flag abbreviations or placeholders in %j", (text) => {
    expectNone(text, ["initials", "name"]);
  });
});

describe("scanText: named schools, clubs, parks and workplaces", () => {
  it.each([
    ["She goes to Marist College Eastwood.", "Marist College Eastwood"],
    ["Her son is at St Agnes' Primary.", "St Agnes"],
    ["He works at Nguyen Bros Plumbing.", "Nguyen Bros Plumbing"],
    ["She swims at the Ryde Aquatic Centre.", "Ryde Aquatic Centre"],
    ["He drinks at the Royal Hotel most nights.", "Royal Hotel"],
    ["She trains at Lane Cove Gym before work.", "Lane Cove Gym"],
    ["He plays for the Wests Tigers juniors.", "Wests Tigers"],
    ["They walk around Lake Burley Griffin.", "Lake Burley Griffin"],
    ["She studies at the University of Wollongong.", "University of Wollongong"],
    ["He was admitted to Royal Prince Alfred last year.", "Royal Prince Alfred"],
    ["She sings at Our Lady of Mercy on Sundays.", "Our Lady of Mercy"],
  ])("flags a named place in %j", (text, place) => {
    expectFlag(text, "named_place", place);
  });

  it("flags the suburb a named workplace is in, as an address", () => {
    expect(found("He is an apprentice at Dalton Plumbing in Minto.")).toEqual(["named_place:Dalton Plumbing", "address:Minto"]);
  });

  it.each([
    "Her High School years were the hardest.",
    "She was referred by the Community Health Centre.",
    "She found the Black Dog Institute's online tools useful.",
    "The Australian Institute of Family Studies has a resource on this.",
    "He was admitted to the Emergency Department overnight.",
    "The Royal Commission report upset her.",
    "She studies Psychology at University and works part time.",
    "He follows the Sharks and talks about them every session.",
  ])("does not flag a kind of place or a national body in %j", (text) => {
    expectNone(text, ["named_place"]);
  });

  it("leaves a street to the address detector", () => {
    expect(found("They live off Victoria Park Road.")).toEqual(["address:Victoria Park Road"]);
  });
});

describe("scanText: news events tied to a town", () => {
  it.each([
    ["The Tathra fires took their home.", "Tathra fires"],
    ["The floods in Gympie wrecked the shop.", "floods in Gympie"],
    ["She was near the Wahroonga train crash.", "Wahroonga train crash"],
  ])("flags an event in %j", (text, event) => {
    expectFlag(text, "event", event);
  });

  it.each([
    "The Black Summer bushfires still make him anxious.",
    "She described the Bali bombings as the start of her fear of flying.",
    "The floods last year damaged her mum's house.",
    "He mentioned the COVID lockdowns as the start of his drinking.",
    "She watched the news about the fires and cried.",
  ])("does not flag a national or unplaced event in %j", (text) => {
    expectNone(text);
  });
});

describe("scanText: partial government and Medicare numbers", () => {
  it.each([
    ["Her Medicare number ends in 4521.", "4521"],
    ["His TFN begins with 812 and he forgot the rest.", "812"],
    ["The last four digits of her Medicare card are 5567.", "5567"],
    ["He read out the first five digits of his CRN, 30155.", "30155"],
    ["Her NDIS number starts 4300.", "4300"],
  ])("flags part of an ID in %j", (text, id) => {
    expectFlag(text, "id_number", id);
  });

  it.each([
    "Medicare item 80110 was billed.",
    "She has ten Medicare sessions left.",
    "Her NDIS plan review is due in 2025.",
    "He has used seven of his ten Medicare sessions.",
    "Her Centrelink payment starts in 2 weeks.",
  ])("does not flag Medicare, TFN or NDIS talk without a number in %j", (text) => {
    expectNone(text, ["id_number"]);
  });
});

describe("scanText: a suburb beside a workplace or a train", () => {
  it.each([
    ["She works at the Coles in Auburn.", "Auburn"],
    ["He catches the bus from Rouse Hill.", "Rouse Hill"],
    ["Her boss at the Kmart in Tuggeranong keeps cutting her hours.", "Tuggeranong"],
    ["He lost his job at the steelworks in Port Kembla.", "Port Kembla"],
  ])("flags the suburb in %j", (text, suburb) => {
    expectFlag(text, "address", suburb);
  });

  it.each(["He works in Sales and hates it.", "Her job in Finance is stressful.", "He works in Aged Care at night."])("does not flag a department in %j", (text) => {
    expectNone(text);
  });

  it("reports a suburb, not a person, when a verb follows it", () => {
    expect(found("Her boss at the Kmart in Tuggeranong keeps cutting her hours.")).toEqual(["address:Tuggeranong"]);
  });
});

describe("scanClientCode", () => {
  it("flags a given name, a surname or a town in a client code", () => {
    expect(scanClientCode("Johnson7").map((f) => `${f.kind}:${f.text}`)).toEqual(["name:Johnson"]);
    expect(scanClientCode("Jane-Smith").map((f) => f.text)).toEqual(["Jane", "Smith"]);
    expect(scanClientCode("Bondi-1").map((f) => f.kind)).toEqual(["address"]);
    const [f] = scanClientCode("MAX-2");
    expect(f.reason).toMatch(/client code is made up/);
    expect(f.key).toBe("name:max");
  });

  it("passes codes made of letters that are no name", () => {
    for (const code of ["C-0142", "RC-07", "OLD-1", "PAR-1", "FIND-ME", "A1", "CAT-3", "", null, undefined]) expect(scanClientCode(code), String(code)).toEqual([]);
  });
});

describe("quasi-identifier corpus: tuning and held-out parts", () => {
  const tuning = quasi.tuning as CorpusEntry[];
  const heldOut = quasi.heldOut as CorpusEntry[];
  const all = [...tuning, ...heldOut];

  it("is big enough, labelled consistently and covers every quasi-identifier class", () => {
    const positives = all.filter((e) => e.expect.length > 0);
    const negatives = all.filter((e) => e.expect.length === 0);
    expect(positives.length).toBeGreaterThanOrEqual(80);
    expect(negatives.length).toBeGreaterThanOrEqual(80);
    expect(heldOut.filter((e) => e.expect.length > 0).length).toBeGreaterThanOrEqual(40);
    expect(heldOut.filter((e) => e.expect.length === 0).length).toBeGreaterThanOrEqual(40);
    for (const part of [tuning, heldOut]) {
      const kinds = new Set(part.flatMap((e) => e.expect.map((x) => x.kind)));
      for (const k of ["handle", "initials", "named_place", "event", "id_number", "address", "name"]) expect(kinds.has(k), k).toBe(true);
    }
    for (const e of all) for (const x of e.expect) expect(e.text.includes(x.text), `${x.text} not in: ${e.text}`).toBe(true);
    // no sentence is in both parts
    const tuned = new Set(tuning.map((e) => e.text));
    expect(heldOut.filter((e) => tuned.has(e.text))).toEqual([]);
  });

  // Floors, from what was measured when the detectors were written (see the commit and the report):
  // before: tuning precision 0.667 recall 0.151, held-out precision 0.667 recall 0.233;
  // after: tuning 1.000 / 1.000 (the part the rules were fitted to, so it says little on its own),
  // held-out 0.977 / 0.977 (42 of 43 findings right, 42 of 43 identifiers found). Each floor lets
  // one more error through than was measured, so it catches a regression, not noise.
  it("meets its floors on the tuning part (precision >= 0.98, recall >= 0.98)", () => {
    const s = evaluate(tuning);
    console.log(describeScore("quasi-identifiers, tuning part", s));
    if (s.errors.length) console.log(s.errors.join("\n"));
    expect(s.precision).toBeGreaterThanOrEqual(0.98);
    expect(s.recall).toBeGreaterThanOrEqual(0.98);
  });

  it("meets its floors on the held-out part, never tuned on (precision >= 0.95, recall >= 0.95)", () => {
    const s = evaluate(heldOut);
    console.log(describeScore("quasi-identifiers, held-out part", s));
    if (s.errors.length) console.log(s.errors.join("\n"));
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
  });

  it("is no worse on the case-narrative corpus than before these detectors (no false positive, at most 2 misses of 344)", () => {
    const s = evaluate(caseNarratives as CorpusEntry[]);
    console.log(describeScore("case narratives", s));
    expect(s.findings - s.truePositives).toBe(0);
    expect(s.expected - s.recalled).toBeLessThanOrEqual(2);
  });
});

describe("scanText stays linear on hostile input (timings printed, not asserted)", () => {
  const timed = (label: string, text: string) => {
    const t0 = performance.now();
    const findings = scanText(text);
    console.log(`scanText ${label} (${text.length.toLocaleString("en-AU")} chars): ${(performance.now() - t0).toFixed(1)} ms, ${findings.length} findings`);
    let last = 0;
    for (const f of findings) {
      expect(f.start).toBeGreaterThanOrEqual(last);
      expect(text.slice(f.start, f.end)).toBe(f.text);
      last = f.end;
    }
    return findings;
  };

  // About 30,000 characters each (a case field holds at most a few thousand), then twice that:
  // twice as long should take about twice as long, printed so that a quadratic pass shows in the log.
  it.each([
    ["capitalised words", "Ab "],
    ["sentence words", "The "],
    ["venue words", "Lake Park Club "],
    ["saints", "St Ab's "],
    ["underscores", "a_"],
    ["at signs", "@"],
    ["at handles", "@a "],
    ["dotted letters", "R."],
    ["dotted initials", "R.K. "],
    ["titles with initials", "Mr K. "],
    ["dotted words", "a.bc "],
    ["event nouns", "floods in Ab "],
    ["digits", "1 "],
    ["partial IDs", "Medicare number ends in 12 "],
  ] as const)(
    "%s",
    (label, unit) => {
      const times = Math.round(30_000 / unit.length);
      timed(label, unit.repeat(times));
      timed(`${label}, twice as long`, unit.repeat(times * 2));
    },
    60_000,
  );

  it("a long realistic narrative", () => {
    const narrative = [
      "Her ex, D.M., still texts her as @dm_official from the Woolworths in Auburn.",
      "She went to Bayside Public School and now trains at the Lakemba Netball Club.",
      "The Lismore floods took the house; her Medicare number ends in 4521.",
      "Client reported feeling dismissed when I interrupted, and we went back to the CBT homework.",
    ].join(" ");
    const found1 = timed("narrative", narrative.repeat(200));
    // initials, handle, suburb, school, club, event and partial Medicare number, in each copy
    expect(found1.length).toBe(200 * 7);
  }, 60_000);
});

describe("scanText with the new detectors (property)", () => {
  it("never throws and returns sorted, non-overlapping, in-bounds findings", () => {
    const fragments = ["@jaz.k_07 ", "u/tired_dad ", "R.K. ", "Mr K. ", "Priya S. ", "Bayside Public School ", "Collaroy RSL ", "Lake ", "St Brigid's ", "Lismore floods ", "fires at Kinglake ", "ends in 4521 ", "Medicare number ", "the Coles in Auburn ", "Port Kembla ", "username is ", "on Instagram as ", "a.b.c ", "_ ", ". ", ", ", "\n", "Our Lady of ", "Royal "];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 10 })), { maxLength: 25 }), (parts) => {
        const t = parts.join("");
        let last = 0;
        for (const f of scanText(t)) {
          if (f.start < last || f.end <= f.start || f.end > t.length || t.slice(f.start, f.end) !== f.text) return false;
          last = f.end;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
