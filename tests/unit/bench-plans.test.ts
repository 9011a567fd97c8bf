import { describe, expect, it } from "vitest";
import { explainSection } from "@/scripts/bench/lib/report";
import { replacePlans } from "@/scripts/bench/plans";

const PLAN = "Query Text: select \"id\" from \"cases\" where \"organisation_id\" = $1\nIndex Scan using cases_org_author_request_uq on cases  (cost=0.42..8.44 rows=1 width=16)";

describe("re-recording the benchmark's query plans", () => {
  const section = explainSection({
    counts: { "Review queue": 1 },
    statements: [
      { route: "Review queue", pass: "planner", plan: PLAN },
      { route: "Review queue", pass: "seqscan_off", plan: PLAN },
    ],
  }).join("\n") + "\n";

  it("renders the statements per page and each statement's scans", () => {
    expect(section).toContain("## Query plans");
    expect(section).toContain("Data-layer statements per page (without the session query): Review queue 1.");
    expect(section).toContain("| Review queue | select … cases | Index Scan using cases_org_author_request_uq on cases | Index Scan using cases_org_author_request_uq on cases |");
  });

  it("replaces an existing section and keeps what is around it", () => {
    const report = "# Benchmarks\n\n## Client JavaScript\n\nx\n\n## Query plans\n\nold plans\n\n## De-identification scanner micro-benchmark\n\nscanner\n";
    const out = replacePlans(report, section);
    expect(out).not.toContain("old plans");
    expect(out.startsWith("# Benchmarks\n\n## Client JavaScript\n\nx\n\n## Query plans\n")).toBe(true);
    expect(out.endsWith("## De-identification scanner micro-benchmark\n\nscanner\n")).toBe(true);
    expect(out.match(/## Query plans/g)).toHaveLength(1);
  });

  it("adds the section before the scanner's when a run could not record it", () => {
    const report = "# Benchmarks\n\n## Client JavaScript\n\nx\n\n## De-identification scanner micro-benchmark\n\nscanner\n";
    const out = replacePlans(report, section);
    expect(out.indexOf("## Query plans")).toBeGreaterThan(out.indexOf("x\n"));
    expect(out.indexOf("## Query plans")).toBeLessThan(out.indexOf("## De-identification"));
  });

  it("refuses a report without the scanner's section rather than guess where the plans go", () => {
    expect(() => replacePlans("# Benchmarks\n", section)).toThrow(/no "## De-identification/);
  });
});
