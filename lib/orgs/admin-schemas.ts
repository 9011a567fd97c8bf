// Form and action inputs for organisation administration (shared by client forms and actions).
import { z } from "zod";
import { emailSchema } from "./schemas";
import { COHORT_NAME_MAX, NAME_MAX } from "@/lib/orgs/schemas";
import { passwordSchema } from "@/lib/auth/password";
import { ORG_TIME_ZONE } from "@/lib/util/days";

const todayIn = (timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone }).format(new Date());
const roleField = z.enum(["trainee", "supervisor", "org_admin"], { error: "Choose a role." });
const version = z.coerce.number({ error: "Reload the page and try again." }).int().min(0);
const optionalUuid = (what: string) =>
  z
    .union([z.literal(""), z.uuid({ error: `Choose a ${what} from the list.` })])
    .nullish()
    .transform((v) => (v ? v : null));

export const inviteInput = z
  .object({
    email: emailSchema,
    name: z.string().trim().max(NAME_MAX, { error: `Use at most ${NAME_MAX} characters for the name.` }).default(""),
    role: roleField,
    supervisorMembershipId: optionalUuid("supervisor"),
    cohortId: optionalUuid("cohort"),
  })
  .refine((v) => !v.supervisorMembershipId || v.role === "trainee", {
    error: "Only trainees have a supervisor. Choose “No supervisor” or make this person a trainee.",
    path: ["supervisorMembershipId"],
  });
export type InviteInput = z.input<typeof inviteInput>;

export const invitationRef = z.object({ id: z.uuid({ error: "Choose an invitation." }), version });

export const pasteInvitesInput = z.object({
  text: z.string().max(600_000, { error: "That's too much to paste at once. Paste at most 5,000 lines." }),
  role: roleField,
  supervisorEmail: z.string().trim().max(254).default(""),
  cohort: z.string().trim().max(COHORT_NAME_MAX).default(""),
});

export const cohortNameSchema = z
  .string({ error: "Enter a name for the cohort." })
  .trim()
  .min(1, { error: "Enter a name for the cohort, like “2027 intake”." })
  .max(COHORT_NAME_MAX, { error: `Use at most ${COHORT_NAME_MAX} characters.` });

export const createCohortInput = z.object({ name: cohortNameSchema });
export const renameCohortInput = z.object({ id: z.uuid(), name: cohortNameSchema, version });
export const archiveCohortInput = z.object({ id: z.uuid(), archived: z.boolean(), version });

export const memberCohortInput = z.object({ membershipId: z.uuid(), cohortId: z.uuid({ error: "Choose a cohort." }), member: z.boolean() });
export const supervisionInput = z.object({
  supervisorMembershipId: z.uuid({ error: "Choose a supervisor." }),
  traineeMembershipId: z.uuid({ error: "Choose a trainee." }),
  assigned: z.boolean(),
});

export const changeRoleInput = z.object({ membershipId: z.uuid(), role: roleField, version });

export const requirementInput = z
  .object({
    moduleId: z.uuid({ error: "Choose a module." }),
    target: z.enum(["role", "cohort"], { error: "Choose whether this applies to a role or a cohort." }),
    role: z.union([z.literal(""), roleField]).optional(),
    cohortId: z.union([z.literal(""), z.uuid()]).optional(),
    dueKind: z.enum(["date", "days"], { error: "Choose a fixed date or a number of days after joining." }),
    dueOn: z.string().optional(),
    dueDays: z.union([z.literal(""), z.coerce.number()]).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.target === "role" && !v.role) ctx.addIssue({ code: "custom", path: ["role"], message: "Choose the role this module is required for." });
    if (v.target === "cohort" && !v.cohortId) ctx.addIssue({ code: "custom", path: ["cohortId"], message: "Choose the cohort this module is required for." });
    if (v.dueKind === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(v.dueOn ?? "")) ctx.addIssue({ code: "custom", path: ["dueOn"], message: "Enter the due date." });
    // A date already past would turn every member it applies to overdue at once (and send each an
    // overdue reminder): refuse it and say what to do instead.
    else if (v.dueKind === "date" && v.dueOn! < todayIn(ORG_TIME_ZONE)) {
      ctx.addIssue({
        code: "custom",
        path: ["dueOn"],
        message: "That date has passed: everyone this applies to would be overdue at once. Choose today or a later date, or use days after joining.",
      });
    }
    if (v.dueKind === "days") {
      const n = v.dueDays;
      if (n === "" || n === undefined || !Number.isInteger(n) || n < 0 || n > 3650) {
        ctx.addIssue({ code: "custom", path: ["dueDays"], message: "Enter a whole number of days from 0 to 3650." });
      }
    }
  });
export type RequirementInput = z.input<typeof requirementInput>;
export const requirementRef = z.object({ id: z.uuid() });
export const remindOverdueInput = z.object({ moduleId: z.uuid({ error: "Choose a module." }) });

export const profileInput = z.object({
  position: z.string().trim().min(1, { error: "Enter your position, like “Provisional psychologist”." }).max(120, { error: "Use at most 120 characters." }),
  pronouns: z.string().trim().max(40, { error: "Use at most 40 characters." }).default(""),
});
export type ProfileInput = z.input<typeof profileInput>;

export const acceptNewInput = z.object({
  token: z.string().min(1).max(100),
  name: z.string({ error: "Enter your name." }).trim().min(1, { error: "Enter your name." }).max(NAME_MAX, { error: `Use at most ${NAME_MAX} characters.` }),
  password: passwordSchema,
});
export type AcceptNewInput = z.input<typeof acceptNewInput>;
export const acceptExistingInput = z.object({ token: z.string().min(1).max(100) });

export const unassignedPolicyInput = z.object({
  policy: z.enum(["refuse", "admin_queue"], { error: "Choose what happens when a trainee without a supervisor submits a case." }),
});

/** Bulk actions on the members list: at most this many at once, so one request stays one short transaction. */
export const BULK_MAX = 200;
const memberIds = z
  .array(z.uuid({ error: "Choose members from the list." }), { error: "Choose at least one member." })
  .min(1, { error: "Choose at least one member." })
  .max(BULK_MAX, { error: `Choose at most ${BULK_MAX} members at a time.` })
  .transform((ids) => [...new Set(ids)]);
export const bulkSupervisorInput = z.object({ membershipIds: memberIds, supervisorMembershipId: z.uuid({ error: "Choose a supervisor." }) });
export const bulkCohortInput = z.object({ membershipIds: memberIds, cohortId: z.uuid({ error: "Choose a cohort." }) });
export const bulkResendInput = z.object({
  invitations: z
    .array(invitationRef, { error: "Select at least one invitation." })
    .min(1, { error: "Select at least one invitation." })
    .max(BULK_MAX, { error: `Choose at most ${BULK_MAX} invitations at a time.` })
    .refine((list) => new Set(list.map((i) => i.id)).size === list.length, { error: "Each invitation may be chosen once." }),
});
