import { sql } from "drizzle-orm";
import { boolean, check, integer, pgEnum, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./core";
import { modules } from "./modules";

// How an organisation runs its knowledge checks: when the answers are shown, shuffling, an
// attempt limit, a wait between attempts, and whether a certificate also waits for the
// reflection. One row per organisation (absent: the defaults) and optionally one per module it
// requires, which replaces the organisation's row for that module.

export const ANSWER_REVEALS = ["never", "after_pass", "after_each_attempt"] as const;
export type AnswerReveal = (typeof ANSWER_REVEALS)[number];
export const answerRevealEnum = pgEnum("answer_reveal", ANSWER_REVEALS);

export const MAX_ATTEMPT_LIMIT = 50;
export const MAX_WAIT_MINUTES = 30 * 24 * 60;

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

const settingsColumns = () => ({
  revealAnswers: answerRevealEnum("reveal_answers").notNull().default("after_pass"),
  shuffleQuestions: boolean("shuffle_questions").notNull().default(true),
  shuffleOptions: boolean("shuffle_options").notNull().default(true),
  // Null: no limit.
  attemptLimit: integer("attempt_limit"),
  waitMinutes: integer("wait_minutes").notNull().default(0),
  requireReflection: boolean("require_reflection").notNull().default(false),
  version: integer("version").notNull().default(0),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const assessmentSettings = pgTable(
  "assessment_settings",
  {
    organisationId: uuid("organisation_id")
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    ...settingsColumns(),
  },
  (t) => [
    check("assessment_settings_limit_ck", sql`${t.attemptLimit} is null or (${t.attemptLimit} between 1 and ${sql.raw(String(MAX_ATTEMPT_LIMIT))})`),
    check("assessment_settings_wait_ck", sql`${t.waitMinutes} between 0 and ${sql.raw(String(MAX_WAIT_MINUTES))}`),
  ],
);

export const assessmentOverrides = pgTable(
  "assessment_overrides",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    ...settingsColumns(),
  },
  (t) => [
    primaryKey({ name: "assessment_overrides_pk", columns: [t.organisationId, t.moduleId] }),
    check("assessment_overrides_limit_ck", sql`${t.attemptLimit} is null or (${t.attemptLimit} between 1 and ${sql.raw(String(MAX_ATTEMPT_LIMIT))})`),
    check("assessment_overrides_wait_ck", sql`${t.waitMinutes} between 0 and ${sql.raw(String(MAX_WAIT_MINUTES))}`),
  ],
);

export type AssessmentSettingsRow = typeof assessmentSettings.$inferSelect;
export type AssessmentOverrideRow = typeof assessmentOverrides.$inferSelect;
