// Inputs of the profile and email-address sections of /account (shared by forms and actions).
import { z } from "zod";
import { emailSchema, personNameSchema } from "./schemas";

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const LINKISH = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i;

const optionalText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters for your ${what}.` })
    .refine((v) => !CONTROL.test(v), { error: "Use letters, spaces and punctuation only." })
    .refine((v) => !LINKISH.test(v), { error: `Your ${what} can't contain a web address.` })
    .default("");

export const accountProfileInput = z.object({
  name: personNameSchema,
  preferredName: optionalText("preferred name", 60),
  pronouns: optionalText("pronouns", 40),
});
export type AccountProfileInput = z.input<typeof accountProfileInput>;

export const emailChangeInput = z.object({
  newEmail: emailSchema,
  currentPassword: z.string().min(1, { error: "Enter your current password." }).max(1024),
});
export type EmailChangeInput = z.input<typeof emailChangeInput>;

export const EMAIL_CHANGE_TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
