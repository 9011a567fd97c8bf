import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { validCase, sixRatings } from "@/tests/fixtures/cases";
import { diffWords } from "./diff";
import { allianceGap, countUnresolved, scanCase, scannableText, unresolvedFieldErrors } from "./guard";
import { agreementOverTime, buildInsight, notEvidentCounts } from "./insight-calc";
import { buildCasePdf, toWinAnsi } from "./pdf";
import { locateQuote } from "./quote";

describe("de-identification guard", () => {
  it("scans the narrative and the self-assessment notes", () => {
    const c = validCase({ whatHappened: "She said to call her on 0412 345 678 after the session." });
    c.selfAssessment.c3_congruence = { rating: "partly_evident", evidence: "Email me at jo@example.com" };
    expect(Object.keys(scannableText(c))).toContain("selfAssessment.c3_congruence.evidence");
    const findings = scanCase(c, []);
    expect(findings.whatHappened.map((f) => f.kind)).toContain("phone");
    expect(findings["selfAssessment.c3_congruence.evidence"].map((f) => f.kind)).toContain("email");
    expect(countUnresolved(findings)).toBe(2);
  });

  it("treats a finding as resolved only when dismissed for the same field and key", () => {
    const c = validCase({ whatHappened: "She said to call her on 0412 345 678 after the session." });
    const [phone] = scanCase(c, []).whatHappened;
    expect(countUnresolved(scanCase(c, [{ field: "nextTime", key: phone.key, reason: "x" }]))).toBe(1);
    const dismissed = scanCase(c, [{ field: "whatHappened", key: phone.key, reason: "a made-up example" }]);
    expect(countUnresolved(dismissed)).toBe(0);
    expect(dismissed.whatHappened[0].dismissed?.reason).toBe("a made-up example");
  });

  it("says what is still flagged, per field, for a refused submission", () => {
    const errors = unresolvedFieldErrors(scanCase(validCase({ nextTime: "Write to jo@example.com and visit https://example.org" }), []));
    expect(errors.nextTime[0]).toMatch(/^2 suspected identifiers are still flagged here \("jo@example.com", "https:\/\/example.org"\)/);
  });

  it("leaves a clean case without findings", () => {
    expect(countUnresolved(scanCase(validCase(), []))).toBe(0);
  });

  it("shows the alliance gap as client minus trainee, only where both gave a view", () => {
    expect(allianceGap({ therapist: { goals: 4, tasks: 3 }, client: { goals: 2, bond: 5 } })).toEqual([
      { dimension: "goals", therapist: 4, client: 2, gap: -2 },
      { dimension: "tasks", therapist: 3, client: null, gap: null },
      { dimension: "bond", therapist: null, client: 5, gap: null },
    ]);
  });
});

describe("quotes", () => {
  it("locate a passage despite different whitespace, and refuse one that isn't there", () => {
    const content = { whatHappened: "First line.\nThe client went\nquiet when I set homework.", nextTime: "Check in sooner." };
    expect(locateQuote(content, "went quiet when")).toEqual({ field: "whatHappened", start: 23, end: 38, text: "went\nquiet when" });
    expect(locateQuote(content, "Check in")).toMatchObject({ field: "nextTime", start: 0, end: 8 });
    expect(locateQuote(content, "not in the case")).toBeNull();
    expect(locateQuote(content, "(.*)")).toBeNull();
  });
});

describe("version compare", () => {
  it("marks added and removed words", () => {
    expect(diffWords("the client went quiet", "the client became quiet again")).toEqual([
      { type: "same", text: "the client " },
      { type: "removed", text: "went" },
      { type: "added", text: "became" },
      { type: "same", text: " quiet" },
      { type: "added", text: " again" },
    ]);
    expect(diffWords("", "new")).toEqual([{ type: "added", text: "new" }]);
    expect(diffWords("on with the task before checking how it sat.", "on with the task and felt anxious when quiet.")).toEqual([
      { type: "same", text: "on with the task " },
      { type: "removed", text: "before checking how it sat." },
      { type: "added", text: "and felt anxious when quiet." },
    ]);
    expect(diffWords("I pressed on before checking", "I pressed on and felt anxious before checking")).toEqual([
      { type: "same", text: "I pressed on " },
      { type: "added", text: "and felt anxious " },
      { type: "same", text: "before checking" },
    ]);
  });
});

