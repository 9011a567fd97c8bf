import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { certificates, checkAttempts, lessonProgress, lessons, modules } from "@/db/schema";
import { NotFoundError, ValidationError, ConflictError } from "@/lib/core/errors";
import { getCertificateForDownload, verifyCertificate } from "@/lib/modules/certificates";
import { loadCurriculum, type ModuleSource } from "@/lib/modules/content";
import { getTraineeTraining, listTraineeProgress } from "@/lib/modules/oversight";
import { completeLesson } from "@/lib/modules/progress";
import { getAttemptReview, openCheck, submitCheck } from "@/lib/modules/checks";
import { answersFor, takeCheck } from "../fixtures/checks";
import { getContinueLearning, openLesson, listCatalogue } from "@/lib/modules/queries";
import { getMyReflection, saveReflection, setReflectionShared } from "@/lib/modules/reflections";
import { syncContent } from "@/lib/modules/sync";
import { createOrg } from "../fixtures/factory";
import { ctxOf, withDatabase } from "./helpers";

withDatabase();

const curriculum = loadCurriculum();
const first = curriculum[0];

async function counts() {
  const db = await getDb();
  const [m] = await db.select({ n: sql<number>`count(*)::int` }).from(modules);
  const [l] = await db.select({ n: sql<number>`count(*)::int` }).from(lessons);
  return { modules: m.n, lessons: l.n };
}

// The ten built-in modules, in catalogue order (issue 14 added 07-10 to the six of the first release).
const TEN_MODULES = [
  "why-the-alliance-matters",
  "two-relationships",
  "cbt-lens",
  "ruptures-and-repair",
  "rogerian-lens",
  "alliance-in-supervision",
  "risk-safeguarding-and-ruptures",
  "culture-identity-and-ruptures",
  "the-supervisory-alliance",
  "measuring-the-alliance-and-outcome",
];

describe("the built-in curriculum", () => {
  it("ships ten modules in order, each with lessons of 500+ words, a check drawing 8 of a bank of 12 or more, a reflection and references", () => {
    expect(curriculum.map((m) => m.slug)).toEqual(TEN_MODULES);
    expect(curriculum.map((m) => m.order)).toEqual(TEN_MODULES.map((_, i) => i + 1));
    for (const m of curriculum) {
      expect(m.lessons.length, m.slug).toBeGreaterThanOrEqual(4);
      for (const l of m.lessons) expect(l.wordCount, `${m.slug}/${l.slug}`).toBeGreaterThanOrEqual(500);
      expect(m.check.questions.length, m.slug).toBeGreaterThanOrEqual(12);
      expect(m.check.draw, m.slug).toBe(8);
      for (const q of m.check.questions) for (const o of q.options) expect(o.explanation.length, `${m.slug} ${q.id}${o.id}`).toBeGreaterThan(0);
      expect(m.reflection.kind === "two_relationships" || m.reflection.prompt.length > 0, m.slug).toBe(true);
      expect(m.references.length, m.slug).toBeGreaterThan(0);
    }
  });

  it("syncs all ten into the catalogue with their lesson counts", async () => {
    await syncContent(await getDb());
    const org = await createOrg("Ten");
    const catalogue = await listCatalogue(ctxOf(org, org.trainee));
    for (const slug of TEN_MODULES) {
      const src = curriculum.find((m) => m.slug === slug)!;
      expect(catalogue.find((r) => r.slug === slug)?.lessonCount, slug).toBe(src.lessons.length);
    }
  });

  it("a corrected module (version 2) updates in place and keeps earlier attempts and progress", async () => {
    const db = await getDb();
    await syncContent(db);
    const org = await createOrg("Corrected");
    const ctx = ctxOf(org, org.trainee);
    const mod = curriculum.find((m) => m.slug === "ruptures-and-repair")!;
    expect(mod.version).toBeGreaterThanOrEqual(2);
    await completeLesson(ctx, mod.slug, mod.lessons[0].slug);
    const { attemptId } = await takeCheck(ctx, mod.slug);
    // Simulate the stored version 1 being replaced by this version 2 content.
    await db.update(modules).set({ version: 1, contentHash: "v1" }).where(eq(modules.slug, mod.slug));
    expect((await syncContent(db)).updated).toEqual([mod.slug]);
    expect((await getAttemptReview(ctx, mod.slug, attemptId)).attempt.score).toBe(100);
    expect((await listCatalogue(ctx)).find((r) => r.slug === mod.slug)?.lessonsDone).toBe(1);
  });
});

