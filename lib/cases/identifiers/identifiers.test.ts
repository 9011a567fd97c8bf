import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { SCANNER_VERSION, scanFields, scanText, type Finding, type IdentifierKind } from "@/lib/cases/identifiers";
import corpus from "./corpus/case-narratives.json";

interface CorpusEntry {
  text: string;
  expect: { kind: IdentifierKind; text: string }[];
}

const found = (text: string): string[] => scanText(text).map((f) => `${f.kind}:${f.text}`);
const kindsOf = (text: string): IdentifierKind[] => scanText(text).map((f) => f.kind);

function expectFlag(text: string, kind: IdentifierKind, fragment: string): void {
  const findings = scanText(text);
  const hit = findings.find((f) => f.kind === kind && f.text.includes(fragment));
  expect(hit, `expected ${kind} containing "${fragment}" in: ${text}\n got: ${found(text).join(", ")}`).toBeDefined();
}

function expectClean(text: string): void {
  expect(found(text), `expected no findings in: ${text}`).toEqual([]);
}

describe("scanText: names", () => {
  it.each([
    ["Mr Smith rang the clinic twice.", "Mr Smith"],
    ["She was referred by Dr. Nguyen last month.", "Dr. Nguyen"],
    ["Mrs O'Brien sat in for ten minutes.", "Mrs O'Brien"],
    ["Ms Jane Lee from the school called.", "Ms Jane Lee"],
    ["Her husband John has started checking her phone.", "John"],
    ["His new partner, named Priya, wants him to stop coming.", "Priya"],
    ["His son, called Tom, has not rung.", "Tom"],
    ["My sister Aisha said I was overreacting.", "Aisha"],
    ["She planned to meet with Michael on Tuesday.", "Michael"],
    ["Her daughter Grace is moving home.", "Grace"],
    ["He said Priya had called the police.", "Priya"],
    ["Jasmine, her best friend, told her counselling was for weak people.", "Jasmine"],
    ["He has not heard from Lachlan since the funeral.", "Lachlan"],
    ["She spent the weekend at Bec's place.", "Bec"],
    ["She met Will at a party.", "Will"],
  ])("flags a name in %j", (text, name) => {
    expectFlag(text, "name", name);
  });

  it("flags both names in a pair", () => {
    const names = scanText("John and Mary came together for the couples session.").filter((f) => f.kind === "name");
    expect(names.map((f) => f.text)).toEqual(["John", "Mary"]);
  });

  it("keeps a title and a full name together", () => {
    expect(found("Ms Jane Lee called.")).toEqual(["name:Ms Jane Lee"]);
  });

  it.each([
    "She spoke about hope for the first time.",
    "We discussed a Grace period for the homework.",
    "Will you come back next week, I asked.",
    "Faith in the process seemed low.",
    "Joy was absent from her voice.",
    "Rose from the chair abruptly, then sat back down.",
    "Mark the date in your diary, I suggested.",
    "Bill was overdue again.",
    "Summer is always harder for her.",
    "Dawn broke before she had slept.",
    "On Tuesday she cancelled by text.",
    "May is usually a hard month for her.",
    "Client K-07 rated the bond 4 out of 5.",
    "CBT felt too structured for him.",
    "I used Rogers' idea of unconditional positive regard.",
    "Bordin's model helped me see the task disagreement.",
    "Following Safran and Muran, I named the withdrawal.",
    "Using Bernard's discrimination model in supervision.",
    "I thought about Beck's cognitive triad.",
    "Freud would probably call this transference.",
    "Carl Rogers and Aaron T. Beck both wrote about this.",
    "He called Lifeline twice over the weekend.",
    "She was anxious about Monday's appointment with Centrelink.",
    "Grace and compassion toward herself were the themes.",
  ])("does not flag ordinary words or theorists in %j", (text) => {
    expectClean(text);
  });

  it("still flags a theorist's surname when it is clearly a person in the client's life", () => {
    expectFlag("Her husband Bernard drinks most nights.", "name", "Bernard");
    expectFlag("Mr Rogers next door complains about the noise.", "name", "Mr Rogers");
  });
});

