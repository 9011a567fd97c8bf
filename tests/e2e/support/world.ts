import { getDb } from "@/db/client";
import { eq, sql } from "drizzle-orm";
import { caseComments, caseVersions, reflectionComments, reflections, certificates, checkAttempts, moduleRequirements, notifications, oidcProviders, passkeys, userSessions, type Role } from "@/db/schema";
import { newSerial } from "@/lib/util/serial";
import type { APIRequestContext } from "@playwright/test";
import { createOrg, createResetToken, TEST_PASSWORD, uid, type TestOrg } from "../../fixtures/factory";
import { apiSignIn } from "./actions";
import { seedCase } from "../../fixtures/cases-seed";
import { createCohortRow, curriculumModule, insertInvitation } from "../../fixtures/onboarding";
import { adoptSet, insertEntry, insertSession, insertSummary, placeTrainee } from "../../fixtures/hours";
import { seedEvaluation } from "../../fixtures/evaluations";
import { TINY_PNG } from "../../fixtures/images";
import { seedCalibrationRound, seedConsent } from "../../fixtures/calibration";
import { insertAttempt, insertDrill } from "../../fixtures/practice";

// Two organisations with one of every resource, owned in organisation A by its trainee (and
// reviewed by A's assigned supervisor). Organisation B's people try to reach A's things.

export type OrgWorld = {
  org: TestOrg;
  moduleSlug: string;
  lessonSlug: string;
  attemptId: string;
  certificateSerial: string;
  caseId: string;
  signedOffCaseId: string;
  draftCaseId: string;
  /** A supervisor's comment on the submitted case, to reply to. */
  commentId: string;
  /** A reflection shared with the supervisor, and the supervisor's comment on it. */
  reflectionId: string;
  reflectionCommentId: string;
  moduleId: string;
  requirementId: string;
  invitationToken: string;
  invitationId: string;
  secondInvitationId: string;
  /** For the bulk resend sample (the single resend replaces the second). */
  thirdInvitationId: string;
  traineeSessionId: string;
  cohortId: string;
  notificationId: string;
  /** Practicum hours: the trainee placed at a site the supervisor approves, entries in each state. */
  hours: {
    placementId: string;
    traineePlacementId: string;
    draftEntryId: string;
    deleteEntryId: string;
    submitEntryId: string;
    approveEntryId: string;
    returnEntryId: string;
    approvedEntryId: string;
    setId: string;
    /** A second set, for the delete sample (so the others still find theirs). */
    spareSetId: string;
    sessionId: string;
    summarySerial: string;
  };
  /** An evaluation form, a round of it for a cohort holding the trainee, its open evaluation, and a locked one. */
  evaluationFormId: string;
  evaluationCohortId: string;
  evaluationRoundId: string;
  evaluationId: string;
  lockedEvaluationId: string;
  /** A calibration round on an exemplar, A's two supervisors invited (none submitted). */
  calibrationRoundId: string;
  /** A passkey of A's other trainee (nobody the matrix signs in as: a factor would make their sign-in ask for it). */
  passkeyId: string;
  /** The practice studio: an own drill with a clip, and the trainee's typed and spoken responses to it. */
  practice: { drillId: string; attemptId: string; spokenAttemptId: string };
  /** An OpenID Connect provider with no domains (so it routes nobody), for the remove sample. */
  oidcProviderId: string;
};

async function buildHours(org: TestOrg): Promise<OrgWorld["hours"]> {
  const placed = await placeTrainee(org.orgId, org.trainee, [org.supervisor]);
  const entry = (e: Parameters<typeof insertEntry>[3]) => insertEntry(org.orgId, org.trainee, placed.traineePlacementId, e);
  const [draft, del, submit, approve, ret, approved] = [
    await entry({ status: "draft" }),
    await entry({ status: "draft" }),
    await entry({ status: "draft" }),
    await entry({ status: "submitted" }),
    await entry({ status: "submitted" }),
    await entry({ status: "approved", approver: org.supervisor }),
  ];
  const set = await adoptSet(org.orgId);
  const spare = await adoptSet(org.orgId, "aca-level-3-2026");
  const session = await insertSession(org.orgId, org.supervisor, [org.trainee]);
  return {
    placementId: placed.placementId,
    traineePlacementId: placed.traineePlacementId,
    draftEntryId: draft.id,
    deleteEntryId: del.id,
    submitEntryId: submit.id,
    approveEntryId: approve.id,
    returnEntryId: ret.id,
    approvedEntryId: approved.id,
    setId: set.id,
    spareSetId: spare.id,
    sessionId: session.id,
    summarySerial: await insertSummary(org, placed.traineePlacementId),
  };
}

