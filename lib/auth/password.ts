import { z } from "zod";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

// NIST 800-63B / ASVS: length over composition rules; paste allowed; no truncation.
export const passwordSchema = z
  .string({ error: "Enter a password." })
  .min(PASSWORD_MIN, { error: `Use at least ${PASSWORD_MIN} characters. A few unrelated words make a strong password.` })
  .max(PASSWORD_MAX, { error: `Use at most ${PASSWORD_MAX} characters.` })
  .refine((p) => p.trim().length > 0, { error: "A password can't be only spaces." });

// OWASP Password Storage Cheat Sheet minimum for argon2id: m=19 MiB, t=2, p=1.
export const ARGON2_OPTIONS = { memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;
