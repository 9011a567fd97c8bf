import { CONDITIONS, PRECONDITION_CODES } from "./codes";
import { readSelfAssessment } from "./conditions";
import { scanClientCode, scanFields, type Finding } from "./identifiers";
import type { CaseDraft } from "./schemas";

// The identifier check applied to a case (TAXONOMY.md section 6): which fields are scanned, how a
// dismissed flag is matched, and what a refused submission says. Shared by the form (as the person
// types) and the server (on save and on submit, where it re-scans: the client's findings are never
// trusted). The scanner itself is ./identifiers; who may read or change a case is ./access.

export type Dismissal = { field: string; key: string; reason: string };
export type FieldFindings = Record<string, (Finding & { dismissed?: Dismissal })[]>;

export const FIELD_LABELS: Record<string, string> = {
  clientCode: "Client code",
  whatHappened: "What happened",
  ownContribution: "Your own contribution",
  nextTime: "What you would do next time",
};
for (const c of CONDITIONS) {
  const n = c.code.slice(1, 2);
  FIELD_LABELS[`selfAssessment.${c.code}.evidence`] = `Self-assessment evidence, condition ${n} (${c.short.toLowerCase()})`;
  if ((PRECONDITION_CODES as readonly string[]).includes(c.code)) FIELD_LABELS[`selfAssessment.${c.code}.note`] = `What you noticed, condition ${n} (${c.short.toLowerCase()})`;
}

/**
 * Every free-text value of a case, keyed by its form field name. The self-assessment is read in
 * either shape: six evidence notes (code lists 2026.1), or the c1/c2 notes and the evidence of the
 * chosen conditions only (2026.2; text left under a condition the trainee unticked is never stored).
 */
export function scannableText(content: Partial<CaseDraft> | Record<string, unknown> | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!content) return out;
  const c = content as Partial<Record<"whatHappened" | "ownContribution" | "nextTime", string>> & { selfAssessment?: unknown };
  if (c.whatHappened) out.whatHappened = c.whatHappened;
  if (c.ownContribution) out.ownContribution = c.ownContribution;
  if (c.nextTime) out.nextTime = c.nextTime;
  const self = readSelfAssessment(c.selfAssessment);
  for (const [code, e] of Object.entries(self.entries)) {
    if (e.note) out[`selfAssessment.${code}.note`] = e.note;
    if (e.evidence) out[`selfAssessment.${code}.evidence`] = e.evidence;
  }
  return out;
}

/**
 * Scans the case and marks each finding that the author dismissed (same field, same key). The
 * client code is checked too: a name or town in it is flagged like one in the narrative.
 */
export function scanCase(content: Partial<CaseDraft> | Record<string, unknown> | null | undefined, dismissals: readonly Dismissal[]): FieldFindings {
  const found = scanFields(scannableText(content));
  const code = scanClientCode((content as { clientCode?: unknown } | null | undefined)?.clientCode as string | undefined);
  if (code.length) found.clientCode = code;
  const out: FieldFindings = {};
  for (const [field, list] of Object.entries(found)) {
    out[field] = list.map((f) => {
      const d = dismissals.find((x) => x.field === field && x.key === f.key);
      return d ? { ...f, dismissed: d } : f;
    });
  }
  return out;
}

export function unresolved(findings: FieldFindings): Record<string, Finding[]> {
  const out: Record<string, Finding[]> = {};
  for (const [field, list] of Object.entries(findings)) {
    const open = list.filter((f) => !f.dismissed);
    if (open.length) out[field] = open;
  }
  return out;
}

export function countUnresolved(findings: FieldFindings): number {
  return Object.values(unresolved(findings)).reduce((n, l) => n + l.length, 0);
}

/** Field errors for a refused submission: each field says what is still flagged and what to do. */
export function unresolvedFieldErrors(findings: FieldFindings): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, list] of Object.entries(unresolved(findings))) {
    const quoted = list.map((f) => `"${f.text}"`).join(", ");
    out[field] = [
      `${list.length === 1 ? "1 suspected identifier is" : `${list.length} suspected identifiers are`} still flagged here (${quoted}). Remove ${list.length === 1 ? "it" : "them"}, or dismiss a flag with a reason if it isn't an identifier.`,
    ];
  }
  return out;
}

// A supervisor's feedback (evidence for each rating, what to change, comments) is clinical text
// too: it is scanned on the server before it is stored. Flags are shown next to each field; the
// supervisor removes the detail or, having checked, confirms it identifies no one.

export const FEEDBACK_FLAGGED_MESSAGE =
  "Some of your feedback may identify someone: each flagged field says what was found. Remove those details, or tick the box to confirm they don't identify anyone.";
export const FEEDBACK_CONFIRM_MESSAGE = "Tick this once you have checked the flagged details don't identify anyone, or remove them.";

/** Field errors for the flagged feedback fields (at most three findings named per field). */
export function feedbackFlags(fields: Record<string, string | null | undefined>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, list] of Object.entries(scanFields(fields))) {
    const named = list.slice(0, 3).map((f) => `“${f.text}”: ${f.reason}`);
    out[field] = [named.join(" ") + (list.length > 3 ? ` (${list.length - 3} more in this field.)` : "")];
  }
  return out;
}
