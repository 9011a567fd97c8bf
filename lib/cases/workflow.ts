// The case workflow of TAXONOMY.md section 3, as pure rules (no database): who may move a case
// from which status to which. The data layer calls these inside its transaction; the pages call
// them to decide which controls to show. A refusal names the reason so the caller can answer
// not-found (no relation to the case) or conflict (the case is not in a state that allows it).

export const CASE_STATUSES = ["draft", "submitted", "changes_requested", "signed_off", "reopened"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const STATUS_LABELS: Record<CaseStatus, string> = {
  draft: "Draft",
  submitted: "Waiting for review",
  changes_requested: "Changes requested",
  signed_off: "Signed off",
  reopened: "Reopened",
};

/** How the caller stands to the case. An org_admin may also be an assigned supervisor. */
export type Relation = { author: boolean; assignedSupervisor: boolean; orgAdmin: boolean };

export type Action = "edit" | "submit" | "dismiss_flag" | "request_changes" | "sign_off" | "comment" | "reopen";

const EDITABLE: readonly CaseStatus[] = ["draft", "changes_requested", "reopened"];

export const TRANSITIONS: Record<"submit" | "request_changes" | "sign_off" | "reopen", { from: readonly CaseStatus[]; to: CaseStatus }> = {
  submit: { from: EDITABLE, to: "submitted" },
  request_changes: { from: ["submitted"], to: "changes_requested" },
  sign_off: { from: ["submitted"], to: "signed_off" },
  reopen: { from: ["signed_off"], to: "reopened" },
};

/** What a person may see: the whole case, its metadata only, or nothing at all. */
export function accessLevel(r: Relation): "full" | "metadata" | "none" {
  if (r.author || r.assignedSupervisor) return "full";
  if (r.orgAdmin) return "metadata";
  return "none";
}

export function isEditable(status: CaseStatus): boolean {
  return EDITABLE.includes(status);
}

/** Whether the relation alone allows the action (whatever the status). */
export function mayAct(r: Relation, action: Action): boolean {
  switch (action) {
    case "edit":
    case "submit":
    case "dismiss_flag":
      return r.author;
    case "request_changes":
    case "sign_off":
    case "comment":
      // Nobody reviews their own case, even a supervisor who logs cases and supervises themselves.
      return r.assignedSupervisor && !r.author;
    case "reopen":
      return (r.assignedSupervisor && !r.author) || r.orgAdmin;
  }
}

/** Whether the status allows the action (whoever asks). */
export function statusAllows(status: CaseStatus, action: Action): boolean {
  switch (action) {
    case "edit":
    case "dismiss_flag":
      return isEditable(status);
    case "comment":
      return status === "submitted";
    default:
      return TRANSITIONS[action].from.includes(status);
  }
}

export type Decision = { ok: true } | { ok: false; reason: "not_found" | "not_allowed" | "wrong_status" };

/**
 * not_found: the caller has no relation to the case at all (they must not learn it exists);
 * not_allowed: they may see it but not do this (e.g. an org_admin signing off);
 * wrong_status: the case has moved on (e.g. signed off while a trainee was editing).
 */
export function decide(r: Relation, status: CaseStatus, action: Action): Decision {
  if (accessLevel(r) === "none") return { ok: false, reason: "not_found" };
  if (!mayAct(r, action)) return { ok: false, reason: "not_allowed" };
  if (!statusAllows(status, action)) return { ok: false, reason: "wrong_status" };
  return { ok: true };
}

export function nextStatus(action: keyof typeof TRANSITIONS): CaseStatus {
  return TRANSITIONS[action].to;
}

/** What the person is told when the case moved on under them. */
export function wrongStatusMessage(status: CaseStatus, action: Action): string {
  if (status === "signed_off") {
    return action === "edit" || action === "submit" || action === "dismiss_flag"
      ? "This case has just been signed off, so it is now read-only and your latest changes were not saved. Your text is shown below: copy it if you want to keep it."
      : "This case has already been signed off. Reload to see the final review.";
  }
  if (status === "submitted" && (action === "edit" || action === "submit" || action === "dismiss_flag")) {
    return "This case has been submitted for review, so it can't be edited until your supervisor responds. Your text is shown below: copy it if you want to keep it.";
  }
  if ((action === "sign_off" || action === "request_changes" || action === "comment") && status !== "submitted") {
    return "This case isn't waiting for review any more: someone else may have reviewed it. Reload to see where it stands.";
  }
  if (action === "reopen") return "Only a signed-off case can be reopened. Reload to see where it stands.";
  return "This case changed while you were working on it. Reload to see the latest version.";
}

/**
 * Which submitted version each transition concerns, counted the way people see versions (1, 2, ...):
 * a submission starts the next version; a decision or reopening concerns the latest one. (The
 * internal row version, which changes on every autosave, means nothing to a reader.)
 */
export function submittedVersionOf(transitions: readonly { to: CaseStatus }[]): (number | null)[] {
  let n = 0;
  return transitions.map((t) => {
    if (t.to === "submitted") n += 1;
    return n > 0 ? n : null;
  });
}
