import { describe, expect, it } from "vitest";
import { attemptAvailability } from "./availability";

const now = new Date("2026-12-01T10:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("attempt availability", () => {
  it("allows any number of attempts with no limit and no wait", () => {
    expect(attemptAvailability({ used: 40, lastAt: minutesAgo(0) }, { attemptLimit: null, waitMinutes: 0 }, now)).toEqual({ allowed: true, remaining: null, nextAt: null, reason: null });
  });

  it("counts down a limit and refuses once it is used up", () => {
    expect(attemptAvailability({ used: 0, lastAt: null }, { attemptLimit: 3, waitMinutes: 0 }, now)).toMatchObject({ allowed: true, remaining: 3 });
    expect(attemptAvailability({ used: 2, lastAt: minutesAgo(5) }, { attemptLimit: 3, waitMinutes: 0 }, now)).toMatchObject({ allowed: true, remaining: 1 });
    expect(attemptAvailability({ used: 3, lastAt: minutesAgo(5) }, { attemptLimit: 3, waitMinutes: 0 }, now)).toEqual({ allowed: false, remaining: 0, nextAt: null, reason: "limit" });
    // A limit lowered below what was already used still refuses, and never reports a negative.
    expect(attemptAvailability({ used: 5, lastAt: minutesAgo(5) }, { attemptLimit: 3, waitMinutes: 0 }, now)).toMatchObject({ allowed: false, remaining: 0 });
  });

  it("makes the person wait after an attempt, and says until when", () => {
    const during = attemptAvailability({ used: 1, lastAt: minutesAgo(30) }, { attemptLimit: null, waitMinutes: 60 }, now);
    expect(during).toEqual({ allowed: false, remaining: null, nextAt: minutesAgo(-30), reason: "wait" });
    expect(attemptAvailability({ used: 1, lastAt: minutesAgo(60) }, { attemptLimit: null, waitMinutes: 60 }, now)).toMatchObject({ allowed: true });
    expect(attemptAvailability({ used: 0, lastAt: null }, { attemptLimit: null, waitMinutes: 60 }, now)).toMatchObject({ allowed: true });
  });

  it("reports the limit rather than the wait when both apply", () => {
    expect(attemptAvailability({ used: 2, lastAt: minutesAgo(1) }, { attemptLimit: 2, waitMinutes: 60 }, now)).toMatchObject({ allowed: false, reason: "limit", nextAt: null });
  });
});
