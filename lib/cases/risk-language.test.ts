import { describe, expect, it } from "vitest";
import corpus from "@/tests/fixtures/risk-corpus.json";
import {
  HOPELESSNESS_NOTE,
  MAX_SCAN_CHARS,
  RISK_KIND_LABELS,
  RISK_KINDS,
  riskKindsIn,
  scanRisk,
  scanRiskFields,
  type RiskFinding,
  type RiskKind,
} from "./risk-language";

const kinds = (text: string) => scanRisk(text).map((f) => f.kind);
const texts = (text: string) => scanRisk(text).map((f) => f.text);

function expectWellFormed(text: string, findings: RiskFinding[]) {
  let lastEnd = -1;
  for (const f of findings) {
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(f.start).toBeGreaterThanOrEqual(lastEnd);
    expect(f.key.startsWith(`${f.kind}:`)).toBe(true);
    expect(f.reason).toMatch(/Complete the Risk section/);
    lastEnd = f.end;
  }
}

const PROMPTS: Record<RiskKind, string[]> = {
  suicide: [
    "She said she wants to end it all.",
    "He said they would all be better off without me.",
    "He doesn't see the point in going on.",
    "She has been saving up her tablets.",
    "He admitted to stockpiling pills.",
    "He's thinking of topping himself.",
    "She talked about carking it on purpose.",
    "She says there's no reason to live.",
    "He took an overdose last year.",
    "She said she'd jump off the bridge.",
    "He wants to hang himself.",
    "She said she won't be around much longer.",
    "He has said goodbye to everyone.",
    "She gave away her things last week.",
    "Client denied suicidal ideation.",
    "She feels hopeless about the future.",
  ],
  self_harm: ["She is cutting herself again.", "He's been burning his arms.", "She has a history of self-harm.", "He said he hurts himself when he's angry."],
  harm_to_others: ["He wants to hurt him.", "He said he'd kill his neighbour.", "He's been carrying a knife to work.", "He punched a bloke at the pub."],
  child_or_vulnerable_abuse: ["The kids get belted.", "Her stepdad touches her.", "He hit the baby.", "She was sexually abused as a child."],
  family_violence: ["His partner chokes her.", "She's scared to go home.", "He's going to bash his ex.", "There's an intervention order against him."],
};

describe("scanRisk: each kind", () => {
  for (const [kind, sentences] of Object.entries(PROMPTS)) {
    for (const s of sentences) {
      it(`flags "${s}" as ${kind}`, () => {
        const found = scanRisk(s);
        expect(found.map((f) => f.kind)).toContain(kind);
        expectWellFormed(s, found);
      });
    }
  }
});

describe("scanRisk: everyday and clinical language does not prompt", () => {
  const quiet = [
    "We talked about the risk of another rupture.",
    "She killed it at her exam.",
    "She's hopeful about ending therapy well.",
    "I could kill for a coffee.",
    "The session died a death after that.",
    "He cut the session short.",
    "I was ending the session when she cried.",
    "She was dying to tell me.",
    "Self-harm was not discussed.",
    "We didn't ask about suicide this week.",
    "There is a risk of dropout.",
    "He shot down my suggestion.",
    "Hang on, she said.",
    "He overdid it at the gym.",
    "Her self-criticism was loud today.",
    "She says she's hopeless at maths.",
    "She beats herself up about it.",
    "He cut himself off from his friends.",
    "She was killing herself laughing.",
    "He burned himself out at work.",
    "No risk issues identified.",
    "She shot me a look.",
    "It really hit her hard.",
    "She hit her head on the cupboard.",
    "He beat his brother at chess.",
    "Her nan carked it last year.",
  ];
  for (const s of quiet) it(`"${s}"`, () => expect(scanRisk(s)).toEqual([]));
});

describe("scanRisk: negation", () => {
  it("prompts on a denial, because a risk assessment was done and belongs in the Risk section", () => {
    expect(kinds("He denied suicidal ideation.")).toEqual(["suicide"]);
    expect(kinds("She denies any thoughts of self-harm.")).toEqual(["self_harm"]);
  });
  it("does not prompt when the topic was not raised", () => {
    expect(scanRisk("Suicide never came up.")).toEqual([]);
    expect(scanRisk("There was no mention of self-harm.")).toEqual([]);
  });
  it("a client's refusal to talk about it still prompts", () => {
    expect(kinds("He wouldn't talk about wanting to die.")).toEqual(["suicide"]);
  });
  it("a clause break ends the negation", () => {
    expect(kinds("We did not discuss it, but she has been cutting herself.")).toEqual(["self_harm"]);
  });
});

