import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, calibrationCases, calibrationRounds, caseCalibrationConsents, notifications } from "@/db/schema";
import { setConsent } from "@/lib/cases/calibration-consent";
import { copyCaseAsReference, listCopyableCases, listReferenceOptions } from "@/lib/calibration/references";
import { submitCalibrationReview } from "@/lib/calibration/reviews";
import { closeCalibrationRound, listCalibrationRounds, openCalibrationRound, saveDiscussionNote } from "@/lib/calibration/rounds";
import { openCalibrationRoundInput } from "@/lib/calibration/schemas";
import { getRoundView, getTrend } from "@/lib/calibration/view";
import type { Ctx } from "@/lib/core/context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import type { ReviewRatings } from "@/lib/cases/schemas";
import { validCase } from "../fixtures/cases";
import { makeCase } from "../fixtures/cases-db";
import { seedCase } from "../fixtures/cases-seed";
import { addMember, createOrg, createUser, type TestOrg, type TestUser } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

async function thirdSupervisor(org: TestOrg): Promise<TestUser> {
  const u = await createUser(`Third Supervisor ${org.orgId.slice(0, 4)}`);
  const m = await addMember(org.orgId, u.id, "supervisor");
  return { userId: u.id, membershipId: m.id, email: u.email, name: u.name, role: "supervisor" };
}

/** The exemplar "withdrawal-homework": its trainee chose c3 and c5. */
const review = (c3: string, c5: string, decision: "changes_requested" | "signed_off" = "signed_off", extra: ReviewRatings = {}) => ({
  decision,
  whatToChange: decision === "changes_requested" ? "Say what you would do differently." : undefined,
  ratings: {
    c1_contact: { note: "Contact held." },
    c3_congruence: { rating: c3, evidence: "The narrative shows it." },
    c5_empathy: { rating: c5, evidence: "The narrative shows it." },
    ...extra,
  } as ReviewRatings,
});

async function openedRound(label: string, invitees?: (org: TestOrg) => TestUser[]) {
  const org = await createOrg(label);
  const admin = ctxOf(org, org.admin);
  const who = invitees ? invitees(org) : [org.supervisor, org.otherSupervisor];
  const { roundId } = await openCalibrationRound(admin, { name: "Autumn calibration", referenceId: "exemplar:withdrawal-homework", invitees: who.map((p) => p.membershipId), dueOn: null });
  return { org, admin, roundId, s1: ctxOf(org, org.supervisor), s2: ctxOf(org, org.otherSupervisor) };
}

async function expectNotFound(p: Promise<unknown>) {
  await expect(p).rejects.toBeInstanceOf(NotFoundError);
}