describe("content sync", () => {
  it("is idempotent: a second run changes nothing and duplicates nothing", async () => {
    await syncContent(await getDb());
    const before = await counts();
    const report = await syncContent(await getDb());
    expect(report.created).toEqual([]);
    expect(report.updated).toEqual([]);
    expect(report.unchanged).toHaveLength(curriculum.length);
    expect(await counts()).toEqual(before);
    expect(before.modules).toBeGreaterThanOrEqual(TEN_MODULES.length);
  });

  it("a new content version updates in place and keeps everyone's progress", async () => {
    const db = await getDb();
    await syncContent(db);
    const org = await createOrg("Sync");
    const ctx = ctxOf(org, org.trainee);
    const lessonSlug = first.lessons[0].slug;
    await completeLesson(ctx, first.slug, lessonSlug);
    const [before] = await db.select().from(lessons).where(eq(lessons.slug, lessonSlug));

    const bumped: ModuleSource[] = curriculum.map((m) =>
      m.slug === first.slug
        ? { ...m, version: m.version + 1, contentHash: `${m.contentHash}-v2`, lessons: m.lessons.map((l, i) => (i === 0 ? { ...l, title: `${l.title} (revised)` } : l)) }
        : m,
    );
    const report = await syncContent(db, bumped);
    expect(report.updated).toEqual([first.slug]);
    const [after] = await db.select().from(lessons).where(eq(lessons.slug, lessonSlug));
    expect(after.id).toBe(before.id);
    expect(after.title).toMatch(/\(revised\)$/);
    const progress = await db.select().from(lessonProgress).where(and(eq(lessonProgress.membershipId, org.trainee.membershipId), eq(lessonProgress.lessonId, before.id)));
    expect(progress).toHaveLength(1);
    const row = (await listCatalogue(ctx)).find((r) => r.slug === first.slug)!;
    expect(row.lessonsDone).toBe(1);
    // Back to the committed content for later tests and runs on this database.
    await db.update(modules).set({ version: first.version, contentHash: "reset" }).where(eq(modules.slug, first.slug));
    expect((await syncContent(db)).updated).toEqual([first.slug]);
  });

  it("refuses to go back to an older version", async () => {
    const db = await getDb();
    const [stored] = await db.select().from(modules).where(eq(modules.slug, first.slug));
    const newer = curriculum.map((m) => (m.slug === first.slug ? { ...m, version: stored.version + 1, contentHash: "newer" } : m));
    await syncContent(db, newer);
    const older = curriculum.map((m) => (m.slug === first.slug ? { ...m, version: stored.version, contentHash: "older" } : m));
    await expect(syncContent(db, older)).rejects.toThrow(/older than the stored version/);
    await db.update(modules).set({ version: first.version, contentHash: "reset" }).where(eq(modules.slug, first.slug));
    await syncContent(db);
  });
});

