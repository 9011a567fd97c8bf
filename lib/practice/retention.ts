import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Db, type DbOrTx } from "@/db/client";
import { practiceRecordings, practiceSettings } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ConflictError } from "@/lib/core/errors";
import { rowsOf } from "@/db/rows";
import { removeMedia } from "./storage";

// How long spoken practice responses are kept (an organisation setting, 90 days unless changed)
// and the housekeeping that deletes them afterwards: the file, then the row, with an audit event,
// in one transaction per batch. Practice recordings are practice material, not client data, but
// APP 11 still applies: what is no longer needed is destroyed. The response's text, ratings and
// comments stay; only the audio goes.

export const DEFAULT_RETENTION_DAYS = 90;

export async function retentionDays(db: DbOrTx, orgId: string): Promise<number> {
  const [row] = await db.select({ days: practiceSettings.recordingRetentionDays }).from(practiceSettings).where(eq(practiceSettings.organisationId, orgId));
  return row?.days ?? DEFAULT_RETENTION_DAYS;
}

export async function getPracticeSettings(ctx: Ctx): Promise<{ recordingRetentionDays: number; version: number }> {
  assertCan(ctx, "practice.author");
  const db = await getDb();
  const [row] = await db.select().from(practiceSettings).where(eq(practiceSettings.organisationId, ctx.orgId));
  return { recordingRetentionDays: row?.recordingRetentionDays ?? DEFAULT_RETENTION_DAYS, version: row?.version ?? 0 };
}

export async function setRetention(ctx: Ctx, input: { recordingRetentionDays: number; version: number }): Promise<{ version: number }> {
  assertCan(ctx, "practice.author");
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.insert(practiceSettings).values({ organisationId: ctx.orgId }).onConflictDoNothing();
    const [before] = await tx.select().from(practiceSettings).where(eq(practiceSettings.organisationId, ctx.orgId)).for("update");
    if (before.version !== input.version) throw new ConflictError("These settings were changed somewhere else. Reload to see the latest, then try again.");
    const [after] = await tx
      .update(practiceSettings)
      .set({ recordingRetentionDays: input.recordingRetentionDays, version: sql`${practiceSettings.version} + 1`, updatedAt: new Date() })
      .where(and(eq(practiceSettings.organisationId, ctx.orgId), eq(practiceSettings.version, input.version)))
      .returning({ version: practiceSettings.version });
    await audit(tx, {
      organisationId: ctx.orgId,
      actorUserId: ctx.userId,
      action: "practice.retention_changed",
      targetType: "organisation",
      targetId: ctx.orgId,
      detail: { from: before.recordingRetentionDays, to: input.recordingRetentionDays },
    });
    return after;
  });
}

const BATCH = 200;

/**
 * Deletes every recording older than its organisation's retention period: the file first (what
 * matters is that the audio is gone), then the row, with one audit event each. Rows are claimed
 * with SKIP LOCKED, so several server processes can run this at once. Returns how many went.
 */
export async function purgeExpiredRecordings(db: Db, now = new Date()): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const expired = rowsOf<{ id: string; organisation_id: string; attempt_id: string; file: string; created_at: string | Date; days: number }>(
        await tx.execute(sql`select r.id, r.organisation_id, r.attempt_id, r.file, r.created_at, coalesce(s.recording_retention_days, ${DEFAULT_RETENTION_DAYS}) as days
          from ${practiceRecordings} r left join ${practiceSettings} s on s.organisation_id = r.organisation_id
          where r.created_at < ${now.toISOString()}::timestamptz - make_interval(days => coalesce(s.recording_retention_days, ${DEFAULT_RETENTION_DAYS}))
          order by r.created_at limit ${BATCH} for update of r skip locked`),
      );
      for (const r of expired) {
        await removeMedia(r.organisation_id, r.file);
        await tx.delete(practiceRecordings).where(and(eq(practiceRecordings.id, r.id), eq(practiceRecordings.organisationId, r.organisation_id)));
        await audit(tx, {
          organisationId: r.organisation_id,
          actorUserId: null,
          action: "practice.recording_expired",
          targetType: "practice_attempt",
          targetId: r.attempt_id,
          detail: { recordedAt: new Date(r.created_at).toISOString(), retentionDays: Number(r.days) },
        });
      }
      return expired.length;
    });
    total += done;
    if (done < BATCH) return total;
  }
}
