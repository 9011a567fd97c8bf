// One zod schema per input, shared by the forms (zodResolver) and the server actions.
import { z } from "zod";
import { CATEGORY_CODES } from "./categories";
import { NOTE_MAX } from "./csv";
import { isDay } from "./days";
import { MAX_ENTRY_MINUTES, parseDuration } from "./duration";

const uuid = z.uuid({ error: "Choose from the list." });
const day = (what = "the date") => z.string({ error: `Enter ${what}.` }).refine((v) => isDay(v), { error: `Enter ${what} as a calendar date.` });
const version = z.coerce.number().int().min(0);

/** "1:30", "1.5", "90 min" → minutes (the form keeps the text; the server gets minutes). */
const duration = (allowZero = false) =>
  z
    .string({ error: "Enter how long it took, e.g. 1:30 or 1.5." })
    .trim()
    .min(1, { error: "Enter how long it took, e.g. 1:30 or 1.5." })
    .max(20, { error: "Enter how long it took, e.g. 1:30 or 1.5." })
    .transform((v, ctx) => {
      const m = parseDuration(v);
      if (m === null) {
        ctx.addIssue({ code: "custom", message: "Write hours and minutes as 1:30, or hours as 1.5." });
        return z.NEVER;
      }
      if (m > MAX_ENTRY_MINUTES) {
        ctx.addIssue({ code: "custom", message: "One entry covers one day: at most 24 hours." });
        return z.NEVER;
      }
      if (m === 0 && !allowZero) {
        ctx.addIssue({ code: "custom", message: "The duration must be more than zero." });
        return z.NEVER;
      }
      return m;
    });

const note = z.string().trim().max(NOTE_MAX, { error: `At most ${NOTE_MAX} characters. Never a client's name or details.` }).default("");

export const entryFields = {
  traineePlacementId: uuid,
  occurredOn: day(),
  duration: duration(),
  category: z.enum(CATEGORY_CODES, { error: "Choose a category." }),
  note,
};

export const entryInput = z.object(entryFields);
export type EntryInput = z.input<typeof entryInput>;

export const entryUpdate = z.object({ id: z.uuid(), version, ...entryFields });
export type EntryUpdateInput = z.input<typeof entryUpdate>;

/** A correction of an approved entry: the values it should have had (0 minutes withdraws it). */
export const correctionInput = z.object({ correctsId: z.uuid(), ...entryFields, duration: duration(true), note: z.string().trim().min(1, { error: "Say what was wrong with the approved entry." }).max(NOTE_MAX) });
export type CorrectionInput = z.input<typeof correctionInput>;

export const entryRef = z.object({ id: z.uuid(), version });

export const submitInput = z.object({ ids: z.array(z.uuid()).min(1, { error: "Choose at least one entry to submit." }).max(1000) });

export const gridInput = z.object({
  weekStart: day("the week"),
  cells: z
    .array(
      z.object({
        traineePlacementId: z.uuid(),
        day: day(),
        category: z.enum(CATEGORY_CODES),
        minutes: z.number().int().min(0).max(MAX_ENTRY_MINUTES, { error: "A day has at most 24 hours." }),
      }),
    )
    .max(7 * CATEGORY_CODES.length * 20),
});
export type GridInput = z.infer<typeof gridInput>;

export const approveInput = z.object({
  entries: z.array(z.object({ id: z.uuid(), version: z.number().int().min(0) })).min(1, { error: "Choose at least one entry to approve." }).max(1000),
  attestation: z.string({ error: "Type your full name to sign." }).trim().min(1, { error: "Type your full name to sign." }).max(200),
});

export const returnInput = z.object({
  entries: z.array(z.object({ id: z.uuid(), version: z.number().int().min(0) })).min(1, { error: "Choose at least one entry to return." }).max(1000),
  reason: z.string().trim().min(5, { error: "Say what the trainee should fix (at least a few words)." }).max(500, { error: "At most 500 characters." }),
});

export const PLACEMENT_KINDS = ["university_clinic", "community_agency", "health_service", "school", "private_practice", "other"] as const;
export const PLACEMENT_KIND_LABELS: Record<(typeof PLACEMENT_KINDS)[number], string> = {
  university_clinic: "University or training clinic",
  community_agency: "Community agency",
  health_service: "Health service or hospital",
  school: "School or college",
  private_practice: "Private practice",
  other: "Other",
};

