import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { checkAttempts, checkDraws, moduleActivity, modules, type CheckDraw, type CheckQuestion, type ReflectionSpec } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { formatIn } from "@/lib/util/intl";
import { ORG_TIME_ZONE } from "@/lib/util/days";
import { attemptAvailability, type Availability, type AttemptHistory } from "./assessment/availability";
import { drawQuestions, drawSize } from "./assessment/draw";
import { reviewAttempt } from "./assessment/review";
import { keyVisible } from "./assessment/settings";
import { effectiveSettings } from "./assessment-rules";
import { certificateProgress, issueCertificates } from "./certificate-rule";
import { getModuleBySlug } from "./queries";
import { scoreCheck, type SubmittedAnswers } from "./scoring";

// Knowledge checks. Opening the check serves a draw of the module's question bank, kept with the
// person until they submit it (a reload shows the same questions, so nobody rerolls for easier
// ones); submitting scores exactly that draw, once, under the organisation's attempt limit and
// wait. Results reach the page through reviewAttempt(), which leaves the key out until the
// rules allow it.

/** What the browser may know of a question: ids and texts, never which option is correct. */
export type PublicQuestion = { id: string; kind: "single" | "multiple"; prompt: string; scenario?: string; options: { id: string; text: string }[] };

function publicQuestions(questions: CheckQuestion[]): PublicQuestion[] {
  return questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    ...(q.scenario ? { scenario: q.scenario } : {}),
    options: q.options.map((o) => ({ id: o.id, text: o.text })),
  }));
}

type Who = Pick<Ctx, "orgId" | "membershipId">;

async function attemptHistory(db: DbOrTx, who: Who, moduleId: string): Promise<AttemptHistory & { passed: boolean }> {
  const [row] = await db
    .select({ used: sql<number>`count(*)::int`, lastAt: sql<string | Date | null>`max(${checkAttempts.createdAt})`, passed: sql<boolean | null>`bool_or(${checkAttempts.passed})` })
    .from(checkAttempts)
    .where(and(eq(checkAttempts.organisationId, who.orgId), eq(checkAttempts.membershipId, who.membershipId), eq(checkAttempts.moduleId, moduleId)));
  return { used: Number(row?.used ?? 0), lastAt: row?.lastAt ? new Date(row.lastAt) : null, passed: Boolean(row?.passed) };
}

export function formatWhen(d: Date): string {
  return formatIn(d, "en-AU", { weekday: "long", day: "numeric", month: "long", hour: "numeric", minute: "2-digit", timeZone: ORG_TIME_ZONE, timeZoneName: "short" });
}

/** The sentence that explains why no attempt can start now. */
export function unavailableMessage(a: Availability): string {
  if (a.reason === "limit") return "You have used every attempt your organisation allows for this check. Ask your training coordinator if you need another.";
  if (a.reason === "wait" && a.nextAt) return `Your next attempt is possible from ${formatWhen(a.nextAt)}.`;
  return "";
}

/** The check page: the open draw (served or resumed) and the rules, or why no attempt can start now. */
export async function openCheck(ctx: Ctx, moduleSlug: string) {
  assertCan(ctx, "modules.study");
  const mod = await getModuleBySlug(moduleSlug);
  const db = await getDb();
  const settings = await effectiveSettings(db, ctx.orgId, mod.id);
  const history = await attemptHistory(db, ctx, mod.id);
  const availability = attemptAvailability(history, settings, new Date());
  const mine = and(eq(checkDraws.organisationId, ctx.orgId), eq(checkDraws.membershipId, ctx.membershipId), eq(checkDraws.moduleId, mod.id), isNull(checkDraws.submittedAt));
  let open: CheckDraw | undefined = (await db.select().from(checkDraws).where(mine))[0];
  if (open && open.moduleVersion !== mod.version) {
    // Drawn from content that has since changed: never submitted, so nothing is lost.
    await db.delete(checkDraws).where(and(mine, eq(checkDraws.id, open.id)));
    open = undefined;
  }
  const base = { module: mod, settings, availability, hasPassed: history.passed, bankSize: mod.knowledgeCheck.questions.length, drawSize: drawSize(mod.knowledgeCheck) };
  if (!availability.allowed) return { ...base, draw: null };
  if (!open) {
    const questions = drawQuestions(mod.knowledgeCheck, settings);
    [open] = await db
      .insert(checkDraws)
      .values({ organisationId: ctx.orgId, membershipId: ctx.membershipId, moduleId: mod.id, moduleVersion: mod.version, passMark: mod.knowledgeCheck.passMark, questions })
      .onConflictDoNothing()
      .returning();
    // Another request (a second tab) drew at the same moment: serve that one.
    if (!open) [open] = await db.select().from(checkDraws).where(mine);
    if (!open) throw new ConflictError("We couldn't prepare your questions. Reload the page.");
  }
  return { ...base, draw: { id: open.id, passMark: open.passMark, questions: publicQuestions(open.questions) } };
}

