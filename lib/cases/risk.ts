import { z } from "zod";

// The Risk section of a case (TAXONOMY.md section 7). Rapport is not an incident or crisis system,
// but a disclosure must never wait in a queue unnoticed: a case with risk recorded, or with
// wording that suggests it (lib/cases/risk-language), is urgent.

export const RISK_LEVELS = [
  { code: "none", label: "No risk was disclosed or suspected" },
  { code: "disclosed", label: "Yes, the client disclosed a risk" },
  { code: "suspected", label: "Yes, I suspect a risk" },
] as const;

export const RISK_KINDS = [
  { code: "suicide_self_harm", label: "Suicide or self-harm" },
  { code: "harm_to_others", label: "Harm to others" },
  { code: "child_or_vulnerable", label: "Harm to a child or a vulnerable person (including family violence)" },
  { code: "other", label: "Other" },
] as const;

export const RISK_TOLD = [
  { code: "supervisor", label: "My supervisor" },
  { code: "on_call", label: "The on-call or duty clinician" },
  { code: "other", label: "Someone else, as my agency's procedure says" },
  { code: "nobody_yet", label: "Nobody yet" },
] as const;

// "When" without a date: a case keeps no date element except the year (TAXONOMY.md section 6).
export const RISK_WHEN = [
  { code: "in_session", label: "During the session" },
  { code: "same_day", label: "The same day" },
  { code: "within_24h", label: "Within 24 hours" },
  { code: "later", label: "Later than that" },
  { code: "not_yet", label: "Not yet" },
] as const;

type Codes<T extends readonly { code: string }[]> = [T[number]["code"], ...T[number]["code"][]];
const codes = <T extends readonly { code: string }[]>(l: T) => l.map((x) => x.code) as unknown as Codes<T>;
export type RiskLevel = (typeof RISK_LEVELS)[number]["code"];

export const RISK_ACTION_MAX = 1000;

const many = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(values, { error: message })).max(values.length));

const fields = {
  level: z.enum(codes(RISK_LEVELS), { error: "Say whether any risk was disclosed or suspected in this session." }),
  kinds: many(codes(RISK_KINDS), "Choose the kind of risk from the list."),
  told: many(codes(RISK_TOLD), "Choose who was told from the list."),
  toldWhen: z.enum(codes(RISK_WHEN), { error: "Choose when they were told." }).optional(),
  actionTaken: z.string().max(RISK_ACTION_MAX, { error: `Shorten this to at most ${RISK_ACTION_MAX} characters.` }).optional(),
};

/** When a risk is recorded, what kind, who was told, when and what was done are all required. */
function complete(v: { level?: string; kinds?: string[]; told?: string[]; toldWhen?: string; actionTaken?: string }, ctx: z.RefinementCtx) {
  if (!v.level || v.level === "none") return;
  if (!v.kinds?.length) ctx.addIssue({ code: "custom", path: ["kinds"], message: "Tick the kind of risk (at least one)." });
  if (!v.told?.length) ctx.addIssue({ code: "custom", path: ["told"], message: "Tick who was told, or “Nobody yet”." });
  if (v.told?.includes("nobody_yet") && v.told.length > 1) ctx.addIssue({ code: "custom", path: ["told"], message: "“Nobody yet” can't go with someone who was told: untick one." });
  if (!v.toldWhen) ctx.addIssue({ code: "custom", path: ["toldWhen"], message: "Choose when they were told, or “Not yet”." });
  if (!v.actionTaken?.trim()) ctx.addIssue({ code: "custom", path: ["actionTaken"], message: "Say what was done (for example: safety plan made with the client, supervisor called, referral)." });
}

export const riskSchema = z.object(fields).superRefine(complete);
export const riskDraftSchema = z.object({ ...fields, level: fields.level.optional() }).superRefine(() => undefined);

export type Risk = z.output<typeof riskSchema>;

export function riskRecorded(risk: { level?: string } | null | undefined): boolean {
  return Boolean(risk?.level && risk.level !== "none");
}

export function riskLabel<T extends readonly { code: string; label: string }[]>(list: T, code: string | undefined | null): string {
  return list.find((x) => x.code === code)?.label ?? "Not recorded";
}

export const URGENT_NOTE = "Rapport is not for urgent concerns. If you think someone is at risk now, contact your supervisor or your agency's on-call service straight away.";

const uuidField = z.uuid({ error: "Reload the page and try again." });
export const acknowledgeRiskInput = z.object({
  caseId: uuidField,
  version: z.coerce.number({ error: "Reload the page and try again." }).int().min(0),
  followUp: z
    .string({ error: "Say what you did or will do about the risk." })
    .trim()
    .min(1, { error: "Say what you did or will do about the risk (for example: called the trainee, checked the safety plan, no further action because …)." })
    .max(RISK_ACTION_MAX, { error: `Shorten this to at most ${RISK_ACTION_MAX} characters.` }),
});
