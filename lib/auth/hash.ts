// Server-side only (native argon2); also used by the seed scripts, so no server-only marker.
import { hash, verify } from "@node-rs/argon2";
import { ARGON2_OPTIONS } from "./password";

export function hashPassword(password: string): Promise<string> {
  return hash(password, { ...ARGON2_OPTIONS, algorithm: 2 /* Algorithm.Argon2id */ });
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

// Verified against when the email is unknown, so a miss costs the same time as a wrong password.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword("rapport-timing-equaliser-not-a-password");
  return dummy;
}