describe("opening a calibration round", () => {
  it("invites two or more supervisors, tells them, audits it, and copies the exemplar in once", async () => {
    const { org, admin, roundId } = await openedRound("CalOpen");
    const db = await getDb();
    const told = await db.select().from(notifications).where(and(eq(notifications.organisationId, org.orgId), eq(notifications.kind, "calibration_invited")));
    expect(told.map((n) => n.recipientMembershipId).sort()).toEqual([org.supervisor.membershipId, org.otherSupervisor.membershipId].sort());
    expect(told[0].href).toBe(`/calibration/${roundId}`);
    const [audited] = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "calibration.round_opened")));
    expect(audited.targetId).toBe(roundId);
    await openCalibrationRound(admin, { name: "Second go", referenceId: "exemplar:withdrawal-homework", invitees: [org.supervisor.membershipId, org.otherSupervisor.membershipId], dueOn: null });
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(calibrationCases).where(eq(calibrationCases.organisationId, org.orgId));
    expect(n).toBe(1);
    expect((await listCalibrationRounds(admin)).rows.map((r) => r.name).sort()).toEqual(["Autumn calibration", "Second go"]);
  });

  it("refuses fewer than two supervisors, and invitees who are not the organisation's supervisors", async () => {
    const one = openCalibrationRoundInput.safeParse({ name: "X", referenceId: "exemplar:withdrawal-homework", invitees: ["0b6f4f3c-5d55-4a55-8d55-6a9e0e8c2a11"], dueOn: "" });
    expect(one.success).toBe(false);
    expect(one.error?.issues.map((i) => i.path.join("."))).toContain("invitees");
    const org = await createOrg("CalWho");
    const other = await createOrg("CalWhoB");
    const admin = ctxOf(org, org.admin);
    await expect(openCalibrationRound(admin, { name: "R", referenceId: "exemplar:withdrawal-homework", invitees: [org.supervisor.membershipId, org.trainee.membershipId], dueOn: null })).rejects.toBeInstanceOf(ValidationError);
    await expect(openCalibrationRound(admin, { name: "R", referenceId: "exemplar:withdrawal-homework", invitees: [org.supervisor.membershipId, other.supervisor.membershipId], dueOn: null })).rejects.toBeInstanceOf(ValidationError);
    await expect(openCalibrationRound(admin, { name: "R", referenceId: "exemplar:withdrawal-homework", invitees: [org.supervisor.membershipId, org.otherSupervisor.membershipId], dueOn: "2000-01-01" })).rejects.toBeInstanceOf(ValidationError);
    const db = await getDb();
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(calibrationRounds).where(eq(calibrationRounds.organisationId, org.orgId));
    expect(n).toBe(0);
  });
});

describe("each supervisor reviews blind until they submit", () => {
  it("shows nobody's ratings, nor the reference review, to an invitee who hasn't submitted", async () => {
    const { admin, roundId, s1, s2 } = await openedRound("CalBlind");
    const before = await getRoundView(s1, roundId);
    expect(before.visible).toBeNull();
    expect(before.me).toEqual({ admin: false, participant: true, submitted: false });
    expect(before.reference.content.clientCode).toBe("EX-W01");

    await submitCalibrationReview(s1, reviewFor(roundId, "partly_evident", "not_evident"));
    const afterFirst = await getRoundView(s1, roundId);
    expect(afterFirst.visible?.reviews.map((r) => r.membershipId)).toEqual([s1.membershipId]);
    expect(afterFirst.visible?.referenceReview?.decision).toBe("changes_requested");
    // The second invitee still sees nothing of the first's review.
    expect((await getRoundView(s2, roundId)).visible).toBeNull();

    await submitCalibrationReview(s2, reviewFor(roundId, "clearly_evident", "not_evident", "changes_requested"));
    const both = await getRoundView(s2, roundId);
    expect(both.visible?.results.people).toHaveLength(2);
    expect(both.visible?.results.conditions.find((c) => c.code === "c3_congruence")).toMatchObject({ graded: 2, median: 2.5 });
    expect(both.visible?.decisions).toEqual({ changes_requested: 1, signed_off: 1 });
    // The admin sees the results whenever they like.
    expect((await getRoundView(admin, roundId)).visible?.reviews).toHaveLength(2);
  });

  it("applies the case review's rules, and takes one review per invitee", async () => {
    const { admin, org, roundId, s1 } = await openedRound("CalRules");
    const missingChosen = { ...review("partly_evident", "not_evident"), ratings: { c3_congruence: { rating: "partly_evident", evidence: "Seen." } } as ReviewRatings };
    const refused = await submitCalibrationReview(s1, { roundId, ...missingChosen }).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect(Object.keys((refused as ValidationError).fieldErrors)).toContain("ratings.c5_empathy.rating");
    const badQuote = review("partly_evident", "not_evident", "signed_off", { c3_congruence: { rating: "partly_evident", evidence: "Seen.", quote: "words that are not in the case" } });
    await expect(submitCalibrationReview(s1, { roundId, ...badQuote })).rejects.toBeInstanceOf(ValidationError);
    await submitCalibrationReview(s1, { roundId, ...review("partly_evident", "not_evident") });
    await expect(submitCalibrationReview(s1, { roundId, ...review("clearly_evident", "not_evident") })).rejects.toBeInstanceOf(ConflictError);
    // Not invited, or an admin: nothing to review, and nothing shown.
    const third = ctxOf(org, await thirdSupervisor(org));
    await expectNotFound(getRoundView(third, roundId));
    await expectNotFound(submitCalibrationReview(third, { roundId, ...review("partly_evident", "not_evident") }));
    await expectNotFound(submitCalibrationReview(admin, { roundId, ...review("partly_evident", "not_evident") }));
    expect((await listCalibrationRounds(third)).rows).toEqual([]);
  });
});

