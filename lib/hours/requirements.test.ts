import { describe, expect, it } from "vitest";
import { CATEGORY_CODES, categoryFromText } from "./categories";
import { emptyTotals, evaluate, percent, rulesSchema, splitWindow, windowBounds, type RequirementRules } from "./requirements";
import { STANDARD_SETS } from "./standard-sets";

describe("evaluating a requirement set against a trainee's totals", () => {
  const rules: RequirementRules = {
    lines: [
      { key: "direct", label: "Client contact", minutes: 40 * 60, categories: ["direct_individual", "direct_couple_family", "direct_group"] },
      { key: "supervision", label: "Supervision", minutes: 10 * 60, categories: ["supervision_individual", "supervision_group"] },
    ],
    ratio: { contactHoursPerSupervisionHour: 4, contact: ["direct_individual", "direct_couple_family", "direct_group"], supervision: ["supervision_individual", "supervision_group"] },
    window: { from: null, to: null, months: null },
  };

  it("adds the categories of each line by status and says what is still needed", () => {
    const t = emptyTotals();
    t.direct_individual.approved = 600; // 10 h
    t.direct_group.approved = 300; // 5 h
    t.direct_couple_family.submitted = 120; // 2 h pending
    t.direct_individual.returned = 30;
    t.skills_practice.approved = 600; // role-play: counts towards neither line
    t.supervision_individual.approved = 180; // 3 h
    const e = evaluate(rules, t);
    expect(e.lines[0]).toMatchObject({ required: 2400, approved: 900, pending: 120, returned: 30, remaining: 1500, met: false });
    expect(e.lines[1]).toMatchObject({ required: 600, approved: 180, remaining: 420, met: false });
    // 15 h of contact calls for 3 h 45 min of supervision; 3 h approved: 45 min short.
    expect(e.ratio).toMatchObject({ contactApproved: 900, supervisionApproved: 180, supervisionRequired: 225, remaining: 45, met: false });
    expect(e.complete).toBe(false);
  });

  it("is complete only when every line and the ratio are met", () => {
    const t = emptyTotals();
    t.direct_individual.approved = 2400;
    t.supervision_group.approved = 600;
    expect(evaluate(rules, t).complete).toBe(true);
    t.direct_individual.approved = 2401 * 2; // 80 h needs 20 h of supervision
    expect(evaluate(rules, t).ratio?.met).toBe(false);
    expect(evaluate(rules, t).complete).toBe(false);
  });

  it("counts a fixed period and a rolling number of months, whichever starts later", () => {
    expect(windowBounds({ ...rules, window: { from: "2026-01-01", to: "2026-12-31", months: null } }, "2027-05-01")).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(windowBounds({ ...rules, window: { from: null, to: null, months: 6 } }, "2027-05-01")).toEqual({ from: "2026-11-01", to: null });
    expect(windowBounds({ ...rules, window: { from: "2027-01-01", to: null, months: 6 } }, "2027-05-01")).toEqual({ from: "2027-01-01", to: null });
    expect(percent(900, 2400)).toBe(37);
    expect(percent(5000, 2400)).toBe(100);
  });
});

describe("the published sets Rapport ships", () => {
  it("are valid rules, each with a source and the day its figures were checked", () => {
    for (const s of STANDARD_SETS) {
      expect(rulesSchema.safeParse(s.rules).success, s.key).toBe(true);
      expect(s.source, s.key).toMatch(/https?:\/\//);
      expect(s.description, s.key).toMatch(/checked on/);
    }
    expect(new Set(STANDARD_SETS.map((s) => s.key)).size).toBe(STANDARD_SETS.length);
  });

  it("never count role-plays as direct contact, and flag a figure we could not confirm", () => {
    for (const s of STANDARD_SETS) for (const l of s.rules.lines) if (/direct|contact|client/i.test(l.label)) expect(l.categories, `${s.key} ${l.label}`).not.toContain("skills_practice");
    const bacp = STANDARD_SETS.find((s) => s.key === "bacp-course-placement-2026")!;
    expect(bacp.description).toMatch(/could not confirm/);
  });
});

describe("category names a spreadsheet may use", () => {
  it("reads codes, labels and common names", () => {
    for (const c of CATEGORY_CODES) expect(categoryFromText(c)).toBe(c);
    expect(categoryFromText("Direct client contact: individual")).toBe("direct_individual");
    expect(categoryFromText("Group supervision")).toBe("supervision_group");
    expect(categoryFromText("role-play")).toBe("skills_practice");
    expect(categoryFromText("Case notes")).toBe("indirect_notes");
    expect(categoryFromText("lunch")).toBeNull();
  });

  it("cuts a window into the whole months the running totals answer and the part-months at its ends", () => {
    expect(splitWindow({ from: null, to: null })).toEqual({ months: { from: null, to: null }, edges: [] });
    // Month-aligned at both ends: months only.
    expect(splitWindow({ from: "2026-01-01", to: "2026-12-31" })).toEqual({ months: { from: "2026-01-01", to: "2027-01-01" }, edges: [] });
    // Mid-month at both ends (a 29-day February in a leap year).
    expect(splitWindow({ from: "2024-01-15", to: "2024-03-10" })).toEqual({
      months: { from: "2024-02-01", to: "2024-03-01" },
      edges: [
        { from: "2024-01-15", to: "2024-01-31" },
        { from: "2024-03-01", to: "2024-03-10" },
      ],
    });
    expect(splitWindow({ from: "2026-11-01", to: "2026-11-30" })).toEqual({ months: { from: "2026-11-01", to: "2026-12-01" }, edges: [] });
    // Open at one end.
    expect(splitWindow({ from: "2026-06-02", to: null })).toEqual({ months: { from: "2026-07-01", to: null }, edges: [{ from: "2026-06-02", to: "2026-06-30" }] });
    expect(splitWindow({ from: null, to: "2026-02-27" })).toEqual({ months: { from: null, to: "2026-02-01" }, edges: [{ from: "2026-02-01", to: "2026-02-27" }] });
    // No whole month inside: all from the entries; an empty window counts nothing.
    expect(splitWindow({ from: "2026-05-03", to: "2026-05-20" })).toEqual({ months: null, edges: [{ from: "2026-05-03", to: "2026-05-20" }] });
    expect(splitWindow({ from: "2026-05-20", to: "2026-06-10" })).toEqual({ months: null, edges: [{ from: "2026-05-20", to: "2026-06-10" }] });
    expect(splitWindow({ from: "2026-06-10", to: "2026-05-20" })).toEqual({ months: null, edges: [] });
  });
});
