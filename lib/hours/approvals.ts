import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Tx } from "@/db/client";
import { hourApprovals, hourEntries, memberships, placements, traineePlacements, users } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import type { Pending } from "@/lib/email/send";
import { auditMany } from "@/lib/core/audit";
import type { CategoryCode } from "./categories";
import { deliverLater, hoursDecided } from "./events";

// A site supervisor's side of the ledger: the entries waiting for them, and approving or returning
// them one by one or a week at a time. Only the supervisors of an entry's placement may decide it.

export const QUEUE_LIMIT = 1000;

export type QueueEntry = {
  id: string;
  version: number;
  traineeMembershipId: string;
  traineeName: string;
  placementName: string;
  occurredOn: string;
  minutes: number;
  category: CategoryCode;
  note: string;
  submittedAt: Date | null;
  correctsEntryId: string | null;
};

const responsibleFor = (ctx: Ctx) =>
  sql`exists (select 1 from trainee_placement_supervisors tps where tps.organisation_id = ${hourEntries.organisationId}
    and tps.trainee_placement_id = ${hourEntries.traineePlacementId} and tps.supervisor_membership_id = ${ctx.membershipId})`;

/** Submitted entries at the caller's placements, by trainee then day: one statement. */
export async function listApprovalQueue(ctx: Ctx): Promise<{ entries: QueueEntry[]; truncated: boolean }> {
  assertCan(ctx, "hours.supervise");
  const db = await getDb();
  const trainee = alias(memberships, "trainee");
  const rows = await db
    .select({
      id: hourEntries.id,
      version: hourEntries.version,
      traineeMembershipId: hourEntries.traineeMembershipId,
      traineeName: users.name,
      placementName: placements.name,
      occurredOn: hourEntries.occurredOn,
      minutes: hourEntries.minutes,
      category: hourEntries.category,
      note: hourEntries.note,
      submittedAt: hourEntries.submittedAt,
      correctsEntryId: hourEntries.correctsEntryId,
    })
    .from(hourEntries)
    .innerJoin(traineePlacements, and(eq(traineePlacements.organisationId, hourEntries.organisationId), eq(traineePlacements.id, hourEntries.traineePlacementId)))
    .innerJoin(placements, and(eq(placements.organisationId, traineePlacements.organisationId), eq(placements.id, traineePlacements.placementId)))
    .innerJoin(trainee, and(eq(trainee.organisationId, hourEntries.organisationId), eq(trainee.id, hourEntries.traineeMembershipId)))
    .innerJoin(users, eq(users.id, trainee.userId))
    .where(and(eq(hourEntries.organisationId, ctx.orgId), eq(hourEntries.status, "submitted"), responsibleFor(ctx)))
    .orderBy(asc(sql`lower(${users.name})`), asc(hourEntries.traineeMembershipId), asc(hourEntries.occurredOn), asc(hourEntries.id))
    .limit(QUEUE_LIMIT + 1);
  return { entries: rows.slice(0, QUEUE_LIMIT).map((r) => ({ ...r, category: r.category as CategoryCode })), truncated: rows.length > QUEUE_LIMIT };
}