describe("scanText: dates", () => {
  it.each([
    ["The first session was on 12/03/2024.", "12/03/2024"],
    ["Her mother died on 3 March 2024.", "3 March 2024"],
    ["He has a court date on March 3rd.", "March 3rd"],
    ["The wedding is on the 14th of June.", "14th of June"],
    ["Paperwork dated 2024-03-12.", "2024-03-12"],
    ["The letter gave his DOB 1/2/85.", "1/2/85"],
    ["She was born on 7 August 1990.", "7 August 1990"],
    ["We moved it to Thursday 5 September.", "5 September"],
    ["The anniversary is on 21/11.", "21/11"],
    ["Discharged on 02.07.2023.", "02.07.2023"],
    ["We are meeting again on Friday the 9th.", "9th"],
  ])("flags a date in %j", (text, date) => {
    expectFlag(text, "date", date);
  });

  it.each([
    "In 2023 she had a brief admission.",
    "In May she felt flat.",
    "in may she felt flat.",
    "Last March she stopped her medication.",
    "Between 2019 and 2021 he worked overseas.",
    "She scored 7/10 for distress at the start.",
    "He rated it 4 out of 5.",
    "Today she seemed brighter than yesterday.",
    "After the 2nd session she emailed me.",
    "The 2019-2023 period was hard.",
  ])("does not flag a year, a month alone or a score in %j", (text) => {
    expect(kindsOf(text)).not.toContain("date");
  });
});

describe("scanText: ages", () => {
  it.each([
    ["Her grandmother, aged 93, lives with them.", "aged 93"],
    ["His father is 91 years old.", "91 years old"],
    ["A 95-year-old widow is her only contact.", "95-year-old"],
    ["Her nan turned 102 this year.", "102"],
    ["Her father is in his nineties.", "nineties"],
    ["Her father is ninety-four.", "ninety-four"],
    ["Her mother is 95.", "95"],
  ])("flags an age over 89 in %j", (text, age) => {
    expectFlag(text, "age", age);
  });

  it.each([
    "She is 34 years old.",
    "His grandfather, aged 85, drives him to sessions.",
    "He said his father was 89 when he died.",
    "She is 95% sure it will not help.",
    "The client is in her late 60s.",
  ])("does not flag an age of 89 or under in %j", (text) => {
    expect(kindsOf(text)).not.toContain("age");
  });
});

describe("scanText: phone numbers", () => {
  it.each([
    "0412 345 678",
    "0412345678",
    "(02) 9876 5432",
    "02 9876 5432",
    "+61 412 345 678",
    "+61 2 9876 5432",
    "1300 975 311",
    "1800 650 890",
    "13 22 88",
    "+44 20 7946 0958",
    "+1 (555) 123-4567",
    "0400-123-456",
  ])("flags %s", (phone) => {
    expectFlag(`You can reach her on ${phone} after five.`, "phone", phone);
  });

  it.each(["Session 12 ran for 50 minutes.", "She scored 22 on the K10.", "Call 000 if unsafe.", "She earns $85,000 a year."])(
    "does not flag numbers that are not phones in %j",
    (text) => {
      expect(kindsOf(text)).not.toContain("phone");
    },
  );
});

describe("scanText: email, URL and IP", () => {
  it("flags email addresses", () => {
    expect(found("She emailed me from jane.lee84@gmail.com asking to cancel.")).toEqual(["email:jane.lee84@gmail.com"]);
    expectFlag("Copy letters to m.nguyen@harbourlogistics.com.au please.", "email", "m.nguyen@harbourlogistics.com.au");
  });

  it("flags URLs with a scheme, www. and bare domains, without trailing punctuation", () => {
    expect(found("Her blog is https://www.sadgirlwrites.net/posts/12.")).toEqual(["url:https://www.sadgirlwrites.net/posts/12"]);
    expect(found("He found it on www.anxietyhelpers.com.au and printed it.")).toEqual(["url:www.anxietyhelpers.com.au"]);
    expect(found("Her page, example.com.au, lists her suburb.")).toEqual(["url:example.com.au"]);
  });

  it("does not treat an email's domain as a separate URL", () => {
    expect(kindsOf("Write to support@example.org today.")).toEqual(["email"]);
  });

  it("flags IPv4 and IPv6 addresses", () => {
    expect(found("Someone at 192.168.1.45 is tracking him.")).toEqual(["ip:192.168.1.45"]);
    expectFlag("The log showed 2001:db8:85a3::8a2e:370:7334 twice.", "ip", "2001:db8:85a3::8a2e:370:7334");
  });

  it("does not flag times, abbreviations or decimals", () => {
    expectClean("The rupture started at 10:30:45, e.g. when I looked at the clock.");
    expectClean("We met at 9.30 and finished at 10.20.");
  });
});

