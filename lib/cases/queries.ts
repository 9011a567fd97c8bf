import "server-only";
import { and, asc, desc, eq, ilike, inArray, lt, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type DbOrTx } from "@/db/client";
import { oncePerDb } from "@/db/prepared";
import { caseComments, caseFlagDismissals, caseReviews, cases, caseTransitions, caseVersions, memberships, users, type StoredReviewEntry } from "@/db/schema";
import { auditAs } from "@/lib/core/audit";
import { assertCan, type Ctx } from "@/lib/core/context";
import { can } from "@/lib/core/permissions";
import { isUuid } from "@/lib/util/uuid";
import { NotFoundError } from "@/lib/core/errors";
import { escapeLike } from "@/lib/util/sql";
import { loadCase, type LoadedCase } from "./access";
import type { StoredCaseContent } from "./schemas";
import type { CaseStatus, Relation } from "./workflow";
import { keyPage } from "@/lib/util/pagination";

export const CASES_PAGE_SIZE = 20;
export type Cursor = { at: string; id: string };

const person = alias(users, "person");
const personMembership = alias(memberships, "person_membership");

/** The name behind a membership of the same organisation (one join, no per-row lookups). */
async function namesOf(db: DbOrTx, orgId: string, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter(Boolean))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: personMembership.id, name: person.name })
    .from(personMembership)
    .innerJoin(person, eq(person.id, personMembership.userId))
    .where(and(eq(personMembership.organisationId, orgId), inArray(personMembership.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export type MyCaseRow = { id: string; clientCode: string | null; ruptureType: string | null; outcome: string | null; status: CaseStatus; updatedAt: Date; submissionCount: number };

/** The caller's own cases, newest change first, key-paginated by (updated_at, id). */
/** Which list /cases shows: the caller's own cases, or (for an admin) the organisation's overview. */
export function casesListFor(ctx: Ctx): "own" | "organisation" {
  if (can(ctx.role, "cases.log")) return "own";
  if (can(ctx.role, "org.reports")) return "organisation";
  throw new NotFoundError();
}

export async function listMyCases(ctx: Ctx, opts: { status?: CaseStatus; q?: string; after?: Cursor } = {}) {
  assertCan(ctx, "cases.log");
  const db = await getDb();
  const q = opts.q?.trim();
  const after = opts.after ? new Date(opts.after.at) : null;
  const rows = await db
    .select({
      id: cases.id,
      clientCode: cases.clientCode,
      ruptureType: cases.ruptureType,
      outcome: cases.outcome,
      status: cases.status,
      updatedAt: cases.updatedAt,
      submissionCount: cases.submissionCount,
    })
    .from(cases)
    .where(
      and(
        eq(cases.organisationId, ctx.orgId),
        eq(cases.authorMembershipId, ctx.membershipId),
        opts.status ? eq(cases.status, opts.status) : undefined,
        q
          ? or(ilike(cases.clientCode, `%${escapeLike(q)}%`), ilike(sql`${cases.content}->>'whatHappened'`, `%${escapeLike(q)}%`))
          : undefined,
        after && opts.after ? or(lt(cases.updatedAt, after), and(eq(cases.updatedAt, after), lt(cases.id, opts.after.id))) : undefined,
      ),
    )
    .orderBy(desc(cases.updatedAt), desc(cases.id))
    .limit(CASES_PAGE_SIZE + 1);
  return keyPage(rows as MyCaseRow[], CASES_PAGE_SIZE, (last) => ({ at: last.updatedAt.toISOString(), id: last.id }));
}

/** Counts of the caller's own cases by status (home panel). */
const caseCounts = oncePerDb((db) =>
  db
    .select({ status: cases.status, n: sql<number>`count(*)::int` })
    .from(cases)
    .where(and(eq(cases.organisationId, sql.placeholder("orgId")), eq(cases.authorMembershipId, sql.placeholder("membershipId"))))
    .groupBy(cases.status)
    .prepare("case_counts"),
);

export async function countMyCases(ctx: Ctx): Promise<Record<CaseStatus, number>> {
  assertCan(ctx, "cases.log");
  const rows = await caseCounts(await getDb()).execute({ orgId: ctx.orgId, membershipId: ctx.membershipId });
  const out = { draft: 0, submitted: 0, changes_requested: 0, signed_off: 0, reopened: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export type CaseMeta = {
  id: string;
  status: CaseStatus;
  version: number;
  codeListVersion: string;
  authorMembershipId: string;
  authorName: string;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  signedOffAt: Date | null;
  signedOffByName: string | null;
  signedOffVersion: number | null;
  submissionCount: number;
  /** Risk recorded or suggested at the last submission, and whether a supervisor has acknowledged it. */
  urgent: boolean;
  riskSeen: boolean;
  counts: { versions: number; reviews: number; comments: number };
  transitions: { id: string; actorName: string; from: CaseStatus | null; to: CaseStatus; caseVersion: number; reason: string | null; at: Date }[];
  relation: Relation;
};

export type ReviewView = {
  id: string;
  submission: number;
  reviewerName: string;
  /** Either stored shape: read through conditions.ts readReview. */
  ratings: Record<string, StoredReviewEntry>;
  decision: "changes_requested" | "signed_off";
  whatToChange: string | null;
  createdAt: Date;
};
export type CommentView = { id: string; submission: number; authorName: string; authorMembershipId: string; parentId: string | null; focus: string; body: string; createdAt: Date };

export type CaseFull = CaseMeta & {
  level: "full";
  /** In the shape of codeListVersion: see StoredCaseContent. */
  content: StoredCaseContent;
  clientCode: string | null;
  versions: { id: string; number: number; submittedAt: Date; codeListVersion: string; selfAssessment: unknown }[];
  reviews: ReviewView[];
  comments: CommentView[];
  dismissals: { field: string; key: string; reason: string; at: Date }[];
};
export type CaseView = (CaseMeta & { level: "metadata" }) | CaseFull;

/** Transitions, plus counts when the caller won't load the rows themselves (metadata-only view). */
async function metaOf(db: DbOrTx, ctx: Ctx, loaded: LoadedCase, withCounts = true) {
  const c = loaded.row;
  const transitions = await db
    .select()
    .from(caseTransitions)
    .where(and(eq(caseTransitions.organisationId, ctx.orgId), eq(caseTransitions.caseId, c.id)))
    .orderBy(asc(caseTransitions.occurredAt), asc(caseTransitions.id));
  if (!withCounts) return { transitions, counts: null };
  const [counts] = await db
    .select({
      versions: sql<number>`(select count(*)::int from case_versions v where v.organisation_id = ${ctx.orgId} and v.case_id = ${c.id})`,
      reviews: sql<number>`(select count(*)::int from case_reviews r where r.organisation_id = ${ctx.orgId} and r.case_id = ${c.id})`,
      comments: sql<number>`(select count(*)::int from case_comments m where m.organisation_id = ${ctx.orgId} and m.case_id = ${c.id})`,
    })
    .from(sql`(select 1) as one`);
  return { transitions, counts };
}

/**
 * A case as the caller may see it: the author and assigned supervisors see everything; an
 * org_admin sees metadata only. Each narrative view by anyone but the author is audited.
 */
export async function getCase(ctx: Ctx, caseId: string, opts: { via?: string } = {}): Promise<CaseView> {
  if (!isUuid(caseId)) throw new NotFoundError(); // a malformed id is as missing as someone else's case
  const db = await getDb();
  const loaded = await loadCase(db, ctx, caseId);
  const c = loaded.row;
  const full = loaded.level === "full";
  const { transitions, counts: metaCounts } = await metaOf(db, ctx, loaded, !full);
  const [versions, reviews, comments, dismissals] = full
    ? await Promise.all([
        db
          .select({
            id: caseVersions.id,
            number: caseVersions.number,
            submittedAt: caseVersions.submittedAt,
            codeListVersion: caseVersions.codeListVersion,
            selfAssessment: sql<unknown>`${caseVersions.content}->'selfAssessment'`,
          })
          .from(caseVersions)
          .where(and(eq(caseVersions.organisationId, ctx.orgId), eq(caseVersions.caseId, c.id)))
          .orderBy(asc(caseVersions.number)),
        db
          .select({ r: caseReviews, submission: caseVersions.number })
          .from(caseReviews)
          .innerJoin(caseVersions, and(eq(caseVersions.id, caseReviews.caseVersionId), eq(caseVersions.organisationId, caseReviews.organisationId)))
          .where(and(eq(caseReviews.organisationId, ctx.orgId), eq(caseReviews.caseId, c.id)))
          .orderBy(asc(caseReviews.createdAt)),
        db
          .select({ m: caseComments, submission: caseVersions.number })
          .from(caseComments)
          .innerJoin(caseVersions, and(eq(caseVersions.id, caseComments.caseVersionId), eq(caseVersions.organisationId, caseComments.organisationId)))
          .where(and(eq(caseComments.organisationId, ctx.orgId), eq(caseComments.caseId, c.id)))
          .orderBy(asc(caseComments.createdAt)),
        db
          .select({ field: caseFlagDismissals.field, key: caseFlagDismissals.findingKey, reason: caseFlagDismissals.reason, at: caseFlagDismissals.dismissedAt })
          .from(caseFlagDismissals)
          .where(and(eq(caseFlagDismissals.organisationId, ctx.orgId), eq(caseFlagDismissals.caseId, c.id))),
      ])
    : [[], [], [], []];
  const names = await namesOf(db, ctx.orgId, [
    c.authorMembershipId,
    c.signedOffByMembershipId ?? "",
    ...transitions.map((t) => t.actorMembershipId),
    ...reviews.map((r) => r.r.reviewerMembershipId),
    ...comments.map((m) => m.m.authorMembershipId),
  ]);
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? "Former member") : "");
  // With the rows loaded, counting them again would be one more query for the same answer.
  const counts = metaCounts ?? { versions: versions.length, reviews: reviews.length, comments: comments.length };
  const meta: CaseMeta = {
    id: c.id,
    status: c.status as CaseStatus,
    version: c.version,
    codeListVersion: c.codeListVersion,
    authorMembershipId: c.authorMembershipId,
    authorName: nameOf(c.authorMembershipId),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    submittedAt: c.submittedAt,
    signedOffAt: c.signedOffAt,
    signedOffByName: c.signedOffByMembershipId ? nameOf(c.signedOffByMembershipId) : null,
    signedOffVersion: c.signedOffVersion,
    submissionCount: c.submissionCount,
    urgent: c.urgent,
    riskSeen: c.riskSeenVersion === c.version,
    counts,
    transitions: transitions.map((t) => ({
      id: t.id,
      actorName: nameOf(t.actorMembershipId),
      from: t.fromStatus as CaseStatus | null,
      to: t.toStatus as CaseStatus,
      caseVersion: t.caseVersion,
      reason: t.reason,
      at: t.occurredAt,
    })),
    relation: loaded.relation,
  };
  if (!full) return { ...meta, level: "metadata" };
  if (!loaded.relation.author) {
    await auditAs(db, ctx, {
      action: "case.viewed",
      targetType: "case",
      targetId: c.id,
      detail: { status: c.status, caseVersion: c.version, via: opts.via ?? "page" },
    });
  }
  return {
    ...meta,
    level: "full",
    content: c.content as StoredCaseContent,
    clientCode: c.clientCode,
    versions,
    reviews: reviews.map(({ r, submission }) => ({
      id: r.id,
      submission,
      reviewerName: nameOf(r.reviewerMembershipId),
      ratings: r.ratings,
      decision: r.decision,
      whatToChange: r.whatToChange,
      createdAt: r.createdAt,
    })),
    comments: comments.map(({ m, submission }) => ({
      id: m.id,
      submission,
      authorName: nameOf(m.authorMembershipId),
      authorMembershipId: m.authorMembershipId,
      parentId: m.parentId,
      focus: m.focus,
      body: m.body,
      createdAt: m.createdAt,
    })),
    dismissals,
  };
}

/** Two submitted versions of a case, for comparison (full access only; audited like a view). */
export async function getVersionsForCompare(ctx: Ctx, caseId: string, a: number, b: number) {
  const db = await getDb();
  const loaded = await loadCase(db, ctx, caseId);
  if (loaded.level !== "full") throw new NotFoundError();
  const rows = await db
    .select()
    .from(caseVersions)
    .where(and(eq(caseVersions.organisationId, ctx.orgId), eq(caseVersions.caseId, loaded.row.id), inArray(caseVersions.number, [a, b])));
  if (!loaded.relation.author) {
    await auditAs(db, ctx, { action: "case.viewed", targetType: "case", targetId: loaded.row.id, detail: { via: "compare", versions: [a, b] } });
  }
  return {
    left: rows.find((r) => r.number === a) ?? null,
    right: rows.find((r) => r.number === b) ?? null,
  };
}
