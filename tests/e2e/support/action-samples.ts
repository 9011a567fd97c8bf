import { validCase } from "../../fixtures/cases";
import { Form } from "./actions";
import type { World } from "./world";

// A well-formed call of every server action, aimed at organisation A's resources, so that the
// only thing that can refuse it is authorisation. Keyed by "<file>#<export>".

export type Sample = { page: string; args: (w: World) => unknown[] };

const SLUG = "why-the-alliance-matters";

function csvForm(who: string) {
  const csv = `email,name,role,supervisor_email,cohort\n${who}.${Date.now()}@test.example,${who.toUpperCase()},trainee,,\n`;
  return new Form({ file: { name: "staff.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } });
}

export const ACTION_SAMPLES: Record<string, Sample> = {
  "lib/orgs/actions/sign-up.ts#signUpAction": { page: "/signup", args: () => [{ name: "Fuzz", email: "not-an-email", password: "short", organisationName: "" }] },
  "lib/auth/actions/reset-password.ts#requestResetAction": { page: "/reset-password", args: (w) => [{ email: w.a.org.trainee.email }] },
  "lib/auth/actions/reset-password.ts#resetPasswordAction": { page: "/reset-password", args: () => [{ token: "x".repeat(43), newPassword: "a long enough passphrase", confirmPassword: "a long enough passphrase" }] },
  "lib/onboarding/actions/accept-invitation.ts#acceptNewAction": { page: "/login", args: () => [{ token: "y".repeat(43), name: "Someone", password: "a long enough passphrase" }] },
  "lib/onboarding/actions/accept-invitation.ts#acceptExistingAction": { page: "/login", args: () => [{ token: "y".repeat(43) }] },
  "lib/auth/actions/verify-email.ts#confirmEmailAction": { page: "/login", args: () => [new Form({ token: "z".repeat(43) })] },
  "lib/orgs/actions/switch.ts#switchOrgAction": { page: "/home", args: (w) => [new Form({ orgId: w.a.org.orgId })] },
  "lib/auth/actions/account.ts#changePasswordAction": { page: "/account", args: () => [{ currentPassword: "not the password", newPassword: "another long passphrase", confirmPassword: "another long passphrase" }] },
  "lib/auth/actions/account.ts#endSessionAction": { page: "/account", args: (w) => [{ sessionId: w.a.traineeSessionId }] },
  "lib/auth/actions/account.ts#endOtherSessionsAction": { page: "/account", args: () => [{}] },
  "lib/auth/actions/account.ts#sendVerificationAction": { page: "/account", args: () => [{}] },
  "lib/auth/actions/account.ts#setNotificationPreferencesAction": { page: "/account", args: () => [{ case_comment: "email" }] },
  "lib/auth/actions/two-factor.ts#verifySecondFactorAction": { page: "/account/security", args: () => [{ method: "totp", code: "123456" }] },
  "lib/auth/actions/two-factor.ts#startTotpSetupAction": { page: "/account/security", args: () => [{}] },
  "lib/auth/actions/two-factor.ts#confirmTotpSetupAction": { page: "/account/security", args: () => [{ code: "123456", currentPassword: "not the password" }] },
  "lib/auth/actions/two-factor.ts#removeTotpAction": { page: "/account/security", args: () => [{ currentPassword: "not the password" }] },
  "lib/auth/actions/two-factor.ts#regenerateRecoveryCodesAction": { page: "/account/security", args: () => [{ currentPassword: "not the password" }] },
  "lib/orgs/actions/security.ts#setTwoFactorPolicyAction": { page: "/admin/security", args: () => [{ policy: "off" }] },
  "lib/orgs/actions/security.ts#setPasskeySignInAction": { page: "/admin/security", args: () => [{ allowed: false }] },
  "lib/auth/actions/passkeys.ts#passkeyRegistrationOptionsAction": { page: "/account/security", args: () => [{ currentPassword: "not the password" }] },
  "lib/auth/actions/passkeys.ts#registerPasskeyAction": { page: "/account/security", args: () => [{ token: "t".repeat(40), name: "Matrix key", response: { id: "x" } }] },
  "lib/auth/actions/passkeys.ts#passkeyFactorOptionsAction": { page: "/login/verify", args: () => [{}] },
  "lib/auth/actions/passkeys.ts#verifyPasskeyFactorAction": { page: "/login/verify", args: () => [{ token: "t".repeat(40), response: { id: "x" } }] },
  "lib/auth/actions/passkeys.ts#passkeySignInOptionsAction": { page: "/login", args: () => [{}] },
  "lib/auth/actions/passkeys.ts#renamePasskeyAction": { page: "/account/security", args: (w) => [{ id: w.a.passkeyId, name: "Renamed by the matrix" }] },
  "lib/auth/actions/passkeys.ts#removePasskeyAction": { page: "/account/security", args: (w) => [{ id: w.a.passkeyId, currentPassword: "not the password" }] },
  "lib/orgs/actions/members.ts#resetMemberFactorsAction": { page: "/admin/members", args: (w) => [{ membershipId: w.a.org.otherTrainee.membershipId }] },
  "lib/notifications/actions.ts#markReadAction": { page: "/inbox", args: (w) => [{ id: w.a.notificationId }] },
  "lib/notifications/actions.ts#markAllReadAction": { page: "/inbox", args: () => [{}] },
  "lib/onboarding/actions/profile.ts#saveProfileAction": { page: "/onboarding", args: () => [{ position: "Provisional psychologist", pronouns: "" }] },
  "lib/modules/actions/lessons.ts#completeLessonAction": { page: `/modules/${SLUG}/lessons/what-the-alliance-is`, args: () => [new Form({ moduleSlug: SLUG, lessonSlug: "what-the-alliance-is" })] },
  "lib/modules/actions/check.ts#submitCheckAction": { page: `/modules/${SLUG}/check`, args: () => [{}, new Form({ moduleSlug: SLUG })] },
  "lib/modules/actions/reflection.ts#saveReflectionAction": { page: `/modules/${SLUG}/reflection`, args: () => [{ moduleSlug: SLUG, content: { response: "matrix" }, version: 0 }] },
  "lib/modules/actions/reflection.ts#shareReflectionAction": { page: `/modules/${SLUG}/reflection`, args: () => [{ moduleSlug: SLUG, shared: false }] },
  "lib/cases/actions/cases.ts#createCaseAction": { page: "/cases/new", args: () => [{ content: validCase(), requestId: crypto.randomUUID() }] },
  "lib/cases/actions/cases.ts#saveCaseAction": { page: "/cases/new", args: (w) => [{ caseId: w.a.draftCaseId, version: 0, content: validCase() }] },
  "lib/cases/actions/cases.ts#submitCaseAction": { page: "/cases/new", args: (w) => [{ caseId: w.a.draftCaseId, version: 0, content: validCase() }] },
  "lib/cases/actions/cases.ts#dismissFlagAction": { page: "/cases/new", args: (w) => [{ caseId: w.a.draftCaseId, field: "whatHappened", key: "name:someone", reason: "It is a feeling, not a name." }] },
  "lib/cases/actions/cases.ts#reopenCaseAction": { page: "/cases/new", args: (w) => [{ caseId: w.a.signedOffCaseId, version: 99, reason: "Reopened by the permission matrix test." }] },
  "lib/cases/actions/reviews.ts#decideReviewAction": {
    page: "/reviews",
    args: (w) => [{ caseId: w.a.caseId, version: 99, decision: "changes_requested", ratings: { c3_congruence: { rate: true, rating: "partly_evident", evidence: "Seen." }, c5_empathy: { rate: true, rating: "partly_evident", evidence: "Seen." } }, whatToChange: "Say more about your own part in it." }],
  },
  "lib/modules/actions/reflection-comments.ts#commentOnReflectionAction": { page: "/home", args: (w) => [{ reflectionId: w.a.reflectionId, parentId: w.a.reflectionCommentId, body: "A reply from the permission matrix." }] },
  "lib/cases/actions/cases.ts#replyToCommentAction": { page: "/cases", args: (w) => [{ caseId: w.a.caseId, parentId: w.a.commentId, body: "A reply from the permission matrix." }] },
  "lib/cases/actions/reviews.ts#acknowledgeRiskAction": { page: "/reviews", args: (w) => [{ caseId: w.a.caseId, version: 0, followUp: "Called the trainee; the safety plan is in place." }] },
  "lib/orgs/actions/unsupervised.ts#setUnassignedPolicyAction": { page: "/admin/reports/supervision", args: () => [{ policy: "refuse" }] },
  "lib/cases/actions/reviews.ts#addCommentAction": { page: "/reviews", args: (w) => [{ caseId: w.a.caseId, focus: "intervention", body: "A comment from the permission matrix." }] },
  "lib/orgs/actions/members.ts#setMemberStatusAction": { page: "/admin/members", args: (w) => [{ membershipId: w.a.org.otherTrainee.membershipId, status: "active", version: 0 }] },
  "lib/orgs/actions/members.ts#changeRoleAction": { page: "/admin/members", args: (w) => [{ membershipId: w.a.org.otherTrainee.membershipId, role: "trainee", version: 0 }] },
  "lib/orgs/actions/members.ts#setCohortMembershipAction": { page: "/admin/members", args: (w) => [{ membershipId: w.a.org.otherTrainee.membershipId, cohortId: w.a.cohortId, member: true }] },
  "lib/orgs/actions/members.ts#setSupervisionAction": {
    page: "/admin/members",
    args: (w) => [{ supervisorMembershipId: w.a.org.otherSupervisor.membershipId, traineeMembershipId: w.a.org.otherTrainee.membershipId, assigned: true }],
  },
  "lib/orgs/actions/members.ts#unlockSignInAction": { page: "/admin/members", args: (w) => [{ membershipId: w.a.org.otherTrainee.membershipId }] },
  "lib/orgs/actions/cohorts.ts#createCohortAction": { page: "/admin/cohorts", args: () => [{ name: `Matrix intake ${Date.now()}` }] },
  "lib/orgs/actions/cohorts.ts#renameCohortAction": { page: "/admin/cohorts", args: (w) => [{ id: w.a.cohortId, name: `Renamed ${Date.now()}`, version: 0 }] },
  "lib/orgs/actions/cohorts.ts#archiveCohortAction": { page: "/admin/cohorts", args: (w) => [{ id: w.a.cohortId, archived: false, version: 0 }] },
  "lib/onboarding/actions/invitations.ts#inviteAction": { page: "/admin/invitations", args: () => [{ email: `matrix.${Date.now()}@test.example`, name: "Matrix", role: "trainee" }] },
  "lib/onboarding/actions/invitations.ts#revokeInvitationAction": { page: "/admin/invitations", args: (w) => [{ id: w.a.invitationId, version: 0 }] },
  "lib/onboarding/actions/invitations.ts#resendInvitationAction": { page: "/admin/invitations", args: (w) => [{ id: w.a.secondInvitationId, version: 0 }] },
  "lib/onboarding/actions/invitations.ts#previewPasteAction": { page: "/admin/invitations", args: () => [{ text: "one@test.example", role: "trainee" }] },
  "lib/onboarding/actions/invitations.ts#importPasteAction": { page: "/admin/invitations", args: () => [{ text: `two.${Date.now()}@test.example`, role: "trainee" }] },
  "lib/onboarding/actions/invitations.ts#previewCsvAction": { page: "/admin/invitations/import", args: () => [csvForm("x")] },
  "lib/onboarding/actions/invitations.ts#importCsvAction": { page: "/admin/invitations/import", args: () => [csvForm("y")] },
  "lib/onboarding/actions/requirements.ts#createRequirementAction": { page: "/admin/requirements", args: (w) => [{ moduleId: w.a.moduleId, target: "role", role: "trainee", dueKind: "days", dueDays: 30 }] },
  "lib/onboarding/actions/requirements.ts#deleteRequirementAction": { page: "/admin/requirements", args: (w) => [{ id: w.a.requirementId }] },
};