async function buildOrg(label: string): Promise<OrgWorld> {
  const org = await createOrg(label);
  const db = await getDb();
  const mod = await curriculumModule(0);
  const [attempt] = await db
    .insert(checkAttempts)
    .values({ organisationId: org.orgId, membershipId: org.trainee.membershipId, moduleId: mod.id, moduleVersion: mod.version, answers: [], score: 50, passed: false })
    .returning();
  const serial = newSerial();
  await db.insert(certificates).values({
    serial,
    organisationId: org.orgId,
    membershipId: org.trainee.membershipId,
    moduleId: mod.id,
    moduleVersion: mod.version,
    recipientName: org.trainee.name,
    moduleTitle: mod.title,
  });
  const submitted = await seedCase(org, "submitted");
  const signedOff = await seedCase(org, "signed_off");
  const draft = await seedCase(org, "draft");
  const [version] = await db.select({ id: caseVersions.id }).from(caseVersions).where(eq(caseVersions.caseId, submitted.caseId));
  const [comment] = await db
    .insert(caseComments)
    .values({ organisationId: org.orgId, caseId: submitted.caseId, caseVersionId: version.id, authorMembershipId: org.supervisor.membershipId, focus: "intervention", body: "Try naming the pull to explain." })
    .returning({ id: caseComments.id });
  const [reflection] = await db
    .insert(reflections)
    // Another module than the one shareReflectionAction's sample unshares, so the order of the matrix doesn't matter.
    .values({ organisationId: org.orgId, membershipId: org.trainee.membershipId, moduleId: (await curriculumModule(1)).id, content: { first: "A reflection to talk about." }, sharedAt: new Date(), version: 1 })
    .returning({ id: reflections.id });
  const [reflectionComment] = await db
    .insert(reflectionComments)
    .values({ organisationId: org.orgId, reflectionId: reflection.id, authorMembershipId: org.supervisor.membershipId, body: "What did you notice in yourself?" })
    .returning({ id: reflectionComments.id });
  const [requirement] = await db.insert(moduleRequirements).values({ organisationId: org.orgId, moduleId: mod.id, role: "trainee", dueDays: 30 }).returning();
  const invitation = await insertInvitation(org.orgId, `invitee.${uid()}@test.example`);
  const second = await insertInvitation(org.orgId, `invitee.${uid()}@test.example`);
  const third = await insertInvitation(org.orgId, `invitee.${uid()}@test.example`);
  const [session] = await db.insert(userSessions).values({ userId: org.trainee.userId, expiresAt: new Date(Date.now() + 3600_000) }).returning();
  const cohort = await createCohortRow(org.orgId, `Intake ${uid()}`);
  const [notification] = await db
    .insert(notifications)
    .values({ organisationId: org.orgId, recipientMembershipId: org.trainee.membershipId, kind: "signed_off", title: "Your case was signed off.", href: "/cases" })
    .returning();
  const evaluation = await seedEvaluation(org, "open");
  const locked = await seedEvaluation(org, "locked", { versionId: evaluation.versionId, cohortId: evaluation.cohortId });
  // A logo, so /organisation/logo has something to serve each organisation's own members.
  await db.execute(sql`insert into organisation_logos (organisation_id, content_type, content, byte_size, width, height, sha256)
    values (${org.orgId}, 'image/png', decode(${TINY_PNG.toString("base64")}, 'base64'), ${TINY_PNG.length}, 1, 1, ${"0".repeat(64)})`);
  const [passkey] = await db
    .insert(passkeys)
    .values({ userId: org.otherTrainee.userId, credentialId: `matrix-${uid()}`, publicKey: "AAAA", name: "Matrix key" })
    .returning({ id: passkeys.id });
  const calibration = await seedCalibrationRound(org, [org.supervisor, org.otherSupervisor], { name: `Matrix calibration ${uid()}` });
  // The trainee allowed a calibration copy of their signed-off case (the copy action's sample).
  await seedConsent(org, signedOff.caseId);
  const drill = await insertDrill(org, { clip: true });
  const typed = await insertAttempt(org, org.trainee, drill);
  const spoken = await insertAttempt(org, org.trainee, drill, { spoken: true });
  const [provider] = await db
    .insert(oidcProviders)
    .values({ organisationId: org.orgId, name: "Matrix provider", issuer: "https://idp.matrix.example", clientId: "matrix", clientSecretSealed: "never opened" })
    .returning({ id: oidcProviders.id });
  const lessons = await db.query.lessons.findMany({ where: (l, { eq }) => eq(l.moduleId, mod.id), orderBy: (l, { asc }) => asc(l.position) });
  return {
    org,
    moduleSlug: mod.slug,
    lessonSlug: lessons[0].slug,
    attemptId: attempt.id,
    certificateSerial: serial,
    caseId: submitted.caseId,
    signedOffCaseId: signedOff.caseId,
    draftCaseId: draft.caseId,
    commentId: comment.id,
    reflectionId: reflection.id,
    reflectionCommentId: reflectionComment.id,
    moduleId: mod.id,
    requirementId: requirement.id,
    invitationToken: invitation.token,
    invitationId: invitation.id,
    secondInvitationId: second.id,
    thirdInvitationId: third.id,
    traineeSessionId: session.id,
    cohortId: cohort.id,
    notificationId: notification.id,
    hours: await buildHours(org),
    evaluationFormId: evaluation.formId!,
    evaluationCohortId: evaluation.cohortId,
    evaluationRoundId: evaluation.roundId,
    evaluationId: evaluation.evaluationId,
    lockedEvaluationId: locked.evaluationId,
    passkeyId: passkey.id,
    calibrationRoundId: calibration.roundId,
    practice: { drillId: drill.drillId, attemptId: typed.attemptId, spokenAttemptId: spoken.attemptId },
    oidcProviderId: provider.id,
  };
}

