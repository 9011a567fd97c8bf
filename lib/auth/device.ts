import { createHash } from "node:crypto";

// A random id per browser, set by proxy.ts on first visit (HttpOnly, a long life). It carries no
// meaning by itself: the server remembers, per account, the hashes of browsers that signed in
// successfully, and exempts those from the account-wide throttle (lib/auth/throttle-policy.ts).

import { DEVICE_COOKIE } from "./device-cookie";

export { DEVICE_COOKIE };
const SHAPE = /^[A-Za-z0-9_-]{22,64}$/;

/** The stored form of a device cookie's value, or null when absent or malformed. */
export function deviceHash(value: string | null | undefined): string | null {
  if (!value || !SHAPE.test(value)) return null;
  return createHash("sha256").update(value).digest("base64url").slice(0, 32);
}

/** The device cookie's value from a raw Cookie header. */
export function deviceFromCookieHeader(header: string | null | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === DEVICE_COOKIE) return deviceHash(part.slice(eq + 1).trim());
  }
  return null;
}
