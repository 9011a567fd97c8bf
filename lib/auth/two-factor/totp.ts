import "server-only";
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import type { DbOrTx } from "@/db/client";
import { totpFactors } from "@/db/schema";
import { open, seal } from "@/lib/util/secret-box";
import { ConflictError } from "@/lib/core/errors";

// Authenticator apps (RFC 6238: SHA-1, six digits, 30-second steps, the settings every app
// supports) through otplib. A code is accepted for the current step and one either side (clock
// drift), and only for a step newer than the last one accepted: a code seen over someone's
// shoulder, or replayed from a log, does not work a second time.

export const TOTP_ISSUER = "Rapport";
/** Seconds either side of now: one 30-second step of drift each way. */
export const TOTP_TOLERANCE = 30;

const context = (userId: string) => `totp:${userId}`;

export type TotpEnrolment = { secret: string; uri: string; qrDataUrl: string };

/**
 * Starts (or restarts) setting up an authenticator app: a new secret, not yet in force. Refused
 * by the caller when one is already confirmed.
 */
export async function beginTotp(db: DbOrTx, userId: string, label: string): Promise<TotpEnrolment> {
  const secret = generateSecret({ length: 20 });
  const sealed = seal(secret, context(userId));
  const written = await db
    .insert(totpFactors)
    .values({ userId, secretSealed: sealed })
    .onConflictDoUpdate({ target: totpFactors.userId, set: { secretSealed: sealed, createdAt: new Date(), lastTimeStep: null }, setWhere: isNull(totpFactors.confirmedAt) })
    .returning({ userId: totpFactors.userId });
  // A confirmed app is never overwritten here: it has to be removed first (with the password).
  if (written.length === 0) throw new ConflictError("An authenticator app is already set up. Remove it first to set up another.");
  const uri = generateURI({ issuer: TOTP_ISSUER, label, secret });
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: "M", margin: 2, width: 220 });
  return { secret, uri, qrDataUrl };
}

export async function getTotp(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(totpFactors).where(eq(totpFactors.userId, userId));
  return row ?? null;
}

export type CodeCheck = "ok" | "invalid" | "replayed";

/**
 * Checks a code against the person's secret (confirmed, or the one being set up when
 * `enrolling`) and records its step so it can't be used again. The step is claimed with a
 * conditional UPDATE: of two requests racing with one code, one wins.
 */
export async function checkTotp(db: DbOrTx, userId: string, code: string, opts: { enrolling?: boolean } = {}): Promise<CodeCheck> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return "invalid";
  const row = await getTotp(db, userId);
  if (!row || Boolean(row.confirmedAt) === Boolean(opts.enrolling)) return "invalid";
  const secret = open(row.secretSealed, context(userId));
  let result: Awaited<ReturnType<typeof verify>>;
  try {
    result = await verify({ secret, token, epochTolerance: TOTP_TOLERANCE });
  } catch {
    return "invalid";
  }
  if (!result.valid || !("timeStep" in result)) return "invalid";
  const step = result.timeStep;
  const claimed = await db
    .update(totpFactors)
    .set({ lastTimeStep: step, lastUsedAt: new Date(), ...(opts.enrolling ? { confirmedAt: new Date() } : {}) })
    .where(
      and(
        eq(totpFactors.userId, userId),
        opts.enrolling ? isNull(totpFactors.confirmedAt) : isNotNull(totpFactors.confirmedAt),
        or(isNull(totpFactors.lastTimeStep), lt(totpFactors.lastTimeStep, step)),
      ),
    )
    .returning({ userId: totpFactors.userId });
  return claimed.length === 1 ? "ok" : "replayed";
}

export async function deleteTotp(db: DbOrTx, userId: string): Promise<boolean> {
  const rows = await db.delete(totpFactors).where(eq(totpFactors.userId, userId)).returning({ userId: totpFactors.userId });
  return rows.length > 0;
}
