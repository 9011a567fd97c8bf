// The audit log's vocabulary: every action name an audit row may carry, its category (the audit
// viewer's filter) and how it reads in a sentence ("Deactivated Sam Lee"). A new mutation adds its
// name here; the type stops a typo from creating a name nobody filters on. A verb reads before the
// target's name ("Deactivated" Sam Lee) unless it places it itself with {target}.

export const AUDIT_CATEGORIES = ["people", "cases", "training", "practicum", "settings", "security"] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

export const AUDIT_CATEGORY_LABELS: Record<AuditCategory, string> = {
  people: "People",
  cases: "Cases",
  training: "Training",
  practicum: "Practicum hours and supervision",
  settings: "Settings",
  security: "Security and sign-in",
};

type Entry = { category: AuditCategory; verb: string; routine?: true };

export const AUDIT_ACTIONS = {
  "access.denied": { category: "security", verb: "Was refused access to" },
  "auth.sign_in": { category: "security", verb: "Signed in" },
  "auth.sign_in_unlocked": { category: "security", verb: "Lifted the sign-in delay for" },
  "auth.signed_out": { category: "security", verb: "Signed out" },
  "auth.session_ended": { category: "security", verb: "Ended a session" },
  "auth.other_sessions_ended": { category: "security", verb: "Ended their other sessions" },
  "auth.password_changed": { category: "security", verb: "Changed their password" },
  "auth.password_reset_requested": { category: "security", verb: "Asked for a password reset" },
  "auth.password_reset": { category: "security", verb: "Reset their password" },
  "auth.email_verification_requested": { category: "security", verb: "Asked for an email verification link" },
  "auth.email_verified": { category: "security", verb: "Verified their email address" },
  "org.created": { category: "settings", verb: "Created the organisation" },
  "org.verified_by_operator": { category: "settings", verb: "Verified the organisation" },
  "org.unassigned_cases_policy_changed": { category: "settings", verb: "Changed what happens to cases without a supervisor" },
  "notifications.preferences_changed": { category: "settings", verb: "Changed their notification settings" },
  "reminders.sent": { category: "training", verb: "Sent training reminders" },
  "reminders.sent_overdue": { category: "training", verb: "Reminded everyone overdue on {target}" },
  "member.deactivated": { category: "people", verb: "Deactivated" },
  "reminders.module_sent": { category: "training", verb: "Sent a reminder about" },
  "setup_guide.dismissed": { category: "settings", verb: "Dismissed the setup guide" },
  "member.reactivated": { category: "people", verb: "Reactivated" },
  "member.role_changed": { category: "people", verb: "Changed the role of" },
  "profile.saved": { category: "people", verb: "Updated their profile" },
  "invitation.created": { category: "people", verb: "Invited" },
  "invitation.revoked": { category: "people", verb: "Revoked the invitation of" },
  "invitation.resent": { category: "people", verb: "Resent the invitation to" },
  "invitation.accepted": { category: "people", verb: "Accepted the invitation for" },
  "invitations.imported": { category: "people", verb: "Imported invitations" },
  "cohort.created": { category: "people", verb: "Created cohort" },
  "cohort.renamed": { category: "people", verb: "Renamed cohort" },
  "cohort.archived": { category: "people", verb: "Archived cohort" },
  "cohort.restored": { category: "people", verb: "Restored cohort" },
  "cohort.member_added": { category: "people", verb: "Added {target} to a cohort" },
  "cohort.member_removed": { category: "people", verb: "Removed {target} from a cohort" },
  "supervision.assigned": { category: "people", verb: "Assigned a supervisor to" },
  "supervision.removed": { category: "people", verb: "Removed a supervisor from" },
  "requirement.created": { category: "training", verb: "Required a module" },
  "requirement.removed": { category: "training", verb: "Removed a required module" },
  "auth.email_change_requested": { category: "security", verb: "Asked to change their email address" },
  "auth.email_changed": { category: "security", verb: "Changed their email address" },
  "profile.account_saved": { category: "people", verb: "Updated their profile" },
  "org.logo_changed": { category: "settings", verb: "Changed the organisation's logo" },
  "org.logo_removed": { category: "settings", verb: "Removed the organisation's logo" },
  "org.settings_changed": { category: "settings", verb: "Changed the organisation's settings" },
  "org.cpd_hours_changed": { category: "settings", verb: "Changed a module's CPD hours" },
  "org.audit_retention_changed": { category: "settings", verb: "Changed how many years the audit log is kept" },
  "audit.archived": { category: "security", verb: "Archived a month of the audit log past its retention" },
  "portfolio.exported": { category: "training", verb: "Exported their records" },
  "member.records_exported": { category: "people", verb: "Exported the records of" },
  "auth.second_factor": { category: "security", verb: "Completed the second sign-in step" },
  "auth.factor_added": { category: "security", verb: "Added a second sign-in factor" },
  "auth.factor_removed": { category: "security", verb: "Removed a second sign-in factor" },
  "auth.recovery_codes_regenerated": { category: "security", verb: "Made new recovery codes" },
  "auth.recovery_code_used": { category: "security", verb: "Signed in with a recovery code" },
  "auth.factors_reset": { category: "security", verb: "Reset the two-step sign-in of" },
  "org.domain_claim_requested": { category: "settings", verb: "Claimed an email domain" },
  "org.domain_verified": { category: "settings", verb: "Verified an email domain" },
  "org.passkey_sign_in_changed": { category: "settings", verb: "Changed whether passkeys alone may sign in" },
  "org.two_factor_policy_changed": { category: "settings", verb: "Changed who must use two-step sign-in" },
  "org.sso_settings_changed": { category: "settings", verb: "Changed single sign-on settings" },
  "org.sso_provider_removed": { category: "settings", verb: "Removed an identity provider" },
  "auth.sso_account_created": { category: "security", verb: "Joined through single sign-on" },
  "certificate.issued": { category: "training", verb: "Earned a certificate for" },
  "assessment.settings_updated": { category: "settings", verb: "Changed the knowledge-check rules" },
  "assessment.override_created": { category: "settings", verb: "Set a module's own check rules" },
  "assessment.override_updated": { category: "settings", verb: "Changed a module's own check rules" },
  "assessment.override_removed": { category: "settings", verb: "Removed a module's own check rules" },
  "reflection.shared": { category: "training", verb: "Shared a reflection" },
  "reflection.unshared": { category: "training", verb: "Stopped sharing a reflection" },
  "reflection.commented": { category: "training", verb: "Commented on a reflection" },
  "reflection.comment_replied": { category: "training", verb: "Replied on a reflection" },
  "case.created": { category: "cases", verb: "Started case" },
  "case.submitted": { category: "cases", verb: "Submitted case" },
  "case.flag_dismissed": { category: "cases", verb: "Dismissed an identifier flag on case" },
  "case.viewed": { category: "cases", verb: "Viewed case", routine: true },
  "case.signed_off": { category: "cases", verb: "Signed off case" },
  "case.changes_requested": { category: "cases", verb: "Requested changes to case" },
  "case.commented": { category: "cases", verb: "Commented on case" },
  "case.comment_replied": { category: "cases", verb: "Replied on case" },
  "case.reopened": { category: "cases", verb: "Reopened case" },
  "case.risk_acknowledged": { category: "cases", verb: "Acknowledged the risk in case" },
  "hours.entry_created": { category: "practicum", verb: "Logged hours" },
  "hours.entry_updated": { category: "practicum", verb: "Changed an hours entry" },
  "hours.entry_deleted": { category: "practicum", verb: "Deleted an hours entry" },
  "hours.entry_submitted": { category: "practicum", verb: "Submitted hours for approval" },
  "hours.entry_approved": { category: "practicum", verb: "Approved hours" },
  "hours.entry_returned": { category: "practicum", verb: "Returned hours" },
  "hours.correction_created": { category: "practicum", verb: "Corrected approved hours" },
  "hours.week_saved": { category: "practicum", verb: "Saved a week of hours" },
  "hours.imported": { category: "practicum", verb: "Imported hours" },
  "hours.reminders_sent": { category: "practicum", verb: "Sent hours reminders" },
  "hours.summary_issued": { category: "practicum", verb: "Issued a signed hours summary" },
  "hours.totals_recounted": { category: "practicum", verb: "Recounted the hours totals from the entries (operator's tool)" },
  "hours.requirement_set_created": { category: "settings", verb: "Created an hours requirement set" },
  "hours.requirement_set_updated": { category: "settings", verb: "Changed an hours requirement set" },
  "hours.requirement_set_deleted": { category: "settings", verb: "Deleted an hours requirement set" },
  "hours.requirement_set_adopted": { category: "settings", verb: "Adopted an hours requirement set" },
  "hours.requirement_set_copied": { category: "settings", verb: "Copied an hours requirement set" },
  "placement.created": { category: "practicum", verb: "Added placement site" },
  "placement.updated": { category: "practicum", verb: "Changed placement site" },
  "placement.assigned": { category: "practicum", verb: "Assigned a placement to" },
  "placement.ended": { category: "practicum", verb: "Ended a placement of" },
  "placement.reopened": { category: "practicum", verb: "Reopened a placement of" },
  "placement.supervisor_added": { category: "practicum", verb: "Added a site supervisor to a placement" },
  "placement.supervisor_removed": { category: "practicum", verb: "Removed a site supervisor from a placement" },
  "supervision_session.recorded": { category: "practicum", verb: "Recorded a supervision session" },
  "supervision_session.updated": { category: "practicum", verb: "Changed a supervision session" },
  "evaluation_form.created": { category: "training", verb: "Created evaluation form" },
  "evaluation_form.edited": { category: "training", verb: "Edited evaluation form" },
  "evaluation_form.versioned": { category: "training", verb: "Made a new version of evaluation form" },
  "evaluation_form.archived": { category: "training", verb: "Archived evaluation form" },
  "evaluation_form.restored": { category: "training", verb: "Restored evaluation form" },
  "evaluation_round.opened": { category: "training", verb: "Opened evaluation round" },
  "evaluation.evaluator_assigned": { category: "training", verb: "Assigned an evaluator for" },
  "evaluation.draft_saved": { category: "training", verb: "Saved an evaluation draft" },
  "evaluation.submitted": { category: "training", verb: "Submitted an evaluation" },
  "evaluation.signed": { category: "training", verb: "Signed an evaluation" },
  "calibration.consent_given": { category: "cases", verb: "Allowed a de-identified copy for calibration of case" },
  "calibration.consent_withdrawn": { category: "cases", verb: "Withdrew consent to calibration copies of case" },
  "calibration.reference_copied": { category: "training", verb: "Copied a consented case as a calibration reference" },
  "calibration.copy_refused": { category: "training", verb: "Was refused a calibration copy of a case" },
  "calibration.exemplar_added": { category: "training", verb: "Added a Rapport exemplar for calibration" },
  "calibration.round_opened": { category: "training", verb: "Opened calibration round" },
  "calibration.review_submitted": { category: "training", verb: "Submitted a calibration review" },
  "calibration.round_closed": { category: "training", verb: "Closed calibration round" },
  "calibration.note_saved": { category: "training", verb: "Wrote the discussion note of calibration round" },
  "practice.drill_created": { category: "training", verb: "Wrote practice drill" },
  "practice.drill_versioned": { category: "training", verb: "Made a new version of practice drill" },
  "practice.drill_archived": { category: "training", verb: "Archived practice drill" },
  "practice.drill_restored": { category: "training", verb: "Restored practice drill" },
  "practice.clip_attached": { category: "training", verb: "Attached a clip to practice drill" },
  "practice.clip_removed": { category: "training", verb: "Removed the clip of practice drill" },
  "practice.response_submitted": { category: "training", verb: "Responded to practice drill" },
  "practice.feedback_given": { category: "training", verb: "Gave feedback on a practice response" },
  "practice.feedback_updated": { category: "training", verb: "Changed feedback on a practice response" },
  "practice.drill_assigned": { category: "training", verb: "Assigned practice drill" },
  "practice.hours_logged": { category: "practicum", verb: "Logged practice time as skills-practice hours" },
  "practice.recording_expired": { category: "training", verb: "Deleted an expired practice recording" },
  "practice.retention_changed": { category: "settings", verb: "Changed how long practice recordings are kept" },
} as const satisfies Record<string, Entry>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(s: string): s is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, s);
}

export function auditEntry(action: string): Entry | undefined {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : undefined;
}

/**
 * Routine reads: recorded like everything else, left out of the viewer unless asked for. The rule is
 * the name (every action ending in .viewed, and only those, is marked routine: a unit test holds the
 * vocabulary to it), because the partial index that serves the viewer's default page is defined by
 * the same pattern (db/schema/core.ts audit_events_org_changes_idx): a new *.viewed action needs no
 * new index.
 */
export const ROUTINE_PATTERN = "%.viewed";
export function isRoutineAction(action: string): boolean {
  return action.endsWith(".viewed");
}

/** The actions a routine filter leaves out of the viewer by default (reads, not changes). */
export const ROUTINE_AUDIT_ACTIONS: AuditAction[] = (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((a) => "routine" in AUDIT_ACTIONS[a]);
