import { relations, sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { memberships, organisations, users } from "./core";
import { cohorts } from "./onboarding";

// Competency evaluations: forms an organisation builds (versioned like the code lists), rounds
// opened for a cohort, and one evaluation per trainee per round with two sides (the trainee's
// self-evaluation and the supervisor's evaluation). Every table is tenant-owned; children
// reference (organisation_id, id) of their parent so no row can straddle two organisations.
// Triggers in the *_sql migration refuse changes to a locked evaluation, a submitted side, and a
// form version a round uses.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const orgId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });

/** One point of a rating scale, anchored in words. Values ascend; an instrument may start at 0. */
export type ScalePoint = { value: number; label: string; description: string };
export type FormCompetency = {
  /** Stable across versions, so a trainee's ratings can be followed over time. */
  code: string;
  title: string;
  description: string;
  /** Optional wording for each scale point for this competency (same order as the scale); empty uses the scale's. */
  anchors?: string[];
};
export type FormDomain = { code: string; title: string; competencies: FormCompetency[] };
export type FormDefinition = {
  intro: string;
  scale: { points: ScalePoint[]; notObserved: { allowed: boolean; label: string; description: string } };
  domains: FormDomain[];
  /** Whether each competency offers an optional comment. */
  comments: boolean;
  recommendation: { question: string; options: { code: string; label: string }[] };
};
/** "not_observed" or a scale point's value written as a string. */
export type StoredCompetencyRating = { rating: string; comment?: string };

export const evaluationForms = pgTable(
  "evaluation_forms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    name: text("name").notNull(),
    // "starter" for a copy of Rapport's own form, "custom" for one the organisation wrote.
    source: text("source").notNull().default("custom"),
    // The number of the newest version: new rounds use it.
    currentVersion: integer("current_version").notNull().default(1),
    archivedAt: ts("archived_at"),
    // Optimistic concurrency for edits: `WHERE version = $expected`, then + 1.
    version: integer("version").notNull().default(0),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("evaluation_forms_org_id_uq").on(t.organisationId, t.id),
    uniqueIndex("evaluation_forms_org_name_idx").on(t.organisationId, sql`lower(${t.name})`),
    check("evaluation_forms_source_ck", sql`${t.source} in ('starter', 'custom')`),
  ],
);

export const evaluationFormVersions = pgTable(
  "evaluation_form_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    formId: uuid("form_id").notNull(),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    definition: jsonb("definition").$type<FormDefinition>().notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("evaluation_form_versions_org_id_uq").on(t.organisationId, t.id),
    unique("evaluation_form_versions_number_uq").on(t.organisationId, t.formId, t.number),
    foreignKey({ name: "evaluation_form_versions_form_fk", columns: [t.organisationId, t.formId], foreignColumns: [evaluationForms.organisationId, evaluationForms.id] }).onDelete("cascade"),
  ],
);