describe("scanText: addresses and postcodes", () => {
  it.each([
    ["She moved into 12 Smith Street with her cousin.", "12 Smith Street"],
    ["His new address is 4/27 King St now.", "4/27 King St"],
    ["Unit 3, 45 George Road is where it happened.", "Unit 3, 45 George Road"],
    ["All mail goes to PO Box 123 for now.", "PO Box 123"],
    ["Her mother still lives in Parramatta NSW.", "Parramatta NSW"],
    ["She lives in Marrickville with two flatmates.", "Marrickville"],
    ["They rent a house on Wattle Street.", "Wattle Street"],
    ["Their flat was at 7 Banksia Avenue, Newtown, for years.", "7 Banksia Avenue, Newtown"],
  ])("flags an address in %j", (text, address) => {
    expectFlag(text, "address", address);
  });

  it("splits a suburb with state from its postcode", () => {
    expect(found("He grew up in Fitzroy VIC 3065 and still calls it home.")).toEqual(["address:Fitzroy VIC", "postcode:3065"]);
  });

  it("flags a labelled postcode", () => {
    expect(found("The intake form lists postcode 2150.")).toEqual(["postcode:2150"]);
  });

  it.each([
    "She grew up in regional Queensland.",
    "Her mum lives in Victoria.",
    "He moved from Vietnam to Australia as a teenager.",
    "Her homework was about 1200 words long.",
    "Session 12 was the first time she raised it.",
    "She missed sessions 4 and 5.",
    "Room 4 was unavailable.",
  ])("does not flag states, countries or ordinary numbers in %j", (text) => {
    expectClean(text);
  });
});

describe("scanText: ID numbers", () => {
  it.each([
    ["Her Medicare number 2123 45670 1 was on the referral.", "2123 45670 1"],
    ["He read out his TFN, 123 456 782, by mistake.", "123 456 782"],
    ["The letter had his MRN 00123456 at the top.", "00123456"],
    ["URN: 4456123 was on the summary.", "4456123"],
    ["Her licence no. 12345678 was suspended.", "12345678"],
    ["Refund to account 062-000 12345678 please.", "062-000 12345678"],
    ["The insurer's reference 99012345678 came through.", "99012345678"],
    ["The car rego 1ABC234 was in the report.", "1ABC234"],
    ["Her Centrelink reference number is 301 456 789A.", "301 456 789A"],
  ])("flags an ID in %j", (text, id) => {
    expectFlag(text, "id_number", id);
  });

  it.each([
    "Client K-07 arrived late.",
    "Client RX-2041 said very little.",
    "Client ID RX-2041 attended.",
    "Session number 3 focused on goals.",
    "Her PHQ-9 score of 14 was similar to last month.",
    "GAD-7 was 11 at intake.",
    "Week 3 of the plan was skipped.",
    "About 80% of her week is spent worrying.",
    "The session ran 50 minutes.",
  ])("does not flag client codes, scores or durations in %j", (text) => {
    expectClean(text);
  });
});

describe("scanText: shape of findings", () => {
  const text =
    "On 14/02/2024 her partner Daniel turned up at 12 Smith Street and rang her on 0412 111 222, then emailed d.k@example.com.";

  it("returns findings sorted by start with correct offsets and text", () => {
    const findings = scanText(text);
    expect(findings.map((f) => f.kind)).toEqual(["date", "name", "address", "phone", "email"]);
    for (const f of findings) {
      expect(text.slice(f.start, f.end)).toBe(f.text);
      expect(f.reason).toMatch(/^Looks like .+\. .*(Remove|Replace|Keep).+/);
      expect(f.key).toBe(`${f.kind}:${f.key.slice(f.kind.length + 1)}`);
    }
    for (let i = 1; i < findings.length; i++) {
      expect(findings[i].start).toBeGreaterThanOrEqual(findings[i - 1].end);
    }
  });

  it("uses UTF-16 offsets (emoji before a finding)", () => {
    const t = "😀😀 Her sister Zoë rang from 0412 345 678 😀";
    for (const f of scanText(t)) expect(t.slice(f.start, f.end)).toBe(f.text);
    expect(found(t)).toEqual(["name:Zoë", "phone:0412 345 678"]);
  });

  it("keeps the longer finding when two overlap", () => {
    // the domain inside the email and the 8+ digit run inside the phone number are not reported separately
    expect(found("Mail a@example.com or ring 0412345678.")).toEqual(["email:a@example.com", "phone:0412345678"]);
  });

  it("gives stable keys: same text, same key; case and spacing do not matter", () => {
    const a = scanText("Her husband John rang.")[0];
    const b = scanText("Later her husband John rang again.")[0];
    expect(a.key).toBe("name:john");
    expect(b.key).toBe(a.key);
    const p1 = scanText("Ring 0412 345 678.")[0];
    const p2 = scanText("Ring 0412345678.")[0];
    expect(p1.key).toBe(p2.key);
    expect(scanText(text).map((f) => f.key)).toEqual(scanText(text).map((f) => f.key));
  });

  it("handles empty and whitespace-only text", () => {
    expect(scanText("")).toEqual([]);
    expect(scanText("   \n ")).toEqual([]);
  });

  it("exports a scanner version", () => {
    expect(typeof SCANNER_VERSION).toBe("string");
    expect(SCANNER_VERSION.length).toBeGreaterThan(0);
  });

  it("never throws and always returns sorted, non-overlapping, in-bounds findings (property)", () => {
    const fragments = [
      "Her husband John ",
      "Mr Smith ",
      "on 3 March 2024 ",
      "0412 345 678 ",
      "aged 93 ",
      "a@b.com ",
      "www.example.com.au ",
      "12 Smith Street, Newtown NSW 2042 ",
      "MRN 00123456 ",
      "192.168.1.1 ",
      "session 12 ",
      "hope ",
      "Grace period ",
      ". ",
      ", ",
      "\n",
      "K-07 ",
      "Dr. ",
    ];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 12 })), { maxLength: 25 }), (parts) => {
        const t = parts.join("");
        const findings = scanText(t);
        let last = 0;
        for (const f of findings) {
          if (f.start < last || f.end <= f.start || f.end > t.length) return false;
          if (t.slice(f.start, f.end) !== f.text) return false;
          last = f.end;
        }
        return true;
      }),
      { numRuns: 300 },
    );
  });
});

