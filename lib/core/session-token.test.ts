import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { claimsFromToken } from "@/lib/core/session-token";

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
