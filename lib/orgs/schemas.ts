import { z } from "zod";
import { CONTROL, emailSchema, LINKISH, personNameSchema } from "@/lib/auth/schemas";
import { passwordSchema } from "@/lib/auth/password";

export { emailSchema, personNameSchema };

export const NAME_MAX = 120;
export const COHORT_NAME_MAX = 80;

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