describe("scanFields", () => {
  it("returns only fields with findings, and skips null and undefined", () => {
    const result = scanFields({
      narrative: "Her husband John came to the door.",
      contribution: "I rushed the homework review.",
      nextTime: null,
      notes: undefined,
      contact: "She rang from 0412 345 678.",
    });
    expect(Object.keys(result).sort()).toEqual(["contact", "narrative"]);
    expect(result.narrative.map((f: Finding) => f.text)).toEqual(["John"]);
    expect(result.contact.map((f: Finding) => f.kind)).toEqual(["phone"]);
  });

  it("returns an empty object when nothing is found", () => {
    expect(scanFields({ a: "Session 12 went well.", b: "" })).toEqual({});
  });
});

describe("de-identification corpus", () => {
  const entries = corpus as CorpusEntry[];

  it("is big enough and well formed", () => {
    const identifying = entries.filter((e) => e.expect.length > 0);
    const clean = entries.filter((e) => e.expect.length === 0);
    expect(entries.length).toBeGreaterThanOrEqual(140);
    expect(identifying.length).toBeGreaterThanOrEqual(70);
    expect(clean.length).toBeGreaterThanOrEqual(60);
    const kinds = new Set(identifying.flatMap((e) => e.expect.map((x) => x.kind)));
    expect([...kinds].sort()).toEqual(["address", "age", "date", "email", "id_number", "ip", "name", "phone", "postcode", "url"]);
    for (const e of entries) for (const x of e.expect) expect(e.text.includes(x.text), `${x.text} not in: ${e.text}`).toBe(true);
  });

  it("meets precision >= 0.9 and recall >= 0.9 at the finding level", () => {
    let findings = 0;
    let truePositives = 0;
    let expected = 0;
    let recalled = 0;
    const misses: string[] = [];
    for (const entry of entries) {
      const got = scanText(entry.text);
      const spans = entry.expect.map((x) => {
        const start = entry.text.indexOf(x.text);
        return { kind: x.kind, start, end: start + x.text.length, text: x.text };
      });
      const overlaps = (f: Finding, s: { kind: IdentifierKind; start: number; end: number }): boolean =>
        f.kind === s.kind && f.start < s.end && s.start < f.end;
      for (const f of got) {
        findings++;
        if (spans.some((s) => overlaps(f, s))) truePositives++;
        else misses.push(`false positive ${f.kind} "${f.text}" in: ${entry.text}`);
      }
      for (const s of spans) {
        expected++;
        if (got.some((f) => overlaps(f, s))) recalled++;
        else misses.push(`missed ${s.kind} "${s.text}" in: ${entry.text}`);
      }
    }
    const precision = findings === 0 ? 1 : truePositives / findings;
    const recall = expected === 0 ? 1 : recalled / expected;
    console.log(`de-identification corpus: ${entries.length} sentences, precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`);
    if (misses.length > 0) console.log(misses.join("\n"));
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });
});