describe("scanRisk: offsets, keys, normalisation", () => {
  it("gives UTF-16 offsets into the original text, emoji and all", () => {
    const text = "Session 3 😔 — she said “I want to end it all” and left.";
    const [f] = scanRisk(text);
    expect(f.text).toBe("want to end it all");
    expect(text.slice(f.start, f.end)).toBe(f.text);
  });
  it("keys are kind plus lowercase words, so spacing, case, hyphens and curly quotes don't matter", () => {
    const a = scanRisk("SELF-HARM")[0];
    const b = scanRisk("self   harm")[0];
    expect(a.key).toBe("self_harm:self harm");
    expect(b.key).toBe(a.key);
    expect(scanRisk("He’s thinking of topping himself")[0].key).toBe(scanRisk("He's thinking of topping himself")[0].key);
  });
  it("merges overlapping phrases of one kind and keeps findings sorted and apart", () => {
    const text = "She wants to end it all. Her partner chokes her and she is scared to go home. He wants to hurt him.";
    const found = scanRisk(text);
    expectWellFormed(text, found);
    expect(found.map((f) => f.text)).toEqual(["wants to end it all", "chokes her", "scared to go home", "wants to hurt him"]);
  });
  it("gives hopelessness its own reason", () => {
    expect(scanRisk("She feels hopeless about life.")[0].reason).toMatch(/^Hopelessness/);
    expect(HOPELESSNESS_NOTE).toMatch(/risk indicator/);
  });
  it("ignores empty and non-string input", () => {
    expect(scanRisk("")).toEqual([]);
    expect(scanRisk(null as unknown as string)).toEqual([]);
  });
  it("has a label for every kind", () => {
    for (const k of RISK_KINDS) expect(RISK_KIND_LABELS[k]).toBeTruthy();
  });
  it("reads Australian slang and clinical shorthand", () => {
    expect(texts("Client reported passive SI, no plan.")).toEqual(["SI"]);
    expect(texts("He said he'd glass the bloke.")).toEqual(["he'd glass the bloke"]);
  });
});

describe("scanRiskFields and riskKindsIn", () => {
  it("returns only fields with findings, and their distinct kinds in a fixed order", () => {
    const found = scanRiskFields({
      whatHappened: "Her partner hits her. She said she wants to die.",
      ownContribution: "I moved on too quickly.",
      nextTime: null,
      other: undefined,
      evidence: "She said she wants to die.",
    });
    expect(Object.keys(found)).toEqual(["whatHappened", "evidence"]);
    expect(riskKindsIn(found)).toEqual(["suicide", "family_violence"]);
    expect(riskKindsIn({})).toEqual([]);
  });
});

describe("scanRisk: hostile input", () => {
  it("scans about 1 MB of adversarial text and returns", () => {
    const inputs = {
      letters: "a".repeat(1_000_000),
      spaces: " ".repeat(1_000_000),
      partialTriggers: "kil wan to en suicid self- cut her ".repeat(30_000),
      fullTriggers: "wants to kill himself and hurt her kids, ".repeat(25_000),
      intentChains: "want to want to going to will would ".repeat(30_000),
      vetoedPhrases: "she hit her head and shot him a look and ".repeat(25_000),
      apostrophes: "a’".repeat(500_000),
    };
    for (const [name, text] of Object.entries(inputs)) {
      const t0 = performance.now();
      const found = scanRisk(text);
      const first = performance.now() - t0;
      scanRisk(text);
      const again = performance.now() - t0 - first;
      console.log(`risk-language 1 MB (${name}, ${text.length} chars): ${first.toFixed(1)} ms first scan, ${again.toFixed(1)} ms again, ${found.length} findings`);
      expect(Array.isArray(found)).toBe(true);
      for (const f of found) expect(f.end).toBeLessThanOrEqual(MAX_SCAN_CHARS);
    }
  });
});

type Entry = { text: string; risk: boolean; kind?: RiskKind; split: "tune" | "heldout" };

describe("risk-language corpus", () => {
  const entries = corpus as Entry[];
  // Floors sit below the figures measured when the held-out split was first run (tune 0.99 / 0.98,
  // held-out 0.95 / 0.67): the held-out sentences were written after tuning and never tuned on.
  const floors = { tune: { precision: 0.95, recall: 0.95 }, heldout: { precision: 0.9, recall: 0.6 } };

  it("has at least 180 labelled sentences, about half of them risk", () => {
    expect(entries.length).toBeGreaterThanOrEqual(180);
    const risky = entries.filter((e) => e.risk).length / entries.length;
    expect(risky).toBeGreaterThan(0.4);
    expect(risky).toBeLessThan(0.6);
    for (const e of entries) if (e.risk) expect(RISK_KINDS).toContain(e.kind);
  });

  for (const split of ["tune", "heldout"] as const) {
    it(`meets its floors on the ${split} split`, () => {
      const rows = entries.filter((e) => e.split === split);
      let tp = 0;
      let fp = 0;
      let fn = 0;
      let kindAgrees = 0;
      for (const e of rows) {
        const found = scanRisk(e.text);
        expectWellFormed(e.text, found);
        if (found.length && e.risk) tp++;
        if (found.length && e.risk && found.some((f) => f.kind === e.kind)) kindAgrees++;
        if (found.length && !e.risk) fp++;
        if (!found.length && e.risk) fn++;
      }
      const precision = tp / (tp + fp);
      const recall = tp / (tp + fn);
      console.log(
        `risk-language corpus (${split}): precision ${precision.toFixed(2)} recall ${recall.toFixed(2)} (n=${rows.length}); kind agrees on ${kindAgrees} of ${tp} found`,
      );
      expect(precision).toBeGreaterThanOrEqual(floors[split].precision);
      expect(recall).toBeGreaterThanOrEqual(floors[split].recall);
    });
  }
});