// `review` above lacks the round: these calls pass it in.
function reviewFor(roundId: string, c3: string, c5: string, decision: "changes_requested" | "signed_off" = "signed_off") {
  return { roundId, ...review(c3, c5, decision) };
}

describe("closing a round and the discussion note", () => {
  it("closes once, tells the participants, and takes no review after", async () => {
    const { org, admin, roundId, s1, s2 } = await openedRound("CalClose");
    await submitCalibrationReview(s1, reviewFor(roundId, "partly_evident", "not_evident"));
    const v = (await getRoundView(admin, roundId)).version;
    await expect(closeCalibrationRound(admin, { roundId, version: v + 5 })).rejects.toBeInstanceOf(ConflictError);
    await closeCalibrationRound(admin, { roundId, version: v });
    await expect(closeCalibrationRound(admin, { roundId, version: v + 1 })).rejects.toBeInstanceOf(ConflictError);
    await expect(submitCalibrationReview(s2, reviewFor(roundId, "partly_evident", "not_evident"))).rejects.toBeInstanceOf(ConflictError);
    const db = await getDb();
    const told = await db.select().from(notifications).where(and(eq(notifications.organisationId, org.orgId), eq(notifications.kind, "calibration_closed")));
    expect(told).toHaveLength(2);
    // Closed before submitting: no results for them.
    expect((await getRoundView(s2, roundId)).visible).toBeNull();
  });

  it("closes by itself once the due time has passed", async () => {
    const { roundId, s1 } = await openedRound("CalDue");
    const db = await getDb();
    await db.update(calibrationRounds).set({ dueOn: "2026-01-01", closesAt: new Date(Date.now() - 60_000) }).where(eq(calibrationRounds.id, roundId));
    expect((await getRoundView(s1, roundId)).state).toBe("closed");
    await expect(submitCalibrationReview(s1, reviewFor(roundId, "partly_evident", "not_evident"))).rejects.toBeInstanceOf(ConflictError);
  });

  it("saves the note with a version check, and asks before keeping a detail that may identify someone", async () => {
    const { admin, roundId, s1 } = await openedRound("CalNote");
    const v = (await getRoundView(admin, roundId)).version;
    const saved = await saveDiscussionNote(admin, { roundId, version: v, note: "We agreed to rate what the narrative shows.", identifiersChecked: false });
    await expect(saveDiscussionNote(admin, { roundId, version: v, note: "Stale.", identifiersChecked: false })).rejects.toBeInstanceOf(ConflictError);
    const flagged = await saveDiscussionNote(admin, { roundId, version: saved.version, note: "Ring the client on 0412 345 678.", identifiersChecked: false }).catch((e) => e);
    expect(flagged).toBeInstanceOf(ValidationError);
    expect((flagged as ValidationError).fieldErrors.identifiersChecked).toBeTruthy();
    await expectNotFound(saveDiscussionNote(s1, { roundId, version: saved.version, note: "Mine.", identifiersChecked: false }));
  });
});

