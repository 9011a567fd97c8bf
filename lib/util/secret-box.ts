import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

// Secrets Rapport must read back later (authenticator-app secrets, identity-provider client
// secrets) are sealed with AES-256-GCM from node:crypto; nothing here is home-made cryptography.
// The key is RAPPORT_ENCRYPTION_KEY when set, otherwise derived from AUTH_SECRET; either way it
// goes through HKDF-SHA256 with a purpose label, so it is never the session key itself. Each
// sealed value says which key sealed it ("k1." or "a1."), so an installation can move from the
// AUTH_SECRET-derived key to its own key while older values still open. The "context" (for
// example "totp:<user id>") is bound as additional data: a value copied onto another row
// does not open.

const IV_BYTES = 12;
const TAG_BYTES = 16;
type KeyId = "k1" | "a1";

function keyFor(id: KeyId, env: NodeJS.ProcessEnv = process.env): Buffer {
  const material = id === "k1" ? env.RAPPORT_ENCRYPTION_KEY : env.AUTH_SECRET;
  if (!material) throw new Error(id === "k1" ? "RAPPORT_ENCRYPTION_KEY is not set, so this secret can't be opened." : "AUTH_SECRET is not set, so secrets can't be sealed or opened.");
  return Buffer.from(hkdfSync("sha256", material, "rapport", "rapport secrets at rest v1", 32));
}

export function seal(plaintext: string, context: string, env: NodeJS.ProcessEnv = process.env): string {
  const id: KeyId = env.RAPPORT_ENCRYPTION_KEY ? "k1" : "a1";
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyFor(id, env), iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${id}.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
}

/** The plaintext, or an error when the value was altered, moved to another context or sealed with another key. */
export function open(sealed: string, context: string, env: NodeJS.ProcessEnv = process.env): string {
  const dot = sealed.indexOf(".");
  const id = sealed.slice(0, dot);
  if (id !== "k1" && id !== "a1") throw new Error("Unknown sealed-secret format.");
  const raw = Buffer.from(sealed.slice(dot + 1), "base64url");
  if (raw.length < IV_BYTES + TAG_BYTES) throw new Error("Sealed secret is too short.");
  const decipher = createDecipheriv("aes-256-gcm", keyFor(id, env), raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString("utf8");
}
