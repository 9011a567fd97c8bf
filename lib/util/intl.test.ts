import { describe, expect, it } from "vitest";
import { dateTimeFormat, formatIn } from "@/lib/util/intl";

describe("shared date formatters", () => {
  const at = new Date("2026-11-27T05:30:00Z");

  it("format exactly as toLocaleString / toLocaleDateString do", () => {
    const cases: Intl.DateTimeFormatOptions[] = [
      { day: "numeric", month: "short", year: "numeric", timeZone: "Australia/Sydney" },
      { day: "numeric", month: "short", year: "numeric", hour: "numeric", minute: "2-digit", timeZone: "Australia/Sydney" },
      { dateStyle: "medium", timeStyle: "short", timeZone: "Australia/Perth" },
    ];
    for (const o of cases) expect(formatIn(at, "en-AU", o)).toBe(at.toLocaleString("en-AU", o));
    expect(formatIn(at, "en-AU", cases[0])).toBe(at.toLocaleDateString("en-AU", cases[0]));
    expect(formatIn(at, "en-AU", cases[0])).toBe("27 Nov 2026");
  });

  it("reuses one formatter per locale and options, and keeps different options apart", () => {
    const a = dateTimeFormat("en-AU", { timeZone: "Australia/Sydney", year: "numeric" });
    expect(dateTimeFormat("en-AU", { timeZone: "Australia/Sydney", year: "numeric" })).toBe(a);
    expect(dateTimeFormat("en-AU", { timeZone: "Australia/Perth", year: "numeric" })).not.toBe(a);
    expect(dateTimeFormat("en-CA", { timeZone: "Australia/Sydney", year: "numeric" })).not.toBe(a);
  });
});
