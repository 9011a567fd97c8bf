import { describe, expect, it } from "vitest";
import { dayKey, DAY_MS, earliestDue, endOfDay, moduleStatus, reminderKind } from "./due";

describe("due dates", () => {
  it("a fixed date means the end of that day in Sydney, in and out of daylight saving", () => {
    expect(endOfDay("2027-06-30", "Australia/Sydney").toISOString()).toBe("2027-06-30T13:59:59.999Z"); // AEST +10
    expect(endOfDay("2027-01-15", "Australia/Sydney").toISOString()).toBe("2027-01-15T12:59:59.999Z"); // AEDT +11
    expect(endOfDay("2027-01-15", "UTC").toISOString()).toBe("2027-01-15T23:59:59.999Z");
  });

  it("N days after joining counts from the join time", () => {
    const joined = new Date("2027-02-01T00:00:00Z");
    expect(earliestDue([{ dueOn: null, dueDays: 10 }], joined)?.toISOString()).toBe("2027-02-11T00:00:00.000Z");
  });

  it("takes the earliest of several rules, and null when none has a date", () => {
    const joined = new Date("2027-02-01T00:00:00Z");
    const d = earliestDue([{ dueOn: "2027-12-31", dueDays: null }, { dueOn: null, dueDays: 5 }], joined, "UTC");
    expect(d?.toISOString()).toBe("2027-02-06T00:00:00.000Z");
    expect(earliestDue([], joined)).toBeNull();
  });

  it("gives the calendar day in the zone", () => {
    expect(dayKey(new Date("2027-01-15T14:00:00Z"), "Australia/Sydney")).toBe("2027-01-16");
    expect(dayKey(new Date("2027-01-15T14:00:00Z"), "UTC")).toBe("2027-01-15");
  });
});

describe("statuses and reminders", () => {
  const now = new Date("2027-03-01T00:00:00Z");
  const past = new Date(now.getTime() - 1000);
  const soon = new Date(now.getTime() + 2 * DAY_MS);
  const later = new Date(now.getTime() + 30 * DAY_MS);
  it("complete beats overdue, overdue beats in progress", () => {
    expect(moduleStatus({ complete: true, started: true, dueAt: past, now })).toBe("complete");
    expect(moduleStatus({ complete: false, started: true, dueAt: past, now })).toBe("overdue");
    expect(moduleStatus({ complete: false, started: true, dueAt: later, now })).toBe("in_progress");
    expect(moduleStatus({ complete: false, started: false, dueAt: null, now })).toBe("not_started");
  });
  it("reminds when overdue or due within three days, not otherwise", () => {
    expect(reminderKind(past, now)).toBe("overdue");
    expect(reminderKind(soon, now)).toBe("due_soon");
    expect(reminderKind(later, now)).toBeNull();
    expect(reminderKind(null, now)).toBeNull();
  });
});

describe("day boundaries", () => {
  it("start of day in Sydney and day validation", async () => {
    const { startOfDay, isDay } = await import("./due");
    expect(startOfDay("2027-06-30", "Australia/Sydney").toISOString()).toBe("2027-06-29T14:00:00.000Z");
    expect(isDay("2027-02-28")).toBe(true);
    expect(isDay("2027-02-30")).toBe(false);
    expect(isDay("2027-13-01")).toBe(false);
    expect(isDay("yesterday")).toBe(false);
  });
});
