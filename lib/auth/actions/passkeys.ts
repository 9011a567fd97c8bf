"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { authedAction, publicAction, signInStepAction } from "@/lib/core/action";
import { NotFoundError } from "@/lib/core/errors";
import { passkeyAssertionInput, passkeyOptionsInput, registerPasskeyInput, removePasskeyInput, renamePasskeyInput } from "@/lib/auth/schemas";
import { passkeyFactorOptions, passkeyRegistrationOptions, passkeySignInOptions, registerPasskey, removePasskey, verifyPasskeyFactor } from "@/lib/auth/passkeys/ceremonies";
import { renamePasskey } from "@/lib/auth/two-factor/passkey-store";
import { getDb } from "@/db/client";

// Registering, using and managing passkeys. Registration also works at required enrolment;
// the second-step actions only for a session that owes its second factor.

export const passkeyRegistrationOptionsAction = signInStepAction({ schema: passkeyOptionsInput, steps: ["enrol", "done"] }, (step, input) => passkeyRegistrationOptions(step, input));

export const registerPasskeyAction = signInStepAction({ schema: registerPasskeyInput, steps: ["enrol", "done"] }, (step, input) =>
  registerPasskey(step, { token: input.token, name: input.name, response: input.response as unknown as RegistrationResponseJSON }),
);

export const passkeyFactorOptionsAction = signInStepAction({ schema: z.object({}), steps: ["verify"] }, (step) => passkeyFactorOptions(step));

export const verifyPasskeyFactorAction = signInStepAction({ schema: passkeyAssertionInput, steps: ["verify"] }, async (step, input) => {
  await verifyPasskeyFactor(step, { token: input.token, response: input.response as unknown as AuthenticationResponseJSON });
  return null;
});

/** Options for signing in with a passkey alone: a sealed challenge, nothing written (lib/auth/passkeys/challenge.ts). */
export const passkeySignInOptionsAction = publicAction(z.object({}), () => passkeySignInOptions());

export const renamePasskeyAction = authedAction({ schema: renamePasskeyInput }, async (ctx, input) => {
  if (!(await renamePasskey(await getDb(), ctx.userId, input.id, input.name))) throw new NotFoundError();
  revalidatePath("/account/security");
  return null;
});

export const removePasskeyAction = authedAction({ schema: removePasskeyInput }, async (ctx, input) => {
  await removePasskey(ctx, input);
  revalidatePath("/account/security");
  return null;
});
