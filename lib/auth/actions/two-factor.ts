"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction, signInStepAction } from "@/lib/core/action";
import { confirmTotpInput, reauthInput, secondFactorInput } from "@/lib/auth/schemas";
import { confirmTotpSetup, regenerateRecoveryCodes, removeTotp, startTotpSetup } from "@/lib/auth/two-factor/manage";
import { verifySecondFactor } from "@/lib/auth/two-factor/verify";

// The second step of sign-in runs for a session that is not fully signed in yet, so it uses
// signInStepAction (lib/core/action.ts), which admits only the states listed.

export const verifySecondFactorAction = signInStepAction({ schema: secondFactorInput, steps: ["verify"] }, async (step, input) => {
  await verifySecondFactor(step, input);
  return null;
});

export const startTotpSetupAction = signInStepAction({ schema: z.object({}), steps: ["enrol", "done"] }, async (step) => {
  const e = await startTotpSetup(step);
  return { secret: e.secret, uri: e.uri, qrDataUrl: e.qrDataUrl };
});

export const confirmTotpSetupAction = signInStepAction({ schema: confirmTotpInput, steps: ["enrol", "done"] }, async (step, input) => {
  // No revalidatePath: re-rendering now would replace the page that shows the recovery codes
  // (and at required enrolment, redirect away). The form refreshes when the person moves on.
  return confirmTotpSetup(step, input);
});

export const removeTotpAction = authedAction({ schema: reauthInput }, async (ctx, input) => {
  await removeTotp(ctx, input);
  revalidatePath("/account/security");
  return null;
});

export const regenerateRecoveryCodesAction = authedAction({ schema: reauthInput }, async (ctx, input) => {
  return { recoveryCodes: await regenerateRecoveryCodes(ctx, input) };
});
