import { describe, expect, it } from "vitest";
import { open, seal } from "./secret-box";

const env = { AUTH_SECRET: "a-secret-for-tests-only-0123456789" } as NodeJS.ProcessEnv;

describe("secret box (AES-256-GCM, HKDF-derived key)", () => {
  it("opens what it sealed, and never stores the plaintext", () => {
    const sealed = seal("JBSWY3DPEHPK3PXP", "totp:u1", env);
    expect(sealed.startsWith("a1.")).toBe(true);
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(open(sealed, "totp:u1", env)).toBe("JBSWY3DPEHPK3PXP");
    expect(seal("JBSWY3DPEHPK3PXP", "totp:u1", env)).not.toBe(sealed);
  });

  it("refuses a value moved to another row, altered, or opened with another secret", () => {
    const sealed = seal("secret", "totp:u1", env);
    expect(() => open(sealed, "totp:u2", env)).toThrow();
    const raw = Buffer.from(sealed.slice(3), "base64url");
    raw[14] ^= 1;
    expect(() => open(`a1.${raw.toString("base64url")}`, "totp:u1", env)).toThrow();
    expect(() => open(sealed, "totp:u1", { AUTH_SECRET: "another-secret-entirely-0123456789" } as NodeJS.ProcessEnv)).toThrow();
  });

  it("uses RAPPORT_ENCRYPTION_KEY when set, and still opens values sealed before it was", () => {
    const before = seal("old", "ctx", env);
    const withKey = { ...env, RAPPORT_ENCRYPTION_KEY: "a-separate-key-0123456789abcdef" } as NodeJS.ProcessEnv;
    const after = seal("new", "ctx", withKey);
    expect(after.startsWith("k1.")).toBe(true);
    expect(open(after, "ctx", withKey)).toBe("new");
    expect(open(before, "ctx", withKey)).toBe("old");
    expect(() => open(after, "ctx", env)).toThrow(/RAPPORT_ENCRYPTION_KEY/);
  });
});
