// How an audit row reads to a person: the verb from the vocabulary, the target by name, and the
// detail as labelled fields. Pure (no database) so the viewer and tests share it.
import { auditEntry, AUDIT_CATEGORY_LABELS } from "@/lib/core/audit-actions";
import type { AuditRow } from "./audit-log";

const LABELS: Record<string, string> = {
  from: "From",
  to: "To",
  reason: "Reason",
  email: "Email",
  role: "Role",
  count: "Count",
  policy: "Policy",
  module: "Module",
  name: "Name",
  via: "Through",
  submission: "Submission",
  urgent: "Marked urgent",
  supervisors: "Supervisors notified",
  dueOn: "Due on",
  dueDays: "Due (days after joining)",
  day: "Day",
  overdue: "Overdue",
  rows: "Rows",
  invited: "Invited",
  skipped: "Skipped",
  errors: "Errors",
  lifted: "Delay lifted",
  knownDevice: "Known device",
  what: "What",
  field: "Field",
  kind: "Kind",
  focus: "Focus",
  status: "Status",
  supervisionLinksRemoved: "Supervision links removed",
  flaggedFieldsConfirmed: "Flagged fields kept",
  changes: "Changes",
  address: "Network address",
  members: "Members",
  month: "Month",
  events: "Events",
  file: "File",
  sha256: "SHA-256 checksum",
};

/** Keys that are ids or already said in the sentence: shown only under "Technical details". */
const TECHNICAL = /(^id$|Id$|^replaces$|^caseVersion$|^versions$|Ids$)/;

function show(v: unknown): string {
  if (v === null || v === undefined || v === "") return "—";
  if (typeof v === "boolean") return v ? "Yes" : "No";
  if (Array.isArray(v)) return v.map(show).join(", ");
  if (typeof v === "object") return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${show(x)}`).join("; ");
  return String(v).replace(/_/g, " ");
}

export function auditVerb(action: string): string {
  return auditEntry(action)?.verb ?? action;
}

export function auditCategoryLabel(action: string): string | null {
  const e = auditEntry(action);
  return e ? AUDIT_CATEGORY_LABELS[e.category] : null;
}

/** The readable fields of a row's detail, plus the people and cohorts the query resolved. */
export function auditFields(row: Pick<AuditRow, "detail" | "related">): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  if (row.related.supervisorName) out.push({ label: "Supervisor", value: row.related.supervisorName });
  if (row.related.cohortName) out.push({ label: "Cohort", value: row.related.cohortName });
  for (const [k, v] of Object.entries(row.detail ?? {})) {
    if (TECHNICAL.test(k) || v === undefined || v === null) continue;
    out.push({ label: LABELS[k] ?? k.replace(/([A-Z])/g, " $1").replace(/^./, (c) => c.toUpperCase()), value: show(v) });
  }
  return out;
}

export const OUTCOME_WORDS: Record<AuditRow["outcome"], string> = { success: "Done", denied: "Refused", failure: "Failed" };

/** Target types whose id is the actor themself or the organisation: the verb stands alone. */
const NO_OBJECT = new Set(["user", "organisation", "session"]);

/** The sentence's parts around the target: "Signed off case" + "T-14 v2", or "Added " + name + " to a cohort". */
export function auditSentence(row: Pick<AuditRow, "action" | "targetType" | "target" | "detail">): { before: string; target: AuditRow["target"]; after: string } {
  const verb = auditVerb(row.action);
  let target = row.target;
  if (row.action === "access.denied" && typeof row.detail?.what === "string") target = { label: row.detail.what, href: null };
  else if (!target || NO_OBJECT.has(row.targetType ?? "")) target = null;
  const at = verb.indexOf("{target}");
  if (at >= 0) {
    return target ? { before: verb.slice(0, at), target, after: verb.slice(at + "{target}".length) } : { before: verb.replace("{target}", "someone"), target: null, after: "" };
  }
  return { before: target ? `${verb} ` : verb, target, after: "" };
}
