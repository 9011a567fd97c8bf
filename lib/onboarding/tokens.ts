import { hashToken, newSecureToken } from "@/lib/util/secure-token";

export { hashToken };

export const INVITE_TTL_DAYS = 14;
export const INVITE_TTL_MS = INVITE_TTL_DAYS * 86_400_000;

/** 32 random bytes, URL-safe. Only the hash is stored: a database leak yields no usable links. */
export function newInviteToken(): { token: string; hash: string } {
  return newSecureToken();
}

/** 32 bytes in base64url is 43 characters; anything else is not one of ours. */
export function isTokenShape(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
