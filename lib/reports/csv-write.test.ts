import { describe, expect, it } from "vitest";
import { parseCsv } from "@/lib/onboarding/csv";
import { csvCell, toCsv } from "./csv-write";

describe("csv writing", () => {
  it("quotes commas, quotes and line breaks so the file reads back the same", () => {
    const text = toCsv(["a", "b"], [["x, y", 'say "hi"'], ["two\nlines", 3]]);
    expect(text.startsWith("\ufeff")).toBe(true);
    const r = parseCsv(text.slice(1));
    expect(r.ok && r.records.map((x) => x.fields)).toEqual([["a", "b"], ["x, y", 'say "hi"'], ["two\nlines", "3"]]);
  });
  it("defuses cells a spreadsheet would run as formulas, but not numbers", () => {
    expect(csvCell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+61 2 5550 0000")).toBe("'+61 2 5550 0000");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
  });
});
