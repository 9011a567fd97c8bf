import "server-only";
import { createSecretKey, hkdfSync, type KeyObject } from "node:crypto";
import { jwtDecrypt } from "jose";
import { cookies } from "next/headers";

// Reads the session token next-auth minted at sign-in straight from the cookie. next-auth's
// getServerSession runs its whole session endpoint for this (callbacks, then re-encrypting and
// re-setting the cookie) on every request; pages only need the three claims below, and the
// server-side session row (lib/auth/sessions.ts) is what decides whether they still count.

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;

type CookieJar = Awaited<ReturnType<typeof cookies>>;

/** The token as the browser sent it; next-auth splits a large one into name.0, name.1, … */
function rawToken(jar: CookieJar, name: string): string | null {
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const parts = jar
    .getAll()
    .map((c) => ({ i: c.name.startsWith(`${name}.`) ? Number(c.name.slice(name.length + 1)) : NaN, value: c.value }))
    .filter((c) => Number.isInteger(c.i) && c.i >= 0)
    .sort((a, b) => a.i - b.i);
  return parts.length ? parts.map((p) => p.value).join("") : null;
}

export type SessionClaims = { userId: string; sessionId: string; sessionVersion: number };

let derived: { secret: string; key: KeyObject } | null = null;

/**
 * The key next-auth encrypts session tokens with (HKDF-SHA256 of the secret, as next-auth/jwt
 * derives it), derived once per process rather than on every request. next-auth's public `decode`
 * takes only the secret, so it repeats the derivation (on libuv's thread pool) and the key import
 * every call. Measured with scripts/bench/session-decode.ts (10,000 decodes x 5 rounds, three runs
 * on this 2-core machine with other work running): `decode` 83, 199 and 312 µs of CPU per call,
 * this reader 14, 14 and 23 µs. A lesson page costs about 6.6 ms of server CPU (docs/BENCHMARKS.md:
 * 230 req/s at 153% of a core), so `decode` would add 1-4.5% to every page.
 * What is copied: the HKDF info string and next-auth 4's empty salt. session-token.test.ts reads
 * tokens made by next-auth's own `encode` as lib/auth/options.ts configures it, so a next-auth
 * that derives the key differently fails there, not silently in production.
 */
function sessionKey(secret: string): KeyObject {
  if (derived?.secret !== secret) {
    const raw = hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32);
    derived = { secret, key: createSecretKey(Buffer.from(raw)) };
  }
  return derived.key;
}

/** The claims of a session token (next-auth's JWE, A256GCM), or null if it is altered, expired or not ours. */
export async function claimsFromToken(token: string, secret: string): Promise<SessionClaims | null> {
  if (!secret) return null;
  let claims: Record<string, unknown>;
  try {
    ({ payload: claims } = await jwtDecrypt(token, sessionKey(secret), { clockTolerance: 15 }));
  } catch {
    return null; // not ours, altered, or past its expiry
  }
  if (typeof claims.sub !== "string" || !claims.sub || typeof claims.sid !== "string") return null;
  return { userId: claims.sub, sessionId: claims.sid, sessionVersion: typeof claims.sv === "number" ? claims.sv : 0 };
}

/** The verified claims of this request's session cookie, or null (absent, tampered, expired). */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = rawToken(jar, name);
    if (!token) continue;
    // The same secret next-auth signs with (lib/auth/options.ts passes AUTH_SECRET to it).
    return claimsFromToken(token, process.env.AUTH_SECRET ?? "");
  }
  return null;
}
