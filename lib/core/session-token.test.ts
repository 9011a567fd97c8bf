import { encode, getToken, type JWT } from "next-auth/jwt";
import { describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { claimsFromToken, SESSION_COOKIES } from "@/lib/core/session-token";

// lib/auth/options.ts reads AUTH_SECRET when it is imported: set it before any import.
const APP_SECRET = vi.hoisted(() => (process.env.AUTH_SECRET = "the-app-secret-for-this-test-0123456789abcdef"));

const SECRET = "a-test-secret-of-reasonable-length-0123456789";
const token = (claims: Record<string, unknown>, opts: { secret?: string; maxAge?: number } = {}) =>
  encode({ token: claims, secret: opts.secret ?? SECRET, maxAge: opts.maxAge ?? 3600 });

describe("claimsFromToken reads the tokens next-auth mints", () => {
  it("returns the user, session and version of a valid token", async () => {
    const t = await token({ sub: "user-1", sid: "session-1", sv: 3 });
    expect(await claimsFromToken(t, SECRET)).toEqual({ userId: "user-1", sessionId: "session-1", sessionVersion: 3 });
    // Same answer on the second call, which uses the key derived by the first.
    expect(await claimsFromToken(t, SECRET)).toEqual({ userId: "user-1", sessionId: "session-1", sessionVersion: 3 });
    expect(await claimsFromToken(await token({ sub: "user-2", sid: "s" }), SECRET)).toEqual({ userId: "user-2", sessionId: "s", sessionVersion: 0 });
  });

  it("refuses a token made with another secret, and re-derives the key when the secret changes", async () => {
    const other = await token({ sub: "user-1", sid: "session-1" }, { secret: "another-secret-entirely-0123456789abcdef" });
    expect(await claimsFromToken(other, SECRET)).toBeNull();
    expect(await claimsFromToken(other, "another-secret-entirely-0123456789abcdef")).toEqual({ userId: "user-1", sessionId: "session-1", sessionVersion: 0 });
    expect(await claimsFromToken(other, "")).toBeNull();
  });

  it("refuses altered, truncated, expired and incomplete tokens", async () => {
    const t = await token({ sub: "user-1", sid: "session-1", sv: 1 });
    const parts = t.split(".");
    const flip = (s: string) => (s[5] === "A" ? s.slice(0, 5) + "B" + s.slice(6) : s.slice(0, 5) + "A" + s.slice(6));
    expect(await claimsFromToken([parts[0], parts[1], parts[2], flip(parts[3]), parts[4]].join("."), SECRET)).toBeNull();
    expect(await claimsFromToken([parts[0], parts[1], parts[2], parts[3], flip(parts[4])].join("."), SECRET)).toBeNull();
    expect(await claimsFromToken(t.slice(0, -10), SECRET)).toBeNull();
    expect(await claimsFromToken("not-a-token", SECRET)).toBeNull();
    expect(await claimsFromToken(await token({ sub: "user-1", sid: "session-1" }, { maxAge: -60 }), SECRET)).toBeNull();
    expect(await claimsFromToken(await token({ sub: "user-1" }), SECRET)).toBeNull();
    expect(await claimsFromToken(await token({ sid: "session-1" }), SECRET)).toBeNull();
  });
});

// The reader copies two things from next-auth's private key derivation (lib/core/session-token.ts
// says why). These tests make tokens the way the installed next-auth does at sign-in, with this
// app's options, so a next-auth upgrade that changes the derivation, the token format or the
// cookie names fails here.
describe("claimsFromToken against the installed next-auth, configured as lib/auth/options.ts", () => {
  /** What next-auth's sign-in does: run the app's jwt callback, then encode with the jwt options next-auth builds (core/init). */
  async function signInToken(user: { id: string; sid: string; sv: number }): Promise<string> {
    const token = (await authOptions.callbacks!.jwt!({ token: { name: "Ada", email: "ada@example.org" }, user: user as never, account: null, trigger: "signIn" })) as JWT;
    const jwt = { secret: authOptions.secret!, maxAge: authOptions.session!.maxAge, encode, ...authOptions.jwt };
    return jwt.encode({ ...jwt, token });
  }

  it("reads the token next-auth's own encode makes at sign-in, and refuses it altered or under another secret", async () => {
    expect(authOptions.secret).toBe(APP_SECRET);
    const t = await signInToken({ id: "user-7", sid: "session-7", sv: 4 });
    expect(await claimsFromToken(t, APP_SECRET)).toEqual({ userId: "user-7", sessionId: "session-7", sessionVersion: 4 });

    const parts = t.split(".");
    const tampered = [...parts.slice(0, 3), parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA"), parts[4]].join(".");
    expect(await claimsFromToken(tampered, APP_SECRET)).toBeNull();
    expect(await claimsFromToken(t, "some-other-secret-0123456789abcdef0123456789")).toBeNull();
  });

  it("looks for the session cookie under the names next-auth reads it from, on https and on http", async () => {
    const t = await signInToken({ id: "user-8", sid: "session-8", sv: 0 });
    // next-auth's own cookie reader, given the cookie under one of our names, finds it or not.
    const nextAuthReads = async (name: string, secureCookie: boolean) =>
      (await getToken({ req: { cookies: { [name]: t }, headers: {} } as never, secureCookie, secret: APP_SECRET, raw: true })) === t;
    for (const secureCookie of [true, false]) {
      const ours = [];
      for (const name of SESSION_COOKIES) if (await nextAuthReads(name, secureCookie)) ours.push(name);
      expect(ours, `secure cookies: ${secureCookie}`).toHaveLength(1);
    }
  });
});
