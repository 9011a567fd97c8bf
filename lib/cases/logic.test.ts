import { describe, expect, it } from "vitest";
import { extractText, getDocumentProxy } from "unpdf";
import { legacyCase, reviewRatings, sixRatings, validCase } from "@/tests/fixtures/cases";
import { diffWords } from "./diff";
import { allianceGap } from "./alliance";
import { countUnresolved, scanCase, scannableText, unresolvedFieldErrors } from "./identifier-check";
import { buildInsight, notEvidentCounts, strategiesUsed, viewDifferences } from "./insight-calc";
import { buildCasePdf } from "./pdf";
import { toWinAnsi } from "@/lib/pdf/text";
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

  it("scans the c1/c2 notes, skips text left under a condition not chosen, and reads the old six-rating shape", () => {
    const c = validCase();
    const self = { ...c.selfAssessment, c1_contact: { note: "Ring 0412 345 678" }, c4_upr: { rating: "partly_evident", evidence: "jo@example.com" } };
    const fields = Object.keys(scannableText({ ...c, selfAssessment: self }));
    expect(fields).toContain("selfAssessment.c1_contact.note");
    expect(fields).not.toContain("selfAssessment.c4_upr.evidence");
    const old = legacyCase();
    (old.selfAssessment as Record<string, { evidence: string }>).c6_perceived.evidence = "jo@example.com";
    expect(Object.keys(scanCase(old, []))).toEqual(["selfAssessment.c6_perceived.evidence"]);
    expect(Object.keys(scannableText(old)).filter((f) => f.startsWith("selfAssessment"))).toHaveLength(6);
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
    { caseId: "a", at: at("2025-01-01"), ratings: reviewRatings("not_evident"), self },
    { caseId: "a", at: at("2025-02-01"), ratings: reviewRatings("partly_evident"), self },
    { caseId: "b", at: at("2025-03-01"), ratings: reviewRatings("clearly_evident", { c5_empathy: { rating: "not_evident", evidence: "" } }), self },
  ];
  it("counts conditions 3 to 6 rated not evident on each case's latest review only, never c1 or c2", () => {
    const old = { caseId: "c", at: at("2025-03-02"), ratings: sixRatings("not_evident"), self: legacyCase().selfAssessment, codeListVersion: "2026.1" };
    const counts = notEvidentCounts([...reviews, old]);
    expect(counts.map((c) => c.code)).toEqual(["c3_congruence", "c4_upr", "c5_empathy", "c6_perceived"]);
    expect(counts.find((c) => c.code === "c5_empathy")).toEqual({ code: "c5_empathy", n: 2, of: 3 });
    expect(counts.find((c) => c.code === "c4_upr")).toEqual({ code: "c4_upr", n: 1, of: 1 });
  });
  it("shows where self and supervisor differ, per condition, with no direction over time", () => {
    // validCase rates c3 partly evident and c5 not evident; the latest reviews rate c3 partly (a)
    // and clearly (b), c5 partly (a) and not evident (b).
    const d = viewDifferences([reviews[2], reviews[0], reviews[1]]);
    expect(d.find((x) => x.code === "c3_congruence")).toEqual({ code: "c3_congruence", compared: 2, same: 1, selfHigher: 0, supervisorHigher: 1, notAssessable: 0 });
    expect(d.find((x) => x.code === "c5_empathy")).toEqual({ code: "c5_empathy", compared: 2, same: 1, selfHigher: 0, supervisorHigher: 1, notAssessable: 0 });
    expect(d.find((x) => x.code === "c4_upr")?.compared).toBe(0);
    // An old review compares all four therapist conditions, never c1/c2; "not assessable" is its own column.
    const old = viewDifferences([{ caseId: "c", at: at("2025-01-01"), ratings: sixRatings("partly_evident"), self: legacyCase().selfAssessment, codeListVersion: "2026.1" }]);
    expect(old.map((x) => [x.code, x.compared, x.same, x.selfHigher, x.supervisorHigher, x.notAssessable])).toEqual([
      ["c3_congruence", 1, 1, 0, 0, 0],
      ["c4_upr", 1, 1, 0, 0, 0],
      ["c5_empathy", 1, 0, 0, 1, 0],
      ["c6_perceived", 1, 0, 0, 0, 1],
    ]);
  });
  it("counts by type and outcome, and lists the strategies used with counts, in list order, with no ranking", () => {
    const list = [
      { ruptureType: "withdrawal", outcome: "resolved", strategies: ["r_listening", "r_clarify"] },
      { ruptureType: "withdrawal", outcome: "unresolved", strategies: ["r_clarify"] },
      { ruptureType: "confrontation", outcome: "resolved", strategies: ["r_listening"] },
      { ruptureType: "confrontation", outcome: "resolved", strategies: ["r_listening"] },
    ];
    const i = buildInsight(list, []);
    expect(i.byType).toEqual([
      { key: "withdrawal", n: 2 },
      { key: "confrontation", n: 2 },
      { key: "mixed", n: 0 },
    ]);
    expect(i.byOutcome.find((o) => o.key === "resolved")?.n).toBe(3);
    // r_clarify comes first (its place in the list) though r_listening was used more and "resolved" more often.
    expect(strategiesUsed(list)).toEqual([
      { code: "r_clarify", family: "immediate", n: 2 },
      { code: "r_listening", family: "reflective", n: 3 },
    ]);
    expect(i).not.toHaveProperty("byStrategy");
    expect(JSON.stringify(i.strategies)).not.toMatch(/rate|resolved/);
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
      codeListVersion: "2026.2",
      content,
      signedOffByName: "Sam Supervisor",
      signedOffAt: new Date("2025-04-02T03:04:00Z"),
      signedOffVersion: 2,
      ratings: {
        c1_contact: { note: "Contact held." },
        c3_congruence: { rating: "clearly_evident", evidence: "Seen." },
        c5_empathy: { rating: "partly_evident", evidence: "Some.", quote: { field: "whatHappened", start: 0, end: 10, text: "The client" } },
        c6_perceived: { rating: "not_evident", evidence: "Added." },
      },
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
    expect(text).toContain("Session 6, 2025");
    expect(text).toContain("not a validated measure");
    expect(text).toContain("judging by inference");
    expect(text).toContain("Note: Contact held.");
    expect(text).toContain("communicate it (chosen by the trainee)");
    expect(text).toMatch(/regard \(added by the supervisor\)/);
    expect(text).not.toContain("therapist experienced unconditional positive regard");
  });

  it("prints a case stored under code lists 2026.1 as it was rated, without its month", async () => {
    const bytes = await buildCasePdf({
      orgName: "Harbourside",
      authorName: "Alex Trainee",
      clientCode: "OLD-1",
      codeListVersion: "2026.1",
      content: legacyCase(),
      signedOffByName: "Sam Supervisor",
      signedOffAt: new Date("2025-04-02T03:04:00Z"),
      signedOffVersion: 1,
      ratings: sixRatings("partly_evident"),
    });
    const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
    expect(text).toContain("Session 6, 2025");
    expect(text).not.toContain("March");
    expect(text).toContain("Self: Clearly evident. We stayed in contact throughout.");
    expect(text).toContain("Self: Not assessable. Too little in the session to judge.");
    expect(text.match(/Supervisor: Partly evident/g)).toHaveLength(6);
  });
});
