import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, type DbOrTx } from "@/db/client";
import { memberships, practiceAttempts, practiceFeedback, practiceRecordings, users, type PracticeAttempt } from "@/db/schema";
import { audit } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError, ValidationError } from "@/lib/core/errors";
import { deliverLater } from "@/lib/cases/events";
import type { Pending } from "@/lib/email/send";
import { isUuid } from "@/lib/util/uuid";
import { loadAttempt, loadTraineeFor, type AttemptRelation } from "./access";
import { drillOfAttempt, loadDrill } from "./drills";
import { responseSubmitted } from "./events";
import { MEDIA_MESSAGES, RECORDING_MAX_BYTES, sniffMedia } from "./media-sniff";
import { retentionDays } from "./retention";
import { readMedia, removeMedia, writeMedia } from "./storage";
import { keyOf, refOf, type Drill } from "./types";

// A trainee's responses to drills: typed or spoken. Each is the trainee's own; their supervisors
// read and rate them; nobody else reads them (lib/practice/access.ts). A spoken response's audio
// is a file under the data directory, kept for the organisation's retention period.

const ARCHIVED = "This drill has been archived by your organisation, so it takes no new responses. Choose another drill.";

async function drillForResponse(db: DbOrTx, ctx: Ctx, key: string): Promise<Drill> {
  const drill = await loadDrill(db, ctx, key);
  if (drill.archived) throw new ValidationError(ARCHIVED, { drillKey: [ARCHIVED] });
  return drill;
}

function attemptValues(ctx: Ctx, drill: Drill) {
  return {
    organisationId: ctx.orgId,
    traineeMembershipId: ctx.membershipId,
    ...refOf(drill.key, drill.source === "custom"),
    drillVersionId: drill.versionId,
    drillTitle: drill.title,
    drillDifficulty: drill.difficulty,
    drillMarkers: drill.markers,
  };
}

export async function submitTypedResponse(ctx: Ctx, input: { drillKey: string; response: string; secondsSpent: number }): Promise<{ id: string }> {
  assertCan(ctx, "practice.use");
  const db = await getDb();
  const drill = await drillForResponse(db, ctx, input.drillKey);
  let pending: Pending | undefined;
  const out = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(practiceAttempts)
      .values({ ...attemptValues(ctx, drill), mode: "typed", responseText: input.response, secondsSpent: input.secondsSpent })
      .returning({ id: practiceAttempts.id });
    await audit(tx, { organisationId: ctx.orgId, actorUserId: ctx.userId, action: "practice.response_submitted", targetType: "practice_attempt", targetId: row.id, detail: { name: drill.title, mode: "typed" } });
    pending = await responseSubmitted(tx, ctx, { attemptId: row.id, drillTitle: drill.title });
    return row;
  });
  deliverLater(pending);
  return out;
}

export async function submitSpokenResponse(ctx: Ctx, input: { drillKey: string; file: Blob; durationSeconds: number; secondsSpent: number }): Promise<{ id: string }> {
  assertCan(ctx, "practice.use");
  const db = await getDb();
  const drill = await drillForResponse(db, ctx, input.drillKey);
  // Refused before reading: an oversized upload is never buffered.
  if (input.file.size > RECORDING_MAX_BYTES) throw new ValidationError(MEDIA_MESSAGES.tooLarge(input.file.size, RECORDING_MAX_BYTES), { file: [MEDIA_MESSAGES.tooLarge(input.file.size, RECORDING_MAX_BYTES)] });
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  const sniffed = sniffMedia(bytes, "recording");
  if (!sniffed.ok) throw new ValidationError(sniffed.error, { file: [sniffed.error] });
  const file = await writeMedia(ctx.orgId, "recordings", bytes, sniffed.type);
  let pending: Pending | undefined;
  try {
    const out = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(practiceAttempts)
        .values({ ...attemptValues(ctx, drill), mode: "spoken", secondsSpent: input.secondsSpent })
        .returning({ id: practiceAttempts.id });
      await tx.insert(practiceRecordings).values({ organisationId: ctx.orgId, attemptId: row.id, file, contentType: sniffed.type, byteSize: bytes.length, durationSeconds: Math.min(input.durationSeconds, 600) || null });
      await audit(tx, {
        organisationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "practice.response_submitted",
        targetType: "practice_attempt",
        targetId: row.id,
        detail: { name: drill.title, mode: "spoken", type: sniffed.type, bytes: bytes.length },
      });
      pending = await responseSubmitted(tx, ctx, { attemptId: row.id, drillTitle: drill.title });
      return row;
    });
    deliverLater(pending);
    return out;
  } catch (e) {
    await removeMedia(ctx.orgId, file);
    throw e;
  }
}

