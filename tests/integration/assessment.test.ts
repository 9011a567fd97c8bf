import { and, eq, sql } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, certificates, checkAttempts, checkDraws } from "@/db/schema";
import { AttemptReviewList } from "@/components/modules/attempt-review";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { getAssessmentAdmin, removeAssessmentOverride, saveAssessmentOverride, updateAssessmentSettings } from "@/lib/modules/assessment-settings";
import { DEFAULT_ASSESSMENT_SETTINGS, type AssessmentSettings } from "@/lib/modules/assessment/settings";
import { listCertificateRules } from "@/lib/modules/certificate-rule";
import { getAttemptReview, getCheckStatus, openCheck, submitCheck } from "@/lib/modules/checks";
import { loadCurriculum } from "@/lib/modules/content";
import { completeLesson } from "@/lib/modules/progress";
import { getModuleBySlug } from "@/lib/modules/queries";
import { saveReflection } from "@/lib/modules/reflections";
import { assessmentOverrideInput, assessmentSettingsInput, inputFromSettings } from "@/lib/modules/schemas";
import { syncContent } from "@/lib/modules/sync";
import type { Ctx } from "@/lib/core/context";
import { answersFor, keyOf, takeCheck, wrongOf } from "../fixtures/checks";
import { createOrg, type TestOrg } from "../fixtures/factory";
import { requireModule } from "../fixtures/onboarding";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

const SLUG = "why-the-alliance-matters";
const source = loadCurriculum().find((m) => m.slug === SLUG)!;
const explanations = source.check.questions.flatMap((q) => q.options.map((o) => o.explanation));

beforeAll(async () => {
  await syncContent(await getDb());
});

async function setRules(org: TestOrg, rules: Partial<AssessmentSettings>) {
  const admin = ctxOf(org, org.admin);
  const { organisation } = await getAssessmentAdmin(admin);
  const input = assessmentSettingsInput.parse(inputFromSettings({ ...organisation.settings, ...rules }, organisation.version));
  return updateAssessmentSettings(admin, input);
}

async function moduleId(slug = SLUG) {
  return (await getModuleBySlug(slug)).id;
}

async function readAll(ctx: Ctx) {
  for (const l of source.lessons) await completeLesson(ctx, SLUG, l.slug);
}

function html(review: Awaited<ReturnType<typeof getAttemptReview>>["review"]): string {
  return renderToStaticMarkup(createElement(AttemptReviewList, { review }));
}