export const placementInput = z.object({
  name: z.string().trim().min(2, { error: "Enter the site's name." }).max(120, { error: "At most 120 characters." }),
  kind: z.enum(PLACEMENT_KINDS, { error: "Choose the kind of site." }),
});

export const placementUpdate = placementInput.extend({ id: z.uuid(), version, archived: z.coerce.boolean().default(false) });

const optionalDay = z.union([z.literal(""), day()]).optional();

export const assignPlacementInput = z
  .object({ placementId: uuid, traineeMembershipId: uuid, supervisorMembershipId: uuid, startsOn: optionalDay, endsOn: optionalDay })
  .refine((v) => !v.startsOn || !v.endsOn || v.startsOn <= v.endsOn, { path: ["endsOn"], error: "The end can't be before the start." });

export const placementSupervisorInput = z.object({ traineePlacementId: z.uuid(), supervisorMembershipId: uuid, assigned: z.boolean() });
export const traineePlacementRef = z.object({ traineePlacementId: z.uuid(), version, archived: z.boolean() });

export const SESSION_KINDS = ["individual", "group"] as const;
export const sessionInput = z
  .object({
    requestId: z.uuid(),
    occurredOn: day(),
    duration: duration(),
    kind: z.enum(SESSION_KINDS, { error: "Choose individual or group." }),
    attendees: z.array(z.uuid()).min(1, { error: "Choose who attended." }).max(50, { error: "At most 50 attendees." }),
    agenda: z.string().trim().max(2000, { error: "At most 2,000 characters." }).default(""),
    notes: z.string().trim().max(5000, { error: "At most 5,000 characters." }).default(""),
    notesShared: z.boolean().default(false),
    caseIds: z.array(z.uuid()).max(50).default([]),
  })
  .refine((v) => v.kind === "group" || v.attendees.length <= 2, { path: ["attendees"], error: "An individual (or triadic) session has one or two trainees. Choose group for more." });
export type SessionInput = z.input<typeof sessionInput>;

export const sessionUpdate = z.object({
  id: z.uuid(),
  version,
  agenda: z.string().trim().max(2000, { error: "At most 2,000 characters." }),
  notes: z.string().trim().max(5000, { error: "At most 5,000 characters." }),
  notesShared: z.boolean(),
  caseIds: z.array(z.uuid()).max(50),
});

export const summaryInput = z
  .object({ traineeMembershipId: z.uuid(), traineePlacementId: z.union([z.literal(""), z.uuid()]).default(""), from: day("the first day"), to: day("the last day") })
  .refine((v) => v.from <= v.to, { path: ["to"], error: "The last day can't be before the first." });
export type SummaryInput = z.input<typeof summaryInput>;

// Requirement sets
export const adoptStandardInput = z.object({ key: z.string().min(1).max(60) });
export const setRef = z.object({ id: z.uuid() });

const hours = z.coerce.number({ error: "Enter a number of hours." }).min(0.25, { error: "At least a quarter of an hour." }).max(20_000, { error: "At most 20,000 hours." });
export const requirementSetInput = z
  .object({
    id: z.uuid(),
    version,
    name: z.string().trim().min(2, { error: "Name the set." }).max(120),
    description: z.string().trim().max(2000).default(""),
    source: z.string().trim().max(1000).default(""),
    active: z.boolean(),
    lines: z
      .array(z.object({ label: z.string().trim().min(1, { error: "Name this requirement." }).max(120), hours, categories: z.array(z.enum(CATEGORY_CODES)).min(1, { error: "Choose at least one category." }) }))
      .max(20),
    ratioPer: z.union([z.literal(""), z.coerce.number().min(0.5, { error: "At least 0.5." }).max(100, { error: "At most 100." })]).default(""),
    windowFrom: optionalDay,
    windowTo: optionalDay,
    windowMonths: z.union([z.literal(""), z.coerce.number().int({ error: "A whole number of months." }).min(1).max(240)]).default(""),
  })
  .refine((v) => v.lines.length > 0 || v.ratioPer !== "", { path: ["lines"], error: "Add at least one requirement (or a supervision ratio)." })
  .refine((v) => !v.windowFrom || !v.windowTo || v.windowFrom <= v.windowTo, { path: ["windowTo"], error: "The end can't be before the start." });
export type RequirementSetInput = z.input<typeof requirementSetInput>;
