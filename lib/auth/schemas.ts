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
