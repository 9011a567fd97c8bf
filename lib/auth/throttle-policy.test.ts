import { describe, expect, it } from "vitest";
import { delayAfter, HARD_LOCK_FAILURES, MAX_DELAY_MS, shouldHardLock, verdict } from "./throttle-policy";

describe("sign-in throttling policy", () => {
  it("lets the first four failures through with no delay, then doubles from one second", () => {
    expect([1, 2, 3, 4].map(delayAfter)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(delayAfter)).toEqual([1000, 2000, 4000, 8000]);
  });

  it("caps the delay at fifteen minutes", () => {
    expect(delayAfter(40)).toBe(MAX_DELAY_MS);
  });

  it("hard-locks accounts, never addresses, at fifty failures", () => {
    expect(shouldHardLock("email:a@b.example", HARD_LOCK_FAILURES - 1)).toBe(false);
    expect(shouldHardLock("email:a@b.example", HARD_LOCK_FAILURES)).toBe(true);
    expect(shouldHardLock("addr:10.0.0.1", 500)).toBe(false);
  });

  it("refuses while any key is blocked or locked, and reports the longest wait", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const in5 = new Date(now.getTime() + 5000);
    const in9 = new Date(now.getTime() + 9000);
    expect(verdict([], now)).toEqual({ allowed: true });
    expect(verdict([{ blockedUntil: new Date(now.getTime() - 1), lockedAt: null }], now)).toEqual({ allowed: true });
    expect(verdict([{ blockedUntil: in5, lockedAt: null }, { blockedUntil: in9, lockedAt: null }], now)).toEqual({ allowed: false, reason: "wait", retryAfterSeconds: 9 });
    expect(verdict([{ blockedUntil: null, lockedAt: now }], now)).toEqual({ allowed: false, reason: "locked" });
  });
});
