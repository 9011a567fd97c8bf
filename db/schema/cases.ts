import { relations } from "drizzle-orm";
import { boolean, foreignKey, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { memberships, organisations } from "./core";

// Rupture cases and their review. Every table carries organisation_id, indexed first, and its
// children reference (organisation_id, id) so no row can join two organisations.

export const caseStatusEnum = pgEnum("case_status", ["draft", "submitted", "changes_requested", "signed_off", "reopened"]);
export const reviewDecisionEnum = pgEnum("case_review_decision", ["changes_requested", "signed_off"]);
export const feedbackFocusEnum = pgEnum("case_feedback_focus", ["intervention", "conceptualisation", "personalisation"]);

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const org = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });

export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: org(),
    authorMembershipId: uuid("author_membership_id").notNull(),
    // The form's id for the request that created the draft: a retried or repeated "create" gives
    // back the same draft instead of another one.
    clientRequestId: uuid("client_request_id"),
    // Risk recorded in the Risk section, or suggested by the risk-language check, at the last
    // submission: the case goes to the top of the queue until a supervisor records seeing it.
    urgent: boolean("urgent").notNull().default(false),
    // The case version a supervisor last acknowledged the risk of (see case_risk_reviews).
    riskSeenVersion: integer("risk_seen_version"),
    status: caseStatusEnum("status").notNull().default("draft"),
    // Optimistic concurrency: every change is `WHERE version = $expected`, then version + 1.
    version: integer("version").notNull().default(0),
    codeListVersion: text("code_list_version").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    // Copied out of content for lists, filters and insight without reading the narrative.
    clientCode: text("client_code"),
    ruptureType: text("rupture_type"),
    outcome: text("outcome"),
    submissionCount: integer("submission_count").notNull().default(0),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    submittedAt: ts("submitted_at"),
    signedOffAt: ts("signed_off_at"),
    signedOffByMembershipId: uuid("signed_off_by_membership_id"),
    signedOffVersion: integer("signed_off_version"),
  },
  (t) => [
    unique("cases_org_id_uq").on(t.organisationId, t.id),
    uniqueIndex("cases_org_author_request_uq").on(t.organisationId, t.authorMembershipId, t.clientRequestId),
    index("cases_org_author_updated_idx").on(t.organisationId, t.authorMembershipId, t.updatedAt),
    index("cases_org_status_submitted_idx").on(t.organisationId, t.status, t.submittedAt),
    foreignKey({
      name: "cases_author_fk",
      columns: [t.organisationId, t.authorMembershipId],
      foreignColumns: [memberships.organisationId, memberships.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "cases_signed_off_by_fk",
      columns: [t.organisationId, t.signedOffByMembershipId],
      foreignColumns: [memberships.organisationId, memberships.id],
    }),
  ],
);

