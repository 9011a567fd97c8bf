import { z } from "zod";
import { passwordSchema } from "./password";

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
