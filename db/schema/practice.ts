import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { memberships, organisations, users } from "./core";
import { cohorts } from "./onboarding";

// The rupture-repair practice studio. Rapport's own drills live in code (lib/practice/library) and
// are referred to by their stable slug; an organisation's own drills are rows here, versioned like
// evaluation forms (a drill row and one immutable row per version). Everything a person does with a
// drill is tenant-owned: organisation_id first in an index, children referencing (organisation_id,
// id) of their parent so nothing can straddle two organisations.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const orgId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });

/** Exactly one of a shipped drill's slug and an organisation's drill id names the drill. */
const drillRefCheck = (name: string, slug: unknown, id: unknown) => check(name, sql`(${slug} is null) <> (${id} is null)`);

export const practiceDrills = pgTable(
  "practice_drills",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    // The number of the newest version: new attempts answer it.
    currentVersion: integer("current_version").notNull().default(1),
    // Archived, never deleted: attempts and assignments keep pointing at it.
    archivedAt: ts("archived_at"),
    // Optimistic concurrency for edits: `WHERE version = $expected`, then + 1.
    version: integer("version").notNull().default(0),
    createdByMembershipId: uuid("created_by_membership_id"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("practice_drills_org_id_uq").on(t.organisationId, t.id),
    index("practice_drills_org_updated_idx").on(t.organisationId, t.updatedAt),
  ],
);

export const practiceDrillVersions = pgTable(
  "practice_drill_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    drillId: uuid("drill_id").notNull(),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    ruptureType: text("rupture_type").notNull(),
    markers: jsonb("markers").$type<string[]>().notNull(),
    difficulty: integer("difficulty").notNull(),
    context: text("context").notNull(),
    clientLines: jsonb("client_lines").$type<string[]>().notNull(),
    lens: text("lens").notNull().default(""),
    suggestedStrategies: jsonb("suggested_strategies").$type<string[]>().notNull(),
    modelResponse: text("model_response").notNull(),
    pitfalls: jsonb("pitfalls").$type<string[]>().notNull(),
    // An audio or video clip of the organisation's own actors: a file under the data directory
    // (lib/practice/storage.ts), its type sniffed from the bytes on upload.
    clipFile: text("clip_file"),
    clipType: text("clip_type"),
    clipBytes: integer("clip_bytes"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("practice_drill_versions_org_id_uq").on(t.organisationId, t.id),
    unique("practice_drill_versions_number_uq").on(t.organisationId, t.drillId, t.number),
    foreignKey({ name: "practice_drill_versions_drill_fk", columns: [t.organisationId, t.drillId], foreignColumns: [practiceDrills.organisationId, practiceDrills.id] }).onDelete("cascade"),
    check("practice_drill_versions_difficulty_ck", sql`${t.difficulty} between 1 and 3`),
    check("practice_drill_versions_type_ck", sql`${t.ruptureType} in ('withdrawal', 'confrontation', 'mixed')`),
  ],
);

