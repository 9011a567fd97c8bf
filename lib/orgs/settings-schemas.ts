// Inputs of the organisation settings page (/admin/organisation), shared by its forms and actions.
import { z } from "zod";
import { isTimeZone } from "@/lib/util/intl";
import { organisationNameSchema } from "./schemas";

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const LINKISH = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)/i;

/** Printed on certificates: plain text only (no control characters, no web addresses). */
const printedText = (what: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters for the ${what}.` })
    .refine((v) => !CONTROL.test(v), { error: "Use letters, spaces and punctuation only." })
    .refine((v) => !LINKISH.test(v), { error: `The ${what} can't contain a web address.` })
    .default("");

export const orgSettingsInput = z
  .object({
    name: organisationNameSchema,
    timeZone: z.string({ error: "Choose a time zone." }).refine(isTimeZone, { error: "Choose a time zone from the list." }),
    signatoryName: printedText("signatory's name", 120),
    signatoryTitle: printedText("signatory's title", 120),
    version: z.coerce.number({ error: "Reload the page and try again." }).int().min(0),
  })
  .refine((v) => !v.signatoryTitle || v.signatoryName, { error: "Add the signatory's name, or leave the title empty too.", path: ["signatoryName"] });
export type OrgSettingsInput = z.input<typeof orgSettingsInput>;

export const CPD_MAX_HOURS = 100;

/** "" (no CPD hours for this module) or hours with at most two decimals, e.g. 1.5; stored as minutes. */
export const cpdHoursField = z
  .string()
  .trim()
  .max(10, { error: "Enter hours like 1.5, or leave it empty." })
  .refine((v) => v === "" || /^\d{1,3}(?:\.\d{1,2})?$/.test(v), { error: "Enter hours like 1.5 (a number, at most two decimals), or leave it empty." })
  .refine((v) => v === "" || (Number(v) > 0 && Number(v) <= CPD_MAX_HOURS), { error: `Enter more than 0 and at most ${CPD_MAX_HOURS} hours, or leave it empty.` })
  .transform((v) => (v === "" ? null : Math.round(Number(v) * 60)));

export const cpdHoursInput = z.object({
  modules: z.array(z.object({ moduleId: z.uuid({ error: "Reload the page and try again." }), hours: cpdHoursField })).max(500),
});
export type CpdHoursInput = z.input<typeof cpdHoursInput>;

/** Minutes as hours for a form or a certificate: 90 → "1.5", 75 → "1.25". */
export function hoursText(minutes: number | null | undefined): string {
  if (!minutes) return "";
  return String(Math.round((minutes / 60) * 100) / 100);
}

export const LOGO_MAX_BYTES = 512 * 1024;
export const LOGO_MAX_SIDE = 2000;
export const LOGO_ACCEPT = "image/png,image/jpeg";

export const logoUploadInput = z.object({
  file: z.custom<Blob>((v) => typeof Blob !== "undefined" && v instanceof Blob && v.size > 0, { error: "Choose a PNG or JPEG file to upload." }),
});

export const AUDIT_RETENTION_MIN_YEARS = 1;
export const AUDIT_RETENTION_MAX_YEARS = 100;
export const AUDIT_RETENTION_DEFAULT_YEARS = 7;

/** How many years audit events are kept before they may be archived and removed. */
export const auditRetentionInput = z.object({
  years: z
    .string()
    .trim()
    .refine((v) => /^\d{1,3}$/.test(v), { error: "Enter a whole number of years, such as 7." })
    .transform(Number)
    .refine((n) => n >= AUDIT_RETENTION_MIN_YEARS, { error: "Keep audit records for at least 1 year: accreditation requires them." })
    .refine((n) => n <= AUDIT_RETENTION_MAX_YEARS, { error: `Enter at most ${AUDIT_RETENTION_MAX_YEARS} years.` }),
});
export type AuditRetentionInput = z.input<typeof auditRetentionInput>;
