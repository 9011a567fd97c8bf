import { describe, expect, it } from "vitest";
import { ARGON2_OPTIONS, passwordSchema, PASSWORD_MAX } from "./password";

describe("password policy", () => {
  it("refuses fewer than 12 characters with a message that says what to do", () => {
    const r = passwordSchema.safeParse("elevenchars");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].message).toMatch(/at least 12 characters/);
  });

  it("accepts 12 characters, long passphrases, spaces and unicode, with no composition rules", () => {
    for (const p of ["twelve chars", "a".repeat(128), "correct horse battery staple", "пароль-пароль-пароль", "🙂".repeat(12)]) {
      expect(passwordSchema.safeParse(p).success, p).toBe(true);
    }
  });

  it("allows at least 128 characters and caps absurd lengths", () => {
    expect(passwordSchema.safeParse("x".repeat(PASSWORD_MAX)).success).toBe(true);
    expect(passwordSchema.safeParse("x".repeat(PASSWORD_MAX + 1)).success).toBe(false);
    expect(PASSWORD_MAX).toBeGreaterThanOrEqual(128);
  });

  it("refuses a password of only spaces", () => {
    expect(passwordSchema.safeParse(" ".repeat(20)).success).toBe(false);
  });

  it("hashes with at least the OWASP argon2id minimum", () => {
    expect(ARGON2_OPTIONS.memoryCost).toBeGreaterThanOrEqual(19 * 1024);
    expect(ARGON2_OPTIONS.timeCost).toBeGreaterThanOrEqual(2);
    expect(ARGON2_OPTIONS.parallelism).toBe(1);
  });
});