/** One response of a trainee to a drill: typed, or spoken (the recording is a row of its own). */
export const practiceAttempts = pgTable(
  "practice_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    traineeMembershipId: uuid("trainee_membership_id").notNull(),
    drillSlug: text("drill_slug"),
    drillId: uuid("drill_id"),
    drillVersionId: uuid("drill_version_id"),
    // What the drill was when answered, for the log and levels (a later version never rewrites them).
    drillTitle: text("drill_title").notNull(),
    drillDifficulty: integer("drill_difficulty").notNull(),
    drillMarkers: jsonb("drill_markers").$type<string[]>().notNull(),
    mode: text("mode").notNull(),
    responseText: text("response_text"),
    secondsSpent: integer("seconds_spent").notNull().default(0),
    // The draft hours entry this practice time became (skills practice, never direct contact).
    hoursEntryId: uuid("hours_entry_id"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("practice_attempts_org_id_uq").on(t.organisationId, t.id),
    index("practice_attempts_org_trainee_idx").on(t.organisationId, t.traineeMembershipId, t.createdAt),
    index("practice_attempts_org_created_idx").on(t.organisationId, t.createdAt),
    foreignKey({ name: "practice_attempts_trainee_fk", columns: [t.organisationId, t.traineeMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
    foreignKey({ name: "practice_attempts_drill_fk", columns: [t.organisationId, t.drillId], foreignColumns: [practiceDrills.organisationId, practiceDrills.id] }),
    foreignKey({ name: "practice_attempts_drill_version_fk", columns: [t.organisationId, t.drillVersionId], foreignColumns: [practiceDrillVersions.organisationId, practiceDrillVersions.id] }),
    drillRefCheck("practice_attempts_drill_ck", t.drillSlug, t.drillId),
    check("practice_attempts_version_ck", sql`(${t.drillId} is null) = (${t.drillVersionId} is null)`),
    check("practice_attempts_mode_ck", sql`${t.mode} in ('typed', 'spoken')`),
    check("practice_attempts_typed_ck", sql`${t.mode} <> 'typed' or ${t.responseText} is not null`),
    check("practice_attempts_seconds_ck", sql`${t.secondsSpent} between 0 and 86400`),
  ],
);

/**
 * A spoken response's audio. Practice material, not client data: kept for the organisation's
 * retention period (practice_settings), then the file and this row are deleted by housekeeping.
 */
export const practiceRecordings = pgTable(
  "practice_recordings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    attemptId: uuid("attempt_id").notNull(),
    file: text("file").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    durationSeconds: integer("duration_seconds"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("practice_recordings_attempt_uq").on(t.organisationId, t.attemptId),
    // Housekeeping's work list, across organisations: the oldest first.
    index("practice_recordings_created_idx").on(t.createdAt),
    foreignKey({ name: "practice_recordings_attempt_fk", columns: [t.organisationId, t.attemptId], foreignColumns: [practiceAttempts.organisationId, practiceAttempts.id] }).onDelete("cascade"),
  ],
);

/** A supervisor's rating of one response: strategies shown, three anchored 1-5 scales, a comment. */
export const practiceFeedback = pgTable(
  "practice_feedback",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    attemptId: uuid("attempt_id").notNull(),
    reviewerMembershipId: uuid("reviewer_membership_id").notNull(),
    strategies: jsonb("strategies").$type<string[]>().notNull(),
    attunement: integer("attunement").notNull(),
    nonDefensiveness: integer("non_defensiveness").notNull(),
    invitation: integer("invitation").notNull(),
    comment: text("comment").notNull().default(""),
    version: integer("version").notNull().default(0),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("practice_feedback_reviewer_uq").on(t.organisationId, t.attemptId, t.reviewerMembershipId),
    foreignKey({ name: "practice_feedback_attempt_fk", columns: [t.organisationId, t.attemptId], foreignColumns: [practiceAttempts.organisationId, practiceAttempts.id] }).onDelete("cascade"),
    foreignKey({ name: "practice_feedback_reviewer_fk", columns: [t.organisationId, t.reviewerMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
    check("practice_feedback_scales_ck", sql`${t.attunement} between 1 and 5 and ${t.nonDefensiveness} between 1 and 5 and ${t.invitation} between 1 and 5`),
  ],
);

/** A drill a supervisor or admin set for a trainee, or for a cohort (resolved to trainees when set). */
export const practiceAssignments = pgTable(
  "practice_assignments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    drillSlug: text("drill_slug"),
    drillId: uuid("drill_id"),
    cohortId: uuid("cohort_id"),
    dueOn: date("due_on", { mode: "string" }),
    assignedByMembershipId: uuid("assigned_by_membership_id").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    unique("practice_assignments_org_id_uq").on(t.organisationId, t.id),
    index("practice_assignments_org_created_idx").on(t.organisationId, t.createdAt),
    foreignKey({ name: "practice_assignments_drill_fk", columns: [t.organisationId, t.drillId], foreignColumns: [practiceDrills.organisationId, practiceDrills.id] }),
    foreignKey({ name: "practice_assignments_cohort_fk", columns: [t.organisationId, t.cohortId], foreignColumns: [cohorts.organisationId, cohorts.id] }),
    foreignKey({ name: "practice_assignments_by_fk", columns: [t.organisationId, t.assignedByMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
    drillRefCheck("practice_assignments_drill_ck", t.drillSlug, t.drillId),
  ],
);

/** Who an assignment reaches: the trainee named, or the cohort's trainees the assigner could reach. */
export const practiceAssignees = pgTable(
  "practice_assignees",
  {
    organisationId: uuid("organisation_id").notNull(),
    assignmentId: uuid("assignment_id").notNull(),
    traineeMembershipId: uuid("trainee_membership_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "practice_assignees_pk", columns: [t.organisationId, t.assignmentId, t.traineeMembershipId] }),
    index("practice_assignees_org_trainee_idx").on(t.organisationId, t.traineeMembershipId),
    foreignKey({ name: "practice_assignees_assignment_fk", columns: [t.organisationId, t.assignmentId], foreignColumns: [practiceAssignments.organisationId, practiceAssignments.id] }).onDelete("cascade"),
    foreignKey({ name: "practice_assignees_trainee_fk", columns: [t.organisationId, t.traineeMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

/** The organisation's practice settings; absent row = the defaults (recordings kept 90 days). */
export const practiceSettings = pgTable(
  "practice_settings",
  {
    organisationId: uuid("organisation_id")
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    recordingRetentionDays: integer("recording_retention_days").notNull().default(90),
    version: integer("version").notNull().default(0),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [check("practice_settings_retention_ck", sql`${t.recordingRetentionDays} between 1 and 3650`)],
);

export type PracticeDrill = typeof practiceDrills.$inferSelect;
export type PracticeDrillVersion = typeof practiceDrillVersions.$inferSelect;
export type PracticeAttempt = typeof practiceAttempts.$inferSelect;
export type PracticeRecording = typeof practiceRecordings.$inferSelect;
export type PracticeFeedback = typeof practiceFeedback.$inferSelect;
export type PracticeAssignment = typeof practiceAssignments.$inferSelect;
