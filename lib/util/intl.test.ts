import { describe, expect, it } from "vitest";
import { DEFAULT_TIME_ZONE, dateTimeFormat, formatDateTime, formatIn, formatIsoDay, formatLongDate, formatShortDate, isTimeZone, timeZoneNames } from "@/lib/util/intl";

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

describe("dates in the organisation's time zone", () => {
  // 14:30 UTC on 30 November is already 1 December in Sydney, still 30 November in Perth and London.
  const late = new Date("2026-11-30T14:30:00Z");

  it("shows the calendar day of the given zone", () => {
    expect(formatLongDate(late, "Australia/Sydney")).toBe("1 December 2026");
    expect(formatLongDate(late, "Australia/Perth")).toBe("30 November 2026");
    expect(formatLongDate(late, "Europe/London")).toBe("30 November 2026");
    expect(formatShortDate(late, "Pacific/Auckland")).toBe("1 Dec 2026");
    expect(formatIsoDay(late, "Australia/Sydney")).toBe("2026-12-01");
    expect(formatIsoDay(late, "UTC")).toBe("2026-11-30");
    expect(formatDateTime(late, "Australia/Perth")).toBe(late.toLocaleString("en-AU", { dateStyle: "medium", timeStyle: "short", timeZone: "Australia/Perth" }));
  });

  it("knows IANA names (and UTC), refuses anything else, and falls back to Sydney for a stored name it no longer knows", () => {
    expect(isTimeZone("Australia/Sydney")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone(undefined)).toBe(false);
    expect(timeZoneNames()).toContain("Europe/London");
    expect(DEFAULT_TIME_ZONE).toBe("Australia/Sydney");
    expect(formatLongDate(late, "Mars/Olympus_Mons")).toBe(formatLongDate(late, "Australia/Sydney"));
    expect(formatLongDate(late, null)).toBe("1 December 2026");
  });
});
