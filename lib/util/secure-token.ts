import { createHash, randomBytes } from "node:crypto";

// Links that carry a secret (invitations, password resets): 32 random bytes, URL-safe; only a
// SHA-256 of the token is stored, so a database leak yields no usable links.

export function newSecureToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
