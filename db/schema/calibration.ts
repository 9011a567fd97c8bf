import { relations, sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { memberships, organisations, users } from "./core";
import { cases, type StoredReviewEntry } from "./cases";

// Supervisor calibration: reference cases (Rapport's exemplars, or a trainee's case copied with
// their consent, stripped of who wrote it), rounds in which invited supervisors review one
// independently with the case review form, and each participant's review. Every table is
// tenant-owned; children reference (organisation_id, id) of their parent.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const orgId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });

/** A lead supervisor's review of an exemplar, as the review form records one, plus what it teaches. */
export type ReferenceReview = {
  ratings: Record<string, StoredReviewEntry>;
  decision: "changes_requested" | "signed_off";
  whatToChange?: string;
  /** Notes on the resolution strategies the trainee used, or could have. */
  strategyNotes: string;
  feedback: { focus: "intervention" | "conceptualisation" | "personalisation"; body: string }[];
};

export const calibrationCases = pgTable(
  "calibration_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    // "exemplar": one of Rapport's, copied in when first used; "copied": a consented case.
    source: text("source").notNull(),
    exemplarKey: text("exemplar_key"),
    title: text("title").notNull(),
    codeListVersion: text("code_list_version").notNull(),
    // The case as a trainee's would be stored, with a neutral client code and no author.
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    referenceReview: jsonb("reference_review").$type<ReferenceReview>(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("calibration_cases_org_id_uq").on(t.organisationId, t.id),
    uniqueIndex("calibration_cases_org_exemplar_uq").on(t.organisationId, t.exemplarKey),
    index("calibration_cases_org_created_idx").on(t.organisationId, t.createdAt),
    check("calibration_cases_source_ck", sql`${t.source} in ('exemplar', 'copied')`),
  ],
);

/**
 * The author's consent to a de-identified copy of their case being used for calibration. One row
 * per case; withdrawing stops any new copy (a copy already made stays with the rounds that used it,
 * as the consent text says). reference_case_id records the copy, so it is never made twice; the
 * copy itself names neither the author nor the case.
 */
export const caseCalibrationConsents = pgTable(
  "case_calibration_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    caseId: uuid("case_id").notNull(),
    authorMembershipId: uuid("author_membership_id").notNull(),
    givenAt: ts("given_at").notNull().defaultNow(),
    withdrawnAt: ts("withdrawn_at"),
    referenceCaseId: uuid("reference_case_id"),
  },
  (t) => [
    unique("case_calibration_consents_case_uq").on(t.organisationId, t.caseId),
    index("case_calibration_consents_org_given_idx").on(t.organisationId, t.givenAt),
    foreignKey({ name: "case_calibration_consents_case_fk", columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete("cascade"),
    foreignKey({ name: "case_calibration_consents_author_fk", columns: [t.organisationId, t.authorMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
    foreignKey({ name: "case_calibration_consents_reference_fk", columns: [t.organisationId, t.referenceCaseId], foreignColumns: [calibrationCases.organisationId, calibrationCases.id] }),
  ],
);

export const calibrationRounds = pgTable(
  "calibration_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    name: text("name").notNull(),
    referenceCaseId: uuid("reference_case_id").notNull(),
    openedByMembershipId: uuid("opened_by_membership_id").notNull(),
    openedAt: ts("opened_at").notNull().defaultNow(),
    dueOn: date("due_on", { mode: "string" }),
    // The end of the due day in the organisation's time zone: the round closes itself then.
    closesAt: ts("closes_at"),
    closedAt: ts("closed_at"),
    closedByMembershipId: uuid("closed_by_membership_id"),
    discussionNote: text("discussion_note").notNull().default(""),
    noteUpdatedAt: ts("note_updated_at"),
    // Optimistic concurrency for closing and the note: `WHERE version = $expected`, then + 1.
    version: integer("version").notNull().default(0),
  },
  (t) => [
    unique("calibration_rounds_org_id_uq").on(t.organisationId, t.id),
    index("calibration_rounds_org_opened_idx").on(t.organisationId, t.openedAt, t.id),
    // The same person opening the same round twice (a double click, a retried request) opens one.
    uniqueIndex("calibration_rounds_org_opener_name_idx").on(t.organisationId, t.openedByMembershipId, sql`lower(${t.name})`),
    foreignKey({ name: "calibration_rounds_case_fk", columns: [t.organisationId, t.referenceCaseId], foreignColumns: [calibrationCases.organisationId, calibrationCases.id] }),
    foreignKey({ name: "calibration_rounds_opener_fk", columns: [t.organisationId, t.openedByMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
    foreignKey({ name: "calibration_rounds_closer_fk", columns: [t.organisationId, t.closedByMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }),
  ],
);

/** An invited supervisor and, once submitted, their review (ratings as case_reviews stores them). */
export const calibrationParticipants = pgTable(
  "calibration_participants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    roundId: uuid("round_id").notNull(),
    membershipId: uuid("membership_id").notNull(),
    invitedAt: ts("invited_at").notNull().defaultNow(),
    ratings: jsonb("ratings").$type<Record<string, StoredReviewEntry>>(),
    decision: text("decision"),
    whatToChange: text("what_to_change"),
    submittedAt: ts("submitted_at"),
  },
  (t) => [
    unique("calibration_participants_uq").on(t.organisationId, t.roundId, t.membershipId),
    index("calibration_participants_org_member_idx").on(t.organisationId, t.membershipId, t.invitedAt),
    check("calibration_participants_decision_ck", sql`${t.decision} is null or ${t.decision} in ('changes_requested', 'signed_off')`),
    foreignKey({ name: "calibration_participants_round_fk", columns: [t.organisationId, t.roundId], foreignColumns: [calibrationRounds.organisationId, calibrationRounds.id] }).onDelete("cascade"),
    foreignKey({ name: "calibration_participants_member_fk", columns: [t.organisationId, t.membershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

export const calibrationRoundsRelations = relations(calibrationRounds, ({ one, many }) => ({
  referenceCase: one(calibrationCases, { fields: [calibrationRounds.referenceCaseId], references: [calibrationCases.id] }),
  participants: many(calibrationParticipants),
}));
export const calibrationParticipantsRelations = relations(calibrationParticipants, ({ one }) => ({
  round: one(calibrationRounds, { fields: [calibrationParticipants.roundId], references: [calibrationRounds.id] }),
}));

export type CalibrationCaseRow = typeof calibrationCases.$inferSelect;
export type CalibrationRoundRow = typeof calibrationRounds.$inferSelect;
export type CalibrationParticipantRow = typeof calibrationParticipants.$inferSelect;
