import { describe, expect, it } from "vitest";
import { cases, hourEntries } from "@/db/schema";
import { copyCell, copyPlan } from "@/scripts/seed/large/copy";

describe("COPY text format for the generated rows", () => {
  it("writes NULL as \\N and escapes backslashes, tabs and line breaks", () => {
    expect(copyCell(null)).toBe("\\N");
    expect(copyCell(undefined)).toBe("\\N");
    expect(copyCell("a\tb\nc\\d\re")).toBe("a\\tb\\nc\\\\d\\re");
    expect(copyCell(true)).toBe("t");
    expect(copyCell(42)).toBe("42");
    expect(copyCell(new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)))).toBe("2026-01-02T03:04:05.006Z");
    expect(copyCell({ note: "line\nbreak" })).toBe('{"note":"line\\\\nbreak"}');
  });

  it("sends the columns the rows give, by their SQL names, with jsonb and timestamps encoded", () => {
    const plan = copyPlan(cases, [
      { id: "00000000-0000-4000-8000-000000000001", organisationId: "00000000-0000-4000-8000-000000000002", authorMembershipId: "00000000-0000-4000-8000-000000000003", status: "draft", version: 2, content: { a: 1 }, codeListVersion: "2026", createdAt: new Date(Date.UTC(2026, 0, 1)) },
    ]);
    expect(plan).not.toBeNull();
    expect(plan!.sqlColumns).toEqual(expect.arrayContaining(["id", "organisation_id", "author_membership_id", "content", "created_at"]));
    expect(plan!.sqlColumns).not.toContain("updated_at");
    const line = plan!.encode({ id: "i", organisationId: "o", authorMembershipId: "m", status: "draft", version: 2, content: { a: 1 }, codeListVersion: "2026", createdAt: new Date(Date.UTC(2026, 0, 1)) });
    expect(line.endsWith("\n")).toBe(true);
    expect(line).toContain('{"a":1}');
    expect(line).toContain("2026-01-01T00:00:00.000Z");
  });

  it("gives up (multi-row INSERT instead) when one row sets a column that another leaves to an SQL default", () => {
    const base = { organisationId: "o", traineeMembershipId: "t", traineePlacementId: "p", occurredOn: "2026-01-01", minutes: 60, category: "direct_individual", createdVia: "form" };
    expect(copyPlan(hourEntries, [{ ...base, createdAt: new Date() }, { ...base }])).toBeNull();
    expect(copyPlan(hourEntries, [{ ...base }, { ...base }])).not.toBeNull();
  });

  it("fills a missing value from a plain default, and leaves nullable columns NULL", () => {
    const plan = copyPlan(hourEntries, [
      { organisationId: "o", traineeMembershipId: "t", traineePlacementId: "p", occurredOn: "2026-01-01", minutes: 60, category: "direct_individual", createdVia: "form", note: "x", returnReason: "r" },
      { organisationId: "o", traineeMembershipId: "t", traineePlacementId: "p", occurredOn: "2026-01-01", minutes: 60, category: "direct_individual", createdVia: "form" },
    ])!;
    const cols = plan.sqlColumns;
    const second = plan.encode({ organisationId: "o", traineeMembershipId: "t", traineePlacementId: "p", occurredOn: "2026-01-01", minutes: 60, category: "direct_individual", createdVia: "form" }).trimEnd().split("\t");
    expect(second[cols.indexOf("note")]).toBe("");
    expect(second[cols.indexOf("return_reason")]).toBe("\\N");
  });
});
