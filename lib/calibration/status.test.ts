import { describe, expect, it } from "vitest";
import { closedWhen, endOfDayIn, roundState, todayIn } from "./status";

describe("when a calibration round is open", () => {
  const now = new Date("2026-06-10T00:00:00Z");
  it("is open until closed by hand or past its due time", () => {
    expect(roundState({ closedAt: null, closesAt: null }, now)).toBe("open");
    expect(roundState({ closedAt: null, closesAt: new Date("2026-06-11T00:00:00Z") }, now)).toBe("open");
    expect(roundState({ closedAt: null, closesAt: new Date("2026-06-09T00:00:00Z") }, now)).toBe("closed");
    expect(roundState({ closedAt: new Date("2026-06-01T00:00:00Z"), closesAt: null }, now)).toBe("closed");
  });

  it("says when it closed: the due time if that came before a manual close", () => {
    const due = new Date("2026-06-05T00:00:00Z");
    expect(closedWhen({ closedAt: new Date("2026-06-08T00:00:00Z"), closesAt: due }, now)).toEqual(due);
    expect(closedWhen({ closedAt: null, closesAt: due }, now)).toEqual(due);
    expect(closedWhen({ closedAt: null, closesAt: null }, now)).toBeNull();
  });

  it("closes at the end of the due day in the organisation's time zone", () => {
    // Sydney is UTC+10 in June: the day after 2026-06-10 begins at 14:00 UTC on the 10th.
    expect(endOfDayIn("2026-06-10", "Australia/Sydney").toISOString()).toBe("2026-06-10T14:00:00.000Z");
    // and UTC+11 in January (daylight saving).
    expect(endOfDayIn("2026-01-10", "Australia/Sydney").toISOString()).toBe("2026-01-10T13:00:00.000Z");
    expect(endOfDayIn("2026-06-10", "UTC").toISOString()).toBe("2026-06-11T00:00:00.000Z");
    expect(endOfDayIn("2026-12-31", "Australia/Perth").toISOString()).toBe("2026-12-31T16:00:00.000Z");
  });

  it("knows today's date in a time zone", () => {
    expect(todayIn("Australia/Sydney", new Date("2026-06-10T15:00:00Z"))).toBe("2026-06-11");
    expect(todayIn("UTC", new Date("2026-06-10T15:00:00Z"))).toBe("2026-06-10");
  });
});
