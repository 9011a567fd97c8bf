import { describe, expect, it } from "vitest";
import { scanText } from "@/lib/cases/identifiers";
import { scanRisk } from "@/lib/cases/risk-language";
import { MARKER_CODES, MARKER_TYPE, RUPTURE_TYPE_CODES, STRATEGY_CODES, type MarkerCode } from "./drill-codes";
import { SHIPPED_DRILLS, type ShippedDrill } from "./shipped-drills";

/** Every string a trainee may read in a drill, labelled for failure messages. */
function textsOf(d: ShippedDrill): [string, string][] {
  return [
    ["title", d.title],
    ["context", d.context],
    ...d.clientLines.map((l, i): [string, string] => [`clientLines[${i}]`, l]),
    ["modelResponse", d.modelResponse],
    ...d.pitfalls.map((p, i): [string, string] => [`pitfalls[${i}]`, p]),
  ];
}
const allTexts = SHIPPED_DRILLS.flatMap((d) => textsOf(d).map(([field, text]) => ({ where: `${d.slug} ${field}`, text })));

/** Sentences, roughly: a run ending in . ? ! or … followed by a space or the end. */
const sentences = (s: string) => s.split(/(?<=[.?!…])\s+(?=[A-Z(‘“])/u).filter((x) => x.trim() !== "");

describe("the shipped drills", () => {
  it("number at least thirty-six", () => {
    expect(SHIPPED_DRILLS.length).toBeGreaterThanOrEqual(36);
  });

  it("have unique kebab-case slugs", () => {
    const slugs = SHIPPED_DRILLS.map((d) => d.slug);
    for (const s of slugs) expect(s, s).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it("use known rupture types, one to three distinct known markers, and known distinct strategies", () => {
    for (const d of SHIPPED_DRILLS) {
      expect(RUPTURE_TYPE_CODES, d.slug).toContain(d.ruptureType);
      expect(d.markers.length, d.slug).toBeGreaterThanOrEqual(1);
      expect(d.markers.length, d.slug).toBeLessThanOrEqual(3);
      expect(new Set(d.markers).size, d.slug).toBe(d.markers.length);
      for (const m of d.markers) expect(MARKER_CODES, d.slug).toContain(m);
      expect(d.suggestedStrategies.length, d.slug).toBeGreaterThanOrEqual(1);
      expect(new Set(d.suggestedStrategies).size, d.slug).toBe(d.suggestedStrategies.length);
      for (const s of d.suggestedStrategies) expect(STRATEGY_CODES, d.slug).toContain(s);
      expect([1, 2, 3], d.slug).toContain(d.difficulty);
      expect(["cbt", "person_centred", "either"], d.slug).toContain(d.lens);
    }
  });

  it("hold markers of their own rupture type, and a mixed drill holds markers of both types", () => {
    for (const d of SHIPPED_DRILLS) {
      const groups = new Set(d.markers.map((m) => MARKER_TYPE[m]));
      if (d.ruptureType === "mixed") expect([...groups].sort(), d.slug).toEqual(["confrontation", "withdrawal"]);
      else expect([...groups], d.slug).toEqual([d.ruptureType]);
    }
  });

  it("cover every withdrawal and confrontation marker at two or more difficulty levels", () => {
    const levels = new Map<MarkerCode, Set<number>>(MARKER_CODES.map((m) => [m, new Set<number>()]));
    for (const d of SHIPPED_DRILLS) for (const m of d.markers) levels.get(m)!.add(d.difficulty);
    const thin = [...levels].filter(([, l]) => l.size < 2).map(([m, l]) => `${m}: ${[...l].join(",") || "none"}`);
    expect(thin).toEqual([]);
  });

  it("include every difficulty level, both lenses and every rupture type", () => {
    expect(new Set(SHIPPED_DRILLS.map((d) => d.difficulty))).toEqual(new Set([1, 2, 3]));
    const lenses = new Set(SHIPPED_DRILLS.map((d) => d.lens));
    expect(lenses.has("cbt") && lenses.has("person_centred")).toBe(true);
    expect(new Set(SHIPPED_DRILLS.map((d) => d.ruptureType))).toEqual(new Set(RUPTURE_TYPE_CODES));
  });

  it("keep to the contract's lengths: 2-4 sentences of context, 1-4 client lines, a 1-3 sentence model response, 1-3 pitfalls", () => {
    for (const d of SHIPPED_DRILLS) {
      expect(d.title.trim(), d.slug).not.toBe("");
      const ctx = sentences(d.context).length;
      expect(ctx >= 2 && ctx <= 4, `${d.slug}: context has ${ctx} sentences`).toBe(true);
      expect(d.clientLines.length >= 1 && d.clientLines.length <= 4, d.slug).toBe(true);
      for (const l of d.clientLines) expect(l.trim(), d.slug).not.toBe("");
      const model = sentences(d.modelResponse).length;
      expect(model >= 1 && model <= 3, `${d.slug}: model response has ${model} sentences`).toBe(true);
      expect(d.pitfalls.length >= 1 && d.pitfalls.length <= 3, d.slug).toBe(true);
    }
  });

  // De-identified to a case's standard (TAXONOMY.md section 6): the app's own scanner flags
  // nothing, and, more strictly, no drill text holds a digit or anything shaped like an email or
  // web address, so no phone number, date, ID number or age can slip in.
  it("hold nothing the case identifier scanner flags", () => {
    const flagged = allTexts.flatMap(({ where, text }) => scanText(text).map((f) => `${where}: ${f.kind} “${f.text}”`));
    expect(flagged).toEqual([]);
  });

  it("hold no digits, email addresses or web addresses", () => {
    const bad = allTexts.filter(({ text }) => /\d|@|https?:|www\.|\.(?:com|org|net|au)\b/i.test(text)).map((t) => t.where);
    expect(bad).toEqual([]);
  });

  // Drills practise alliance repair, not risk assessment: nothing in them should prompt the
  // case form's risk check (TAXONOMY.md section 7).
  it("hold no language the case risk check would prompt on", () => {
    const prompted = allTexts.flatMap(({ where, text }) => scanRisk(text).map((f) => `${where}: ${f.kind} “${f.text}”`));
    expect(prompted).toEqual([]);
  });

  it("are written in Australian English", () => {
    const american = /\b(?:organiz\w*|counsel(?:ing|or)s?|behaviors?|colors?|centers?|recogniz\w*|apologiz\w*|realiz\w*|favor\w*|judgment|practicing|practiced)\b/i;
    const bad = allTexts.filter(({ text }) => american.test(text)).map(({ where, text }) => `${where}: ${text.match(american)![0]}`);
    expect(bad).toEqual([]);
  });
});
