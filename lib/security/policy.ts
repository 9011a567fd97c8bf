import type { Role } from "@/db/schema";

// The declared access policy: every page, route handler and server action, what each role may do
// in its own organisation, and what a visitor or another organisation gets. The code enforces it
// in the data layer; tests/unit/policy-coverage.test.ts fails when a route or action has no row,
// and tests/e2e/permission-matrix.spec.ts exercises every row against a running server.

/** allow: works. deny: not found, nothing changes. */
export type Decision = "allow" | "deny";
/** sign_in: sent to sign-in (pages) or told the session ended (actions). public: no session needed. */
export type Anonymous = "sign_in" | "public" | "deny";
/**
 * deny: a member of another organisation gets not-found for this organisation's resource.
 * own_only: the route only ever shows the caller's own organisation, so there is nothing of
 * another organisation to reach (e.g. /home).
 */
export type CrossOrg = "deny" | "own_only" | "public";

export type PolicyRow = {
  kind: "page" | "route" | "action";
  /** Pages and routes: the URL pattern without route groups. Actions: "<file>#<exportName>". */
  target: string;
  anonymous: Anonymous;
  roles: Record<Role, Decision>;
  crossOrg: CrossOrg;
  note?: string;
};

const everyone = { trainee: "allow", supervisor: "allow", org_admin: "allow" } as const;
const learners = { trainee: "allow", supervisor: "allow", org_admin: "deny" } as const;
const supervisorOnly = { trainee: "deny", supervisor: "allow", org_admin: "deny" } as const;
const overseers = { trainee: "deny", supervisor: "allow", org_admin: "allow" } as const;
const adminOnly = { trainee: "deny", supervisor: "deny", org_admin: "allow" } as const;

const page = (target: string, roles: PolicyRow["roles"], crossOrg: CrossOrg, note?: string): PolicyRow => ({ kind: "page", target, anonymous: "sign_in", roles, crossOrg, note });
const publicPage = (target: string, note?: string): PolicyRow => ({ kind: "page", target, anonymous: "public", roles: everyone, crossOrg: "public", note });
const action = (target: string, roles: PolicyRow["roles"], crossOrg: CrossOrg, note?: string): PolicyRow => ({ kind: "action", target, anonymous: "sign_in", roles, crossOrg, note });

