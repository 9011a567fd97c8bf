import { CONDITIONS, PRECONDITION_CODES, THERAPIST_CONDITION_CODES, type PreconditionCode, type TherapistConditionCode } from "@/lib/cases/codes";
import { readSelfAssessment } from "@/lib/cases/conditions";
import type { StoredCaseContent } from "@/lib/cases/schemas";

// What the case form holds: form controls give strings, so numbers are strings here; the shared
// zod schema turns them back into numbers (and blanks into "not answered").

type Scores = { goals: string; tasks: string; bond: string };
export type CaseFormValues = {
  clientCode: string;
  sessionNumber: string;
  periodYear: string;
  approach: string;
  ruptureType: string;
  markers: string[];
  salience: string;
  whoseMovement: string;
  whatHappened: string;
  ownContribution: string;
  strategies: string[];
  outcome: string;
  nextTime: string;
  alliance: { therapist: Scores; client: Scores };
  risk: { level: string; kinds: string[]; told: string[]; toldWhen: string; actionTaken: string };
  selfAssessment: Record<PreconditionCode, { note: string }> & Record<TherapistConditionCode, { rating: string; evidence: string }> & { chosen: string[] };
};

const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const scores = (s?: { goals?: number; tasks?: number; bond?: number }): Scores => ({ goals: str(s?.goals), tasks: str(s?.tasks), bond: str(s?.bond) });

/**
 * The form's values for a stored case. A draft begun under code lists 2026.1 opens in today's form:
 * its month is left behind (only the year is kept), the c1/c2 evidence becomes the note, and each
 * of c3-c6 with something written stays ticked and filled in (a draft may hold more than three), so
 * nothing typed is lost: the trainee keeps the one to three most in play before submitting.
 */
export function toFormValues(c: StoredCaseContent | null | undefined, codeListVersion?: string): CaseFormValues {
  const x = c ?? {};
  const self = readSelfAssessment(x.selfAssessment, codeListVersion);
  return {
    clientCode: str(x.clientCode),
    sessionNumber: str(x.sessionNumber),
    periodYear: str(x.periodYear),
    approach: str(x.approach),
    ruptureType: str(x.ruptureType),
    markers: [...(x.markers ?? [])],
    salience: str(x.salience),
    whoseMovement: str(x.whoseMovement),
    whatHappened: str(x.whatHappened),
    ownContribution: str(x.ownContribution),
    strategies: [...(x.strategies ?? [])],
    outcome: str(x.outcome),
    nextTime: str(x.nextTime),
    alliance: { therapist: scores(x.alliance?.therapist), client: scores(x.alliance?.client) },
    risk: { level: str(x.risk?.level), kinds: [...(x.risk?.kinds ?? [])], told: [...(x.risk?.told ?? [])], toldWhen: str(x.risk?.toldWhen), actionTaken: str(x.risk?.actionTaken) },
    selfAssessment: {
      ...Object.fromEntries(PRECONDITION_CODES.map((code) => [code, { note: str(self.entries[code]?.note ?? self.entries[code]?.evidence) }])),
      ...Object.fromEntries(THERAPIST_CONDITION_CODES.map((code) => [code, { rating: str(self.entries[code]?.rating), evidence: str(self.entries[code]?.evidence) }])),
      chosen: self.shape === "six_rated" ? THERAPIST_CONDITION_CODES.filter((code) => self.entries[code]) : [...self.chosen],
    } as CaseFormValues["selfAssessment"],
  };
}

/** Whether stored content is a 2026.1 self-assessment (six graded ratings), for a note in the form. */
export function startedWithSixRatings(c: StoredCaseContent | null | undefined, codeListVersion?: string): boolean {
  return Boolean(c?.selfAssessment) && readSelfAssessment(c?.selfAssessment, codeListVersion).shape === "six_rated";
}

/** The typed text of a case as plain text, so a person can copy it when it couldn't be saved. */
export function plainText(v: CaseFormValues): string {
  const parts = [
    `Client code: ${v.clientCode}`,
    `What happened:\n${v.whatHappened}`,
    `Own contribution:\n${v.ownContribution}`,
    `What next time:\n${v.nextTime}`,
    ...(v.risk.actionTaken ? [`Risk: what was done:\n${v.risk.actionTaken}`] : []),
    ...PRECONDITION_CODES.filter((c) => v.selfAssessment[c].note).map((c) => `${CONDITIONS.find((x) => x.code === c)!.short}: what you noticed\n${v.selfAssessment[c].note}`),
    ...THERAPIST_CONDITION_CODES.filter((c) => v.selfAssessment[c].evidence).map(
      (c) => `${CONDITIONS.find((x) => x.code === c)!.short}: ${v.selfAssessment[c].rating || "not rated"}\n${v.selfAssessment[c].evidence}`,
    ),
  ];
  return parts.join("\n\n");
}
