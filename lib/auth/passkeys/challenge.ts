import "server-only";
import { open, seal } from "@/lib/util/secret-box";

// WebAuthn challenges travel to the browser and back inside a sealed token (AES-256-GCM,
// lib/util/secret-box.ts) that names its purpose, its person and its expiry, so asking for one
// writes nothing: a visitor can't fill the database by asking. Each is usable once:
// spendChallenge (store.ts) records it when it is answered.

export const CHALLENGE_TTL_MS = 5 * 60 * 1000;
export type ChallengePurpose = "register" | "factor" | "sign_in";
const CONTEXT = "webauthn-challenge";

export function sealChallenge(challenge: string, purpose: ChallengePurpose, userId: string | null, now = Date.now()): string {
  return seal(JSON.stringify({ c: challenge, p: purpose, u: userId, e: now + CHALLENGE_TTL_MS }), CONTEXT);
}

/** The challenge inside a token, if it is ours, for this purpose and person, and not expired. */
export function openChallenge(token: string, purpose: ChallengePurpose, userId: string | null, now = Date.now()): { challenge: string; expiresAt: Date } | null {
  try {
    const v = JSON.parse(open(token, CONTEXT)) as { c: string; p: string; u: string | null; e: number };
    if (v.p !== purpose || v.u !== userId || typeof v.c !== "string" || v.e < now) return null;
    return { challenge: v.c, expiresAt: new Date(v.e) };
  } catch {
    return null;
  }
}
