import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, evaluationFormVersions, evaluationResponses, evaluations, notifications, supervisions } from "@/db/schema";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { competenciesOf } from "@/lib/evaluations/definition";
import { getEvaluation, listMyEvaluations, saveResponse, signEvaluation } from "@/lib/evaluations/evaluations";
import { createForm, getFormForEdit, installStarterForm, listForms, saveForm } from "@/lib/evaluations/forms";
import { getRoundReport, getTraineeHistory, listRatingsForExport } from "@/lib/evaluations/reports";
import { assignEvaluator, getRound, listRounds, openRound } from "@/lib/evaluations/rounds";
import { STARTER_FORM, STARTER_FORM_NAME } from "@/lib/evaluations/starter-form";
import { createOrg, type TestOrg } from "../fixtures/factory";
import { cohortWith, fullRatings, seedEvaluation } from "../fixtures/evaluations";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

const SIGN = { disagree: false, disagreement: "" };
const response = (evaluationId: string, version: number, rating = "3", extra: { recommendation?: string | null; overallComment?: string } = {}) => ({
  evaluationId,
  version,
  ratings: fullRatings(STARTER_FORM, rating),
  overallComment: extra.overallComment ?? "",
  recommendation: extra.recommendation ?? null,
});

/** An organisation with the starter form installed and a round opened by its admin for a cohort of its trainee. */
async function openedRound(label: string) {
  const org = await createOrg(label);
  const admin = ctxOf(org, org.admin);
  const form = await installStarterForm(admin);
  const cohort = await cohortWith(org.orgId, [org.trainee]);
  const opened = await openRound(admin, { formId: form.id, cohortId: cohort.id, name: "Mid-placement", dueOn: null });
  const [e] = (await getRound(admin, opened.roundId)).evaluations;
  return { org, admin, form, cohort, roundId: opened.roundId, evaluationId: e.id };
}

async function bothSubmitted(org: TestOrg, evaluationId: string) {
  await saveResponse(ctxOf(org, org.trainee), response(evaluationId, 0, "3"), { submit: true });
  await saveResponse(ctxOf(org, org.supervisor), response(evaluationId, 0, "4", { recommendation: "progress" }), { submit: true });
}

