import { STARTER_FORM } from "@/lib/evaluations/starter-form";
import { validCase } from "../../fixtures/cases";
import { TINY_PNG } from "../../fixtures/images";
import { TINY_WEBM } from "../../fixtures/media";
import { DRILL_CONTENT } from "../../fixtures/practice";
import { Form } from "./actions";
import type { World } from "./world";
import { addDays, today, weekStart } from "@/lib/hours/days";

// A well-formed call of every server action, aimed at organisation A's resources, so that the
// only thing that can refuse it is authorisation. Keyed by "<file>#<export>".

export type Sample = { page: string; args: (w: World) => unknown[] };

const SLUG = "why-the-alliance-matters";
const ASSESSMENT_SAMPLE = { revealAnswers: "after_pass", shuffleQuestions: true, shuffleOptions: true, attemptLimit: "", waitAmount: "0", waitUnit: "minutes", requireReflection: false };

const yesterday = () => addDays(today(), -1);
const pastMonday = () => weekStart(addDays(today(), -14));

function hoursCsv() {
  const csv = `date,duration,category,note\n${addDays(today(), -5)},1:15,direct_individual,Matrix ${Date.now()}\n`;
  return new Form({ file: { name: "hours.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } });
}

function csvForm(who: string) {
  const csv = `email,name,role,supervisor_email,cohort\n${who}.${Date.now()}@test.example,${who.toUpperCase()},trainee,,\n`;
  return new Form({ file: { name: "staff.csv", mimeType: "text/csv", buffer: Buffer.from(csv) } });
}

/** A complete drill as the authoring form sends it (lines as text). */
const drillForm = () => ({
  ...DRILL_CONTENT,
  title: `Matrix drill ${Date.now()}`,
  markers: [...DRILL_CONTENT.markers],
  suggestedStrategies: [...DRILL_CONTENT.suggestedStrategies],
  difficulty: "2",
  clientLines: DRILL_CONTENT.clientLines.join("\n"),
  pitfalls: DRILL_CONTENT.pitfalls.join("\n"),
});
const webm = () => ({ name: "response.webm", mimeType: "audio/webm", buffer: TINY_WEBM });

export const ACTION_SAMPLES: Record<string, Sample> = {
  "lib/orgs/actions/sign-up.ts#signUpAction": { page: "/signup", args: () => [{ name: "Fuzz", email: "not-an-email", password: "short", organisationName: "" }] },
  "lib/auth/actions/reset-password.ts#requestResetAction": { page: "/reset-password", args: (w) => [{ email: w.a.org.trainee.email }] },
  "lib/auth/actions/reset-password.ts#resetPasswordAction": { page: "/reset-password", args: () => [{ token: "x".repeat(43), newPassword: "a long enough passphrase", confirmPassword: "a long enough passphrase" }] },
  "lib/onboarding/actions/accept-invitation.ts#acceptNewAction": { page: "/login", args: () => [{ token: "y".repeat(43), name: "Someone", password: "a long enough passphrase" }] },
  "lib/onboarding/actions/accept-invitation.ts#acceptExistingAction": { page: "/login", args: () => [{ token: "y".repeat(43) }] },
  "lib/auth/actions/verify-email.ts#confirmEmailAction": { page: "/login", args: () => [new Form({ token: "z".repeat(43) })] },
  "lib/orgs/actions/domains.ts#confirmDomainAction": { page: "/login", args: () => [new Form({ token: "z".repeat(43) })] },
  "lib/auth/actions/email-change.ts#confirmEmailChangeAction": { page: "/login", args: () => [new Form({ token: "w".repeat(43) })] },
  "lib/auth/actions/account.ts#saveAccountProfileAction": { page: "/account", args: () => [{ name: "Matrix Person", preferredName: "", pronouns: "" }] },
  "lib/auth/actions/account.ts#requestEmailChangeAction": { page: "/account", args: () => [{ newEmail: `matrix.new.${Date.now()}@test.example`, currentPassword: "not the password" }] },
  "lib/orgs/actions/settings.ts#updateOrgSettingsAction": { page: "/admin/organisation", args: (w) => [{ name: w.a.org.name, timeZone: "Australia/Sydney", signatoryName: "", signatoryTitle: "", version: 99 }] },
  "lib/orgs/actions/settings.ts#setCpdHoursAction": { page: "/admin/organisation", args: (w) => [{ modules: [{ moduleId: w.a.moduleId, hours: "1.5" }] }] },
  "lib/orgs/actions/settings.ts#setAuditRetentionAction": { page: "/admin/organisation", args: () => [{ years: "7" }] },
  "lib/orgs/actions/settings.ts#uploadLogoAction": { page: "/admin/organisation", args: () => [new Form({ file: { name: "logo.png", mimeType: "image/png", buffer: TINY_PNG } })] },
  "lib/orgs/actions/settings.ts#removeLogoAction": { page: "/admin/organisation", args: () => [{}] },
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
  "lib/orgs/actions/security.ts#requestDomainClaimAction": { page: "/admin/security", args: () => [{ domain: "gmail.com", localPart: "it" }] },
  "lib/orgs/actions/security.ts#saveOidcSettingsAction": { page: "/admin/security", args: () => [{ issuer: "not a url", clientId: "matrix", defaultRole: "trainee", passwordSignIn: true, domains: [] }] },
  "lib/orgs/actions/security.ts#removeOidcProviderAction": { page: "/admin/security", args: (w) => [{ providerId: w.a.oidcProviderId }] },
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
  "lib/orgs/actions/setup-guide.ts#dismissSetupGuideAction": { page: "/home", args: () => [{}] },
  "lib/orgs/actions/bulk.ts#bulkAssignSupervisorAction": {
    page: "/admin/members",
    args: (w) => [{ membershipIds: [w.a.org.otherTrainee.membershipId], supervisorMembershipId: w.a.org.otherSupervisor.membershipId }],
  },
  "lib/orgs/actions/bulk.ts#bulkAddToCohortAction": { page: "/admin/members", args: (w) => [{ membershipIds: [w.a.org.otherTrainee.membershipId], cohortId: w.a.cohortId }] },
  "lib/orgs/actions/members.ts#unlockSignInAction": { page: "/admin/members", args: (w) => [{ membershipId: w.a.org.otherTrainee.membershipId }] },
  "lib/orgs/actions/cohorts.ts#createCohortAction": { page: "/admin/cohorts", args: () => [{ name: `Matrix intake ${Date.now()}` }] },
  "lib/orgs/actions/cohorts.ts#renameCohortAction": { page: "/admin/cohorts", args: (w) => [{ id: w.a.cohortId, name: `Renamed ${Date.now()}`, version: 0 }] },
  "lib/orgs/actions/cohorts.ts#archiveCohortAction": { page: "/admin/cohorts", args: (w) => [{ id: w.a.cohortId, archived: false, version: 0 }] },
  "lib/onboarding/actions/invitations.ts#inviteAction": { page: "/admin/invitations", args: () => [{ email: `matrix.${Date.now()}@test.example`, name: "Matrix", role: "trainee" }] },
  "lib/onboarding/actions/invitations.ts#revokeInvitationAction": { page: "/admin/invitations", args: (w) => [{ id: w.a.invitationId, version: 0 }] },
  "lib/onboarding/actions/invitations.ts#resendInvitationAction": { page: "/admin/invitations", args: (w) => [{ id: w.a.secondInvitationId, version: 0 }] },
  "lib/onboarding/actions/invitations.ts#resendInvitationsAction": { page: "/admin/invitations", args: (w) => [{ invitations: [{ id: w.a.thirdInvitationId, version: 0 }] }] },
  "lib/onboarding/actions/invitations.ts#previewPasteAction": { page: "/admin/invitations", args: () => [{ text: "one@test.example", role: "trainee" }] },
  "lib/onboarding/actions/invitations.ts#importPasteAction": { page: "/admin/invitations", args: () => [{ text: `two.${Date.now()}@test.example`, role: "trainee" }] },
  "lib/onboarding/actions/invitations.ts#previewCsvAction": { page: "/admin/invitations/import", args: () => [csvForm("x")] },
  "lib/onboarding/actions/invitations.ts#importCsvAction": { page: "/admin/invitations/import", args: () => [csvForm("y")] },
  "lib/onboarding/actions/requirements.ts#createRequirementAction": { page: "/admin/requirements", args: (w) => [{ moduleId: w.a.moduleId, target: "role", role: "trainee", dueKind: "days", dueDays: 30 }] },
  "lib/onboarding/actions/requirements.ts#deleteRequirementAction": { page: "/admin/requirements", args: (w) => [{ id: w.a.requirementId }] },
  "lib/onboarding/actions/reminders.ts#remindOverdueAction": { page: "/admin/reports", args: (w) => [{ moduleId: w.a.moduleId }] },
  "lib/hours/actions/entries.ts#createEntryAction": {
    page: "/hours",
    args: (w) => [{ traineePlacementId: w.a.hours.traineePlacementId, occurredOn: yesterday(), duration: "1:00", category: "direct_individual", note: "" }],
  },
  "lib/hours/actions/entries.ts#updateEntryAction": {
    page: "/hours",
    args: (w) => [{ id: w.a.hours.draftEntryId, version: 0, traineePlacementId: w.a.hours.traineePlacementId, occurredOn: yesterday(), duration: "0:45", category: "indirect_notes", note: "" }],
  },
  "lib/hours/actions/entries.ts#deleteEntryAction": { page: "/hours", args: (w) => [{ id: w.a.hours.deleteEntryId, version: 0 }] },
  "lib/hours/actions/entries.ts#submitEntriesAction": { page: "/hours", args: (w) => [{ ids: [w.a.hours.submitEntryId] }] },
  "lib/hours/actions/entries.ts#saveWeekAction": {
    page: "/hours/week",
    args: (w) => [{ weekStart: pastMonday(), cells: [{ traineePlacementId: w.a.hours.traineePlacementId, day: pastMonday(), category: "direct_group", minutes: 60 }] }],
  },
  "lib/hours/actions/entries.ts#correctEntryAction": {
    page: "/hours",
    args: (w) => [{ correctsId: w.a.hours.approvedEntryId, traineePlacementId: w.a.hours.traineePlacementId, occurredOn: yesterday(), duration: "0:30", category: "direct_individual", note: "It was half an hour." }],
  },
  "lib/hours/actions/import.ts#previewHoursCsvAction": { page: "/hours/import", args: () => [hoursCsv()] },
  "lib/hours/actions/import.ts#importHoursCsvAction": { page: "/hours/import", args: () => [hoursCsv()] },
  "lib/hours/actions/approvals.ts#approveEntriesAction": { page: "/hours", args: (w) => [{ entries: [{ id: w.a.hours.approveEntryId, version: 0 }], attestation: w.a.org.supervisor.name }] },
  "lib/hours/actions/approvals.ts#returnEntriesAction": { page: "/hours", args: (w) => [{ entries: [{ id: w.a.hours.returnEntryId, version: 0 }], reason: "Please check the date of this entry." }] },
  "lib/hours/actions/sessions.ts#recordSessionAction": {
    page: "/hours/sessions/new",
    args: (w) => [{ requestId: crypto.randomUUID(), occurredOn: yesterday(), duration: "1:00", kind: "individual", attendees: [w.a.org.trainee.membershipId], agenda: "", notes: "", notesShared: false, caseIds: [] }],
  },
  "lib/hours/actions/sessions.ts#updateSessionAction": { page: "/hours/sessions", args: (w) => [{ id: w.a.hours.sessionId, version: 0, agenda: "Updated agenda.", notes: "", notesShared: false, caseIds: [] }] },
  "lib/hours/actions/summaries.ts#issueSummaryAction": {
    page: "/hours",
    args: (w) => [{ traineeMembershipId: w.a.org.trainee.membershipId, traineePlacementId: w.a.hours.traineePlacementId, from: addDays(today(), -60), to: today() }],
  },
  "lib/hours/actions/placements.ts#createPlacementAction": { page: "/admin/hours/placements", args: () => [{ name: `Matrix site ${Date.now()}`, kind: "school" }] },
  "lib/hours/actions/placements.ts#updatePlacementAction": { page: "/admin/hours/placements", args: (w) => [{ id: w.a.hours.placementId, version: 99, name: `Renamed site ${Date.now()}`, kind: "school", archived: false }] },
  "lib/hours/actions/placements.ts#assignPlacementAction": {
    page: "/admin/hours/placements",
    args: (w) => [{ placementId: w.a.hours.placementId, traineeMembershipId: w.a.org.otherTrainee.membershipId, supervisorMembershipId: w.a.org.otherSupervisor.membershipId, startsOn: "", endsOn: "" }],
  },
  "lib/hours/actions/placements.ts#setPlacementSupervisorAction": {
    page: "/admin/hours/placements",
    args: (w) => [{ traineePlacementId: w.a.hours.traineePlacementId, supervisorMembershipId: w.a.org.otherSupervisor.membershipId, assigned: true }],
  },
  "lib/hours/actions/placements.ts#setPlacementEndedAction": { page: "/admin/hours/placements", args: (w) => [{ traineePlacementId: w.a.hours.traineePlacementId, version: 99, archived: false }] },
  "lib/hours/actions/requirements.ts#adoptStandardSetAction": { page: "/admin/hours/requirements", args: () => [{ key: "cacrep-practicum-2024" }] },
  "lib/hours/actions/requirements.ts#createOwnSetAction": { page: "/admin/hours/requirements", args: () => [{}] },
  "lib/hours/actions/requirements.ts#copySetAction": { page: "/admin/hours/requirements", args: (w) => [{ id: w.a.hours.setId }] },
  "lib/hours/actions/requirements.ts#updateSetAction": {
    page: "/admin/hours/requirements",
    args: (w) => [
      { id: w.a.hours.setId, version: 99, name: "Matrix set", description: "", source: "", active: true, lines: [{ label: "Client contact", hours: 40, categories: ["direct_individual"] }], ratioPer: "", windowFrom: "", windowTo: "", windowMonths: "" },
    ],
  },
  "lib/hours/actions/requirements.ts#deleteSetAction": { page: "/admin/hours/requirements", args: (w) => [{ id: w.a.hours.spareSetId }] },
  "lib/evaluations/actions/forms.ts#installStarterFormAction": { page: "/evaluations", args: () => [{}] },
  "lib/evaluations/actions/forms.ts#createFormAction": { page: "/evaluations", args: () => [{ name: `Matrix form ${Date.now()}`, definition: STARTER_FORM }] },
  "lib/evaluations/actions/forms.ts#saveFormAction": { page: "/evaluations", args: (w) => [{ formId: w.a.evaluationFormId, version: 99, name: "Renamed by the matrix", definition: STARTER_FORM }] },
  "lib/evaluations/actions/forms.ts#archiveFormAction": { page: "/evaluations", args: (w) => [{ formId: w.a.evaluationFormId, version: 99, archived: true }] },
  "lib/evaluations/actions/rounds.ts#openRoundAction": { page: "/evaluations", args: (w) => [{ formId: w.a.evaluationFormId, cohortId: w.a.evaluationCohortId, name: `Matrix round ${Date.now()}`, dueOn: "" }] },
  "lib/evaluations/actions/rounds.ts#assignEvaluatorAction": { page: "/evaluations", args: (w) => [{ evaluationId: w.a.evaluationId, evaluatorMembershipId: w.a.org.supervisor.membershipId, version: 99 }] },
  "lib/evaluations/actions/responses.ts#saveResponseAction": { page: "/evaluations", args: (w) => [{ evaluationId: w.a.evaluationId, version: 99, ratings: { alliance__engagement: { rating: "3", comment: "" } }, overallComment: "", recommendation: "" }] },
  "lib/evaluations/actions/responses.ts#submitResponseAction": { page: "/evaluations", args: (w) => [{ evaluationId: w.a.evaluationId, version: 99, ratings: {}, overallComment: "", recommendation: "" }] },
  "lib/evaluations/actions/responses.ts#signEvaluationAction": { page: "/evaluations", args: (w) => [{ evaluationId: w.a.evaluationId, version: 99, name: "Matrix Signer", attest: true, disagree: false, disagreement: "" }] },
  "lib/calibration/actions/rounds.ts#openCalibrationRoundAction": {
    page: "/calibration",
    args: (w) => [{ name: `Matrix round ${Date.now()}`, referenceId: "exemplar:withdrawal-homework", invitees: [w.a.org.supervisor.membershipId, w.a.org.otherSupervisor.membershipId], dueOn: "" }],
  },
  "lib/calibration/actions/rounds.ts#closeCalibrationRoundAction": { page: "/calibration", args: (w) => [{ roundId: w.a.calibrationRoundId, version: 99 }] },
  "lib/calibration/actions/rounds.ts#saveDiscussionNoteAction": { page: "/calibration", args: (w) => [{ roundId: w.a.calibrationRoundId, version: 99, note: "Noted by the matrix." }] },
  "lib/calibration/actions/reviews.ts#submitCalibrationReviewAction": {
    page: "/calibration",
    args: (w) => [
      {
        roundId: w.a.calibrationRoundId,
        decision: "signed_off",
        whatToChange: "",
        ratings: { c3_congruence: { rate: true, rating: "partly_evident", evidence: "Seen." }, c5_empathy: { rate: true, rating: "not_evident", evidence: "Seen." } },
      },
    ],
  },
  "lib/calibration/actions/references.ts#copyCaseAsReferenceAction": { page: "/calibration", args: (w) => [{ caseId: w.a.signedOffCaseId }] },
  "lib/cases/actions/consent.ts#setCalibrationConsentAction": { page: "/cases", args: (w) => [{ caseId: w.a.signedOffCaseId, consent: true }] },
  "lib/practice/actions/drills.ts#createDrillAction": { page: "/practice/manage/new", args: () => [drillForm()] },
  "lib/practice/actions/drills.ts#saveDrillAction": { page: "/practice/manage", args: (w) => [{ ...drillForm(), drillId: w.a.practice.drillId, version: 99 }] },
  "lib/practice/actions/drills.ts#archiveDrillAction": { page: "/practice/manage", args: (w) => [{ drillId: w.a.practice.drillId, version: 99, archived: false }] },
  "lib/practice/actions/drills.ts#uploadClipAction": { page: "/practice/manage", args: (w) => [new Form({ drillId: w.a.practice.drillId, file: { name: "clip.webm", mimeType: "audio/webm", buffer: TINY_WEBM } })] },
  "lib/practice/actions/drills.ts#removeClipAction": { page: "/practice/manage", args: (w) => [{ drillId: w.a.practice.drillId }] },
  "lib/practice/actions/responses.ts#submitTypedResponseAction": { page: "/practice", args: (w) => [{ drillKey: w.a.practice.drillId, response: "It sounds like the homework felt like my idea more than yours.", secondsSpent: 60 }] },
  "lib/practice/actions/responses.ts#submitSpokenResponseAction": { page: "/practice", args: (w) => [new Form({ drillKey: w.a.practice.drillId, secondsSpent: "60", durationSeconds: "5", file: webm() })] },
  "lib/practice/actions/responses.ts#logPracticeHoursAction": { page: "/practice", args: (w) => [{ attemptId: w.a.practice.attemptId, traineePlacementId: w.a.hours.traineePlacementId, minutes: 5 }] },
  "lib/practice/actions/feedback.ts#rateResponseAction": {
    page: "/practice",
    args: (w) => [{ attemptId: w.a.practice.attemptId, strategies: ["r_invite_feelings"], attunement: 4, nonDefensiveness: 4, invitation: 3, comment: "From the permission matrix." }],
  },
  "lib/practice/actions/assignments.ts#assignDrillAction": { page: "/practice", args: (w) => [{ drillKey: w.a.practice.drillId, target: "trainee", traineeMembershipId: w.a.org.trainee.membershipId, cohortId: "", dueOn: "" }] },
  "lib/practice/actions/settings.ts#setRetentionAction": { page: "/practice/manage", args: () => [{ recordingRetentionDays: 90, version: 99 }] },
  // A stale version: allowed callers get past authorisation and are told to reload; nothing changes.
  "lib/modules/actions/assessment.ts#updateAssessmentSettingsAction": { page: "/admin/settings/assessment", args: () => [{ ...ASSESSMENT_SAMPLE, version: 99 }] },
  "lib/modules/actions/assessment.ts#saveAssessmentOverrideAction": { page: "/admin/settings/assessment", args: (w) => [{ ...ASSESSMENT_SAMPLE, version: 99, moduleId: w.a.moduleId }] },
  "lib/modules/actions/assessment.ts#removeAssessmentOverrideAction": { page: "/admin/settings/assessment", args: (w) => [{ moduleId: w.a.moduleId }] },
};