describe("insight", () => {
  const at = (d: string) => new Date(d);
  const self = validCase().selfAssessment;
  const reviews = [
    { caseId: "a", at: at("2025-01-01"), ratings: sixRatings("not_evident"), self },
    { caseId: "a", at: at("2025-02-01"), ratings: sixRatings("partly_evident"), self },
    { caseId: "b", at: at("2025-03-01"), ratings: { ...sixRatings("clearly_evident"), c5_empathy: { rating: "not_evident", evidence: "" } }, self },
  ];
  it("counts conditions rated not evident on each case's latest review only", () => {
    const counts = notEvidentCounts(reviews);
    expect(counts[0]).toEqual({ code: "c5_empathy", n: 1, of: 2 });
    expect(counts.find((c) => c.code === "c1_contact")).toEqual({ code: "c1_contact", n: 0, of: 2 });
  });
  it("measures self and supervisor agreement per review, in time order", () => {
    expect(agreementOverTime([reviews[2], reviews[0], reviews[1]]).map((p) => [p.caseId, p.agreed, p.compared])).toEqual([
      ["a", 1, 6],
      ["a", 3, 6],
      ["b", 2, 6],
    ]);
  });
  it("counts by type and outcome and rates strategies by resolution", () => {
    const i = buildInsight(
      [
        { ruptureType: "withdrawal", outcome: "resolved", strategies: ["r_clarify", "r_listening"] },
        { ruptureType: "withdrawal", outcome: "unresolved", strategies: ["r_clarify"] },
        { ruptureType: "confrontation", outcome: "resolved", strategies: ["r_listening"] },
      ],
      [],
    );
    expect(i.byType).toEqual([
      { key: "withdrawal", n: 2 },
      { key: "confrontation", n: 1 },
      { key: "mixed", n: 0 },
    ]);
    expect(i.byOutcome.find((o) => o.key === "resolved")?.n).toBe(2);
    expect(i.byStrategy.map((s) => [s.code, s.used, s.rate])).toEqual([
      ["r_listening", 2, 1],
      ["r_clarify", 2, 0.5],
    ]);
  });
});

describe("PDF", () => {
  it("maps text onto WinAnsi", () => {
    expect(toWinAnsi("café – “quoted” … €5")).toBe("café – “quoted” … €5");
    expect(toWinAnsi("Zoë ő ⅓ 日本 −1 → ok\r\n\tx")).toBe("Zoë o ? ?? -1 -> ok\n    x");
  });

  it("prints the case and the signature block, with any characters", async () => {
    const content = validCase({ whatHappened: "The client said “I’m fine” – then went quiet. Ωmega ✓ done." });
    const bytes = await buildCasePdf({
      orgName: "Harbourside",
      authorName: "Alex Trainee",
      clientCode: content.clientCode,
      codeListVersion: "2026.1",
      content,
      signedOffByName: "Sam Supervisor",
      signedOffAt: new Date("2025-04-02T03:04:00Z"),
      signedOffVersion: 2,
      ratings: { ...sixRatings("clearly_evident"), c5_empathy: { rating: "partly_evident", evidence: "Some.", quote: { field: "whatHappened", start: 0, end: 10, text: "The client" } } },
    });
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    expect(text).toContain("Rupture case RC-07");
    expect(text).toContain("I’m fine");
    expect(text).toContain("?mega ? done");
    expect(text).toContain("Signed off by: Sam Supervisor");
    expect(text).toContain("2 April 2025");
    expect(text).toContain("Case version: 2");
    expect(text).toContain("Quoted: \"The client\"");
    expect(text).toContain("Minimal responses (short answers, silence)");
  });
});