export type FeedbackView = {
  id: string;
  reviewerMembershipId: string;
  reviewerName: string;
  strategies: string[];
  attunement: number;
  nonDefensiveness: number;
  invitation: number;
  comment: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type AttemptView = {
  id: string;
  traineeMembershipId: string;
  drillKey: string;
  drillTitle: string;
  drillDifficulty: number;
  drillMarkers: string[];
  mode: "typed" | "spoken";
  responseText: string | null;
  secondsSpent: number;
  createdAt: Date;
  hoursEntryId: string | null;
  recording: { contentType: string; byteSize: number; durationSeconds: number | null; deleteAfter: Date } | null;
  feedback: FeedbackView[];
};

/** Attempts with their recordings and feedback: three statements whatever the number of attempts. */
async function viewsOf(db: DbOrTx, ctx: Ctx, rows: PracticeAttempt[]): Promise<AttemptView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [recs, fb, days] = await Promise.all([
    db.select().from(practiceRecordings).where(and(eq(practiceRecordings.organisationId, ctx.orgId), inArray(practiceRecordings.attemptId, ids))),
    db
      .select({ f: practiceFeedback, reviewerName: users.name })
      .from(practiceFeedback)
      .innerJoin(memberships, and(eq(memberships.id, practiceFeedback.reviewerMembershipId), eq(memberships.organisationId, practiceFeedback.organisationId)))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(practiceFeedback.organisationId, ctx.orgId), inArray(practiceFeedback.attemptId, ids)))
      .orderBy(asc(practiceFeedback.createdAt)),
    retentionDays(db, ctx.orgId),
  ]);
  const recBy = new Map(recs.map((r) => [r.attemptId, r]));
  return rows.map((r) => {
    const rec = recBy.get(r.id);
    return {
      id: r.id,
      traineeMembershipId: r.traineeMembershipId,
      drillKey: keyOf(r),
      drillTitle: r.drillTitle,
      drillDifficulty: r.drillDifficulty,
      drillMarkers: r.drillMarkers,
      mode: r.mode as "typed" | "spoken",
      responseText: r.responseText,
      secondsSpent: r.secondsSpent,
      createdAt: r.createdAt,
      hoursEntryId: r.hoursEntryId,
      recording: rec ? { contentType: rec.contentType, byteSize: rec.byteSize, durationSeconds: rec.durationSeconds, deleteAfter: new Date(rec.createdAt.getTime() + days * 86_400_000) } : null,
      feedback: fb
        .filter((x) => x.f.attemptId === r.id)
        .map(({ f, reviewerName }) => ({
          id: f.id,
          reviewerMembershipId: f.reviewerMembershipId,
          reviewerName,
          strategies: f.strategies,
          attunement: f.attunement,
          nonDefensiveness: f.nonDefensiveness,
          invitation: f.invitation,
          comment: f.comment,
          version: f.version,
          createdAt: f.createdAt,
          updatedAt: f.updatedAt,
        })),
    };
  });
}

export type AttemptPage = { attempt: AttemptView; drill: Drill | null; traineeName: string; relation: AttemptRelation; attemptsOnDrill: number };

/** One response with its drill (as answered), recording, feedback and how many tries the trainee made. */
export async function getAttempt(ctx: Ctx, attemptId: string): Promise<AttemptPage> {
  assertCan(ctx, "practice.use");
  const db = await getDb();
  const loaded = await loadAttempt(db, ctx, attemptId);
  const r = loaded.row;
  const [[attempt], drill, [count]] = await Promise.all([
    viewsOf(db, ctx, [r]),
    drillOfAttempt(db, ctx, r),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(practiceAttempts)
      .where(and(eq(practiceAttempts.organisationId, ctx.orgId), eq(practiceAttempts.traineeMembershipId, r.traineeMembershipId), sameDrill(r))),
  ]);
  return { attempt, drill, traineeName: loaded.traineeName, relation: loaded.relation, attemptsOnDrill: count.n };
}

function sameDrill(ref: { drillSlug: string | null; drillId: string | null }) {
  return ref.drillSlug ? eq(practiceAttempts.drillSlug, ref.drillSlug) : eq(practiceAttempts.drillId, ref.drillId!);
}

/** Every response of a trainee to one drill, oldest first, for the side-by-side view. */
export async function listAttemptsOnDrill(ctx: Ctx, traineeMembershipId: string, drillKey: string): Promise<{ trainee: { name: string; own: boolean }; attempts: AttemptView[] }> {
  assertCan(ctx, "practice.use");
  const db = await getDb();
  const trainee = await loadTraineeFor(db, ctx, traineeMembershipId);
  const ref = refOf(drillKey, isUuid(drillKey));
  const rows = await db
    .select()
    .from(practiceAttempts)
    .where(and(eq(practiceAttempts.organisationId, ctx.orgId), eq(practiceAttempts.traineeMembershipId, trainee.membershipId), sameDrill(ref)))
    .orderBy(asc(practiceAttempts.createdAt))
    .limit(50);
  return { trainee: { name: trainee.name, own: trainee.own }, attempts: await viewsOf(db, ctx, rows) };
}

/** Whether the caller has responded to this drill (the model response shows only afterwards). */
export async function hasResponded(ctx: Ctx, drillKey: string): Promise<boolean> {
  assertCan(ctx, "practice.view");
  if (ctx.role === "org_admin") return false;
  const db = await getDb();
  const ref = refOf(drillKey, isUuid(drillKey));
  const [row] = await db
    .select({ id: practiceAttempts.id })
    .from(practiceAttempts)
    .where(and(eq(practiceAttempts.organisationId, ctx.orgId), eq(practiceAttempts.traineeMembershipId, ctx.membershipId), sameDrill(ref)))
    .limit(1);
  return Boolean(row);
}

/** A spoken response's audio, for its trainee and their supervisors only. */
export async function getRecording(ctx: Ctx, attemptId: string): Promise<{ bytes: Buffer; contentType: string } | null> {
  assertCan(ctx, "practice.use");
  const db = await getDb();
  const loaded = await loadAttempt(db, ctx, attemptId);
  const [rec] = await db
    .select()
    .from(practiceRecordings)
    .where(and(eq(practiceRecordings.organisationId, ctx.orgId), eq(practiceRecordings.attemptId, loaded.row.id)));
  if (!rec) return null;
  const bytes = await readMedia(ctx.orgId, rec.file);
  return bytes ? { bytes, contentType: rec.contentType } : null;
}