/** "Sam  o'brien" and "Sam O’Brien" sign the same: case, spacing and apostrophes don't matter. */
export function sameName(typed: string, name: string): boolean {
  const norm = (s: string) => s.normalize("NFKC").replace(/[\u2018\u2019`]/g, "'").replace(/\s+/g, " ").trim().toLocaleLowerCase("en-AU");
  return norm(typed) !== "" && norm(typed) === norm(name);
}

type Decided = { id: string; traineeMembershipId: string; minutes: number };

/**
 * Locks the chosen entries (FOR UPDATE) and checks them all: each must exist, be at a placement
 * the caller supervises, be waiting (submitted) and carry the version the caller saw. Any failure
 * refuses the whole decision, so a week is approved (or returned) entirely or not at all.
 */
async function lockForDecision(tx: Tx, ctx: Ctx, entries: { id: string; version: number }[]) {
  const ids = [...new Set(entries.map((e) => e.id))];
  if (ids.length !== entries.length) throw new ValidationError("Each entry may be chosen once.");
  const rows = await tx
    .select({ id: hourEntries.id, version: hourEntries.version, status: hourEntries.status, traineeMembershipId: hourEntries.traineeMembershipId, minutes: hourEntries.minutes })
    .from(hourEntries)
    .where(and(eq(hourEntries.organisationId, ctx.orgId), inArray(hourEntries.id, ids), responsibleFor(ctx)))
    .for("update", { of: hourEntries });
  if (rows.length !== ids.length) throw new NotFoundError();
  const want = new Map(entries.map((e) => [e.id, e.version]));
  const stale = rows.filter((r) => r.status !== "submitted" || r.version !== want.get(r.id));
  if (stale.length) {
    const decided = stale.some((r) => r.status === "approved" || r.status === "returned");
    throw new ConflictError(
      decided
        ? `${stale.length === 1 ? "An entry was" : `${stale.length} entries were`} already approved or returned (perhaps by another supervisor), so nothing was changed. Reload to see what is still waiting.`
        : "Some entries changed since you loaded the page, so nothing was changed. Reload to see the latest.",
    );
  }
  return rows;
}

function perTrainee(rows: Decided[]) {
  const m = new Map<string, { count: number; minutes: number }>();
  for (const r of rows) {
    const s = m.get(r.traineeMembershipId) ?? { count: 0, minutes: 0 };
    m.set(r.traineeMembershipId, { count: s.count + 1, minutes: s.minutes + r.minutes });
  }
  return m;
}

/**
 * Approves entries, atomically, under one signature: who, when, and the name typed as attestation.
 * Two supervisors approving the same entry at once: the row lock and the version let exactly one
 * through; the other is told it was already decided.
 */
export async function approveEntries(ctx: Ctx, input: { entries: { id: string; version: number }[]; attestation: string }): Promise<{ approvalId: string; approved: number }> {
  assertCan(ctx, "hours.supervise");
  const db = await getDb();
  let pending: Pending | undefined;
  const done = await db.transaction(async (tx) => {
    // Authorise first (entries the caller may decide), then check the signature.
    const rows = await lockForDecision(tx, ctx, input.entries);
    if (!sameName(input.attestation, ctx.userName)) {
      throw new ValidationError("Check the highlighted fields.", { attestation: [`Type your name as it appears on your account (${ctx.userName}) to sign.`] });
    }
    const now = new Date();
    const minutes = rows.reduce((n, r) => n + r.minutes, 0);
    const [approval] = await tx
      .insert(hourApprovals)
      .values({ organisationId: ctx.orgId, supervisorMembershipId: ctx.membershipId, attestation: input.attestation.trim(), via: "review", entryCount: rows.length, minutes, approvedAt: now })
      .returning({ id: hourApprovals.id });
    const updated = await tx
      .update(hourEntries)
      .set({ status: "approved", approvalId: approval.id, version: sql`${hourEntries.version} + 1`, updatedAt: now })
      .where(and(eq(hourEntries.organisationId, ctx.orgId), inArray(hourEntries.id, rows.map((r) => r.id)), eq(hourEntries.status, "submitted")))
      .returning({ id: hourEntries.id });
    if (updated.length !== rows.length) throw new ConflictError();
    await auditMany(
      tx,
      rows.map((r) => ({
        organisationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "hours.entry_approved",
        targetType: "hour_entry",
        targetId: r.id,
        detail: { approvalId: approval.id, attestation: input.attestation.trim(), minutes: r.minutes },
      })),
    );
    pending = await hoursDecided(tx, ctx, "hours_approved", perTrainee(rows));
    return { approvalId: approval.id, approved: rows.length };
  });
  deliverLater(pending);
  return done;
}

/** Returns entries to the trainee with a reason (the same reason for each), atomically. */
export async function returnEntries(ctx: Ctx, input: { entries: { id: string; version: number }[]; reason: string }): Promise<{ returned: number }> {
  assertCan(ctx, "hours.supervise");
  const db = await getDb();
  let pending: Pending | undefined;
  const done = await db.transaction(async (tx) => {
    const rows = await lockForDecision(tx, ctx, input.entries);
    const now = new Date();
    const updated = await tx
      .update(hourEntries)
      .set({ status: "returned", returnReason: input.reason, returnedAt: now, returnedByMembershipId: ctx.membershipId, version: sql`${hourEntries.version} + 1`, updatedAt: now })
      .where(and(eq(hourEntries.organisationId, ctx.orgId), inArray(hourEntries.id, rows.map((r) => r.id)), eq(hourEntries.status, "submitted")))
      .returning({ id: hourEntries.id });
    if (updated.length !== rows.length) throw new ConflictError();
    await auditMany(
      tx,
      rows.map((r) => ({ organisationId: ctx.orgId, actorUserId: ctx.userId, action: "hours.entry_returned", targetType: "hour_entry", targetId: r.id, detail: { reason: input.reason } })),
    );
    pending = await hoursDecided(tx, ctx, "hours_returned", perTrainee(rows));
    return { returned: rows.length };
  });
  deliverLater(pending);
  return done;
}
