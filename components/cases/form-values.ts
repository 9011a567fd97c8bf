import { CONDITION_CODES, type ConditionCode } from "@/lib/cases/codes";
import type { CaseDraft } from "@/lib/cases/schemas";

// What the case form holds: form controls give strings, so numbers are strings here; the shared
// zod schema turns them back into numbers (and blanks into "not answered").

type Scores = { goals: string; tasks: string; bond: string };
export type CaseFormValues = {
  clientCode: string;
  sessionNumber: string;
  periodMonth: string;
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
  selfAssessment: Record<ConditionCode, { rating: string; evidence: string }>;
};

const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const scores = (s?: { goals?: number; tasks?: number; bond?: number }): Scores => ({ goals: str(s?.goals), tasks: str(s?.tasks), bond: str(s?.bond) });

export function toFormValues(c: CaseDraft | null | undefined): CaseFormValues {
  const x = c ?? {};
  return {
    clientCode: str(x.clientCode),
    sessionNumber: str(x.sessionNumber),
    periodMonth: str(x.periodMonth),
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
    selfAssessment: Object.fromEntries(
      CONDITION_CODES.map((code) => [code, { rating: str(x.selfAssessment?.[code]?.rating), evidence: str(x.selfAssessment?.[code]?.evidence) }]),
    ) as CaseFormValues["selfAssessment"],
  };
}

/** The typed text of a case as plain text, so a person can copy it when it couldn't be saved. */
export function plainText(v: CaseFormValues): string {
  const parts = [
    `Client code: ${v.clientCode}`,
    `What happened:\n${v.whatHappened}`,
    `Own contribution:\n${v.ownContribution}`,
    `What next time:\n${v.nextTime}`,
    ...(v.risk.actionTaken ? [`Risk: what was done:\n${v.risk.actionTaken}`] : []),
    ...CONDITION_CODES.filter((c) => v.selfAssessment[c].evidence).map((c) => `Self-assessment ${c}: ${v.selfAssessment[c].rating}\n${v.selfAssessment[c].evidence}`),
  ];
  return parts.join("\n\n");
}
