import "server-only";
import { and, asc, desc, eq, gt, lt, ne, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { oncePerDb } from "@/db/prepared";
import { cases, memberships, supervisions, users } from "@/db/schema";
import { assertCan, type Ctx } from "@/lib/core/context";
import type { CaseStatus } from "./workflow";
import { keyPage } from "@/lib/util/pagination";

export const QUEUE_PAGE_SIZE = 20;
export type QueueCursor = { at: string; id: string };
export type QueueRow = {
  id: string;
  clientCode: string | null;
  ruptureType: string | null;
  traineeName: string;
  traineeMembershipId: string;
  submittedAt: Date;
  submissionCount: number;
};

/**
 * Cases waiting for the calling supervisor: submitted by trainees assigned to them, oldest
 * waiting first, key-paginated by (submitted_at, id). One query per page whatever its size.
 */
export async function listReviewQueue(ctx: Ctx, opts: { after?: QueueCursor } = {}) {
  assertCan(ctx, "cases.review");
  const db = await getDb();
  const rows = await queuePage(db).execute({
    orgId: ctx.orgId,
    membershipId: ctx.membershipId,
    afterAt: opts.after ? new Date(opts.after.at).toISOString() : null,
    afterId: opts.after?.id ?? null,
  });
  // Submitted cases always have submitted_at.
  return keyPage(rows as QueueRow[], QUEUE_PAGE_SIZE, (last) => ({ at: last.submittedAt.toISOString(), id: last.id }));
}

/** What a queue row shows: metadata only, never narrative. */
const queueColumns = {
  id: cases.id,
  clientCode: cases.clientCode,
  ruptureType: cases.ruptureType,
  traineeName: users.name,
  traineeMembershipId: cases.authorMembershipId,
  submittedAt: cases.submittedAt,
  submissionCount: cases.submissionCount,
};

/** Risk recorded or suggested at the last submission, and not yet acknowledged for this version. */
export const unacknowledgedRisk = sql<boolean>`(${cases.urgent} and ${cases.riskSeenVersion} is distinct from ${cases.version})`;

/**
 * Submitted cases of the caller's trainees whose risk no supervisor has acknowledged yet: shown
 * above the queue, oldest first, whatever page the supervisor is on. Few by nature, so not
 * paginated (capped at 100).
 */
export async function listUrgentReviews(ctx: Ctx): Promise<QueueRow[]> {
  assertCan(ctx, "cases.review");
  const db = await getDb();
  const rows = await db
    .select(queueColumns)
    .from(cases)
    .innerJoin(
      supervisions,
      and(eq(supervisions.organisationId, cases.organisationId), eq(supervisions.traineeMembershipId, cases.authorMembershipId), eq(supervisions.supervisorMembershipId, ctx.membershipId)),
    )
    .innerJoin(memberships, and(eq(memberships.id, cases.authorMembershipId), eq(memberships.organisationId, cases.organisationId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(cases.organisationId, ctx.orgId),
        eq(cases.status, "submitted"),
        unacknowledgedRisk,
        sql`${cases.authorMembershipId} <> ${ctx.membershipId}`,
      ),
    )
    .orderBy(asc(cases.submittedAt), asc(cases.id))
    .limit(100);
  return rows as QueueRow[];
}

/** One page of the queue, prepared once: with no cursor, the cursor condition folds away when planned. */
const queuePage = oncePerDb((db) => {
  const me = sql.placeholder("membershipId");
  const afterAt = sql`${sql.placeholder("afterAt")}::timestamptz`;
  return db
    .select(queueColumns)
    .from(cases)
    .innerJoin(
      supervisions,
      and(eq(supervisions.organisationId, cases.organisationId), eq(supervisions.traineeMembershipId, cases.authorMembershipId), eq(supervisions.supervisorMembershipId, me)),
    )
    .innerJoin(memberships, and(eq(memberships.id, cases.authorMembershipId), eq(memberships.organisationId, cases.organisationId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(cases.organisationId, sql.placeholder("orgId")),
        eq(cases.status, "submitted"),
        sql`${cases.authorMembershipId} <> ${me}`,
        // Urgent cases nobody has acknowledged are listed above the queue (listUrgentReviews).
        sql`not ${unacknowledgedRisk}`,
        sql`(${afterAt} is null or ${cases.submittedAt} > ${afterAt} or (${cases.submittedAt} = ${afterAt} and ${cases.id} > ${sql.placeholder("afterId")}::uuid))`,
      ),
    )
    .orderBy(asc(cases.submittedAt), asc(cases.id))
    .limit(QUEUE_PAGE_SIZE + 1)
    .prepare("review_queue_page");
});

/** How many cases wait for the caller, and since when (home panel). */
export async function queueSummary(ctx: Ctx): Promise<{ waiting: number; oldest: Date | null }> {
  assertCan(ctx, "cases.review");
  const db = await getDb();
  const [r] = await db
    .select({ n: sql<number>`count(*)::int`, oldest: sql<string | null>`min(${cases.submittedAt})` })
    .from(cases)
    .innerJoin(
      supervisions,
      and(
        eq(supervisions.organisationId, cases.organisationId),
        eq(supervisions.traineeMembershipId, cases.authorMembershipId),
        eq(supervisions.supervisorMembershipId, ctx.membershipId),
      ),
    )
    .where(and(eq(cases.organisationId, ctx.orgId), eq(cases.status, "submitted"), sql`${cases.authorMembershipId} <> ${ctx.membershipId}`));
  return { waiting: r.n, oldest: r.oldest ? new Date(r.oldest) : null };
}

export type OrgCaseRow = { id: string; authorName: string; status: CaseStatus; createdAt: Date; submittedAt: Date | null; signedOffAt: Date | null; submissionCount: number };

/**
 * For an org_admin: every case's metadata (author, status, dates, counts), never the client code
 * or narrative. Key-paginated by (created_at desc, id).
 */
export async function listOrgCaseMetadata(ctx: Ctx, opts: { status?: CaseStatus; after?: QueueCursor } = {}) {
  assertCan(ctx, "org.reports");
  const db = await getDb();
  const after = opts.after ? new Date(opts.after.at) : null;
  const rows = await db
    .select({
      id: cases.id,
      authorName: users.name,
      status: cases.status,
      createdAt: cases.createdAt,
      submittedAt: cases.submittedAt,
      signedOffAt: cases.signedOffAt,
      submissionCount: cases.submissionCount,
    })
    .from(cases)
    .innerJoin(memberships, and(eq(memberships.id, cases.authorMembershipId), eq(memberships.organisationId, cases.organisationId)))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(cases.organisationId, ctx.orgId),
        // Unsubmitted drafts are the trainee's own (lib/cases/access.ts): not listed for admins.
        ne(cases.status, "draft"),
        opts.status ? eq(cases.status, opts.status) : undefined,
        after && opts.after ? or(lt(cases.createdAt, after), and(eq(cases.createdAt, after), lt(cases.id, opts.after.id))) : undefined,
      ),
    )
    .orderBy(desc(cases.createdAt), desc(cases.id))
    .limit(QUEUE_PAGE_SIZE + 1);
  return keyPage(rows as OrgCaseRow[], QUEUE_PAGE_SIZE, (last) => ({ at: last.createdAt.toISOString(), id: last.id }));
}

/** Case counts by status across the organisation (metadata only; admin home panel). */
export async function orgCaseCounts(ctx: Ctx): Promise<Record<CaseStatus, number>> {
  assertCan(ctx, "org.reports");
  const db = await getDb();
  const rows = await db
    .select({ status: cases.status, n: sql<number>`count(*)::int` })
    .from(cases)
    .where(eq(cases.organisationId, ctx.orgId))
    .groupBy(cases.status);
  const out = { draft: 0, submitted: 0, changes_requested: 0, signed_off: 0, reopened: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}
