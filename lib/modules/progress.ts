import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { certificates, checkAttempts, lessonProgress, lessons, moduleActivity, modules, type Module } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { getModuleBySlug } from "./queries";
import { scoreCheck, type SubmittedAnswers } from "./scoring";
import { newSerial } from "./serial";

/**
 * Issues the certificate the moment the module is complete (every current lesson done and the
 * check passed), inside the caller's transaction. The unique key makes it at most once.
 */
async function issueCertificateIfComplete(tx: Tx, ctx: Ctx, mod: Pick<Module, "id" | "title" | "version">) {
  const [state] = await tx
    .select({
      remaining: sql<number>`(select count(*)::int from ${lessons} l where l.module_id = ${mod.id} and l.retired_at is null
        and not exists (select 1 from ${lessonProgress} p where p.organisation_id = ${ctx.orgId} and p.membership_id = ${ctx.membershipId} and p.lesson_id = l.id))`,
      passed: sql<boolean>`exists (select 1 from ${checkAttempts} a where a.organisation_id = ${ctx.orgId} and a.membership_id = ${ctx.membershipId} and a.module_id = ${mod.id} and a.passed)`,
    })
    .from(sql`(select 1) as one`);
  if (state.remaining > 0 || !state.passed) return null;
  const [cert] = await tx
    .insert(certificates)
    .values({
      serial: newSerial(),
      organisationId: ctx.orgId,
      membershipId: ctx.membershipId,
      moduleId: mod.id,
      moduleVersion: mod.version,
      recipientName: ctx.userName,
      moduleTitle: mod.title,
      // The organisation's settings as they are now, kept with the certificate (lib/certificates/records.ts).
      organisationName: sql`(select name from organisations where id = ${ctx.orgId})`,
      signatoryName: sql`(select signatory_name from organisations where id = ${ctx.orgId})`,
      signatoryTitle: sql`(select signatory_title from organisations where id = ${ctx.orgId})`,
      cpdMinutes: sql`(select minutes from module_cpd_hours where organisation_id = ${ctx.orgId} and module_id = ${mod.id})`,
    })
    .onConflictDoNothing()
    .returning();
  if (!cert) return null;
  await tx
    .update(moduleActivity)
    .set({ completedAt: new Date() })
    .where(and(eq(moduleActivity.organisationId, ctx.orgId), eq(moduleActivity.membershipId, ctx.membershipId), eq(moduleActivity.moduleId, mod.id)));
  await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "certificate.issued", targetType: "certificate", targetId: cert.serial, detail: { module: mod.title } });
  return cert;
}

export async function completeLesson(ctx: Ctx, moduleSlug: string, lessonSlug: string) {
  assertCan(ctx, "modules.study");
  const mod = await getModuleBySlug(moduleSlug);
  const lesson = mod.lessons.find((l) => l.slug === lessonSlug);
  if (!lesson) throw new NotFoundError();
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx
      .insert(lessonProgress)
      .values({ organisationId: ctx.orgId, membershipId: ctx.membershipId, lessonId: lesson.id, moduleId: mod.id })
      .onConflictDoNothing();
    const certificate = await issueCertificateIfComplete(tx, ctx, mod);
    return { certificate };
  });
}

export async function submitCheck(ctx: Ctx, moduleSlug: string, answers: SubmittedAnswers) {
  assertCan(ctx, "modules.study");
  const mod = await getModuleBySlug(moduleSlug);
  const result = scoreCheck(mod.knowledgeCheck, answers);
  if (!result.ok) throw new ValidationError(result.formError ?? "Answer every question, then submit.", Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k, [v]])));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [attempt] = await tx
      .insert(checkAttempts)
      .values({
        organisationId: ctx.orgId,
        membershipId: ctx.membershipId,
        moduleId: mod.id,
        moduleVersion: mod.version,
        answers: result.answers,
        score: result.score,
        passed: result.passed,
      })
      .returning({ id: checkAttempts.id });
    await tx
      .insert(moduleActivity)
      .values({ organisationId: ctx.orgId, membershipId: ctx.membershipId, moduleId: mod.id })
      .onConflictDoUpdate({ target: [moduleActivity.organisationId, moduleActivity.membershipId, moduleActivity.moduleId], set: { lastSeenAt: new Date() } });
    const certificate = result.passed ? await issueCertificateIfComplete(tx, ctx, mod) : null;
    return { attemptId: attempt.id, score: result.score, passed: result.passed, certificate };
  });
}

/** One attempt of the caller's own, with the module's check to explain each option. */
export async function getAttempt(ctx: Ctx, moduleSlug: string, attemptId: string) {
  assertCan(ctx, "modules.study");
  const db = await getDb();
  const [row] = await db
    .select({ attempt: checkAttempts, module: modules })
    .from(checkAttempts)
    .innerJoin(modules, eq(modules.id, checkAttempts.moduleId))
    .where(
      and(
        eq(checkAttempts.id, attemptId),
        eq(checkAttempts.organisationId, ctx.orgId),
        eq(checkAttempts.membershipId, ctx.membershipId),
        eq(modules.slug, moduleSlug),
        isNull(modules.retiredAt),
      ),
    );
  if (!row) throw new NotFoundError();
  return row;
}