export const evaluationRounds = pgTable(
  "evaluation_rounds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    name: text("name").notNull(),
    // The version in force when the round opened: later edits to the form never reach it.
    formVersionId: uuid("form_version_id").notNull(),
    cohortId: uuid("cohort_id").notNull(),
    dueOn: date("due_on", { mode: "string" }),
    openedByMembershipId: uuid("opened_by_membership_id").notNull(),
    openedAt: ts("opened_at").notNull().defaultNow(),
    version: integer("version").notNull().default(0),
  },
  (t) => [
    unique("evaluation_rounds_org_id_uq").on(t.organisationId, t.id),
    index("evaluation_rounds_org_opened_idx").on(t.organisationId, t.openedAt, t.id),
    // The same person opening the same round twice (a double click, a retried request) opens one.
    uniqueIndex("evaluation_rounds_org_cohort_name_idx").on(t.organisationId, t.cohortId, t.openedByMembershipId, sql`lower(${t.name})`),
    // No cascade: a form version or cohort that a round used is part of that round's record.
    foreignKey({ name: "evaluation_rounds_form_version_fk", columns: [t.organisationId, t.formVersionId], foreignColumns: [evaluationFormVersions.organisationId, evaluationFormVersions.id] }),
    foreignKey({ name: "evaluation_rounds_cohort_fk", columns: [t.organisationId, t.cohortId], foreignColumns: [cohorts.organisationId, cohorts.id] }),
    foreignKey({ name: "evaluation_rounds_opener_fk", columns: [t.organisationId, t.openedByMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

export const evaluations = pgTable(
  "evaluations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    roundId: uuid("round_id").notNull(),
    traineeMembershipId: uuid("trainee_membership_id").notNull(),
    // The supervisor who completes the supervisor's side; none until an admin assigns one.
    evaluatorMembershipId: uuid("evaluator_membership_id"),
    selfSubmittedAt: ts("self_submitted_at"),
    supervisorSubmittedAt: ts("supervisor_submitted_at"),
    // Typed-name attestations: the name as typed, who, and when.
    supervisorSignedName: text("supervisor_signed_name"),
    supervisorSignedMembershipId: uuid("supervisor_signed_membership_id"),
    supervisorSignedAt: ts("supervisor_signed_at"),
    traineeSignedName: text("trainee_signed_name"),
    traineeSignedAt: ts("trainee_signed_at"),
    // What the trainee disagrees with, recorded with their signature; part of the locked record.
    disagreement: text("disagreement"),
    // Both signed: nothing about the evaluation changes again (a trigger enforces it).
    lockedAt: ts("locked_at"),
    version: integer("version").notNull().default(0),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("evaluations_org_id_uq").on(t.organisationId, t.id),
    unique("evaluations_round_trainee_uq").on(t.organisationId, t.roundId, t.traineeMembershipId),
    index("evaluations_org_trainee_idx").on(t.organisationId, t.traineeMembershipId, t.createdAt),
    index("evaluations_org_evaluator_idx").on(t.organisationId, t.evaluatorMembershipId, t.createdAt),
    foreignKey({ name: "evaluations_round_fk", columns: [t.organisationId, t.roundId], foreignColumns: [evaluationRounds.organisationId, evaluationRounds.id] }).onDelete("cascade"),
    foreignKey({ name: "evaluations_trainee_fk", columns: [t.organisationId, t.traineeMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
    foreignKey({ name: "evaluations_evaluator_fk", columns: [t.organisationId, t.evaluatorMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }),
    foreignKey({ name: "evaluations_supervisor_signer_fk", columns: [t.organisationId, t.supervisorSignedMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }),
  ],
);

/** One side of an evaluation: "self" (the trainee) or "supervisor". A submitted side never changes. */
export const evaluationResponses = pgTable(
  "evaluation_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    evaluationId: uuid("evaluation_id").notNull(),
    side: text("side").notNull(),
    authorMembershipId: uuid("author_membership_id").notNull(),
    ratings: jsonb("ratings").$type<Record<string, StoredCompetencyRating>>().notNull(),
    overallComment: text("overall_comment").notNull().default(""),
    recommendation: text("recommendation"),
    submittedAt: ts("submitted_at"),
    version: integer("version").notNull().default(1),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("evaluation_responses_side_uq").on(t.organisationId, t.evaluationId, t.side),
    check("evaluation_responses_side_ck", sql`${t.side} in ('self', 'supervisor')`),
    foreignKey({ name: "evaluation_responses_evaluation_fk", columns: [t.organisationId, t.evaluationId], foreignColumns: [evaluations.organisationId, evaluations.id] }).onDelete("cascade"),
    foreignKey({ name: "evaluation_responses_author_fk", columns: [t.organisationId, t.authorMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

export const evaluationFormsRelations = relations(evaluationForms, ({ many }) => ({ versions: many(evaluationFormVersions) }));
export const evaluationFormVersionsRelations = relations(evaluationFormVersions, ({ one }) => ({
  form: one(evaluationForms, { fields: [evaluationFormVersions.formId], references: [evaluationForms.id] }),
}));
export const evaluationsRelations = relations(evaluations, ({ one, many }) => ({
  round: one(evaluationRounds, { fields: [evaluations.roundId], references: [evaluationRounds.id] }),
  responses: many(evaluationResponses),
}));
export const evaluationResponsesRelations = relations(evaluationResponses, ({ one }) => ({
  evaluation: one(evaluations, { fields: [evaluationResponses.evaluationId], references: [evaluations.id] }),
}));

export type EvaluationFormRow = typeof evaluationForms.$inferSelect;
export type EvaluationFormVersionRow = typeof evaluationFormVersions.$inferSelect;
export type EvaluationRoundRow = typeof evaluationRounds.$inferSelect;
export type EvaluationRow = typeof evaluations.$inferSelect;
export type EvaluationResponseRow = typeof evaluationResponses.$inferSelect;
