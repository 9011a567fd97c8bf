import { relations, sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { memberships, organisations } from "./core";

// The built-in curriculum is shared by every organisation (synchronised from content/ by slug
// and version); everything a person does with it is tenant-owned and keyed by membership.

export type CheckOption = { id: string; text: string; correct: boolean; explanation: string };
export type CheckQuestion = { id: string; kind: "single" | "multiple"; prompt: string; scenario?: string; options: CheckOption[] };
/** `draw`: how many of the bank's questions one attempt serves (all of them when absent). */
export type KnowledgeCheck = { passMark: number; draw?: number; questions: CheckQuestion[] };
export type ReflectionSpec = { kind: "prompt"; prompt: string } | { kind: "two_relationships" };

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const modules = pgTable("modules", {
  id: uuid("id").primaryKey().defaultRandom(),
  slug: text("slug").notNull().unique(),
  title: text("title").notNull(),
  summary: text("summary").notNull(),
  position: integer("position").notNull(),
  version: integer("version").notNull(),
  contentHash: text("content_hash").notNull(),
  outcomes: jsonb("outcomes").$type<string[]>().notNull(),
  reflection: jsonb("reflection").$type<ReflectionSpec>().notNull(),
  references: jsonb("references").$type<string[]>().notNull(),
  knowledgeCheck: jsonb("knowledge_check").$type<KnowledgeCheck>().notNull(),
  retiredAt: ts("retired_at"),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const lessons = pgTable(
  "lessons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    title: text("title").notNull(),
    position: integer("position").notNull(),
    body: text("body").notNull(),
    wordCount: integer("word_count").notNull(),
    // A lesson dropped from the content is retired, never deleted: progress on it is kept.
    retiredAt: ts("retired_at"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [unique("lessons_module_slug_uq").on(t.moduleId, t.slug), index("lessons_module_position_idx").on(t.moduleId, t.position)],
);

export const lessonProgress = pgTable(
  "lesson_progress",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    membershipId: uuid("membership_id").notNull(),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    completedAt: ts("completed_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "lesson_progress_pk", columns: [t.organisationId, t.membershipId, t.lessonId] }),
    index("lesson_progress_org_module_idx").on(t.organisationId, t.moduleId, t.membershipId),
    foreignKey({ name: "lesson_progress_member_fk", columns: [t.organisationId, t.membershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

/** Tracks the last lesson opened, for "continue where you left off". */
export const moduleActivity = pgTable(
  "module_activity",
  {
    organisationId: uuid("organisation_id").notNull(),
    membershipId: uuid("membership_id").notNull(),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    lastLessonId: uuid("last_lesson_id").references(() => lessons.id, { onDelete: "set null" }),
    startedAt: ts("started_at").notNull().defaultNow(),
    lastSeenAt: ts("last_seen_at").notNull().defaultNow(),
    completedAt: ts("completed_at"),
  },
  (t) => [
    primaryKey({ name: "module_activity_pk", columns: [t.organisationId, t.membershipId, t.moduleId] }),
    index("module_activity_org_seen_idx").on(t.organisationId, t.membershipId, t.lastSeenAt),
    foreignKey({ name: "module_activity_member_fk", columns: [t.organisationId, t.membershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

export type AttemptAnswer = { questionId: string; selected: string[]; correct: boolean };

/**
 * The questions one attempt was served: drawn from the module's bank, in the order shown, options
 * in the order shown, with their key (a server-side snapshot, never sent to the browser as is).
 * Submitting scores exactly these; at most one draw per person and module is open at a time.
 */
export const checkDraws = pgTable(
  "check_draws",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    membershipId: uuid("membership_id").notNull(),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    moduleVersion: integer("module_version").notNull(),
    passMark: integer("pass_mark").notNull(),
    questions: jsonb("questions").$type<CheckQuestion[]>().notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    submittedAt: ts("submitted_at"),
  },
  (t) => [
    index("check_draws_org_member_module_idx").on(t.organisationId, t.membershipId, t.moduleId, t.createdAt),
    uniqueIndex("check_draws_open_uq").on(t.organisationId, t.membershipId, t.moduleId).where(sql`${t.submittedAt} is null`),
    foreignKey({ name: "check_draws_member_fk", columns: [t.organisationId, t.membershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

export const checkAttempts = pgTable(
  "check_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    membershipId: uuid("membership_id").notNull(),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    moduleVersion: integer("module_version").notNull(),
    answers: jsonb("answers").$type<AttemptAnswer[]>().notNull(),
    score: integer("score").notNull(),
    passed: boolean("passed").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    // The draw this attempt answered (null for attempts made before question banks). Unique: a
    // draw is submitted once, whatever the number of concurrent requests.
    drawId: uuid("draw_id").references(() => checkDraws.id, { onDelete: "set null" }),
  },
  (t) => [
    index("check_attempts_org_member_module_idx").on(t.organisationId, t.membershipId, t.moduleId, t.createdAt),
    unique("check_attempts_draw_uq").on(t.organisationId, t.drawId),
    foreignKey({ name: "check_attempts_member_fk", columns: [t.organisationId, t.membershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

export type ReflectionContent = Record<string, string>;

export const reflections = pgTable(
  "reflections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    membershipId: uuid("membership_id").notNull(),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    content: jsonb("content").$type<ReflectionContent>().notNull(),
    sharedAt: ts("shared_at"),
    version: integer("version").notNull().default(0),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("reflections_member_module_uq").on(t.organisationId, t.membershipId, t.moduleId),
    foreignKey({ name: "reflections_member_fk", columns: [t.organisationId, t.membershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

/** A supervisor's comment on a reflection shared with them, and the trainee's replies (one level). */
export const reflectionComments = pgTable(
  "reflection_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id").notNull(),
    reflectionId: uuid("reflection_id")
      .notNull()
      .references(() => reflections.id, { onDelete: "cascade" }),
    authorMembershipId: uuid("author_membership_id").notNull(),
    parentId: uuid("parent_id"),
    body: text("body").notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    index("reflection_comments_org_reflection_idx").on(t.organisationId, t.reflectionId, t.createdAt),
    foreignKey({ name: "reflection_comments_author_fk", columns: [t.organisationId, t.authorMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

export const certificates = pgTable(
  "certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serial: text("serial").notNull().unique(),
    organisationId: uuid("organisation_id").notNull(),
    membershipId: uuid("membership_id").notNull(),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "restrict" }),
    moduleVersion: integer("module_version").notNull(),
    recipientName: text("recipient_name").notNull(),
    moduleTitle: text("module_title").notNull(),
    issuedAt: ts("issued_at").notNull().defaultNow(),
    // The organisation's settings when the certificate was issued, so a later change (a new
    // signatory, other CPD hours) never rewrites a certificate someone already holds. Null on
    // certificates issued before these settings existed: those show the current settings.
    organisationName: text("organisation_name"),
    signatoryName: text("signatory_name"),
    signatoryTitle: text("signatory_title"),
    cpdMinutes: integer("cpd_minutes"),
  },
  (t) => [
    unique("certificates_member_module_uq").on(t.organisationId, t.membershipId, t.moduleId),
    foreignKey({ name: "certificates_member_fk", columns: [t.organisationId, t.membershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

export const modulesRelations = relations(modules, ({ many }) => ({ lessons: many(lessons) }));
export const lessonsRelations = relations(lessons, ({ one }) => ({
  module: one(modules, { fields: [lessons.moduleId], references: [modules.id] }),
}));

export type Module = typeof modules.$inferSelect;
export type Lesson = typeof lessons.$inferSelect;
export type CheckAttempt = typeof checkAttempts.$inferSelect;
export type CheckDraw = typeof checkDraws.$inferSelect;
export type Reflection = typeof reflections.$inferSelect;
export type Certificate = typeof certificates.$inferSelect;
