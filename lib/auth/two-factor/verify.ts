import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { signInThrottles } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import type { SignInStep } from "@/lib/core/context";
import { AppError, ValidationError } from "@/lib/core/errors";
import { completeFactorStep } from "@/lib/core/sessions";
import { checkThrottle, recordFailure } from "@/lib/auth/throttle";
import { factorThrottleKey } from "@/lib/auth/throttle-policy";
import { consumeRecoveryCode, remainingRecoveryCodes } from "./recovery-codes";
import { recordFactorChange } from "./notices";
import { checkTotp } from "./totp";

// The second step of signing in. Wrong codes are counted per account and slowed down like wrong
// passwords (lib/auth/throttle-policy.ts, "mfa"); every attempt is audited. Only a session that
// owes this step can pass it, and passing it changes that one session only.

export const NOTHING_PENDING = "There's no sign-in waiting for a second step. Sign in again.";

export function waitMessage(seconds: number): string {
  const when = seconds < 60 ? `${seconds} second${seconds === 1 ? "" : "s"}` : `${Math.ceil(seconds / 60)} minute${Math.ceil(seconds / 60) === 1 ? "" : "s"}`;
  return `Too many wrong codes. Wait ${when}, then try again.`;
}

export type FactorInput = { method: "totp" | "recovery_code"; code: string };

export async function verifySecondFactor(step: SignInStep, input: FactorInput): Promise<void> {
  if (step.pending !== "verify") throw new ValidationError(NOTHING_PENDING);
  const db = await getDb();
  const key = factorThrottleKey(step.userId);
  const gate = await checkThrottle(db, [key]);
  if (!gate.allowed) {
    await audit(db, { actorUserId: step.userId, action: "auth.second_factor", outcome: "denied", detail: { method: input.method, reason: "wait" } });
    throw new AppError(waitMessage(gate.retryAfterSeconds), "rate_limited");
  }
  let problem: string | null = null;
  if (input.method === "totp") {
    const r = await checkTotp(db, step.userId, input.code);
    if (r === "replayed") problem = "That code has already been used. Wait for the next code in your app, then enter it.";
    else if (r === "invalid") problem = "That code isn't right. Enter the 6-digit code your authenticator app shows now.";
  } else if (!(await consumeRecoveryCode(db, step.userId, input.code))) {
    problem = "That recovery code isn't right, or it has already been used. Each code works once.";
  }
  if (problem) {
    await recordFailure(db, [key]);
    await audit(db, { actorUserId: step.userId, action: "auth.second_factor", outcome: "failure", detail: { method: input.method } });
    throw new ValidationError(problem, { code: [problem] });
  }
  await db.delete(signInThrottles).where(eq(signInThrottles.key, key));
  if (!(await completeFactorStep(db, step.sessionId, step.userId, "verify", input.method))) throw new ValidationError(NOTHING_PENDING);
  await audit(db, { actorUserId: step.userId, action: "auth.second_factor", outcome: "success", detail: { method: input.method } });
  if (input.method === "recovery_code") {
    const left = await remainingRecoveryCodes(db, step.userId);
    const pending = await db.transaction((tx) => recordFactorChange(tx, { userId: step.userId, actorUserId: step.userId, action: "auth.recovery_code_used", detail: { left } }));
    await pending?.deliver();
  }
}