describe("the key is hidden until the organisation's rule allows it", () => {
  it("by default, a failed attempt shows which questions were wrong and nothing of the key; a pass shows the key", async () => {
    const org = await createOrg("KeyDefault");
    const me = ctxOf(org, org.trainee);
    // The check page itself carries no key.
    const open = await openCheck(me, SLUG);
    expect(JSON.stringify(open.draw)).not.toMatch(/"correct"|explanation/);
    for (const e of explanations) expect(JSON.stringify(open.draw)).not.toContain(e);

    const failed = await takeCheck(me, SLUG, 3);
    expect(failed.passed).toBe(false);
    const seen = await getAttemptReview(me, SLUG, failed.attemptId);
    expect(seen.review.keyShown).toBe(false);
    expect(seen.review.questions.filter((q) => !q.answeredCorrectly)).toHaveLength(3);
    const payload = JSON.stringify(seen);
    expect(payload).not.toMatch(/"correct":|"explanation"/);
    for (const e of explanations) expect(payload).not.toContain(e);
    const markup = html(seen.review);
    expect(markup).toContain("incorrect");
    expect(markup).not.toContain("Correct option");
    for (const e of explanations) expect(markup).not.toContain(e.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;"));
    // A wrongly answered question shows what was chosen, not which option was right.
    const wrong = seen.review.questions.find((q) => !q.answeredCorrectly)!;
    expect(wrong.options.filter((o) => o.chosen).map((o) => o.id)).toEqual(wrongOf(SLUG, wrong.id));

    const passed = await takeCheck(me, SLUG);
    expect(passed.passed).toBe(true);
    const after = await getAttemptReview(me, SLUG, passed.attemptId);
    expect(after.review.keyShown).toBe(true);
    const q = after.review.questions[0];
    expect(q.options.filter((o) => o.correct).map((o) => o.id).sort()).toEqual(keyOf(SLUG, q.id).sort());
    expect(html(after.review)).toContain("Correct option.");
    // Once passed, the earlier attempt may be reviewed with its key too.
    expect((await getAttemptReview(me, SLUG, failed.attemptId)).review.keyShown).toBe(true);
  });

  it("'never' hides the key even after a pass; 'after each attempt' shows it after a failure", async () => {
    const never = await createOrg("KeyNever");
    await setRules(never, { revealAnswers: "never" });
    const a = ctxOf(never, never.trainee);
    const passed = await takeCheck(a, SLUG);
    const review = await getAttemptReview(a, SLUG, passed.attemptId);
    expect(review.attempt.passed).toBe(true);
    expect(review.review.keyShown).toBe(false);
    for (const e of explanations) expect(JSON.stringify(review)).not.toContain(e);

    const open = await createOrg("KeyOpen");
    await setRules(open, { revealAnswers: "after_each_attempt" });
    const b = ctxOf(open, open.trainee);
    const failed = await takeCheck(b, SLUG, 4);
    const shown = await getAttemptReview(b, SLUG, failed.attemptId);
    expect(shown.attempt.passed).toBe(false);
    expect(shown.review.keyShown).toBe(true);
    expect(shown.review.questions.every((q) => q.options.some((o) => o.correct === true && o.explanation))).toBe(true);
  });

  it("a module's own rules replace the organisation's for that module only", async () => {
    const org = await createOrg("KeyOverride");
    const admin = ctxOf(org, org.admin);
    const mid = await moduleId();
    await requireModule(org.orgId, mid, { role: "trainee" });
    await saveAssessmentOverride(admin, assessmentOverrideInput.parse({ ...inputFromSettings({ ...DEFAULT_ASSESSMENT_SETTINGS, revealAnswers: "after_each_attempt" }, 0), moduleId: mid }));
    const me = ctxOf(org, org.trainee);
    const failed = await takeCheck(me, SLUG, 4);
    expect((await getAttemptReview(me, SLUG, failed.attemptId)).review.keyShown).toBe(true);
    const other = await takeCheck(me, "two-relationships", 4);
    expect((await getAttemptReview(me, "two-relationships", other.attemptId)).review.keyShown).toBe(false);
    await removeAssessmentOverride(admin, { moduleId: mid });
    expect((await getAttemptReview(me, SLUG, failed.attemptId)).review.keyShown).toBe(false);
  });
});

describe("each attempt draws its own questions, kept until submitted", () => {
  it("serves 8 of the bank, the same 8 on every reload, stores them with the attempt, and draws again for the next attempt", async () => {
    const org = await createOrg("Draw");
    const me = ctxOf(org, org.trainee);
    const first = await openCheck(me, SLUG);
    expect(first.drawSize).toBe(8);
    expect(first.bankSize).toBeGreaterThanOrEqual(12);
    expect(first.draw!.questions).toHaveLength(8);
    const again = await openCheck(me, SLUG);
    expect(again.draw).toEqual(first.draw);

    const sets = new Set<string>();
    let drawId = first.draw!.id;
    for (let i = 0; i < 6; i++) {
      const { drawId: id, answers, questions } = await answersFor(me, SLUG, 3);
      if (i === 0) expect(id).toBe(drawId);
      drawId = id;
      sets.add(questions.map((q) => q.id).sort().join(","));
      const { attemptId } = await submitCheck(me, { moduleSlug: SLUG, drawId: id, answers });
      const [row] = await (await getDb()).select().from(checkAttempts).where(eq(checkAttempts.id, attemptId));
      expect(row.drawId).toBe(id);
      expect(row.answers.map((a) => a.questionId).sort()).toEqual(questions.map((q) => q.id).sort());
    }
    // Six draws of 8 from 12 or more: the chance that all six hold the same questions is below 1 in 10^13.
    expect(sets.size).toBeGreaterThan(1);
  });

  it("refuses answers to questions it did not serve, someone else's draw, and a draw submitted twice", async () => {
    const org = await createOrg("DrawTamper");
    const me = ctxOf(org, org.trainee);
    const db = await getDb();
    const { drawId, answers } = await answersFor(me, SLUG);
    const served = new Set(Object.keys(answers));
    const unserved = source.check.questions.find((q) => !served.has(q.id))!;
    // A hand-made request that swaps a served question for one of the bank it wasn't served.
    const [dropped] = Object.keys(answers);
    const { [dropped]: _gone, ...rest } = answers;
    await expect(submitCheck(me, { moduleSlug: SLUG, drawId, answers: { ...rest, [unserved.id]: keyOf(SLUG, unserved.id) } })).rejects.toThrow(/isn't part of this check/);
    // The whole bank, every answer right: still refused.
    const everything = Object.fromEntries(source.check.questions.map((q) => [q.id, keyOf(SLUG, q.id)]));
    await expect(submitCheck(me, { moduleSlug: SLUG, drawId, answers: everything })).rejects.toThrow(/isn't part of this check/);
    // Another trainee cannot submit (or learn anything about) my draw.
    await expect(submitCheck(ctxOf(org, org.otherTrainee), { moduleSlug: SLUG, drawId, answers })).rejects.toBeInstanceOf(ConflictError);
    const b = await createOrg("DrawTamperB");
    await expect(submitCheck(ctxOf(b, b.trainee), { moduleSlug: SLUG, drawId, answers })).rejects.toBeInstanceOf(ConflictError);
    expect(await db.select().from(checkAttempts).where(eq(checkAttempts.organisationId, org.orgId))).toHaveLength(0);

    expect((await submitCheck(me, { moduleSlug: SLUG, drawId, answers })).passed).toBe(true);
    await expect(submitCheck(me, { moduleSlug: SLUG, drawId, answers })).rejects.toThrow(/already submitted/);
    expect(await db.select().from(checkAttempts).where(eq(checkAttempts.organisationId, org.orgId))).toHaveLength(1);
  });

  it("scores by option id, whatever order the options were shown in", async () => {
    const org = await createOrg("DrawOrder");
    const me = ctxOf(org, org.trainee);
    const { drawId, answers, questions } = await answersFor(me, SLUG);
    // The stored draw is what was shown, and its options are out of the content's order for at
    // least one question (shuffled by default; all eight in order by chance is below 1 in 10^11)…
    const [draw] = await (await getDb()).select().from(checkDraws).where(eq(checkDraws.id, drawId));
    expect(draw.questions.map((q) => q.id)).toEqual(questions.map((q) => q.id));
    const contentOrder = (id: string) => source.check.questions.find((q) => q.id === id)!.options.map((o) => o.id).join("");
    expect(draw.questions.some((q) => q.options.map((o) => o.id).join("") !== contentOrder(q.id))).toBe(true);
    // …and answering by id scores every question right.
    expect(await submitCheck(me, { moduleSlug: SLUG, drawId, answers })).toMatchObject({ score: 100, passed: true });
  });

  it("keeps the bank's order when the organisation turns shuffling off", async () => {
    const org = await createOrg("NoShuffle");
    await setRules(org, { shuffleQuestions: false, shuffleOptions: false });
    const { questions } = await answersFor(ctxOf(org, org.trainee), SLUG);
    const order = source.check.questions.map((q) => q.id);
    const positions = questions.map((q) => order.indexOf(q.id));
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    for (const q of questions) expect(q.options.map((o) => o.id)).toEqual(source.check.questions.find((s) => s.id === q.id)!.options.map((o) => o.id));
  });
});

describe("attempt limits and waits are enforced on the server", () => {
  it("stops at the limit: no new draw, and a draw already open cannot be submitted", async () => {
    const org = await createOrg("Limit");
    await setRules(org, { attemptLimit: 2 });
    const me = ctxOf(org, org.trainee);
    expect((await openCheck(me, SLUG)).availability).toMatchObject({ allowed: true, remaining: 2 });
    await takeCheck(me, SLUG, 4);
    expect((await openCheck(me, SLUG)).availability).toMatchObject({ allowed: true, remaining: 1 });
    const { drawId, answers } = await answersFor(me, SLUG);
    // The admin lowers the limit while this draw is open: the server refuses it.
    await setRules(org, { attemptLimit: 1 });
    await expect(submitCheck(me, { moduleSlug: SLUG, drawId, answers })).rejects.toThrow(/used every attempt/);
    const closed = await openCheck(me, SLUG);
    expect(closed.draw).toBeNull();
    expect(closed.availability).toMatchObject({ allowed: false, remaining: 0, reason: "limit" });
    expect(await (await getDb()).select().from(checkAttempts).where(eq(checkAttempts.organisationId, org.orgId))).toHaveLength(1);
    // The limit is per person: another trainee still has theirs.
    expect((await openCheck(ctxOf(org, org.otherTrainee), SLUG)).availability).toMatchObject({ allowed: true, remaining: 1 });
  });

  it("two submissions at the same moment never exceed the limit", async () => {
    const org = await createOrg("LimitRace");
    await setRules(org, { attemptLimit: 1 });
    const me = ctxOf(org, org.trainee);
    const { drawId, answers } = await answersFor(me, SLUG);
    const results = await Promise.allSettled([
      submitCheck(me, { moduleSlug: SLUG, drawId, answers }),
      submitCheck(me, { moduleSlug: SLUG, drawId, answers }),
      submitCheck(me, { moduleSlug: SLUG, drawId, answers }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x): x is PromiseRejectedResult => x.status === "rejected")) expect(r.reason).toBeInstanceOf(ConflictError);
    expect(await (await getDb()).select().from(checkAttempts).where(eq(checkAttempts.organisationId, org.orgId))).toHaveLength(1);
  });

  it("makes the person wait between attempts and says when the next is possible", async () => {
    const org = await createOrg("Wait");
    await setRules(org, { waitMinutes: 60 });
    const me = ctxOf(org, org.trainee);
    const db = await getDb();
    const { attemptId } = await takeCheck(me, SLUG, 4);
    const [attempt] = await db.select().from(checkAttempts).where(eq(checkAttempts.id, attemptId));
    const waiting = await openCheck(me, SLUG);
    expect(waiting.draw).toBeNull();
    expect(waiting.availability.reason).toBe("wait");
    expect(waiting.availability.nextAt!.getTime()).toBe(attempt.createdAt.getTime() + 60 * 60_000);
    expect((await getCheckStatus(me, await getModuleBySlug(SLUG))).availability.reason).toBe("wait");
    // A draw left open from before the wait was set cannot be used to jump it.
    await db.insert(checkDraws).values({ organisationId: org.orgId, membershipId: org.trainee.membershipId, moduleId: attempt.moduleId, moduleVersion: attempt.moduleVersion, passMark: 80, questions: [] });
    const [stale] = await db.select().from(checkDraws).where(and(eq(checkDraws.membershipId, org.trainee.membershipId), sql`${checkDraws.submittedAt} is null`));
    await expect(submitCheck(me, { moduleSlug: SLUG, drawId: stale.id, answers: {} })).rejects.toThrow(/next attempt is possible from/);
    // An hour later (moved back in the data, not waited for), the next attempt opens.
    await db.update(checkAttempts).set({ createdAt: new Date(attempt.createdAt.getTime() - 61 * 60_000) }).where(eq(checkAttempts.id, attemptId));
    expect((await openCheck(me, SLUG)).availability).toMatchObject({ allowed: true });
  });
});

describe("a certificate waits for a required reflection", () => {
  it("is issued only once the reflection is written in full, and the catalogue states the rule", async () => {
    const org = await createOrg("Reflect");
    await setRules(org, { requireReflection: true });
    const me = ctxOf(org, org.trainee);
    const db = await getDb();
    const mid = await moduleId();
    expect((await listCertificateRules(me)).reflectionRequired(mid)).toBe(true);
    await readAll(me);
    const passed = await takeCheck(me, SLUG);
    expect(passed).toMatchObject({ passed: true, certificate: null });
    const review = await getAttemptReview(me, SLUG, passed.attemptId);
    expect(review.certificate).toMatchObject({ lessonsLeft: 0, passed: true, reflectionRequired: true, reflectionDone: false, certificate: null });
    const draft = await saveReflection(me, { moduleSlug: SLUG, content: { response: "   " }, version: 0 });
    expect(draft.certificateSerial).toBeNull();
    const done = await saveReflection(me, { moduleSlug: SLUG, content: { response: "A coach who agreed goals with me and explained each drill." }, version: draft.version });
    expect(done.certificateSerial).toMatch(/^RAP-/);
    expect(await db.select().from(certificates).where(eq(certificates.membershipId, org.trainee.membershipId))).toHaveLength(1);
    expect((await getAttemptReview(me, SLUG, passed.attemptId)).certificate.certificate?.serial).toBe(done.certificateSerial);
  });

  it("does not hold back people who cannot write reflections, and relaxing the rule issues what it was holding back", async () => {
    const org = await createOrg("ReflectRelax");
    await setRules(org, { requireReflection: true });
    const admin = ctxOf(org, org.admin);
    expect((await listCertificateRules(admin)).reflectionRequired(await moduleId())).toBe(false);
    await readAll(admin);
    expect((await takeCheck(admin, SLUG)).certificate?.serial).toMatch(/^RAP-/);

    const me = ctxOf(org, org.trainee);
    await readAll(me);
    expect((await takeCheck(me, SLUG)).certificate).toBeNull();
    const relaxed = await setRules(org, { requireReflection: false });
    expect(relaxed.issued).toBe(1);
    const db = await getDb();
    const [cert] = await db.select().from(certificates).where(eq(certificates.membershipId, org.trainee.membershipId));
    expect(cert.recipientName).toBe(org.trainee.name);
    const audits = await db.select().from(auditEvents).where(and(eq(auditEvents.organisationId, org.orgId), eq(auditEvents.action, "certificate.issued")));
    expect(audits.map((a) => a.targetId)).toContain(cert.serial);
  });
});

describe("who may change the rules", () => {
  it("only an org_admin, in their own organisation, with a version check and an audit row", async () => {
    const a = await createOrg("RulesA");
    const b = await createOrg("RulesB");
    const input = assessmentSettingsInput.parse(inputFromSettings({ ...DEFAULT_ASSESSMENT_SETTINGS, attemptLimit: 3 }, 0));
    for (const who of [a.trainee, a.supervisor]) await expect(updateAssessmentSettings(ctxOf(a, who), input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAssessmentAdmin(ctxOf(a, a.trainee))).rejects.toBeInstanceOf(NotFoundError);
    const saved = await updateAssessmentSettings(ctxOf(a, a.admin), input);
    expect(saved.version).toBe(1);
    // A second admin's form, loaded at version 0, is told to reload rather than overwrite.
    await expect(updateAssessmentSettings(ctxOf(a, a.admin), { ...input, attemptLimit: "5" })).rejects.toBeInstanceOf(ConflictError);
    expect((await getAssessmentAdmin(ctxOf(a, a.admin))).organisation.settings.attemptLimit).toBe(3);
    // Organisation B is untouched by A's rules.
    expect((await getAssessmentAdmin(ctxOf(b, b.admin))).organisation).toEqual({ settings: DEFAULT_ASSESSMENT_SETTINGS, version: 0 });
    expect((await openCheck(ctxOf(b, b.trainee), SLUG)).availability.remaining).toBeNull();
    const [row] = await (await getDb())
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, a.orgId), eq(auditEvents.action, "assessment.settings_updated")));
    expect(row.detail).toMatchObject({ before: { attemptLimit: null }, after: { attemptLimit: 3 } });
  });

  it("gives a module its own rules only while the organisation requires it, and says so next to the field", async () => {
    const org = await createOrg("RulesOverride");
    const admin = ctxOf(org, org.admin);
    const mid = await moduleId();
    const input = assessmentOverrideInput.parse({ ...inputFromSettings(DEFAULT_ASSESSMENT_SETTINGS, 0), moduleId: mid });
    const refused = await saveAssessmentOverride(admin, input).catch((e) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).fieldErrors.moduleId?.[0]).toMatch(/Only a required module/);
    await requireModule(org.orgId, mid, { role: "trainee" });
    expect((await getAssessmentAdmin(admin)).requiredWithoutOverride.map((m) => m.id)).toEqual([mid]);
    await saveAssessmentOverride(admin, input);
    const view = await getAssessmentAdmin(admin);
    expect(view.overrides).toEqual([expect.objectContaining({ moduleId: mid, version: 1, required: true })]);
    expect(view.requiredWithoutOverride).toEqual([]);
    await expect(saveAssessmentOverride(admin, input)).rejects.toBeInstanceOf(ConflictError);
    await expect(saveAssessmentOverride(ctxOf(org, org.trainee), { ...input, version: 1 })).rejects.toBeInstanceOf(NotFoundError);
    // Another organisation removing "its" override of the module changes nothing here.
    const other = await createOrg("RulesOverrideB");
    expect(await removeAssessmentOverride(ctxOf(other, other.admin), { moduleId: mid })).toEqual({ removed: false, issued: 0 });
    expect((await getAssessmentAdmin(admin)).overrides).toHaveLength(1);
    expect(await removeAssessmentOverride(admin, { moduleId: mid })).toMatchObject({ removed: true });
    expect((await getAssessmentAdmin(admin)).overrides).toHaveLength(0);
  });
});