export type World = { a: OrgWorld; b: OrgWorld; resetToken: string };

export async function buildWorld(): Promise<World> {
  const a = await buildOrg("MatrixA");
  const b = await buildOrg("MatrixB");
  return { a, b, resetToken: await createResetToken(a.org.otherTrainee.userId) };
}

export const ROLES: Role[] = ["trainee", "supervisor", "org_admin"];

export function person(w: OrgWorld, role: Role) {
  return role === "trainee" ? w.org.trainee : role === "supervisor" ? w.org.supervisor : w.org.admin;
}

/**
 * One signed-in API client per person: "anonymous", then "a.<role>" and "b.<role>" for both
 * organisations. Dispose them with disposeSessions.
 */
export async function openSessions(
  playwright: { request: { newContext: (o: { baseURL?: string }) => Promise<APIRequestContext> } },
  baseURL: string | undefined,
  world: World,
): Promise<Map<string, APIRequestContext>> {
  const sessions = new Map<string, APIRequestContext>();
  const make = async (email?: string) => {
    const ctx = await playwright.request.newContext({ baseURL });
    if (email) await apiSignIn(ctx, email, TEST_PASSWORD);
    return ctx;
  };
  sessions.set("anonymous", await make());
  for (const side of ["a", "b"] as const) for (const role of ROLES) sessions.set(`${side}.${role}`, await make(person(world[side], role).email));
  return sessions;
}

export async function disposeSessions(sessions: Map<string, { dispose: () => Promise<void> }>): Promise<void> {
  for (const s of sessions.values()) await s.dispose();
}
