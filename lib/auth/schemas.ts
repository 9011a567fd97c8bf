import { z } from "zod";

// Inputs of the sign-in steps and of managing second factors; shared by the forms and the actions.

const currentPassword = z.string({ error: "Enter your current password." }).min(1, { error: "Enter your current password." }).max(1024);

export const secondFactorInput = z.object({
  method: z.enum(["totp", "recovery_code"], { error: "Choose a code from your app or a recovery code." }),
  code: z.string({ error: "Enter the code." }).trim().min(1, { error: "Enter the code." }).max(40, { error: "That code is too long." }),
});

export const confirmTotpInput = z.object({
  code: z.string({ error: "Enter the 6-digit code from your app." }).trim().regex(/^\d{3}\s?\d{3}$/, { error: "Enter the 6-digit code your app shows, digits only." }),
  // Required by the server when the person is already fully signed in (re-authentication).
  currentPassword: z.string().max(1024).optional(),
});

export const reauthInput = z.object({ currentPassword });

export const twoFactorPolicyInput = z.object({
  policy: z.enum(["off", "staff", "everyone"], { error: "Choose who must use two-step sign-in." }),
});