/** Append-only: every submitted version of a case (number 1, 2, ...), for history and compare. */
export const caseVersions = pgTable(
  "case_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: org(),
    caseId: uuid("case_id").notNull(),
    number: integer("number").notNull(),
    caseVersion: integer("case_version").notNull(),
    codeListVersion: text("code_list_version").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    submittedByMembershipId: uuid("submitted_by_membership_id").notNull(),
    submittedAt: ts("submitted_at").notNull().defaultNow(),
  },
  (t) => [
    unique("case_versions_case_number_uq").on(t.caseId, t.number),
    unique("case_versions_org_id_uq").on(t.organisationId, t.id),
    index("case_versions_org_case_idx").on(t.organisationId, t.caseId, t.number),
    foreignKey({ name: "case_versions_case_fk", columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete("cascade"),
    foreignKey({
      name: "case_versions_submitter_fk",
      columns: [t.organisationId, t.submittedByMembershipId],
      foreignColumns: [memberships.organisationId, memberships.id],
    }).onDelete("cascade"),
  ],
);

export const caseTransitions = pgTable(
  "case_transitions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: org(),
    caseId: uuid("case_id").notNull(),
    actorMembershipId: uuid("actor_membership_id").notNull(),
    fromStatus: caseStatusEnum("from_status"),
    toStatus: caseStatusEnum("to_status").notNull(),
    caseVersion: integer("case_version").notNull(),
    reason: text("reason"),
    occurredAt: ts("occurred_at").notNull().defaultNow(),
  },
  (t) => [
    index("case_transitions_org_case_idx").on(t.organisationId, t.caseId, t.occurredAt),
    foreignKey({ name: "case_transitions_case_fk", columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete("cascade"),
    foreignKey({
      name: "case_transitions_actor_fk",
      columns: [t.organisationId, t.actorMembershipId],
      foreignColumns: [memberships.organisationId, memberships.id],
    }).onDelete("cascade"),
  ],
);

export type StoredRating = { rating: string; evidence: string; quote?: { field: string; start: number; end: number; text: string } };
/** A descriptive note on c1 or c2 (code lists 2026.2 onwards): preconditions are never graded. */
export type StoredNote = { note: string };
export type StoredReviewEntry = StoredRating | StoredNote;

/**
 * One per decision: the ratings (keyed by condition code), the decision and, when changes are
 * requested, what to change. Ratings come in two shapes, both kept as written: six graded ratings
 * (reviews of code lists 2026.1), or notes on c1/c2 plus graded ratings for the conditions rated;
 * lib/cases/conditions.ts readReview reads both.
 */
export const caseReviews = pgTable(
  "case_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: org(),
    caseId: uuid("case_id").notNull(),
    caseVersionId: uuid("case_version_id").notNull(),
    caseVersion: integer("case_version").notNull(),
    reviewerMembershipId: uuid("reviewer_membership_id").notNull(),
    ratings: jsonb("ratings").$type<Record<string, StoredReviewEntry>>().notNull(),
    decision: reviewDecisionEnum("decision").notNull(),
    whatToChange: text("what_to_change"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("case_reviews_org_case_idx").on(t.organisationId, t.caseId, t.createdAt),
    index("case_reviews_org_reviewer_idx").on(t.organisationId, t.reviewerMembershipId),
    foreignKey({ name: "case_reviews_case_fk", columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete("cascade"),
    foreignKey({
      name: "case_reviews_version_fk",
      columns: [t.organisationId, t.caseVersionId],
      foreignColumns: [caseVersions.organisationId, caseVersions.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "case_reviews_reviewer_fk",
      columns: [t.organisationId, t.reviewerMembershipId],
      foreignColumns: [memberships.organisationId, memberships.id],
    }).onDelete("cascade"),
  ],
);

export const caseComments = pgTable(
  "case_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: org(),
    caseId: uuid("case_id").notNull(),
    caseVersionId: uuid("case_version_id").notNull(),
    authorMembershipId: uuid("author_membership_id").notNull(),
    focus: feedbackFocusEnum("focus").notNull(),
    body: text("body").notNull(),
    // A reply names the comment that started its thread (threads are one level deep).
    parentId: uuid("parent_id"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("case_comments_org_case_idx").on(t.organisationId, t.caseId, t.createdAt),
    foreignKey({ name: "case_comments_case_fk", columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete("cascade"),
    foreignKey({
      name: "case_comments_version_fk",
      columns: [t.organisationId, t.caseVersionId],
      foreignColumns: [caseVersions.organisationId, caseVersions.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "case_comments_author_fk",
      columns: [t.organisationId, t.authorMembershipId],
      foreignColumns: [memberships.organisationId, memberships.id],
    }).onDelete("cascade"),
  ],
);

/** A de-identification flag the author judged false, with the reason (recorded, never silent). */
export const caseFlagDismissals = pgTable(
  "case_flag_dismissals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: org(),
    caseId: uuid("case_id").notNull(),
    field: text("field").notNull(),
    findingKey: text("finding_key").notNull(),
    reason: text("reason").notNull(),
    scannerVersion: text("scanner_version").notNull(),
    dismissedByMembershipId: uuid("dismissed_by_membership_id").notNull(),
    dismissedAt: ts("dismissed_at").notNull().defaultNow(),
  },
  (t) => [
    unique("case_flag_dismissals_uq").on(t.organisationId, t.caseId, t.field, t.findingKey),
    foreignKey({ name: "case_flag_dismissals_case_fk", columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete("cascade"),
    foreignKey({
      name: "case_flag_dismissals_by_fk",
      columns: [t.organisationId, t.dismissedByMembershipId],
      foreignColumns: [memberships.organisationId, memberships.id],
    }).onDelete("cascade"),
  ],
);

export const casesRelations = relations(cases, ({ one, many }) => ({
  author: one(memberships, { fields: [cases.authorMembershipId], references: [memberships.id] }),
  versions: many(caseVersions),
  reviews: many(caseReviews),
  comments: many(caseComments),
  transitions: many(caseTransitions),
  dismissals: many(caseFlagDismissals),
}));
export const caseVersionsRelations = relations(caseVersions, ({ one }) => ({ case: one(cases, { fields: [caseVersions.caseId], references: [cases.id] }) }));
/** A supervisor's record that they saw the risk in a submitted version, and what they did. Append-only. */
export const caseRiskReviews = pgTable(
  "case_risk_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: org(),
    caseId: uuid("case_id").notNull(),
    caseVersion: integer("case_version").notNull(),
    membershipId: uuid("membership_id").notNull(),
    followUp: text("follow_up").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("case_risk_reviews_org_case_idx").on(t.organisationId, t.caseId, t.createdAt),
    foreignKey({ name: "case_risk_reviews_case_fk", columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete("cascade"),
    foreignKey({ name: "case_risk_reviews_member_fk", columns: [t.organisationId, t.membershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

export const caseReviewsRelations = relations(caseReviews, ({ one }) => ({ case: one(cases, { fields: [caseReviews.caseId], references: [cases.id] }) }));
export const caseCommentsRelations = relations(caseComments, ({ one }) => ({ case: one(cases, { fields: [caseComments.caseId], references: [cases.id] }) }));
export const caseTransitionsRelations = relations(caseTransitions, ({ one }) => ({
  case: one(cases, { fields: [caseTransitions.caseId], references: [cases.id] }),
}));
export const caseFlagDismissalsRelations = relations(caseFlagDismissals, ({ one }) => ({
  case: one(cases, { fields: [caseFlagDismissals.caseId], references: [cases.id] }),
}));

export type CaseRow = typeof cases.$inferSelect;
export type CaseVersionRow = typeof caseVersions.$inferSelect;
export type CaseReviewRow = typeof caseReviews.$inferSelect;
export type CaseCommentRow = typeof caseComments.$inferSelect;
export type CaseTransitionRow = typeof caseTransitions.$inferSelect;
