import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/core/errors";
import { assertNotGuessable, guessabilityProblem, personalWords } from "./password-strength";

describe("password guessability", () => {
  it("refuses common passwords and says why", () => {
    for (const p of ["password1234", "qwertyuiop12", "Welcome12345", "iloveyou2024!"]) {
      const problem = guessabilityProblem(p);
      expect(problem, p).toMatch(/too easy to guess/);
      expect(problem, p).toMatch(/commonly used password/);
    }
  });

  it("refuses repeats and keyboard patterns with their reason", () => {
    expect(guessabilityProblem("aaaaaaaaaaaa")).toMatch(/Repeated characters/);
  });

  it("refuses a password built on the person's own details or on Rapport's words", () => {
    const words = personalWords("pat.morgan@riverbend.example", "Pat Morgan", "Riverbend Counselling");
    expect(words).toEqual(expect.arrayContaining(["pat.morgan", "morgan", "riverbend"]));
    expect(guessabilityProblem("riverbend2026", words)).toMatch(/too easy to guess/);
    expect(guessabilityProblem("riverbend2026")).toBeNull();
    expect(guessabilityProblem("counselling2026")).toMatch(/too easy to guess/);
  });

  it("accepts passphrases of unrelated words", () => {
    for (const p of ["correct horse battery staple", "a long enough passphrase", "another long passphrase", "пароль-пароль-пароль"]) {
      expect(guessabilityProblem(p), p).toBeNull();
    }
  });

  it("reports the problem against the field that holds the password", () => {
    try {
      assertNotGuessable("password1234", "newPassword");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fieldErrors.newPassword?.[0]).toMatch(/too easy to guess/);
    }
  });
});
