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
  publicPage("/verify/[serial]", "shows only name, module and date"),
  publicPage("/invite/[token]", "the token itself is the credential"),
  publicPage("/reset-password"),
  publicPage("/reset-password/[token]", "the token itself is the credential"),
  publicPage("/verify-email/[token]", "shows a confirm button; the token is the credential"),
  publicPage("/verify-email/confirmed"),
  { kind: "action", target: "lib/auth/actions/verify-email.ts#confirmEmailAction", anonymous: "public", roles: everyone, crossOrg: "public", note: "token-checked; verifies only the token's own account" },
  { kind: "action", target: "lib/auth/actions/reset-password.ts#*", anonymous: "public", roles: everyone, crossOrg: "public", note: "same answer whether or not the account exists; token-checked" },
  { kind: "route", target: "/api/health", anonymous: "public", roles: everyone, crossOrg: "public" },
  { kind: "route", target: "/api/auth/[...nextauth]", anonymous: "public", roles: everyone, crossOrg: "public", note: "next-auth" },
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
  action("lib/auth/actions/account.ts#*", everyone, "own_only", "own password and own sessions only"),
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

  // Administration
  page("/admin/members", adminOnly, "own_only"),
  page("/admin/members/[id]", adminOnly, "deny"),
  action("lib/orgs/actions/members.ts#*", adminOnly, "deny"),
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
  page("/admin/cohorts", adminOnly, "own_only"),
  page("/admin/requirements", adminOnly, "own_only"),
  action("lib/onboarding/actions/requirements.ts#createRequirementAction", adminOnly, "own_only"),
  action("lib/onboarding/actions/requirements.ts#deleteRequirementAction", adminOnly, "deny"),
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
];

export function policyFor(kind: PolicyRow["kind"], target: string): PolicyRow | undefined {
  return POLICY.find((r) => r.kind === kind && r.target === target);
}

export function policyForAction(file: string, exportName: string): PolicyRow | undefined {
  return POLICY.find((r) => r.kind === "action" && (r.target === `${file}#${exportName}` || r.target === `${file}#*`));
}
