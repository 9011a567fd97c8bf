import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32: no I, L, O, U

/** 80 random bits, shown as RAP-XXXX-XXXX-XXXX-XXXX: unguessable, easy to read aloud. */
export function newSerial(): string {
  const bytes = randomBytes(10);
  let bits = 0, value = 0, out = "";
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return `RAP-${out.match(/.{4}/g)!.join("-")}`;
}

export const SERIAL_PATTERN = /^RAP-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

const CROCKFORD_READ: Record<string, string> = { O: "0", I: "1", L: "1" };

/**
 * A serial as someone typed it (lower case, spaces, no dashes, O for 0, with or without "RAP"),
 * in its printed form; null when it can't be one.
 */
export function normaliseSerial(input: string): string | null {
  let s = input.toUpperCase().replace(/[^0-9A-Z]/g, "");
  if (s.startsWith("RAP") && s.length === 19) s = s.slice(3);
  if (s.length !== 16) return null;
  s = s.replace(/[OIL]/g, (c) => CROCKFORD_READ[c]);
  const serial = `RAP-${s.match(/.{4}/g)!.join("-")}`;
  return SERIAL_PATTERN.test(serial) ? serial : null;
}
