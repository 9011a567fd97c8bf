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
  "app/(auth)/signup/actions.ts#signUpAction": { page: "/signup", args: () => [{ name: "Fuzz", email: "not-an-email", password: "short", organisationName: "" }] },
  "app/(auth)/reset-password/actions.ts#requestResetAction": { page: "/reset-password", args: (w) => [{ email: w.a.org.trainee.email }] },
  "app/(auth)/reset-password/actions.ts#resetPasswordAction": { page: "/reset-password", args: () => [{ token: "x".repeat(43), newPassword: "a long enough passphrase", confirmPassword: "a long enough passphrase" }] },
  "app/(auth)/invite/[token]/actions.ts#acceptNewAction": { page: "/login", args: () => [{ token: "y".repeat(43), name: "Someone", password: "a long enough passphrase" }] },
  "app/(auth)/invite/[token]/actions.ts#acceptExistingAction": { page: "/login", args: () => [{ token: "y".repeat(43) }] },
  "app/(auth)/verify-email/actions.ts#confirmEmailAction": { page: "/login", args: () => [new Form({ token: "z".repeat(43) })] },
  "app/(app)/actions.ts#switchOrgAction": { page: "/home", args: (w) => [new Form({ orgId: w.a.org.orgId })] },
  "app/(app)/account/actions.ts#changePasswordAction": { page: "/account", args: () => [{ currentPassword: "not the password", newPassword: "another long passphrase", confirmPassword: "another long passphrase" }] },
  "app/(app)/account/actions.ts#endSessionAction": { page: "/account", args: (w) => [{ sessionId: w.a.traineeSessionId }] },
  "app/(app)/account/actions.ts#endOtherSessionsAction": { page: "/account", args: () => [{}] },
  "app/(app)/account/actions.ts#sendVerificationAction": { page: "/account", args: () => [{}] },
  "app/(app)/account/actions.ts#setNotificationPreferencesAction": { page: "/account", args: () => [{ case_comment: "email" }] },
  "app/(app)/inbox/actions.ts#markReadAction": { page: "/inbox", args: (w) => [{ id: w.a.notificationId }] },
  "app/(app)/inbox/actions.ts#markAllReadAction": { page: "/inbox", args: () => [{}] },
  "app/(app)/onboarding/actions.ts#saveProfileAction": { page: "/onboarding", args: () => [{ position: "Provisional psychologist", pronouns: "" }] },
  "app/(app)/modules/[slug]/lessons/[lesson]/actions.ts#completeLessonAction": { page: `/modules/${SLUG}/lessons/what-the-alliance-is`, args: () => [new Form({ moduleSlug: SLUG, lessonSlug: "what-the-alliance-is" })] },
  "app/(app)/modules/[slug]/check/actions.ts#submitCheckAction": { page: `/modules/${SLUG}/check`, args: () => [{}, new Form({ moduleSlug: SLUG })] },
  "app/(app)/modules/[slug]/reflection/actions.ts#saveReflectionAction": { page: `/modules/${SLUG}/reflection`, args: () => [{ moduleSlug: SLUG, content: { response: "matrix" }, version: 0 }] },
  "app/(app)/modules/[slug]/reflection/actions.ts#shareReflectionAction": { page: `/modules/${SLUG}/reflection`, args: () => [{ moduleSlug: SLUG, shared: false }] },
  "app/(app)/cases/actions.ts#createCaseAction": { page: "/cases/new", args: () => [{ content: validCase(), requestId: crypto.randomUUID() }] },
  "app/(app)/cases/actions.ts#saveCaseAction": { page: "/cases/new", args: (w) => [{ caseId: w.a.draftCaseId, version: 0, content: validCase() }] },
  "app/(app)/cases/actions.ts#submitCaseAction": { page: "/cases/new", args: (w) => [{ caseId: w.a.draftCaseId, version: 0, content: validCase() }] },
  "app/(app)/cases/actions.ts#dismissFlagAction": { page: "/cases/new", args: (w) => [{ caseId: w.a.draftCaseId, field: "whatHappened", key: "name:someone", reason: "It is a feeling, not a name." }] },
  "app/(app)/cases/actions.ts#reopenCaseAction": { page: "/cases/new", args: (w) => [{ caseId: w.a.signedOffCaseId, version: 99, reason: "Reopened by the permission matrix test." }] },
  "app/(app)/reviews/actions.ts#decideReviewAction": {
    page: "/reviews",
    args: (w) => [{ caseId: w.a.caseId, version: 99, decision: "changes_requested", ratings: { c3_congruence: { rate: true, rating: "partly_evident", evidence: "Seen." }, c5_empathy: { rate: true, rating: "partly_evident", evidence: "Seen." } }, whatToChange: "Say more about your own part in it." }],
  },
  "app/(app)/reflections/actions.ts#commentOnReflectionAction": { page: "/home", args: (w) => [{ reflectionId: w.a.reflectionId, parentId: w.a.reflectionCommentId, body: "A reply from the permission matrix." }] },
  "app/(app)/cases/actions.ts#replyToCommentAction": { page: "/cases", args: (w) => [{ caseId: w.a.caseId, parentId: w.a.commentId, body: "A reply from the permission matrix." }] },
  "app/(app)/reviews/actions.ts#acknowledgeRiskAction": { page: "/reviews", args: (w) => [{ caseId: w.a.caseId, version: 0, followUp: "Called the trainee; the safety plan is in place." }] },
  "app/(app)/admin/reports/supervision/actions.ts#setUnassignedPolicyAction": { page: "/admin/reports/supervision", args: () => [{ policy: "refuse" }] },
  "app/(app)/reviews/actions.ts#addCommentAction": { page: "/reviews", args: (w) => [{ caseId: w.a.caseId, focus: "intervention", body: "A comment from the permission matrix." }] },
  "app/(app)/admin/members/actions.ts#setMemberStatusAction": { page: "/admin/members", args: (w) => [{ membershipId: w.a.org.otherTrainee.membershipId, status: "active", version: 0 }] },
  "app/(app)/admin/members/actions.ts#changeRoleAction": { page: "/admin/members", args: (w) => [{ membershipId: w.a.org.otherTrainee.membershipId, role: "trainee", version: 0 }] },
  "app/(app)/admin/members/actions.ts#setCohortMembershipAction": { page: "/admin/members", args: (w) => [{ membershipId: w.a.org.otherTrainee.membershipId, cohortId: w.a.cohortId, member: true }] },
  "app/(app)/admin/members/actions.ts#setSupervisionAction": {
    page: "/admin/members",
    args: (w) => [{ supervisorMembershipId: w.a.org.otherSupervisor.membershipId, traineeMembershipId: w.a.org.otherTrainee.membershipId, assigned: true }],
  },
  "app/(app)/admin/members/actions.ts#unlockSignInAction": { page: "/admin/members", args: (w) => [{ membershipId: w.a.org.otherTrainee.membershipId }] },
  "app/(app)/admin/cohorts/actions.ts#createCohortAction": { page: "/admin/cohorts", args: () => [{ name: `Matrix intake ${Date.now()}` }] },
  "app/(app)/admin/cohorts/actions.ts#renameCohortAction": { page: "/admin/cohorts", args: (w) => [{ id: w.a.cohortId, name: `Renamed ${Date.now()}`, version: 0 }] },
  "app/(app)/admin/cohorts/actions.ts#archiveCohortAction": { page: "/admin/cohorts", args: (w) => [{ id: w.a.cohortId, archived: false, version: 0 }] },
  "app/(app)/admin/invitations/actions.ts#inviteAction": { page: "/admin/invitations", args: () => [{ email: `matrix.${Date.now()}@test.example`, name: "Matrix", role: "trainee" }] },
  "app/(app)/admin/invitations/actions.ts#revokeInvitationAction": { page: "/admin/invitations", args: (w) => [{ id: w.a.invitationId, version: 0 }] },
  "app/(app)/admin/invitations/actions.ts#resendInvitationAction": { page: "/admin/invitations", args: (w) => [{ id: w.a.secondInvitationId, version: 0 }] },
  "app/(app)/admin/invitations/actions.ts#previewPasteAction": { page: "/admin/invitations", args: () => [{ text: "one@test.example", role: "trainee" }] },
  "app/(app)/admin/invitations/actions.ts#importPasteAction": { page: "/admin/invitations", args: () => [{ text: `two.${Date.now()}@test.example`, role: "trainee" }] },
  "app/(app)/admin/invitations/actions.ts#previewCsvAction": { page: "/admin/invitations/import", args: () => [csvForm("x")] },
  "app/(app)/admin/invitations/actions.ts#importCsvAction": { page: "/admin/invitations/import", args: () => [csvForm("y")] },
  "app/(app)/admin/requirements/actions.ts#createRequirementAction": { page: "/admin/requirements", args: (w) => [{ moduleId: w.a.moduleId, target: "role", role: "trainee", dueKind: "days", dueDays: 30 }] },
  "app/(app)/admin/requirements/actions.ts#deleteRequirementAction": { page: "/admin/requirements", args: (w) => [{ id: w.a.requirementId }] },
};
