import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { practiceDrills, practiceDrillVersions } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { isUuid } from "@/lib/util/uuid";
import { CLIP_MAX_BYTES, MEDIA_MESSAGES, sniffMedia, type MediaType } from "./media-sniff";
import { readMedia, removeMedia, writeMedia } from "./storage";

// An audio or video clip of the organisation's own actors, on the drill's current version. Checked
// by its bytes (lib/practice/media-sniff.ts); the file is written before the row points at it and
// an old file is removed only after the change commits, so a failure never leaves a row pointing
// at nothing.

async function currentVersion(ctx: Ctx, drillId: string) {
  if (!isUuid(drillId)) throw new NotFoundError();
  const db = await getDb();
  const [row] = await db
    .select({ versionId: practiceDrillVersions.id, number: practiceDrillVersions.number, clipFile: practiceDrillVersions.clipFile })
    .from(practiceDrills)
    .innerJoin(
      practiceDrillVersions,
      and(eq(practiceDrillVersions.organisationId, practiceDrills.organisationId), eq(practiceDrillVersions.drillId, practiceDrills.id), eq(practiceDrillVersions.number, practiceDrills.currentVersion)),
    )
    .where(and(eq(practiceDrills.id, drillId), eq(practiceDrills.organisationId, ctx.orgId)));
  if (!row) throw new NotFoundError();
  return row;
}

export async function attachClip(ctx: Ctx, input: { drillId: string; file: Blob }): Promise<{ type: MediaType; bytes: number }> {
  assertCan(ctx, "practice.author");
  const current = await currentVersion(ctx, input.drillId);
  // Refused before reading the bytes: an oversized upload is never buffered.
  if (input.file.size > CLIP_MAX_BYTES) throw new ValidationError(MEDIA_MESSAGES.tooLarge(input.file.size, CLIP_MAX_BYTES), { file: [MEDIA_MESSAGES.tooLarge(input.file.size, CLIP_MAX_BYTES)] });
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const sniffed = sniffMedia(bytes, "clip");
  if (!sniffed.ok) throw new ValidationError(sniffed.error, { file: [sniffed.error] });
  const file = await writeMedia(ctx.orgId, "clips", bytes, sniffed.type);
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      await tx
        .update(practiceDrillVersions)
        .set({ clipFile: file, clipType: sniffed.type, clipBytes: bytes.length })
        .where(and(eq(practiceDrillVersions.id, current.versionId), eq(practiceDrillVersions.organisationId, ctx.orgId)));
      await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "practice.clip_attached", targetType: "practice_drill", targetId: input.drillId, detail: { type: sniffed.type, bytes: bytes.length, version: current.number } });
    });
  } catch (e) {
    await removeMedia(ctx.orgId, file);
    throw e;
  }
  // An earlier version may still show the old clip: only a file no version uses is removed.
  if (current.clipFile) await removeIfUnused(ctx.orgId, current.clipFile);
  return { type: sniffed.type, bytes: bytes.length };
}

async function removeIfUnused(orgId: string, file: string) {
  const db = await getDb();
  const [used] = await db
    .select({ id: practiceDrillVersions.id })
    .from(practiceDrillVersions)
    .where(and(eq(practiceDrillVersions.organisationId, orgId), eq(practiceDrillVersions.clipFile, file)))
    .limit(1);
  if (!used) await removeMedia(orgId, file);
}

export async function removeClip(ctx: Ctx, input: { drillId: string }): Promise<{ removed: boolean }> {
  assertCan(ctx, "practice.author");
  const current = await currentVersion(ctx, input.drillId);
  if (!current.clipFile) return { removed: false };
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(practiceDrillVersions)
      .set({ clipFile: null, clipType: null, clipBytes: null })
      .where(and(eq(practiceDrillVersions.id, current.versionId), eq(practiceDrillVersions.organisationId, ctx.orgId)));
    await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "practice.clip_removed", targetType: "practice_drill", targetId: input.drillId, detail: { version: current.number } });
  });
  await removeIfUnused(ctx.orgId, current.clipFile);
  return { removed: true };
}

/** The clip of a drill's current version, for any member of the drill's organisation. */
export async function getClip(ctx: Ctx, drillId: string): Promise<{ bytes: Buffer; type: string } | null> {
  assertCan(ctx, "practice.view");
  const db = await getDb();
  if (!isUuid(drillId)) throw new NotFoundError();
  const [row] = await db
    .select({ clipFile: practiceDrillVersions.clipFile, clipType: practiceDrillVersions.clipType })
    .from(practiceDrills)
    .innerJoin(
      practiceDrillVersions,
      and(eq(practiceDrillVersions.organisationId, practiceDrills.organisationId), eq(practiceDrillVersions.drillId, practiceDrills.id), eq(practiceDrillVersions.number, practiceDrills.currentVersion)),
    )
    .where(and(eq(practiceDrills.id, drillId), eq(practiceDrills.organisationId, ctx.orgId)));
  if (!row) throw new NotFoundError();
  if (!row.clipFile || !row.clipType) return null;
  const bytes = await readMedia(ctx.orgId, row.clipFile);
  return bytes ? { bytes, type: row.clipType } : null;
}
