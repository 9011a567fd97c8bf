import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";
import { passwordSchema } from "@/lib/auth/password";

export { emailSchema };

export const NAME_MAX = 120;
export const COHORT_NAME_MAX = 80;

// Names travel into emails Rapport sends to other people: a web address or a control character in
// one would let anyone use Rapport's address to send their own message (phishing).
const LINKISH = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.|\b[a-z0-9-]+\.(?:com|net|org|io|info|biz|ru|xyz|top|link|click|au|co|app)\b(?:\/|$))/i;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export const personNameSchema = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, { error: "Enter your name." })
  .max(120, { error: "Use at most 120 characters for a name." })
  .refine((v) => !CONTROL.test(v), { error: "Use letters, spaces and punctuation only." })
  .refine((v) => !LINKISH.test(v), { error: "A name can't contain a web address." });

export const organisationNameSchema = z
  .string({ error: "Enter the organisation's name." })
  .trim()
  .min(2, { error: "Enter the organisation's name (at least 2 characters)." })
  .max(120, { error: "Use at most 120 characters for the organisation's name." })
  .refine((v) => !CONTROL.test(v), { error: "Use letters, spaces and punctuation only." })
  .refine((v) => !LINKISH.test(v), { error: "An organisation's name can't contain a web address." });

export const signUpInput = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: passwordSchema,
  organisationName: organisationNameSchema,
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const switchOrgInput = z.object({ orgId: z.uuid({ error: "Choose an organisation." }) });

export const memberStatusInput = z.object({
  membershipId: z.uuid({ error: "Choose a member." }),
  status: z.enum(["active", "deactivated"], { error: "Choose active or deactivated." }),
  version: z.coerce.number({ error: "Reload the page and try again." }).int().min(0),
});

