import "server-only";
import { cookies } from "next/headers";
import { decode, type JWT } from "next-auth/jwt";
import { authOptions } from "./options";

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

/** The verified claims of this request's session cookie, or null (absent, tampered, expired). */
export async function readSessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  for (const name of SESSION_COOKIES) {
    const token = rawToken(jar, name);
    if (!token) continue;
    let claims: JWT | null;
    try {
      claims = await decode({ token, secret: authOptions.secret ?? "" });
    } catch {
      return null; // not ours, altered, or past its expiry
    }
    if (!claims?.sub || typeof claims.sid !== "string") return null;
    return { userId: claims.sub, sessionId: claims.sid, sessionVersion: typeof claims.sv === "number" ? claims.sv : 0 };
  }
  return null;
}
