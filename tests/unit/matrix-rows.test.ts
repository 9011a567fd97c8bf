import { describe, expect, it } from "vitest";
import { matrixRowsHtml } from "@/components/tables/matrix-rows";

describe("the completion matrix's rows as a string", () => {
  const modules = [{ id: "m1" }, { id: "m2" }];
  const row = {
    membershipId: "00000000-0000-4000-8000-000000000001",
    name: `<img src=x onerror="alert(1)">`,
    email: "x@test.example",
    role: "trainee" as const,
    cohorts: [`"2027" & <b>`],
    cells: { m1: { status: "overdue" as const, dueAt: new Date("2027-03-01T00:00:00Z") }, m2: null },
  };

  it("escapes every value a member or admin typed", () => {
    const out = matrixRowsHtml([row], modules);
    expect(out).not.toContain("<img");
    expect(out).not.toContain("<b>");
    expect(out).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(out).toContain("&quot;2027&quot; &amp; &lt;b&gt;");
  });

  it("renders one row per member with a cell per module, and a link to the member", () => {
    const out = matrixRowsHtml([row, { ...row, membershipId: "00000000-0000-4000-8000-000000000002", name: "Sam Lee" }], modules);
    expect(out.match(/<tr data-testid="matrix-row">/g)).toHaveLength(2);
    expect(out.match(/<td>/g)).toHaveLength(4);
    expect(out).toContain('href="/admin/members/00000000-0000-4000-8000-000000000002"');
    expect(out).toContain("Not required");
    expect(out).toContain("cm-overdue");
  });
});
