import { z } from "zod";
import { passwordSchema } from "./password";

// Names travel into emails Rapport sends to other people: a web address or a control character in
// one would let anyone use Rapport's address to send their own message (phishing).
export const LINKISH = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.|\b[a-z0-9-]+\.(?:com|net|org|io|info|biz|ru|xyz|top|link|click|au|co|app)\b(?:\/|$))/i;
export const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const personNameSchema = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, { error: "Enter your name." })
  .max(120, { error: "Use at most 120 characters for a name." })
  .refine((v) => !CONTROL.test(v), { error: "Use letters, spaces and punctuation only." })
  .refine((v) => !LINKISH.test(v), { error: "A name can't contain a web address." });

export const emailSchema = z
  .string({ error: "Enter an email address." })
  .trim()
  .min(1, { error: "Enter an email address." })
  .max(254, { error: "Use an email address of at most 254 characters." })
  .pipe(z.email({ error: "Enter an email address like name@example.org." }))
  .transform((e) => e.toLowerCase());

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, { error: "Enter your current password." }).max(1024),
    newPassword: passwordSchema,
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    error: "The two new passwords don't match. Type the same password in both fields.",
    path: ["confirmPassword"],
  });

export const resetRequestInput = z.object({ email: emailSchema });

export const resetPasswordInput = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { error: "This reset link isn't valid. Ask for a new one." }),
    newPassword: passwordSchema,
    confirmPassword: z.string().max(1024),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    error: "The two passwords don't match. Type the same password in both fields.",
    path: ["confirmPassword"],
  });

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

export const passkeyNameSchema = z
  .string({ error: "Name this passkey." })
  .trim()
  .min(1, { error: "Name this passkey, like “Work laptop” or “Blue security key”." })
  .max(60, { error: "Use at most 60 characters." })
  .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), { error: "Use letters, numbers and punctuation only." });

// The browser's WebAuthn answer is checked in full by @simplewebauthn/server; here only its shape and size.
const webauthnJson = z.record(z.string(), z.unknown()).refine((v) => JSON.stringify(v).length < 20_000, { error: "That answer is too large." });
const challengeToken = z.string().min(20).max(2000);

export const passkeyOptionsInput = z.object({ currentPassword: z.string().max(1024).optional() });
export const registerPasskeyInput = z.object({ token: challengeToken, name: passkeyNameSchema, response: webauthnJson });
export const passkeyAssertionInput = z.object({ token: challengeToken, response: webauthnJson });
export const renamePasskeyInput = z.object({ id: z.uuid({ error: "Choose a passkey." }), name: passkeyNameSchema });
export const removePasskeyInput = z.object({ id: z.uuid({ error: "Choose a passkey." }), currentPassword });
export const passkeySignInPolicyInput = z.object({ allowed: z.boolean({ error: "Choose whether passkeys alone may sign in." }) });
