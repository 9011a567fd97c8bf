import "server-only";
import { and, desc, eq, gte, isNotNull, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db/client";
import { auditEvents, hourApprovals, hourEntries, memberships, placements, traineePlacements, users, type HourEntry } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import { NotFoundError } from "@/lib/core/errors";
import { keyPage } from "@/lib/util/pagination";
import { isUuid } from "@/lib/util/uuid";
import { loadTraineeFor, visibleEntries, type TraineeRef } from "./access";
import type { CategoryCode } from "./categories";
import { addDays } from "./days";
import { listTraineePlacements, type MyPlacement } from "./placements";

// Reading the ledger: a trainee's entries page by page (newest day first), one entry with its
// history, and a week for the grid. Every read is scoped by the caller (lib/hours/access.ts).

export const LEDGER_PAGE_SIZE = 50;
export type EntryStatus = HourEntry["status"];
export const ENTRY_STATUSES: readonly EntryStatus[] = ["draft", "submitted", "returned", "approved"];

export type LedgerRow = {
  id: string;
  version: number;
  occurredOn: string;
  minutes: number;
  category: CategoryCode;
  note: string;
  status: EntryStatus;
  createdVia: string;
  placementName: string | null;
  sessionId: string | null;
  returnReason: string | null;
  approvedBy: string | null;
  approvedAt: Date | null;
  correctsEntryId: string | null;
  /** Set when an approved correction replaces this entry (it no longer counts). */
  supersededBy: string | null;
  /** A correction of this entry in any state. */
  correctionId: string | null;
};
export type LedgerCursor = { day: string; id: string };
/** A ledger page cursor read back from a URL: a calendar day and an entry id, or nothing. */
export const isLedgerCursor = (x: unknown): x is LedgerCursor =>
  typeof x === "object" && x !== null && typeof (x as LedgerCursor).day === "string" && /^\d{4}-\d{2}-\d{2}$/.test((x as LedgerCursor).day) && isUuid((x as LedgerCursor).id);
export type LedgerFilters = { status?: EntryStatus; traineePlacementId?: string };

const approver = alias(memberships, "approver");
const approverUser = alias(users, "approver_user");
const correction = sql<string | null>`(select c.id from hour_entries c where c.organisation_id = "hour_entries"."organisation_id" and c.corrects_entry_id = "hour_entries"."id")`;
const supersededBy = sql<string | null>`(select c.id from hour_entries c where c.organisation_id = "hour_entries"."organisation_id" and c.corrects_entry_id = "hour_entries"."id" and c.status = 'approved')`;

function ledgerQuery(db: Awaited<ReturnType<typeof getDb>>) {
  return db
    .select({
      id: hourEntries.id,
      version: hourEntries.version,
      occurredOn: hourEntries.occurredOn,
      minutes: hourEntries.minutes,
      category: hourEntries.category,
      note: hourEntries.note,
      status: hourEntries.status,
      createdVia: hourEntries.createdVia,
      placementName: placements.name,
      sessionId: hourEntries.sessionId,
      returnReason: hourEntries.returnReason,
      approvedBy: approverUser.name,
      approvedAt: hourApprovals.approvedAt,
      correctsEntryId: hourEntries.correctsEntryId,
      supersededBy,
      correctionId: correction,
    })
    .from(hourEntries)
    .leftJoin(traineePlacements, and(eq(traineePlacements.organisationId, hourEntries.organisationId), eq(traineePlacements.id, hourEntries.traineePlacementId)))
    .leftJoin(placements, and(eq(placements.organisationId, traineePlacements.organisationId), eq(placements.id, traineePlacements.placementId)))
    .leftJoin(hourApprovals, and(eq(hourApprovals.organisationId, hourEntries.organisationId), eq(hourApprovals.id, hourEntries.approvalId)))
    .leftJoin(approver, and(eq(approver.organisationId, hourApprovals.organisationId), eq(approver.id, hourApprovals.supervisorMembershipId)))
    .leftJoin(approverUser, eq(approverUser.id, approver.userId));
}

/** A page of the trainee's entries the caller may see, newest day first: one statement. */
export async function listEntries(ctx: Ctx, traineeMembershipId: string, filters: LedgerFilters = {}, opts: { after?: LedgerCursor; pageSize?: number } = {}) {
  const db = await getDb();
  const trainee = await loadTraineeFor(db, ctx, traineeMembershipId);
  const size = opts.pageSize ?? LEDGER_PAGE_SIZE;
  const after = opts.after;
  const rows = await ledgerQuery(db)
    .where(
      and(
        eq(hourEntries.organisationId, ctx.orgId),
        eq(hourEntries.traineeMembershipId, trainee.membershipId),
        visibleEntries(ctx),
        filters.status ? eq(hourEntries.status, filters.status) : undefined,
        filters.traineePlacementId ? eq(hourEntries.traineePlacementId, filters.traineePlacementId) : undefined,
        after ? or(lt(hourEntries.occurredOn, after.day), and(eq(hourEntries.occurredOn, after.day), lt(hourEntries.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(hourEntries.occurredOn), desc(hourEntries.id))
    .limit(size + 1);
  const page = keyPage(
    rows.map((r) => ({ ...r, category: r.category as CategoryCode })),
    size,
    (last): LedgerCursor => ({ day: last.occurredOn, id: last.id }),
  );
  return { trainee, ...page };
}

export type HistoryItem = { at: Date; action: string; actor: string | null; detail: Record<string, unknown> | null };

/** One entry the caller may see, with its audit history and the entries it corrects or that correct it. */
export async function getEntry(ctx: Ctx, id: string): Promise<{ entry: LedgerRow & { traineeMembershipId: string; traineePlacementId: string | null; approvalAttestation: string | null }; trainee: TraineeRef; history: HistoryItem[] }> {
  assertCan(ctx, "hours.view");
  const db = await getDb();
  const [row] = await db
    .select({ row: hourEntries, placementName: placements.name, approvedBy: approverUser.name, approvedAt: hourApprovals.approvedAt, attestation: hourApprovals.attestation, supersededBy, correctionId: correction })
    .from(hourEntries)
    .leftJoin(traineePlacements, and(eq(traineePlacements.organisationId, hourEntries.organisationId), eq(traineePlacements.id, hourEntries.traineePlacementId)))
    .leftJoin(placements, and(eq(placements.organisationId, traineePlacements.organisationId), eq(placements.id, traineePlacements.placementId)))
    .leftJoin(hourApprovals, and(eq(hourApprovals.organisationId, hourEntries.organisationId), eq(hourApprovals.id, hourEntries.approvalId)))
    .leftJoin(approver, and(eq(approver.organisationId, hourApprovals.organisationId), eq(approver.id, hourApprovals.supervisorMembershipId)))
    .leftJoin(approverUser, eq(approverUser.id, approver.userId))
    .where(and(eq(hourEntries.organisationId, ctx.orgId), eq(hourEntries.id, id), visibleEntries(ctx)));
  if (!row) throw new NotFoundError();
  const trainee = await loadTraineeFor(db, ctx, row.row.traineeMembershipId);
  const history = await db
    .select({ at: auditEvents.occurredAt, action: auditEvents.action, actor: users.name, detail: auditEvents.detail })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(and(eq(auditEvents.organisationId, ctx.orgId), eq(auditEvents.targetType, "hour_entry"), eq(auditEvents.targetId, id)))
    .orderBy(auditEvents.occurredAt, auditEvents.id)
    .limit(200);
  const e = row.row;
  return {
    entry: {
      id: e.id,
      version: e.version,
      occurredOn: e.occurredOn,
      minutes: e.minutes,
      category: e.category as CategoryCode,
      note: e.note,
      status: e.status,
      createdVia: e.createdVia,
      placementName: row.placementName,
      sessionId: e.sessionId,
      returnReason: e.returnReason,
      approvedBy: row.approvedBy,
      approvedAt: row.approvedAt,
      approvalAttestation: row.attestation,
      correctsEntryId: e.correctsEntryId,
      supersededBy: row.supersededBy,
      correctionId: row.correctionId,
      traineeMembershipId: e.traineeMembershipId,
      traineePlacementId: e.traineePlacementId,
    },
    trainee,
    history,
  };
}

export type WeekView = {
  weekStart: string;
  placements: MyPlacement[];
  /** The grid's own drafts, by cell key "placement|day|category": minutes. */
  drafts: Record<string, number>;
  /** Last week's hours (every entry but returned ones and session hours) by the same cell key a week later. */
  lastWeek: Record<string, number>;
  /** Everything else logged this week (not grid drafts), for the list under the grid. */
  others: LedgerRow[];
};

/** The trainee's own week for the grid: three statements. */
export async function getWeek(ctx: Ctx, monday: string): Promise<WeekView> {
  assertCan(ctx, "hours.log");
  const db = await getDb();
  const prev = addDays(monday, -7);
  const end = addDays(monday, 6);
  const [mine, cells, others] = await Promise.all([
    listTraineePlacements(db, ctx.orgId, [ctx.membershipId]),
    db
      .select({ traineePlacementId: hourEntries.traineePlacementId, day: hourEntries.occurredOn, category: hourEntries.category, createdVia: hourEntries.createdVia, status: hourEntries.status, minutes: hourEntries.minutes })
      .from(hourEntries)
      .where(
        and(
          eq(hourEntries.organisationId, ctx.orgId),
          eq(hourEntries.traineeMembershipId, ctx.membershipId),
          gte(hourEntries.occurredOn, prev),
          lte(hourEntries.occurredOn, end),
          isNotNull(hourEntries.traineePlacementId),
          ne(hourEntries.status, "returned"),
          or(lt(hourEntries.occurredOn, monday), and(eq(hourEntries.createdVia, "grid"), eq(hourEntries.status, "draft"))),
        ),
      ),
    ledgerQuery(db)
      .where(
        and(
          eq(hourEntries.organisationId, ctx.orgId),
          eq(hourEntries.traineeMembershipId, ctx.membershipId),
          gte(hourEntries.occurredOn, monday),
          lte(hourEntries.occurredOn, end),
          or(ne(hourEntries.createdVia, "grid"), ne(hourEntries.status, "draft"), isNull(hourEntries.traineePlacementId)),
        ),
      )
      .orderBy(hourEntries.occurredOn, hourEntries.id),
  ]);
  const drafts: Record<string, number> = {};
  const lastWeek: Record<string, number> = {};
  for (const c of cells) {
    if (c.day >= monday) drafts[`${c.traineePlacementId}|${c.day}|${c.category}`] = c.minutes;
    else {
      const k = `${c.traineePlacementId}|${addDays(c.day, 7)}|${c.category}`;
      lastWeek[k] = (lastWeek[k] ?? 0) + c.minutes;
    }
  }
  return { weekStart: monday, placements: mine, drafts, lastWeek, others: others.map((r) => ({ ...r, category: r.category as CategoryCode })) };
}