export async function submitCheck(ctx: Ctx, input: { moduleSlug: string; drawId: string; answers: SubmittedAnswers }) {
  assertCan(ctx, "modules.study");
  const mod = await getModuleBySlug(input.moduleSlug);
  const db = await getDb();
  return db.transaction(async (tx) => {
    // One submission per person and module at a time: the limit below counts what is committed.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`check:${ctx.orgId}:${ctx.membershipId}:${mod.id}`}))`);
    const [draw] = await tx
      .select()
      .from(checkDraws)
      .where(and(eq(checkDraws.id, input.drawId), eq(checkDraws.organisationId, ctx.orgId), eq(checkDraws.membershipId, ctx.membershipId), eq(checkDraws.moduleId, mod.id)));
    // Someone else's draw, a made-up id and a replaced draw all get the same answer.
    if (!draw) throw new ConflictError("This attempt is no longer open. Reload the check to get your questions.");
    if (draw.submittedAt) throw new ConflictError("You have already submitted this attempt. Open the check again to start a new one.");
    const settings = await effectiveSettings(tx, ctx.orgId, mod.id);
    const availability = attemptAvailability(await attemptHistory(tx, ctx, mod.id), settings, new Date());
    if (!availability.allowed) throw new ConflictError(unavailableMessage(availability));
    const result = scoreCheck({ passMark: draw.passMark, questions: draw.questions }, input.answers);
    if (!result.ok) throw new ValidationError(result.formError ?? "Answer every question, then submit.", Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k, [v]])));
    const [closed] = await tx
      .update(checkDraws)
      .set({ submittedAt: new Date() })
      .where(and(eq(checkDraws.id, draw.id), isNull(checkDraws.submittedAt)))
      .returning({ id: checkDraws.id });
    if (!closed) throw new ConflictError("You have already submitted this attempt. Open the check again to start a new one.");
    const [attempt] = await tx
      .insert(checkAttempts)
      .values({
        organisationId: ctx.orgId,
        membershipId: ctx.membershipId,
        moduleId: mod.id,
        moduleVersion: draw.moduleVersion,
        answers: result.answers,
        score: result.score,
        passed: result.passed,
        drawId: draw.id,
      })
      .returning({ id: checkAttempts.id });
    await tx
      .insert(moduleActivity)
      .values({ organisationId: ctx.orgId, membershipId: ctx.membershipId, moduleId: mod.id })
      .onConflictDoUpdate({ target: [moduleActivity.organisationId, moduleActivity.membershipId, moduleActivity.moduleId], set: { lastSeenAt: new Date() } });
    const [certificate] = result.passed ? await issueCertificates(tx, { orgId: ctx.orgId, moduleId: mod.id, membershipId: ctx.membershipId, actorUserId: ctx.userId }) : [];
    return { attemptId: attempt.id, score: result.score, passed: result.passed, certificate: certificate ?? null };
  });
}

/**
 * One of the caller's own attempts as they may see it now: which questions were right or wrong
 * always; the key and explanations only when the organisation's rules allow (see keyVisible).
 */
export async function getAttemptReview(ctx: Ctx, moduleSlug: string, attemptId: string) {
  assertCan(ctx, "modules.study");
  const db = await getDb();
  const [row] = await db
    .select({ attempt: checkAttempts, module: modules, draw: checkDraws })
    .from(checkAttempts)
    .innerJoin(modules, eq(modules.id, checkAttempts.moduleId))
    .leftJoin(checkDraws, and(eq(checkDraws.id, checkAttempts.drawId), eq(checkDraws.organisationId, checkAttempts.organisationId)))
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
  const { attempt, module: mod, draw } = row;
  const bank = new Map(mod.knowledgeCheck.questions.map((q) => [q.id, q]));
  // Attempts from before question banks kept no draw: they answered the questions in the module.
  const questions = draw ? draw.questions : attempt.answers.map((a) => bank.get(a.questionId)).filter((q): q is CheckQuestion => Boolean(q));
  const [settings, history] = await Promise.all([effectiveSettings(db, ctx.orgId, mod.id), attemptHistory(db, ctx, mod.id)]);
  const certificate = await certificateProgress(db, ctx, mod, settings);
  return {
    module: { id: mod.id, slug: mod.slug, title: mod.title },
    attempt: {
      id: attempt.id,
      score: attempt.score,
      passed: attempt.passed,
      createdAt: attempt.createdAt,
      correctCount: attempt.answers.filter((a) => a.correct).length,
      total: attempt.answers.length,
      passMark: draw?.passMark ?? mod.knowledgeCheck.passMark,
    },
    review: reviewAttempt(questions, attempt.answers, keyVisible(settings.revealAnswers, history.passed)),
    revealAnswers: settings.revealAnswers,
    hasPassed: history.passed,
    availability: attemptAvailability(history, settings, new Date()),
    certificate,
  };
}

/** The rules and where the caller stands, for the module page (attempts, certificate). */
export async function getCheckStatus(ctx: Ctx, mod: { id: string; reflection: ReflectionSpec }) {
  assertCan(ctx, "modules.study");
  const db = await getDb();
  const settings = await effectiveSettings(db, ctx.orgId, mod.id);
  const [history, certificate] = await Promise.all([attemptHistory(db, ctx, mod.id), certificateProgress(db, ctx, mod, settings)]);
  return { settings, hasPassed: history.passed, availability: attemptAvailability(history, settings, new Date()), certificate };
}
