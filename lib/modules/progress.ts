import "server-only";
import { getDb } from "@/db/client";
import { lessonProgress } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { issueCertificates } from "./certificate-rule";
import { getModuleBySlug } from "./queries";

// Lesson progress. The certificate is issued by whichever step completes the module's rule
// (./certificate-rule.ts): the last lesson, a passing check (./checks.ts) or, where required,
// the finished reflection (./reflections.ts).

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
    const [certificate] = await issueCertificates(tx, { orgId: ctx.orgId, moduleId: mod.id, membershipId: ctx.membershipId, actorUserId: ctx.userId });
    return { certificate: certificate ?? null };
  });
}