export const POLICY: PolicyRow[] = [
  // Public
  publicPage("/", "landing; signed-in people are sent home"),
  publicPage("/login"),
  publicPage("/signup"),
  publicPage("/no-organisation"),
  publicPage("/verify/[serial]", "name, module, date, CPD hours and the issuing organisation; 404 (same friendly text) for an unknown serial"),
  publicPage("/verify", "a form to type a serial; a well-formed one redirects to /verify/[serial]"),
  publicPage("/invite/[token]", "the token itself is the credential"),
  publicPage("/reset-password"),
  publicPage("/reset-password/[token]", "the token itself is the credential"),
  publicPage("/verify-email/[token]", "shows a confirm button; the token is the credential"),
  publicPage("/verify-email/confirmed"),
  publicPage("/verify-email/change/[token]", "shows a confirm button for a change of sign-in address; the token is the credential"),
  publicPage("/verify-email/change/confirmed"),
  publicPage("/verify-domain/[token]", "shows a confirm button for a domain claim; the token is the credential"),
  publicPage("/verify-domain/result"),
  { kind: "action", target: "lib/orgs/actions/domains.ts#confirmDomainAction", anonymous: "public", roles: everyone, crossOrg: "public", note: "token-checked; verifies only the token's own claim" },
  publicPage("/login/sso", "the outcome of a single sign-on attempt that did not finish"),
  { kind: "route", target: "/api/sso/start", anonymous: "public", roles: everyone, crossOrg: "public", note: "starts single sign-on for the email's verified domain" },
  { kind: "route", target: "/api/sso/callback", anonymous: "public", roles: everyone, crossOrg: "public", note: "the identity provider's answer; state, nonce, PKCE and the ID token are checked" },
  { kind: "action", target: "lib/auth/actions/email-change.ts#confirmEmailChangeAction", anonymous: "public", roles: everyone, crossOrg: "public", note: "token-checked; moves only the token's own account to the address the link was sent to" },
  { kind: "action", target: "lib/auth/actions/verify-email.ts#confirmEmailAction", anonymous: "public", roles: everyone, crossOrg: "public", note: "token-checked; verifies only the token's own account" },
  { kind: "action", target: "lib/auth/actions/reset-password.ts#*", anonymous: "public", roles: everyone, crossOrg: "public", note: "same answer whether or not the account exists; token-checked" },
  { kind: "route", target: "/api/health", anonymous: "public", roles: everyone, crossOrg: "public" },
  { kind: "route", target: "/api/auth/[...nextauth]", anonymous: "public", roles: everyone, crossOrg: "public", note: "next-auth" },
  { kind: "route", target: "/api/cohorts", anonymous: "deny", roles: adminOnly, crossOrg: "own_only", note: "the cohort pickers' search: the caller's organisation's cohorts only" },
  { kind: "route", target: "/api/people", anonymous: "deny", roles: adminOnly, crossOrg: "own_only", note: "the people pickers' search: the caller's organisation's active people only" },
  { kind: "route", target: "/api/reminders", anonymous: "deny", roles: { trainee: "deny", supervisor: "deny", org_admin: "deny" }, crossOrg: "own_only", note: "bearer REMINDERS_TOKEN only; 404 otherwise" },
  { kind: "action", target: "lib/orgs/actions/sign-up.ts#signUpAction", anonymous: "public", roles: everyone, crossOrg: "public" },
  { kind: "action", target: "lib/onboarding/actions/accept-invitation.ts#*", anonymous: "public", roles: everyone, crossOrg: "public", note: "token-checked" },

  // Everyone signed in, own organisation only
  page("/home", everyone, "own_only"),
  page("/account", everyone, "own_only"),
  page("/onboarding", everyone, "own_only"),
  { kind: "route", target: "/api/sign-out", anonymous: "public", roles: everyone, crossOrg: "public", note: "POST ends only the caller's own session (same-origin form); GET changes nothing" },
  action("lib/orgs/actions/switch.ts#switchOrgAction", everyone, "deny", "switching to an organisation you don't belong to is refused"),
  action("lib/auth/actions/account.ts#endSessionAction", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "deny", "your own sessions only (checked on A's trainee's session)"),
  action("lib/auth/actions/account.ts#setNotificationPreferencesAction", everyone, "own_only", "the caller's own preferences in their current organisation"),
  action("lib/auth/actions/account.ts#saveAccountProfileAction", everyone, "own_only", "the caller's own name, preferred name and pronouns"),
  action("lib/auth/actions/account.ts#requestEmailChangeAction", everyone, "own_only", "the caller's own address; needs their current password; a link goes to the new address"),
  action("lib/auth/actions/account.ts#*", everyone, "own_only", "own password and own sessions only"),
  { kind: "route", target: "/account/portfolio.zip", anonymous: "sign_in", roles: everyone, crossOrg: "own_only", note: "the caller's own records in their current organisation; audited" },
  { kind: "route", target: "/organisation/logo", anonymous: "sign_in", roles: everyone, crossOrg: "own_only", note: "the caller's own organisation's logo (404 when it has none)" },
  action("lib/onboarding/actions/profile.ts#*", everyone, "own_only"),

  // Two-step sign-in. The step pages and actions also admit a session that is not fully signed
  // in yet (it owes a second factor, or must enrol one): lib/core/action.ts signInStepAction.
  page("/login/verify", everyone, "own_only", "the second step of sign-in; a visitor is sent to /login, a fully signed-in person straight on"),
  page("/login/enrol", everyone, "own_only", "required enrolment; only a session at that step stays here"),
  page("/account/security", everyone, "own_only", "the caller's own factors"),
  action("lib/auth/actions/two-factor.ts#verifySecondFactorAction", everyone, "own_only", "only a session owing its second factor can pass it; it completes that session only"),
  action("lib/auth/actions/two-factor.ts#*", everyone, "own_only", "the caller's own factors; changes need the current password, except at required enrolment"),
  { kind: "action", target: "lib/auth/actions/passkeys.ts#passkeySignInOptionsAction", anonymous: "public", roles: everyone, crossOrg: "public", note: "a sealed challenge; writes nothing" },
  action("lib/auth/actions/passkeys.ts#renamePasskeyAction", { trainee: "deny", supervisor: "deny", org_admin: "deny" }, "deny", "the owner only (checked on another member's passkey: everyone else gets not-found)"),
  action("lib/auth/actions/passkeys.ts#removePasskeyAction", { trainee: "deny", supervisor: "deny", org_admin: "deny" }, "deny", "the owner only, with their password (checked on another member's passkey)"),
  action("lib/auth/actions/passkeys.ts#*", everyone, "own_only", "registering needs the current password, except at required enrolment; the second step only for a session owing it"),

  // Notifications: the caller's own inbox only
  page("/inbox", everyone, "own_only"),
  { kind: "route", target: "/inbox/[id]/open", anonymous: "sign_in", roles: { trainee: "allow", supervisor: "deny", org_admin: "deny" }, crossOrg: "deny", note: "the recipient only (checked on A's trainee's notification); marks it read, then a 303 to a same-site path" },
  action("lib/notifications/actions.ts#markReadAction", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "deny", "the recipient only (checked on A's trainee's notification)"),
  action("lib/notifications/actions.ts#markAllReadAction", everyone, "own_only", "marks only the caller's own notifications"),

  // Training modules
  page("/modules", everyone, "own_only"),
  page("/modules/[slug]", everyone, "own_only"),
  page("/modules/[slug]/lessons/[lesson]", everyone, "own_only"),
  page("/modules/[slug]/check", everyone, "own_only"),
  page("/modules/[slug]/check/attempts/[attemptId]", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "deny", "the attempt's owner only (rows are checked on A's trainee's attempt)"),
  page("/modules/[slug]/reflection", everyone, "own_only"),
  page("/certificates", everyone, "own_only", "the caller's own certificates"),
  { kind: "route", target: "/certificates/transcript.pdf", anonymous: "sign_in", roles: everyone, crossOrg: "own_only", note: "the caller's own transcript" },
  { kind: "route", target: "/certificates/[serial]/pdf", anonymous: "sign_in", roles: { trainee: "allow", supervisor: "deny", org_admin: "allow" }, crossOrg: "deny", note: "holder, or an admin of the holder's organisation" },
  action("lib/modules/actions/lessons.ts#completeLessonAction", everyone, "own_only"),
  action("lib/modules/actions/check.ts#submitCheckAction", everyone, "own_only"),
  action("lib/modules/actions/reflection.ts#saveReflectionAction", learners, "own_only"),
  action("lib/modules/actions/reflection.ts#shareReflectionAction", learners, "own_only"),
  page("/trainees", overseers, "own_only"),
  page("/trainees/[id]", overseers, "deny", "supervisors: assigned trainees only"),

  // Rupture cases and review
  page("/cases", everyone, "own_only", "admins get the organisation's case metadata only"),
  page("/cases/new", learners, "own_only"),
  page("/cases/insight", learners, "own_only"),
  page("/cases/[id]", { trainee: "allow", supervisor: "allow", org_admin: "allow" }, "deny", "author; assigned supervisors; admins see metadata only"),
  page("/cases/[id]/versions", { trainee: "allow", supervisor: "allow", org_admin: "deny" }, "deny", "author and assigned supervisors"),
  { kind: "route", target: "/cases/[id]/pdf", anonymous: "sign_in", roles: { trainee: "allow", supervisor: "allow", org_admin: "deny" }, crossOrg: "deny", note: "author and assigned supervisors" },
  action("lib/cases/actions/cases.ts#createCaseAction", learners, "own_only"),
  action("lib/cases/actions/cases.ts#saveCaseAction", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "deny", "the author only"),
  action("lib/cases/actions/cases.ts#submitCaseAction", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "deny", "the author only"),
  action("lib/cases/actions/cases.ts#dismissFlagAction", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "deny", "the author only"),
  action("lib/modules/actions/reflection-comments.ts#commentOnReflectionAction", learners, "deny", "assigned supervisors comment on a shared reflection; its author replies"),
  action("lib/cases/actions/cases.ts#replyToCommentAction", learners, "deny", "the author and assigned supervisors of a submitted case"),
  action("lib/cases/actions/cases.ts#reopenCaseAction", { trainee: "deny", supervisor: "allow", org_admin: "allow" }, "deny", "assigned supervisors and admins, with a reason"),
  page("/reviews", supervisorOnly, "own_only"),
  page("/caseload", supervisorOnly, "own_only", "assigned trainees' cases, metadata only, drafts excluded"),
  page("/reviews/[id]", supervisorOnly, "deny", "assigned supervisors only"),
  action("lib/cases/actions/reviews.ts#*", supervisorOnly, "deny", "assigned supervisors only"),
  page("/trainees/[id]/insight", { trainee: "allow", supervisor: "allow", org_admin: "deny" }, "deny", "the trainee themself and their assigned supervisors"),

  // Supervisor calibration: formative and among staff. Admins open rounds and see every result;
  // invited supervisors review blind and see the results once they have submitted. Trainees get
  // not-found on every page and action; only the consent to a copy of their own case is theirs.
  page("/calibration", overseers, "own_only", "supervisors: rounds they are invited to; admins: every round"),
  page("/calibration/new", adminOnly, "own_only"),
  page("/calibration/references", adminOnly, "own_only", "consented cases as metadata only, never their narratives"),
  page("/calibration/trend", overseers, "own_only", "supervisors: closed rounds they submitted a review in; admins: every closed round"),
  page("/calibration/[id]", overseers, "deny", "admins; invited supervisors (others' ratings and the reference review only after submitting their own)"),
  action("lib/calibration/actions/rounds.ts#openCalibrationRoundAction", adminOnly, "own_only", "invitees must be the organisation's active, verified supervisors"),
  action("lib/calibration/actions/rounds.ts#closeCalibrationRoundAction", adminOnly, "deny"),
  action("lib/calibration/actions/rounds.ts#saveDiscussionNoteAction", adminOnly, "deny", "versioned; scanned for identifiers"),
  action("lib/calibration/actions/reviews.ts#submitCalibrationReviewAction", supervisorOnly, "deny", "invited supervisors only, once, while the round is open"),
  action("lib/calibration/actions/references.ts#copyCaseAsReferenceAction", adminOnly, "deny", "a consented, submitted or signed-off case without risk, with nothing flagged by the de-identification check"),
  action("lib/cases/actions/consent.ts#setCalibrationConsentAction", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "deny", "the case's author only (checked on A's trainee's case)"),

  // Administration
  page("/admin/members", adminOnly, "own_only"),
  page("/admin/members/[id]", adminOnly, "deny"),
  action("lib/orgs/actions/members.ts#*", adminOnly, "deny"),
  action("lib/orgs/actions/setup-guide.ts#dismissSetupGuideAction", adminOnly, "own_only", "dismisses the guide for the caller's own membership"),
  action("lib/orgs/actions/bulk.ts#bulkAssignSupervisorAction", adminOnly, "deny", "every id must be in the caller's organisation, or nothing changes"),
  action("lib/orgs/actions/bulk.ts#bulkAddToCohortAction", adminOnly, "deny", "every id must be in the caller's organisation, or nothing changes"),
  { kind: "route", target: "/admin/members/[id]/records.zip", anonymous: "sign_in", roles: adminOnly, crossOrg: "deny", note: "a member's records for an admin (case metadata only, no reflections); audited" },
  page("/admin/organisation", adminOnly, "own_only", "the caller's own organisation's settings"),
  action("lib/orgs/actions/settings.ts#updateOrgSettingsAction", adminOnly, "own_only", "the caller's own organisation; versioned"),
  action("lib/orgs/actions/settings.ts#setCpdHoursAction", adminOnly, "own_only", "the caller's own organisation's hours"),
  action("lib/orgs/actions/settings.ts#setAuditRetentionAction", adminOnly, "own_only", "the caller's own organisation's audit retention"),
  action("lib/orgs/actions/settings.ts#uploadLogoAction", adminOnly, "own_only", "PNG/JPEG checked by its bytes, at most 512 KB"),
  action("lib/orgs/actions/settings.ts#removeLogoAction", adminOnly, "own_only"),
  page("/admin/invitations", adminOnly, "own_only"),
  page("/admin/invitations/import", adminOnly, "own_only"),
  { kind: "route", target: "/admin/invitations/import/template", anonymous: "sign_in", roles: everyone, crossOrg: "own_only", note: "a static blank template: no organisation's data" },
  action("lib/onboarding/actions/invitations.ts#inviteAction", adminOnly, "own_only", "invites into the caller's organisation"),
  action("lib/onboarding/actions/invitations.ts#previewPasteAction", adminOnly, "own_only"),
  action("lib/onboarding/actions/invitations.ts#importPasteAction", adminOnly, "own_only"),
  action("lib/onboarding/actions/invitations.ts#previewCsvAction", adminOnly, "own_only"),
  action("lib/onboarding/actions/invitations.ts#importCsvAction", adminOnly, "own_only"),
  action("lib/onboarding/actions/invitations.ts#revokeInvitationAction", adminOnly, "deny"),
  action("lib/onboarding/actions/invitations.ts#resendInvitationAction", adminOnly, "deny"),
  action("lib/onboarding/actions/invitations.ts#resendInvitationsAction", adminOnly, "deny", "every invitation must be the caller's organisation's, or nothing is resent"),
  page("/admin/cohorts", adminOnly, "own_only"),
  page("/admin/requirements", adminOnly, "own_only"),
  action("lib/onboarding/actions/requirements.ts#createRequirementAction", adminOnly, "own_only"),
  action("lib/onboarding/actions/requirements.ts#deleteRequirementAction", adminOnly, "deny"),
  action("lib/onboarding/actions/reminders.ts#remindOverdueAction", adminOnly, "own_only", "reminds the caller's own organisation's overdue members; the module catalogue is shared"),
  page("/admin/settings/assessment", adminOnly, "own_only", "the caller's own organisation's assessment rules"),
  action("lib/modules/actions/assessment.ts#updateAssessmentSettingsAction", adminOnly, "own_only", "the caller's own organisation's rules"),
  action("lib/modules/actions/assessment.ts#saveAssessmentOverrideAction", adminOnly, "own_only", "an override in the caller's own organisation; the module catalogue is shared"),
  action("lib/modules/actions/assessment.ts#removeAssessmentOverrideAction", adminOnly, "own_only", "removes only the caller's own organisation's override"),
  page("/admin/outbox", adminOnly, "own_only", "invitation links are readable here by design; password-reset links never are"),
  page("/admin/reports", adminOnly, "own_only"),
  { kind: "route", target: "/admin/reports/completion.csv", anonymous: "sign_in", roles: adminOnly, crossOrg: "own_only" },
  page("/admin/reports/supervision", adminOnly, "own_only"),
  action("lib/orgs/actions/unsupervised.ts#setUnassignedPolicyAction", adminOnly, "own_only", "the caller's own organisation's setting"),
  page("/admin/security", adminOnly, "own_only", "the organisation's sign-in rules"),
  action("lib/orgs/actions/security.ts#*", adminOnly, "own_only", "the caller's own organisation's sign-in settings"),
  page("/admin/audit", adminOnly, "own_only"),
  { kind: "route", target: "/admin/audit/export.csv", anonymous: "sign_in", roles: adminOnly, crossOrg: "own_only" },
  action("lib/orgs/actions/cohorts.ts#createCohortAction", adminOnly, "own_only"),
  action("lib/orgs/actions/cohorts.ts#renameCohortAction", adminOnly, "deny"),
  action("lib/orgs/actions/cohorts.ts#archiveCohortAction", adminOnly, "deny"),

  // Practicum hours: trainees their own; supervisors the placements they approve and the sessions
  // they ran; admins their organisation. Admins reach /hours through the reports (a redirect).
  page("/hours", everyone, "own_only", "trainees: own ledger; supervisors: their approval queue; admins are sent to /admin/hours"),
  page("/hours/week", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "own_only"),
  page("/hours/import", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "own_only"),
  { kind: "route", target: "/hours/import/template", anonymous: "sign_in", roles: everyone, crossOrg: "own_only", note: "a static blank template: no organisation's data" },
  page("/hours/entries/[id]", everyone, "deny", "the trainee; supervisors of the entry's placement (or the session they ran); admins"),
  page("/hours/trainees/[id]", overseers, "deny", "supervisors: trainees placed with them or assigned to them; admins: everyone"),
  { kind: "route", target: "/hours/summaries/[serial]/pdf", anonymous: "sign_in", roles: everyone, crossOrg: "deny", note: "the trainee, whoever issued it, supervisors of its placement, admins" },
  page("/hours/sessions", everyone, "own_only", "trainees: sessions attended; supervisors: sessions run; admins: all, metadata only"),
  page("/hours/sessions/new", supervisorOnly, "own_only"),
  page("/hours/sessions/[id]", everyone, "deny", "the supervisor who ran it; attendees (agenda, shared notes, their own cases); admins (no agenda, notes or cases)"),
  publicPage("/verify/hours/[serial]", "shows what the signed summary shows: name, organisation, placement, period, approved totals, signers"),
  action("lib/hours/actions/entries.ts#createEntryAction", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "deny", "at the caller's own placements only"),
  action("lib/hours/actions/entries.ts#updateEntryAction", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "deny", "the trainee's own draft or returned entries"),
  action("lib/hours/actions/entries.ts#deleteEntryAction", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "deny", "the trainee's own draft or returned entries"),
  action("lib/hours/actions/entries.ts#submitEntriesAction", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "deny", "the trainee's own entries"),
  action("lib/hours/actions/entries.ts#saveWeekAction", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "deny", "the trainee's own placements"),
  action("lib/hours/actions/entries.ts#correctEntryAction", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "deny", "the trainee's own approved entries"),
  action("lib/hours/actions/import.ts#previewHoursCsvAction", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "own_only"),
  action("lib/hours/actions/import.ts#importHoursCsvAction", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "own_only", "into the caller's own placements"),
  action("lib/hours/actions/approvals.ts#*", supervisorOnly, "deny", "site supervisors of the entries' placements only"),
  action("lib/hours/actions/sessions.ts#recordSessionAction", supervisorOnly, "own_only", "attendees must be trainees the caller supervises"),
  action("lib/hours/actions/sessions.ts#updateSessionAction", supervisorOnly, "deny", "the supervisor who ran it"),
  action("lib/hours/actions/summaries.ts#issueSummaryAction", everyone, "deny", "trainees for themselves; supervisors for placements they approve; admins for anyone"),
  page("/admin/hours", adminOnly, "own_only"),
  { kind: "route", target: "/admin/hours/report.csv", anonymous: "sign_in", roles: adminOnly, crossOrg: "own_only" },
  page("/admin/hours/placements", adminOnly, "own_only"),
  page("/admin/hours/requirements", adminOnly, "own_only"),
  page("/admin/hours/requirements/[id]", adminOnly, "deny"),
  action("lib/hours/actions/placements.ts#createPlacementAction", adminOnly, "own_only"),
  action("lib/hours/actions/placements.ts#updatePlacementAction", adminOnly, "deny"),
  action("lib/hours/actions/placements.ts#assignPlacementAction", adminOnly, "deny"),
  action("lib/hours/actions/placements.ts#setPlacementSupervisorAction", adminOnly, "deny"),
  action("lib/hours/actions/placements.ts#setPlacementEndedAction", adminOnly, "deny"),
  action("lib/hours/actions/requirements.ts#adoptStandardSetAction", adminOnly, "own_only"),
  action("lib/hours/actions/requirements.ts#createOwnSetAction", adminOnly, "own_only"),
  action("lib/hours/actions/requirements.ts#copySetAction", adminOnly, "deny"),
  action("lib/hours/actions/requirements.ts#updateSetAction", adminOnly, "deny"),
  action("lib/hours/actions/requirements.ts#deleteSetAction", adminOnly, "deny"),
  // Competency evaluations: trainees their own, supervisors the trainees they supervise, admins
  // their organisation; each side hidden from the other until both are submitted (data layer).
  page("/evaluations", everyone, "own_only", "trainees: their own; supervisors: their trainees'; admins: the rounds"),
  page("/evaluations/[id]", everyone, "deny", "the trainee, their supervisors, the organisation's admins; the other side only once both are submitted"),
  { kind: "route", target: "/evaluations/[id]/pdf", anonymous: "sign_in", roles: everyone, crossOrg: "deny", note: "a signed and locked evaluation: the trainee, their supervisors, the organisation's admins" },
  page("/evaluations/trainees/[id]", everyone, "deny", "the trainee themself, their supervisors, admins (checked on A's trainee)"),
  page("/evaluations/rounds/new", overseers, "own_only"),
  page("/evaluations/rounds/[id]", overseers, "deny", "supervisors: rounds they opened or with a trainee they supervise, and only those trainees' evaluations"),
  page("/evaluations/forms", adminOnly, "own_only"),
  page("/evaluations/forms/new", adminOnly, "own_only"),
  page("/evaluations/forms/[id]", adminOnly, "deny"),
  page("/evaluations/reports", adminOnly, "own_only", "counts only evaluations with both sides submitted"),
  { kind: "route", target: "/evaluations/reports/export.csv", anonymous: "sign_in", roles: adminOnly, crossOrg: "own_only", note: "another organisation's round id is not found" },
  action("lib/evaluations/actions/forms.ts#installStarterFormAction", adminOnly, "own_only"),
  action("lib/evaluations/actions/forms.ts#createFormAction", adminOnly, "own_only"),
  action("lib/evaluations/actions/forms.ts#saveFormAction", adminOnly, "deny", "a used version is never changed: a new version is written"),
  action("lib/evaluations/actions/forms.ts#archiveFormAction", adminOnly, "deny"),
  action("lib/evaluations/actions/rounds.ts#openRoundAction", overseers, "deny", "supervisors: only the cohort's trainees they supervise are included"),
  action("lib/evaluations/actions/rounds.ts#assignEvaluatorAction", adminOnly, "deny", "one of the trainee's active supervisors"),
  action("lib/evaluations/actions/responses.ts#*", learners, "deny", "the trainee writes the self side; the assigned evaluator (still supervising) the supervisor's side"),

  // Practice studio: drills for every member (an organisation's own drills only inside it);
  // responses and recordings for the trainee and their assigned supervisors; admins write drills
  // and see counts, never a response. Checked on A's own drill, A's trainee's responses.
  page("/practice", everyone, "own_only", "trainees and supervisors practise; admins see counts only"),
  page("/practice/drills/[key]", everyone, "deny", "an organisation's own drill only inside it; Rapport's drills (by slug) for every member"),
  { kind: "route", target: "/practice/drills/[key]/clip", anonymous: "sign_in", roles: everyone, crossOrg: "deny", note: "the clip of the organisation's own drill, for its members; sniffed type, private, no-store" },
  page("/practice/drills/[key]/compare", learners, "deny", "the caller's own attempts, or (?trainee=) a supervised trainee's"),
  page("/practice/attempts/[id]", learners, "deny", "the trainee and their assigned supervisors; admins never see a response"),
  { kind: "route", target: "/practice/attempts/[id]/recording", anonymous: "sign_in", roles: learners, crossOrg: "deny", note: "the trainee and their assigned supervisors only; private, no-store; never in exports" },
  page("/practice/log", learners, "own_only", "the caller's own practice log"),
  page("/practice/trainees/[id]", supervisorOnly, "deny", "supervisors: assigned trainees only"),
  page("/practice/manage", adminOnly, "own_only", "the organisation's own drills and recording retention"),
  page("/practice/manage/new", adminOnly, "own_only"),
  page("/practice/manage/[id]", adminOnly, "deny"),
  action("lib/practice/actions/drills.ts#createDrillAction", adminOnly, "own_only", "a drill of the caller's own organisation"),
  action("lib/practice/actions/drills.ts#saveDrillAction", adminOnly, "deny", "every saved change is a new version"),
  action("lib/practice/actions/drills.ts#archiveDrillAction", adminOnly, "deny", "archived, never deleted"),
  action("lib/practice/actions/drills.ts#uploadClipAction", adminOnly, "deny", "audio or video checked by its bytes; SVG and script refused"),
  action("lib/practice/actions/drills.ts#removeClipAction", adminOnly, "deny"),
  action("lib/practice/actions/responses.ts#submitTypedResponseAction", learners, "deny", "a drill of the caller's organisation (or Rapport's); the response is the caller's own"),
  action("lib/practice/actions/responses.ts#submitSpokenResponseAction", learners, "deny", "audio checked by its bytes, at most 1.5 MB; the response is the caller's own"),
  action("lib/practice/actions/responses.ts#logPracticeHoursAction", { trainee: "allow", supervisor: "deny", org_admin: "deny" }, "deny", "the trainee's own response, at their own placement, as skills practice"),
  action("lib/practice/actions/feedback.ts#rateResponseAction", supervisorOnly, "deny", "assigned supervisors of the response's trainee only"),
  action("lib/practice/actions/assignments.ts#assignDrillAction", overseers, "deny", "supervisors: their own trainees (of a cohort, only those they supervise); admins: anyone"),
  action("lib/practice/actions/settings.ts#setRetentionAction", adminOnly, "own_only", "the caller's own organisation's retention; versioned"),
];

export function policyFor(kind: PolicyRow["kind"], target: string): PolicyRow | undefined {
  return POLICY.find((r) => r.kind === kind && r.target === target);
}

export function policyForAction(file: string, exportName: string): PolicyRow | undefined {
  return POLICY.find((r) => r.kind === "action" && (r.target === `${file}#${exportName}` || r.target === `${file}#*`));
}
