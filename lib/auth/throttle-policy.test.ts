import { describe, expect, it } from "vitest";
import { delayAfter, kindOf, MAX_DELAY_MS, POLICIES, throttleKeysFor, verdict, worstCaseGuessesPerDay } from "./throttle-policy";

describe("sign-in throttling policy", () => {
  it("lets the first four failures of a pair through with no delay, then doubles from one second", () => {
    expect([1, 2, 3, 4].map((n) => delayAfter(n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map((n) => delayAfter(n))).toEqual([1000, 2000, 4000, 8000]);
  });

  it("caps the delay at fifteen minutes, however many failures", () => {
    expect(delayAfter(40)).toBe(MAX_DELAY_MS);
    expect(delayAfter(1_000_000)).toBe(MAX_DELAY_MS);
  });

  it("gives the account-wide count more room than one browser's", () => {
    expect(delayAfter(19, POLICIES.acct.freeFailures)).toBe(0);
    expect(delayAfter(20, POLICIES.acct.freeFailures)).toBe(1000);
  });

  it("refuses while any key is delayed, reports the longest wait, and never locks", () => {
    const now = new Date("2026-01-01T00:00:00Z");
    const in5 = new Date(now.getTime() + 5000);
    const in9 = new Date(now.getTime() + 9000);
    expect(verdict([], now)).toEqual({ allowed: true });
    expect(verdict([{ blockedUntil: new Date(now.getTime() - 1) }], now)).toEqual({ allowed: true });
    expect(verdict([{ blockedUntil: in5 }, { blockedUntil: in9 }], now)).toEqual({ allowed: false, reason: "wait", retryAfterSeconds: 9 });
  });

  it("judges a browser that signed in before by its own pair only", () => {
    const known = throttleKeysFor({ email: "Sam@Example.org", device: "d1", address: "10.0.0.1", knownDevice: true });
    expect(known).toEqual(["pair:sam@example.org|dev:d1"]);
    const stranger = throttleKeysFor({ email: "sam@example.org", device: "d2", address: "10.0.0.1", knownDevice: false });
    expect(stranger).toEqual(["pair:sam@example.org|dev:d2", "acct:sam@example.org", "addr:10.0.0.1"]);
    expect(throttleKeysFor({ email: "sam@example.org", device: null, address: null, knownDevice: false })).toEqual(["pair:sam@example.org|anon", "acct:sam@example.org"]);
    expect(stranger.map(kindOf)).toEqual(["pair", "acct", "addr"]);
  });

  it("keeps online guessing of one account to about a hundred tries a day", () => {
    expect(worstCaseGuessesPerDay()).toBe(20 + 96);
  });
});