describe("who can reach calibration", () => {
  it("answers a trainee not-found on every calibration read and write", async () => {
    const { org, roundId } = await openedRound("CalTrainee");
    const t: Ctx = ctxOf(org, org.trainee);
    await expectNotFound(getRoundView(t, roundId));
    await expectNotFound(listCalibrationRounds(t));
    await expectNotFound(getTrend(t));
    await expectNotFound(listReferenceOptions(t));
    await expectNotFound(listCopyableCases(t));
    await expectNotFound(openCalibrationRound(t, { name: "Mine", referenceId: "exemplar:withdrawal-homework", invitees: [org.supervisor.membershipId, org.otherSupervisor.membershipId], dueOn: null }));
    await expectNotFound(submitCalibrationReview(t, reviewFor(roundId, "partly_evident", "not_evident")));
    await expectNotFound(closeCalibrationRound(t, { roundId, version: 0 }));
    await expectNotFound(saveDiscussionNote(t, { roundId, version: 0, note: "x", identifiersChecked: false }));
  });

  it("answers another organisation not-found for this organisation's round and cases", async () => {
    const { org, roundId } = await openedRound("CalOrgA");
    const b = await createOrg("CalOrgB");
    const bAdmin = ctxOf(b, b.admin);
    const bSup = ctxOf(b, b.supervisor);
    await expectNotFound(getRoundView(bAdmin, roundId));
    await expectNotFound(getRoundView(bSup, roundId));
    await expectNotFound(closeCalibrationRound(bAdmin, { roundId, version: 0 }));
    await expectNotFound(submitCalibrationReview(bSup, reviewFor(roundId, "partly_evident", "not_evident")));
    const c = await makeCase(org, "signed_off");
    await setConsent(ctxOf(org, org.trainee), { caseId: c.caseId, consent: true });
    await expectNotFound(copyCaseAsReference(bAdmin, c.caseId));
    await expectNotFound(setConsent(ctxOf(b, b.trainee), { caseId: c.caseId, consent: false }));
    expect((await listCalibrationRounds(bAdmin)).rows).toEqual([]);
  });
});

