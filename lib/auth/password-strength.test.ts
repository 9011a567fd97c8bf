import { afterEach, describe, expect, it, vi } from "vitest";
import { ValidationError } from "@/lib/core/errors";
import { assertNotGuessable, guessabilityProblem, IDLE_MS, passwordCheckLoaded, personalWords, primePasswordCheck } from "./password-strength";

describe("password guessability", () => {
  it("refuses common passwords and says why", async () => {
    for (const p of ["password1234", "qwertyuiop12", "Welcome12345", "iloveyou2024!"]) {
      const problem = await guessabilityProblem(p);
      expect(problem, p).toMatch(/too easy to guess/);
      expect(problem, p).toMatch(/commonly used password/);
    }
  });

  it("refuses repeats and keyboard patterns with their reason", async () => {
    expect(await guessabilityProblem("aaaaaaaaaaaa")).toMatch(/Repeated characters/);
  });

  it("refuses a password built on the person's own details or on Rapport's words", async () => {
    const words = personalWords("pat.morgan@riverbend.example", "Pat Morgan", "Riverbend Counselling");
    expect(words).toEqual(expect.arrayContaining(["pat.morgan", "morgan", "riverbend"]));
    expect(await guessabilityProblem("riverbend2026", words)).toMatch(/too easy to guess/);
    expect(await guessabilityProblem("riverbend2026")).toBeNull();
    expect(await guessabilityProblem("counselling2026")).toMatch(/too easy to guess/);
  });

  it("accepts passphrases of unrelated words", async () => {
    for (const p of ["correct horse battery staple", "a long enough passphrase", "another long passphrase", "пароль-пароль-пароль"]) {
      expect(await guessabilityProblem(p), p).toBeNull();
    }
  });

  it("reports the problem against the field that holds the password", async () => {
    const err = await assertNotGuessable("password1234", "newPassword").then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors.newPassword?.[0]).toMatch(/too easy to guess/);
  });
});

describe("the checker's lifetime", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is built when needed, kept while in use and dropped after being idle", async () => {
    await guessabilityProblem("warm the checker");
    vi.useFakeTimers();
    await guessabilityProblem("password1234"); // restarts the idle timer under the fake clock
    expect(passwordCheckLoaded()).toBe(true);
    vi.advanceTimersByTime(IDLE_MS - 1_000);
    expect(passwordCheckLoaded()).toBe(true);
    await guessabilityProblem("another check"); // a check in time keeps it for another period
    vi.advanceTimersByTime(IDLE_MS - 1_000);
    expect(passwordCheckLoaded()).toBe(true);
    vi.advanceTimersByTime(2_000);
    expect(passwordCheckLoaded()).toBe(false);
    vi.useRealTimers();
    // Built again on the next check, with the same answers.
    primePasswordCheck();
    expect(passwordCheckLoaded()).toBe(true);
    expect(await guessabilityProblem("password1234")).toMatch(/commonly used password/);
  });
});
