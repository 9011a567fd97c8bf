import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { practiceAttempts } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ConflictError, NotFoundError } from "@/lib/core/errors";
import { createEntry, deleteEntry } from "@/lib/hours/entries";
import { dayKey } from "@/lib/util/days";
import { loadAttempt } from "./access";

// Practice time as skills-practice hours: a draft entry in the trainee's ledger, made through the
// hours data layer (which checks the placement is theirs and audits the entry). Always category
// skills_practice, never direct contact: role-play is not client work. The trainee submits the
// draft for approval like any other entry.

export const PRACTICE_CATEGORY = "skills_practice" as const;

export async function logPracticeHours(ctx: Ctx, input: { attemptId: string; traineePlacementId: string; minutes: number }): Promise<{ entryId: string }> {
  assertCan(ctx, "practice.use");
  assertCan(ctx, "hours.log");
  const db = await getDb();
  const loaded = await loadAttempt(db, ctx, input.attemptId);
  if (!loaded.relation.own) throw new NotFoundError();
  const already = "This practice time is already in your hours ledger as a draft entry.";
  if (loaded.row.hoursEntryId) throw new ConflictError(already);
  const entry = await createEntry(ctx, {
    traineePlacementId: input.traineePlacementId,
    occurredOn: dayKey(loaded.row.createdAt),
    minutes: input.minutes,
    category: PRACTICE_CATEGORY,
    note: `Practice studio: ${loaded.row.drillTitle}`.slice(0, 200),
  });
  const linked = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(practiceAttempts)
      .set({ hoursEntryId: entry.id })
      .where(and(eq(practiceAttempts.id, loaded.row.id), eq(practiceAttempts.organisationId, ctx.orgId), isNull(practiceAttempts.hoursEntryId)))
      .returning({ id: practiceAttempts.id });
    if (!row) return false;
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "practice.hours_logged",
      targetType: "practice_attempt",
      targetId: row.id,
      detail: { entryId: entry.id, minutes: input.minutes, category: PRACTICE_CATEGORY },
    });
    return true;
  });
  if (!linked) {
    // Another tab logged it first: withdraw this draft so the time counts once.
    await deleteEntry(ctx, { id: entry.id, version: entry.version });
    throw new ConflictError(already);
  }
  return { entryId: entry.id };
}