describe("copying a real case as a reference", () => {
  it("copies only a consented case, without its author, under a neutral code, once", async () => {
    const org = await createOrg("CalCopy");
    const admin = ctxOf(org, org.admin);
    const trainee = ctxOf(org, org.trainee);
    const draft = await makeCase(org, "draft");
    const signed = await makeCase(org, "signed_off");
    await expectNotFound(copyCaseAsReference(admin, signed.caseId));
    await expect(setConsent(trainee, { caseId: draft.caseId, consent: true })).rejects.toBeInstanceOf(ConflictError);
    await expectNotFound(setConsent(ctxOf(org, org.supervisor), { caseId: signed.caseId, consent: true }));
    expect(await setConsent(trainee, { caseId: signed.caseId, consent: true })).toMatchObject({ given: true, copied: false });
    expect((await listCopyableCases(admin)).map((c) => c.caseId)).toEqual([signed.caseId]);

    const { referenceId } = await copyCaseAsReference(admin, signed.caseId);
    const db = await getDb();
    const [ref] = await db.select().from(calibrationCases).where(eq(calibrationCases.id, referenceId));
    expect(ref).toMatchObject({ source: "copied", organisationId: org.orgId, referenceReview: null });
    expect(ref.content.clientCode).toMatch(/^R-\d{6}$/);
    expect(ref.content.whatHappened).toBe(validCase().whatHappened);
    expect(JSON.stringify(ref)).not.toContain(org.trainee.membershipId);
    expect(JSON.stringify(ref)).not.toContain(org.trainee.name);
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "calibration.reference_copied")));
    expect(JSON.stringify(audit.detail)).not.toContain(signed.caseId);
    await expect(copyCaseAsReference(admin, signed.caseId)).rejects.toBeInstanceOf(ConflictError);
    expect(await listCopyableCases(admin)).toEqual([]);
    expect((await listReferenceOptions(admin)).map((r) => r.id)).toContain(referenceId);
    // A round can be opened on the copy; it has no reference review.
    const { roundId } = await openCalibrationRound(admin, { name: "On a real case", referenceId, invitees: [org.supervisor.membershipId, org.otherSupervisor.membershipId], dueOn: null });
    expect((await getRoundView(admin, roundId)).visible?.referenceReview).toBeNull();
  });

  it("stops copying once consent is withdrawn", async () => {
    const org = await createOrg("CalWithdraw");
    const admin = ctxOf(org, org.admin);
    const trainee = ctxOf(org, org.trainee);
    const c = await makeCase(org, "submitted");
    await setConsent(trainee, { caseId: c.caseId, consent: true });
    expect(await setConsent(trainee, { caseId: c.caseId, consent: false })).toMatchObject({ given: false });
    expect(await listCopyableCases(admin)).toEqual([]);
    await expectNotFound(copyCaseAsReference(admin, c.caseId));
    const db = await getDb();
    const actions = (await db.select({ a: auditEvents.action }).from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.targetId, c.caseId)))).map((r) => r.a);
    expect(actions).toEqual(expect.arrayContaining(["calibration.consent_given", "calibration.consent_withdrawn"]));
  });

  it("refuses a copy the de-identification check flags anything in, or one with risk recorded, and records the refusal", async () => {
    const org = await createOrg("CalFlagged");
    const admin = ctxOf(org, org.admin);
    // Submitted with a flag its author dismissed: the copy is re-checked and refused all the same.
    const flagged = await seedCase(org, "signed_off", validCase({ whatHappened: "The client asked me to ring them on 0412 345 678 after the session." }));
    const risky = await seedCase(org, "submitted", validCase({ risk: { level: "disclosed", kinds: ["suicide_self_harm"], told: ["supervisor"], when: "in_session", action: "Safety plan made with the supervisor." } as never }));
    for (const c of [flagged, risky]) await setConsent(ctxOf(org, org.trainee), { caseId: c.caseId, consent: true });
    const refusal = await copyCaseAsReference(admin, flagged.caseId).catch((e) => e);
    expect(refusal).toBeInstanceOf(ValidationError);
    expect((refusal as ValidationError).fieldErrors.caseId?.[0]).toContain("What happened");
    expect((refusal as ValidationError).fieldErrors.caseId?.[0]).not.toContain("0412");
    await expect(copyCaseAsReference(admin, risky.caseId)).rejects.toBeInstanceOf(ValidationError);
    const db = await getDb();
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(calibrationCases).where(eq(calibrationCases.organisationId, org.orgId));
    expect(n).toBe(0);
    const refused = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "calibration.copy_refused")));
    expect(refused.map((r) => r.outcome)).toEqual(["denied", "denied"]);
    const consents = await db.select().from(caseCalibrationConsents).where(eq(caseCalibrationConsents.organisationId, org.orgId));
    expect(consents.every((c) => c.referenceCaseId === null)).toBe(true);
  });
});

describe("agreement over time", () => {
  it("lists closed rounds oldest first; a supervisor sees only the rounds they submitted in", async () => {
    const { org, admin, roundId, s1, s2 } = await openedRound("CalTrend");
    await submitCalibrationReview(s1, reviewFor(roundId, "partly_evident", "not_evident"));
    await submitCalibrationReview(s2, reviewFor(roundId, "partly_evident", "partly_evident"));
    await closeCalibrationRound(admin, { roundId, version: (await getRoundView(admin, roundId)).version });
    const second = await openCalibrationRound(admin, { name: "Later", referenceId: "exemplar:confrontation-not-helping", invitees: [org.supervisor.membershipId, org.otherSupervisor.membershipId], dueOn: null });
    // Open rounds are not in the trend yet.
    expect((await getTrend(admin)).rounds.map((r) => r.id)).toEqual([roundId]);
    await closeCalibrationRound(admin, { roundId: second.roundId, version: 0 });
    const trend = await getTrend(admin);
    expect(trend.rounds.map((r) => r.name)).toEqual(["Autumn calibration", "Later"]);
    expect(trend.rounds[0].reviews).toBe(2);
    expect(trend.conditions.map((c) => c.code)).toEqual(["c3_congruence", "c4_upr", "c5_empathy", "c6_perceived"]);
    // s1 submitted only in the first round.
    expect((await getTrend(s1)).rounds.map((r) => r.id)).toEqual([roundId]);
  });
});