describe("progress, checks and certificates", () => {
  it("issues exactly one certificate when every lesson is done and the check is passed", async () => {
    const org = await createOrg("Cert");
    const ctx = ctxOf(org, org.trainee);
    const catalogue = await listCatalogue(ctx);
    for (const m of curriculum) expect(catalogue.find((r) => r.slug === m.slug)?.lessonCount, m.slug).toBe(m.lessons.length);
    const mod = catalogue.find((r) => r.slug === first.slug)!;
    expect(mod).toMatchObject({ status: "not_started", percent: 0, lessonsDone: 0 });
    // Two of the eight drawn questions wrong: 75%, below the pass mark of 80.
    const failed = await takeCheck(ctx, first.slug, 2);
    expect(failed).toMatchObject({ passed: false, score: 75 });
    const passed = await takeCheck(ctx, first.slug);
    expect(passed).toMatchObject({ passed: true, score: 100, certificate: null });
    for (const l of first.lessons.slice(0, -1)) expect((await completeLesson(ctx, first.slug, l.slug)).certificate).toBeNull();
    const done = await completeLesson(ctx, first.slug, first.lessons.at(-1)!.slug);
    expect(done.certificate?.serial).toMatch(/^RAP-/);
    await completeLesson(ctx, first.slug, first.lessons[0].slug);
    await takeCheck(ctx, first.slug);
    const db = await getDb();
    const certs = await db.select().from(certificates).where(eq(certificates.membershipId, org.trainee.membershipId));
    expect(certs).toHaveLength(1);
    expect(certs[0].recipientName).toBe(org.trainee.name);
    expect((await listCatalogue(ctx)).find((r) => r.slug === first.slug)).toMatchObject({ status: "complete", percent: 100 });
    expect(await verifyCertificate(certs[0].serial)).toMatchObject({ recipientName: org.trainee.name, moduleTitle: first.title });
    expect(await verifyCertificate("RAP-0000-0000-0000-0000")).toBeNull();
    expect(await verifyCertificate("'; drop table certificates; --")).toBeNull();
  });

  it("stores nothing for a tampered, incomplete or foreign answer payload", async () => {
    const org = await createOrg("Tamper");
    const ctx = ctxOf(org, org.trainee);
    const db = await getDb();
    const { drawId, answers } = await answersFor(ctx, first.slug);
    const [served] = Object.keys(answers);
    const { [served]: _drop, ...missing } = answers;
    await expect(submitCheck(ctx, { moduleSlug: first.slug, drawId, answers: missing })).rejects.toBeInstanceOf(ValidationError);
    await expect(submitCheck(ctx, { moduleSlug: first.slug, drawId, answers: { ...answers, q999: ["a"] } })).rejects.toThrow(/isn't part of this check/);
    await expect(submitCheck(ctx, { moduleSlug: first.slug, drawId, answers: { ...answers, [served]: ["x"] } })).rejects.toBeInstanceOf(ValidationError);
    await expect(submitCheck(ctx, { moduleSlug: "no-such-module", drawId, answers })).rejects.toBeInstanceOf(NotFoundError);
    const stored = await db.select().from(checkAttempts).where(eq(checkAttempts.membershipId, org.trainee.membershipId));
    expect(stored).toHaveLength(0);
    // The draw is still open: the same questions come back, and answering them properly works.
    expect((await openCheck(ctx, first.slug)).draw?.id).toBe(drawId);
    expect(await submitCheck(ctx, { moduleSlug: first.slug, drawId, answers })).toMatchObject({ passed: true, score: 100 });
  });

  it("keeps attempts, certificates and lesson views inside the person and organisation", async () => {
    const a = await createOrg("ScopeA");
    const b = await createOrg("ScopeB");
    const mine = ctxOf(a, a.trainee);
    const { attemptId } = await takeCheck(mine, first.slug);
    expect((await getAttemptReview(mine, first.slug, attemptId)).attempt.score).toBe(100);
    await expect(getAttemptReview(ctxOf(a, a.otherTrainee), first.slug, attemptId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAttemptReview(ctxOf(a, a.supervisor), first.slug, attemptId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAttemptReview(ctxOf(b, b.trainee), first.slug, attemptId)).rejects.toBeInstanceOf(NotFoundError);
    for (const l of first.lessons) await completeLesson(mine, first.slug, l.slug);
    const [cert] = await (await getDb()).select().from(certificates).where(eq(certificates.membershipId, a.trainee.membershipId));
    expect((await getCertificateForDownload(mine, cert.serial)).serial).toBe(cert.serial);
    expect((await getCertificateForDownload(ctxOf(a, a.admin), cert.serial)).serial).toBe(cert.serial);
    await expect(getCertificateForDownload(ctxOf(a, a.otherTrainee), cert.serial)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCertificateForDownload(ctxOf(a, a.supervisor), cert.serial)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCertificateForDownload(ctxOf(b, b.admin), cert.serial)).rejects.toBeInstanceOf(NotFoundError);
    // Progress of one person never shows in another's catalogue.
    expect((await listCatalogue(ctxOf(a, a.otherTrainee))).find((r) => r.slug === first.slug)?.lessonsDone).toBe(0);
  });

  it("continues where the person left off", async () => {
    const org = await createOrg("Continue");
    const ctx = ctxOf(org, org.trainee);
    expect(await getContinueLearning(ctx)).toBeNull();
    expect((await openLesson(ctx, first.slug, first.lessons[1].slug)).completedAt).toBeNull();
    expect((await getContinueLearning(ctx))?.lesson?.slug).toBe(first.lessons[1].slug);
    await completeLesson(ctx, first.slug, first.lessons[1].slug);
    const done = (await openLesson(ctx, first.slug, first.lessons[1].slug)).completedAt;
    expect(done).toBeInstanceOf(Date);
    expect(Math.abs(Date.now() - done!.getTime())).toBeLessThan(60_000);
    expect((await getContinueLearning(ctx))?.lesson?.slug).toBe(first.lessons[0].slug);
    for (const l of first.lessons) await completeLesson(ctx, first.slug, l.slug);
    await takeCheck(ctx, first.slug);
    expect(await getContinueLearning(ctx)).toEqual({ allDone: true, completed: 1 });
  });
});

describe("reflections and oversight", () => {
  it("saves drafts with a version check, shares and unshares, and shows shared ones to assigned supervisors only", async () => {
    const a = await createOrg("ReflA");
    const b = await createOrg("ReflB");
    const me = ctxOf(a, a.trainee);
    const v1 = await saveReflection(me, { moduleSlug: first.slug, content: { response: "first draft" }, version: 0 });
    const v2 = await saveReflection(me, { moduleSlug: first.slug, content: { response: "second draft" }, version: v1.version });
    await expect(saveReflection(me, { moduleSlug: first.slug, content: { response: "stale tab" }, version: v1.version })).rejects.toBeInstanceOf(ConflictError);
    await expect(saveReflection(me, { moduleSlug: first.slug, content: { response: "x", sneaky: "y" }, version: v2.version })).rejects.toBeInstanceOf(ValidationError);
    await expect(saveReflection(me, { moduleSlug: first.slug, content: { response: "x".repeat(5001) }, version: v2.version })).rejects.toBeInstanceOf(ValidationError);
    expect((await getMyReflection(me, first.slug)).reflection?.content).toEqual({ response: "second draft" });
    expect((await getMyReflection(ctxOf(a, a.otherTrainee), first.slug)).reflection).toBeNull();

    expect((await getTraineeTraining(ctxOf(a, a.supervisor), a.trainee.membershipId)).sharedReflections).toEqual([]);
    await setReflectionShared(me, { moduleSlug: first.slug, shared: true });
    const seen = await getTraineeTraining(ctxOf(a, a.supervisor), a.trainee.membershipId);
    expect(seen.sharedReflections.map((r) => r.content.response)).toEqual(["second draft"]);
    expect((await getTraineeTraining(ctxOf(a, a.admin), a.trainee.membershipId)).sharedReflections).toEqual([]);
    await expect(getTraineeTraining(ctxOf(a, a.otherSupervisor), a.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTraineeTraining(ctxOf(a, a.otherTrainee), a.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTraineeTraining(ctxOf(b, b.supervisor), a.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTraineeTraining(ctxOf(b, b.admin), a.trainee.membershipId)).rejects.toBeInstanceOf(NotFoundError);
    await setReflectionShared(me, { moduleSlug: first.slug, shared: false });
    expect((await getTraineeTraining(ctxOf(a, a.supervisor), a.trainee.membershipId)).sharedReflections).toEqual([]);
  });

  it("lists assigned trainees to a supervisor and every trainee to an admin, in their organisation only", async () => {
    const a = await createOrg("OverA");
    const b = await createOrg("OverB");
    expect((await listTraineeProgress(ctxOf(a, a.supervisor))).rows.map((r) => r.membershipId)).toEqual([a.trainee.membershipId]);
    expect((await listTraineeProgress(ctxOf(a, a.otherSupervisor))).rows).toEqual([]);
    const admin = (await listTraineeProgress(ctxOf(a, a.admin))).rows.map((r) => r.membershipId).sort();
    expect(admin).toEqual([a.trainee.membershipId, a.otherTrainee.membershipId].sort());
    expect(admin).not.toContain(b.trainee.membershipId);
    await expect(listTraineeProgress(ctxOf(a, a.trainee))).rejects.toBeInstanceOf(NotFoundError);
  });
});