describe("evaluation forms are versioned like the code lists", () => {
  it("edits an unused form in place, and turns an edit of a used form into a new version that old evaluations don't see", async () => {
    const org = await createOrg("EvalForms");
    const admin = ctxOf(org, org.admin);
    const form = await installStarterForm(admin);
    expect((await listForms(admin)).map((f) => f.name)).toContain(STARTER_FORM_NAME);

    // Not used by any round yet: the edit changes version 1 itself.
    const before = await getFormForEdit(admin, form.id);
    const renamedDomain = structuredClone(before.definition);
    renamedDomain.domains[0].title = "The working alliance";
    const inPlace = await saveForm(admin, { formId: form.id, version: before.version, name: before.name, definition: renamedDomain });
    expect(inPlace).toMatchObject({ versionNumber: 1, newVersion: false, changed: true });

    // A round opens with version 1 and an evaluation is signed under it.
    const cohort = await cohortWith(org.orgId, [org.trainee]);
    const opened = await openRound(admin, { formId: form.id, cohortId: cohort.id, name: "Mid-placement", dueOn: "2027-06-30" });
    const [{ id: evaluationId }] = (await getRound(admin, opened.roundId)).evaluations;
    await bothSubmitted(org, evaluationId);
    await signEvaluation(ctxOf(org, org.trainee), { evaluationId, version: 2, name: org.trainee.name, ...SIGN });
    await signEvaluation(ctxOf(org, org.supervisor), { evaluationId, version: 3, name: org.supervisor.name, ...SIGN });

    // Now an edit makes version 2; the signed evaluation keeps version 1, word for word.
    const used = await getFormForEdit(admin, form.id);
    expect(used.currentInUse).toBe(true);
    const edited = structuredClone(used.definition);
    edited.domains[0].competencies[0].title = "Builds and sustains a working relationship";
    const versioned = await saveForm(admin, { formId: form.id, version: used.version, name: used.name, definition: edited });
    expect(versioned).toMatchObject({ versionNumber: 2, newVersion: true, changed: true });
    const after = await getFormForEdit(admin, form.id);
    expect(after.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(after.definition.domains[0].competencies[0].title).toBe("Builds and sustains a working relationship");
    const old = await getEvaluation(ctxOf(org, org.trainee), evaluationId);
    expect(old.form.number).toBe(1);
    expect(old.form.definition.domains[0].title).toBe("The working alliance");
    expect(old.form.definition.domains[0].competencies[0].title).toBe("Builds a working relationship");

    // A new round uses version 2.
    const next = await openRound(admin, { formId: form.id, cohortId: cohort.id, name: "End of placement", dueOn: null });
    expect((await getRound(admin, next.roundId)).formVersion).toBe(2);

    // Saving the same thing again writes nothing new.
    const same = await getFormForEdit(admin, form.id);
    expect(await saveForm(admin, { formId: form.id, version: same.version, name: same.name, definition: same.definition })).toMatchObject({ versionNumber: 2, newVersion: false, changed: false });
  });

  it("refuses, in the database too, to change a version a round used", async () => {
    const org = await createOrg("EvalFrozen");
    const { versionId } = await seedEvaluation(org, "open");
    const db = await getDb();
    await expect(db.update(evaluationFormVersions).set({ name: "Sneaky rename" }).where(eq(evaluationFormVersions.id, versionId))).rejects.toThrow();
    const [row] = await db.select().from(evaluationFormVersions).where(eq(evaluationFormVersions.id, versionId));
    expect(row.name).not.toBe("Sneaky rename");
  });

  it("refuses a malformed form with messages next to the fields, and a duplicate name, saving nothing", async () => {
    const org = await createOrg("EvalFormBad");
    const admin = ctxOf(org, org.admin);
    await installStarterForm(admin);
    await expect(installStarterForm(admin)).rejects.toBeInstanceOf(ConflictError);
    const dup = await createForm(admin, { name: STARTER_FORM_NAME.toUpperCase(), definition: STARTER_FORM }).catch((e) => e);
    expect(dup).toBeInstanceOf(ValidationError);
    expect((dup as ValidationError).fieldErrors.name?.[0]).toMatch(/already has a form with this name/);
    expect(await listForms(admin)).toHaveLength(1);
    const { formDefinitionSchema } = await import("@/lib/evaluations/definition");
    const bad = structuredClone(STARTER_FORM);
    bad.scale.points[1].value = 1;
    bad.domains[0].competencies[0].title = "";
    const parsed = formDefinitionSchema.safeParse(bad);
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((i) => i.path.join("."));
    expect(paths).toContain("scale.points.1.value");
    expect(paths).toContain("domains.0.competencies.0.title");
  });

  it("lets two admins editing the same form at once land one edit and tells the other", async () => {
    const org = await createOrg("EvalFormRace");
    const admin = ctxOf(org, org.admin);
    const form = await installStarterForm(admin);
    const f = await getFormForEdit(admin, form.id);
    const a = structuredClone(f.definition);
    a.intro = "First admin's words.";
    const b = structuredClone(f.definition);
    b.intro = "Second admin's words.";
    const results = await Promise.allSettled([
      saveForm(admin, { formId: form.id, version: f.version, name: f.name, definition: a }),
      saveForm(admin, { formId: form.id, version: f.version, name: f.name, definition: b }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
  });
});

describe("evaluation rounds", () => {
  it("opens one evaluation per active trainee of the cohort, names each trainee's supervisor, and tells both", async () => {
    const org = await createOrg("EvalOpen");
    const admin = ctxOf(org, org.admin);
    const form = await installStarterForm(admin);
    const cohort = await cohortWith(org.orgId, [org.trainee, org.otherTrainee, org.supervisor]);
    const opened = await openRound(admin, { formId: form.id, cohortId: cohort.id, name: "Mid-placement", dueOn: null });
    expect(opened).toMatchObject({ evaluations: 2, withoutEvaluator: 1 });
    const round = await getRound(admin, opened.roundId);
    const mine = round.evaluations.find((e) => e.traineeMembershipId === org.trainee.membershipId)!;
    const orphan = round.evaluations.find((e) => e.traineeMembershipId === org.otherTrainee.membershipId)!;
    expect(mine.evaluatorMembershipId).toBe(org.supervisor.membershipId);
    expect(orphan.evaluatorMembershipId).toBeNull();

    const db = await getDb();
    const told = await db.select().from(notifications).where(and(eq(notifications.organisationId, org.orgId), eq(notifications.kind, "evaluation_opened")));
    expect(told.map((n) => n.recipientMembershipId).sort()).toEqual([org.trainee.membershipId, org.otherTrainee.membershipId, org.supervisor.membershipId].sort());
    expect(told.find((n) => n.recipientMembershipId === org.trainee.membershipId)?.href).toBe(`/evaluations/${mine.id}`);

    // The orphan's evaluator: only one of the trainee's supervisors can be chosen.
    const refused = await assignEvaluator(admin, { evaluationId: orphan.id, evaluatorMembershipId: org.otherSupervisor.membershipId, version: 0 }).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    await db.insert(supervisions).values({ organisationId: org.orgId, supervisorMembershipId: org.otherSupervisor.membershipId, traineeMembershipId: org.otherTrainee.membershipId });
    expect(await assignEvaluator(admin, { evaluationId: orphan.id, evaluatorMembershipId: org.otherSupervisor.membershipId, version: 0 })).toEqual({ changed: true });
    const otherSup = await listMyEvaluations(ctxOf(org, org.otherSupervisor));
    expect(otherSup.rows.map((r) => r.id)).toEqual([orphan.id]);

    // The same person opening the same round twice gets a message, not a second round.
    const again = await openRound(admin, { formId: form.id, cohortId: cohort.id, name: "mid-placement", dueOn: null }).catch((e) => e);
    expect(again).toBeInstanceOf(ValidationError);
    expect((await listRounds(admin)).rows).toHaveLength(1);
  });

  it("lets a supervisor open a round only for the trainees they supervise, as their evaluator", async () => {
    const org = await createOrg("EvalSupOpen");
    const admin = ctxOf(org, org.admin);
    const sup = ctxOf(org, org.supervisor);
    const form = await installStarterForm(admin);
    const cohort = await cohortWith(org.orgId, [org.trainee, org.otherTrainee]);
    const opened = await openRound(sup, { formId: form.id, cohortId: cohort.id, name: "Mid-placement", dueOn: null });
    expect(opened).toMatchObject({ evaluations: 1, withoutEvaluator: 0 });
    const round = await getRound(sup, opened.roundId);
    expect(round.evaluations.map((e) => [e.traineeMembershipId, e.evaluatorMembershipId])).toEqual([[org.trainee.membershipId, org.supervisor.membershipId]]);
    // Nobody of theirs in the cohort: refused with a message on the cohort field.
    const theirs = await cohortWith(org.orgId, [org.otherTrainee]);
    const none = await openRound(sup, { formId: form.id, cohortId: theirs.id, name: "Mid-placement", dueOn: null }).catch((e) => e);
    expect(none).toBeInstanceOf(ValidationError);
    expect((none as ValidationError).fieldErrors.cohortId?.[0]).toMatch(/None of the active trainees/);
    // A supervisor who supervises nobody in a round does not see it.
    await expect(getRound(ctxOf(org, org.otherSupervisor), opened.roundId)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("both sides hidden from each other until both are submitted", () => {
  it("shows each person only their own answers, and both side by side once both are in", async () => {
    const { org, evaluationId } = await openedRound("EvalHidden");
    const trainee = ctxOf(org, org.trainee);
    const sup = ctxOf(org, org.supervisor);
    const admin = ctxOf(org, org.admin);
    const db = await getDb();
    // A co-supervisor of the same trainee reads but does not write.
    await db.insert(supervisions).values({ organisationId: org.orgId, supervisorMembershipId: org.otherSupervisor.membershipId, traineeMembershipId: org.trainee.membershipId });
    const coSup = ctxOf(org, org.otherSupervisor);

    await saveResponse(trainee, response(evaluationId, 0, "2", { overallComment: "Trainee's private draft." }), { submit: false });
    await saveResponse(sup, response(evaluationId, 0, "4", { overallComment: "Supervisor's private draft." }), { submit: false });
    expect((await getEvaluation(trainee, evaluationId)).self?.overallComment).toBe("Trainee's private draft.");
    expect((await getEvaluation(trainee, evaluationId)).supervisor).toBeNull();
    expect((await getEvaluation(sup, evaluationId)).self).toBeNull();
    expect((await getEvaluation(sup, evaluationId)).supervisor?.overallComment).toBe("Supervisor's private draft.");
    for (const onlooker of [admin, coSup]) {
      const v = await getEvaluation(onlooker, evaluationId);
      expect([v.self, v.supervisor]).toEqual([null, null]);
    }
    await expect(saveResponse(coSup, response(evaluationId, 0), { submit: false })).rejects.toBeInstanceOf(NotFoundError);

    // One side submitted: still hidden from the other, and from everyone else.
    await saveResponse(trainee, response(evaluationId, 1, "2", { overallComment: "Trainee's view." }), { submit: true });
    expect((await getEvaluation(sup, evaluationId)).self).toBeNull();
    expect((await getEvaluation(admin, evaluationId)).self).toBeNull();
    expect((await getEvaluation(trainee, evaluationId)).supervisor).toBeNull();
    const [told] = await db.select().from(notifications).where(and(eq(notifications.recipientMembershipId, org.supervisor.membershipId), eq(notifications.kind, "evaluation_submitted")));
    expect(told.title).toContain("submitted their self-evaluation");
    expect(told.title).not.toContain("Trainee's view");

    // Both in: both sides, side by side, for everyone allowed to see the evaluation.
    await saveResponse(sup, response(evaluationId, 1, "4", { recommendation: "progress", overallComment: "Supervisor's view." }), { submit: true });
    for (const viewer of [trainee, sup, admin, coSup]) {
      const v = await getEvaluation(viewer, evaluationId);
      expect(v.self?.overallComment).toBe("Trainee's view.");
      expect(v.supervisor?.overallComment).toBe("Supervisor's view.");
    }
    const both = await db.select().from(notifications).where(and(eq(notifications.organisationId, org.orgId), eq(notifications.kind, "evaluation_submitted"), eq(notifications.dedupeKey, "both-submitted")));
    expect(both.map((n) => n.recipientMembershipId).sort()).toEqual([org.trainee.membershipId, org.supervisor.membershipId].sort());
    // Reports count it only now.
    expect((await getRoundReport(admin, (await getEvaluation(admin, evaluationId)).roundId)).complete).toBe(1);
  });

  it("keeps incomplete and off-scale answers out, with a message on each field, and saves nothing", async () => {
    const { org, evaluationId } = await openedRound("EvalBadInput");
    const trainee = ctxOf(org, org.trainee);
    const sup = ctxOf(org, org.supervisor);
    const partial = { ...response(evaluationId, 0), ratings: { alliance__engagement: { rating: "3", comment: "" } } };
    const e1 = await saveResponse(trainee, partial, { submit: true }).catch((e) => e);
    expect(e1).toBeInstanceOf(ValidationError);
    expect(Object.keys((e1 as ValidationError).fieldErrors)).toContain("ratings.documentation__privacy.rating");
    const e2 = await saveResponse(trainee, { ...partial, ratings: { alliance__engagement: { rating: "9", comment: "" } } }, { submit: false }).catch((e) => e);
    expect((e2 as ValidationError).fieldErrors["ratings.alliance__engagement.rating"]).toEqual(["Choose one of the points on the scale."]);
    // The supervisor's side needs a recommendation.
    const e3 = await saveResponse(sup, response(evaluationId, 0, "4"), { submit: true }).catch((e) => e);
    expect((e3 as ValidationError).fieldErrors.recommendation).toEqual(["Choose your overall recommendation."]);
    const db = await getDb();
    expect(await db.select().from(evaluationResponses).where(eq(evaluationResponses.evaluationId, evaluationId))).toEqual([]);
    const [row] = await db.select().from(evaluations).where(eq(evaluations.id, evaluationId));
    expect([row.selfSubmittedAt, row.supervisorSubmittedAt, row.version]).toEqual([null, null, 0]);
    // "Not observed" is an answer.
    const notObserved = fullRatings(STARTER_FORM, "not_observed");
    expect((await saveResponse(trainee, { ...response(evaluationId, 0), ratings: notObserved }, { submit: true })).submitted).toBe(true);
  });
});

describe("signing and locking", () => {
  it("needs both sides in and the signer's own name; the second signature locks it; the trainee can record a disagreement", async () => {
    const { org, evaluationId, admin } = await openedRound("EvalSign");
    const trainee = ctxOf(org, org.trainee);
    const sup = ctxOf(org, org.supervisor);
    await saveResponse(trainee, response(evaluationId, 0), { submit: true });
    await expect(signEvaluation(trainee, { evaluationId, version: 1, name: org.trainee.name, ...SIGN })).rejects.toBeInstanceOf(ConflictError);
    await saveResponse(sup, response(evaluationId, 0, "4", { recommendation: "progress_with_plan" }), { submit: true });

    const wrongName = await signEvaluation(trainee, { evaluationId, version: 2, name: "Somebody Else", ...SIGN }).catch((e) => e);
    expect((wrongName as ValidationError).fieldErrors.name?.[0]).toContain(org.trainee.name);
    await expect(signEvaluation(sup, { evaluationId, version: 2, name: org.supervisor.name, disagree: true, disagreement: "Not mine to record." })).rejects.toBeInstanceOf(ValidationError);
    await expect(signEvaluation(admin, { evaluationId, version: 2, name: org.admin.name, ...SIGN })).rejects.toBeInstanceOf(NotFoundError);
    const db = await getDb();
    const [unsigned] = await db.select().from(evaluations).where(eq(evaluations.id, evaluationId));
    expect([unsigned.traineeSignedAt, unsigned.supervisorSignedAt, unsigned.version]).toEqual([null, null, 2]);

    // Case and spacing of the typed name don't matter; the disagreement is kept with the signature.
    const first = await signEvaluation(trainee, { evaluationId, version: 2, name: `  ${org.trainee.name.toUpperCase()} `, disagree: true, disagreement: "I see my risk assessment as established, not developing." });
    expect(first).toEqual({ locked: false, version: 3 });
    await expect(signEvaluation(trainee, { evaluationId, version: 3, name: org.trainee.name, ...SIGN })).rejects.toBeInstanceOf(ConflictError);
    const second = await signEvaluation(sup, { evaluationId, version: 3, name: org.supervisor.name, ...SIGN });
    expect(second).toEqual({ locked: true, version: 4 });
    const v = await getEvaluation(sup, evaluationId);
    expect(v.lockedAt).not.toBeNull();
    expect(v.disagreement).toBe("I see my risk assessment as established, not developing.");
    expect(v.traineeSignedName?.trim()).toBe(org.trainee.name.toUpperCase());
    const signed = await db.select().from(notifications).where(and(eq(notifications.organisationId, org.orgId), eq(notifications.kind, "evaluation_signed")));
    expect(signed.find((n) => n.recipientMembershipId === org.supervisor.membershipId)?.title).toContain("recorded a disagreement");
    expect(signed.find((n) => n.recipientMembershipId === org.trainee.membershipId)?.body).toContain("locked");
    const audited = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.targetId, evaluationId), eq(auditEvents.action, "evaluation.signed")));
    expect(audited).toHaveLength(2);
  });

  it("never changes a signed evaluation: the data layer refuses, and so does the database", async () => {
    const org = await createOrg("EvalLocked");
    const { evaluationId } = await seedEvaluation(org, "locked");
    const trainee = ctxOf(org, org.trainee);
    const sup = ctxOf(org, org.supervisor);
    await expect(saveResponse(trainee, response(evaluationId, 1), { submit: false })).rejects.toBeInstanceOf(ConflictError);
    await expect(saveResponse(sup, response(evaluationId, 1, "5", { recommendation: "progress" }), { submit: true })).rejects.toBeInstanceOf(ConflictError);
    await expect(signEvaluation(trainee, { evaluationId, version: 0, name: org.trainee.name, ...SIGN })).rejects.toBeInstanceOf(ConflictError);
    await expect(assignEvaluator(ctxOf(org, org.admin), { evaluationId, evaluatorMembershipId: org.supervisor.membershipId, version: 0 })).rejects.toBeInstanceOf(ConflictError);
    const db = await getDb();
    await expect(db.update(evaluations).set({ disagreement: "Added later." }).where(eq(evaluations.id, evaluationId))).rejects.toThrow();
    await expect(
      db.update(evaluationResponses).set({ overallComment: "Rewritten." }).where(eq(evaluationResponses.evaluationId, evaluationId)),
    ).rejects.toThrow();
    const [row] = await db.select().from(evaluations).where(eq(evaluations.id, evaluationId));
    expect(row.disagreement).toBeNull();
    const sides = await db.select().from(evaluationResponses).where(eq(evaluationResponses.evaluationId, evaluationId));
    expect(sides.map((s) => s.overallComment).sort()).toEqual(["Self view.", "Supervisor view."]);
  });
});

describe("concurrent submissions and signatures", () => {
  it("lands both sides submitted at the same moment, and exactly one of them sees both in", async () => {
    const { org, evaluationId } = await openedRound("EvalRaceSubmit");
    const results = await Promise.all([
      saveResponse(ctxOf(org, org.trainee), response(evaluationId, 0), { submit: true }),
      saveResponse(ctxOf(org, org.supervisor), response(evaluationId, 0, "4", { recommendation: "progress" }), { submit: true }),
    ]);
    expect(results.filter((r) => r.bothSubmitted)).toHaveLength(1);
    const db = await getDb();
    const [row] = await db.select().from(evaluations).where(eq(evaluations.id, evaluationId));
    expect(row.selfSubmittedAt).not.toBeNull();
    expect(row.supervisorSubmittedAt).not.toBeNull();
    expect(row.version).toBe(2);
    const both = await db.select().from(notifications).where(and(eq(notifications.organisationId, org.orgId), eq(notifications.dedupeKey, "both-submitted")));
    expect(both).toHaveLength(2);
  });

  it("accepts one of two submissions of the same side from the same version (two tabs) and refuses the other", async () => {
    const { org, evaluationId } = await openedRound("EvalRaceTabs");
    const trainee = ctxOf(org, org.trainee);
    await saveResponse(trainee, response(evaluationId, 0), { submit: false });
    const results = await Promise.allSettled([
      saveResponse(trainee, response(evaluationId, 1, "2"), { submit: true }),
      saveResponse(trainee, response(evaluationId, 1, "4"), { submit: true }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const db = await getDb();
    const [self] = await db.select().from(evaluationResponses).where(eq(evaluationResponses.evaluationId, evaluationId));
    expect(self.version).toBe(2);
  });

  it("takes one of two signatures made from the same reading; the other signer reads again and signs, which locks it", async () => {
    const { org, evaluationId } = await openedRound("EvalRaceSign");
    await bothSubmitted(org, evaluationId);
    const trainee = ctxOf(org, org.trainee);
    const sup = ctxOf(org, org.supervisor);
    const results = await Promise.allSettled([
      signEvaluation(trainee, { evaluationId, version: 2, name: org.trainee.name, disagree: true, disagreement: "I disagree with the documentation rating." }),
      signEvaluation(sup, { evaluationId, version: 2, name: org.supervisor.name, ...SIGN }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.findIndex((r) => r.status === "rejected");
    expect((results[lost] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
    const fresh = await getEvaluation(lost === 0 ? trainee : sup, evaluationId);
    expect(fresh.lockedAt).toBeNull();
    const done = await signEvaluation(lost === 0 ? trainee : sup, { evaluationId, version: fresh.version, name: lost === 0 ? org.trainee.name : org.supervisor.name, ...SIGN });
    expect(done.locked).toBe(true);
  });
});

describe("access: own, supervised, organisation; everyone else not-found", () => {
  it("refuses other organisations and the wrong people at every entry point", async () => {
    const { org, evaluationId, roundId, form, cohort } = await openedRound("EvalAccessA");
    const other = await createOrg("EvalAccessB");
    const b = { trainee: ctxOf(other, other.trainee), supervisor: ctxOf(other, other.supervisor), admin: ctxOf(other, other.admin) };
    const notFound = async (p: Promise<unknown>) => expect(p).rejects.toBeInstanceOf(NotFoundError);

    for (const who of Object.values(b)) {
      await notFound(getEvaluation(who, evaluationId));
      await notFound(getTraineeHistory(who, org.trainee.membershipId));
    }
    await notFound(saveResponse(b.trainee, response(evaluationId, 0), { submit: false }));
    await notFound(saveResponse(b.supervisor, response(evaluationId, 0), { submit: true }));
    await notFound(signEvaluation(b.supervisor, { evaluationId, version: 0, name: other.supervisor.name, ...SIGN }));
    await notFound(getRound(b.admin, roundId));
    await notFound(getRound(b.supervisor, roundId));
    await notFound(getRoundReport(b.admin, roundId));
    await notFound(listRatingsForExport(b.admin, roundId));
    await notFound(getFormForEdit(b.admin, form.id));
    await notFound(saveForm(b.admin, { formId: form.id, version: 0, name: "Taken over", definition: STARTER_FORM }));
    await notFound(openRound(b.admin, { formId: form.id, cohortId: cohort.id, name: "Hijack", dueOn: null }));
    await notFound(assignEvaluator(b.admin, { evaluationId, evaluatorMembershipId: other.supervisor.membershipId, version: 0 }));
    expect((await listRounds(b.admin)).rows).toEqual([]);

    // Same organisation, wrong person or wrong role.
    const otherTrainee = ctxOf(org, org.otherTrainee);
    const otherSupervisor = ctxOf(org, org.otherSupervisor);
    const trainee = ctxOf(org, org.trainee);
    const sup = ctxOf(org, org.supervisor);
    await notFound(getEvaluation(otherTrainee, evaluationId));
    await notFound(getEvaluation(otherSupervisor, evaluationId));
    await notFound(getTraineeHistory(otherTrainee, org.trainee.membershipId));
    await notFound(getTraineeHistory(otherSupervisor, org.trainee.membershipId));
    await notFound(saveResponse(otherTrainee, response(evaluationId, 0), { submit: false }));
    await notFound(saveResponse(ctxOf(org, org.admin), response(evaluationId, 0), { submit: false }));
    await notFound(getRound(trainee, roundId));
    await notFound(listRounds(trainee));
    await notFound(openRound(trainee, { formId: form.id, cohortId: cohort.id, name: "By a trainee", dueOn: null }));
    await notFound(installStarterForm(sup));
    await notFound(listForms(sup));
    await notFound(getRoundReport(sup, roundId));
    await notFound(assignEvaluator(sup, { evaluationId, evaluatorMembershipId: org.supervisor.membershipId, version: 0 }));
    await notFound(listMyEvaluations(ctxOf(org, org.admin)));

    // A supervisor who stops supervising the trainee loses the evaluation, even as its evaluator.
    const db = await getDb();
    await db.delete(supervisions).where(and(eq(supervisions.organisationId, org.orgId), eq(supervisions.supervisorMembershipId, org.supervisor.membershipId)));
    await notFound(getEvaluation(sup, evaluationId));
    await notFound(saveResponse(sup, response(evaluationId, 0, "4", { recommendation: "progress" }), { submit: true }));
    // Nothing of A's changed through any of the refusals.
    const [row] = await db.select().from(evaluations).where(eq(evaluations.id, evaluationId));
    expect(row.version).toBe(0);
    expect(await db.select({ n: sql<number>`count(*)::int` }).from(evaluationResponses).where(eq(evaluationResponses.evaluationId, evaluationId))).toEqual([{ n: 0 }]);
  });
});

describe("reports", () => {
  it("follows a trainee across rounds by competency and spreads a round's ratings over the scale", async () => {
    const { org, admin, form, cohort, evaluationId, roundId } = await openedRound("EvalReports");
    await bothSubmitted(org, evaluationId);
    const second = await openRound(admin, { formId: form.id, cohortId: cohort.id, name: "End of placement", dueOn: null });
    const [{ id: secondId }] = (await getRound(admin, second.roundId)).evaluations;
    await saveResponse(ctxOf(org, org.trainee), response(secondId, 0, "4"), { submit: true });

    const history = await getTraineeHistory(ctxOf(org, org.trainee), org.trainee.membershipId);
    expect(history.rounds.map((r) => r.roundName)).toEqual(["Mid-placement"]);
    expect(history.inProgress).toBe(1);
    expect(history.rows).toHaveLength(competenciesOf(STARTER_FORM).length);
    expect(history.rows[0].cells).toEqual([{ self: "3", supervisor: "4" }]);
    expect((await getTraineeHistory(ctxOf(org, org.supervisor), org.trainee.membershipId)).rounds).toHaveLength(1);

    const report = await getRoundReport(admin, roundId);
    expect(report).toMatchObject({ evaluations: 1, complete: 1 });
    expect(report.competencies[0].supervisor.byValue).toEqual({ "1": 0, "2": 0, "3": 0, "4": 1, "5": 0 });
    expect(report.competencies[0].self.byValue["3"]).toBe(1);
    expect(report.recommendations.find((r) => r.code === "progress")?.count).toBe(1);

    const exported = await listRatingsForExport(admin);
    expect(exported.rows).toHaveLength(2 * competenciesOf(STARTER_FORM).length);
    expect(new Set(exported.rows.map((r) => r.round))).toEqual(new Set(["Mid-placement"]));
  });
});
