import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { memberships, organisations, roleEnum, users } from "./core";
import { modules } from "./modules";

// Onboarding and administration: cohorts, invitations, the email outbox, required modules,
// reminders and each member's onboarding profile. Every table is tenant-owned; child rows
// reference (organisation_id, id) of their parent so nothing can straddle two organisations.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => ts("created_at").notNull().defaultNow();
const orgId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });

export const cohorts = pgTable(
  "cohorts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    name: text("name").notNull(),
    archivedAt: ts("archived_at"),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    unique("cohorts_org_id_uq").on(t.organisationId, t.id),
    uniqueIndex("cohorts_org_name_idx").on(t.organisationId, sql`lower(${t.name})`),
  ],
);

export const cohortMembers = pgTable(
  "cohort_members",
  {
    organisationId: uuid("organisation_id").notNull(),
    cohortId: uuid("cohort_id").notNull(),
    membershipId: uuid("membership_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "cohort_members_pk", columns: [t.organisationId, t.cohortId, t.membershipId] }),
    index("cohort_members_org_member_idx").on(t.organisationId, t.membershipId),
    foreignKey({ name: "cohort_members_cohort_fk", columns: [t.organisationId, t.cohortId], foreignColumns: [cohorts.organisationId, cohorts.id] }).onDelete("cascade"),
    foreignKey({ name: "cohort_members_member_fk", columns: [t.organisationId, t.membershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    email: text("email").notNull(), // stored lower-case
    name: text("name").notNull().default(""),
    role: roleEnum("role").notNull(),
    supervisorMembershipId: uuid("supervisor_membership_id"),
    cohortId: uuid("cohort_id"),
    // sha256 of the 32-byte token; the token itself exists only in the email.
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: ts("expires_at").notNull(),
    acceptedAt: ts("accepted_at"),
    acceptedMembershipId: uuid("accepted_membership_id"),
    revokedAt: ts("revoked_at"),
    // A resend revokes this row and points at its replacement, so an old link can say why it stopped working.
    replacedById: uuid("replaced_by_id"),
    invitedByUserId: uuid("invited_by_user_id").references(() => users.id, { onDelete: "set null" }),
    // True when the link went out by real email only (the admin-readable copy is redacted):
    // accepting it then proves control of the mailbox and verifies the account's email.
    linkPrivate: boolean("link_private").notNull().default(false),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    unique("invitations_org_id_uq").on(t.organisationId, t.id),
    index("invitations_org_created_idx").on(t.organisationId, t.createdAt, t.id),
    // At most one open invitation per address and organisation: re-importing a file creates nothing twice.
    uniqueIndex("invitations_open_email_idx")
      .on(t.organisationId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    foreignKey({ name: "invitations_supervisor_fk", columns: [t.organisationId, t.supervisorMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }),
    foreignKey({ name: "invitations_cohort_fk", columns: [t.organisationId, t.cohortId], foreignColumns: [cohorts.organisationId, cohorts.id] }),
  ],
);

export const outboxStatusEnum = pgEnum("outbox_status", ["stored", "queued", "sent", "failed"]);

/** Every email Rapport sends. Without SMTP_URL it stays here ("stored") for an org_admin to read. */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html"),
    kind: text("kind").notNull(),
    status: outboxStatusEnum("status").notNull(),
    error: text("error"),
    // What the mail server receives, secrets (links) included, while the message is queued; the
    // columns above are the redacted copy an admin may read. Cleared once sent or given up.
    deliverText: text("deliver_text"),
    deliverHtml: text("deliver_html"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: ts("next_attempt_at"),
    // A worker's claim: another worker skips the row until this passes (a crashed worker's claim expires).
    claimedUntil: ts("claimed_until"),
    createdAt: createdAt(),
    sentAt: ts("sent_at"),
  },
  (t) => [
    index("outbox_org_created_idx").on(t.organisationId, t.createdAt, t.id),
    index("outbox_queued_idx").on(t.nextAttemptAt).where(sql`status = 'queued'`),
  ],
);

export const moduleRequirements = pgTable(
  "module_requirements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    role: roleEnum("role"),
    cohortId: uuid("cohort_id"),
    dueOn: date("due_on", { mode: "string" }),
    dueDays: integer("due_days"),
    createdAt: createdAt(),
  },
  (t) => [
    index("module_requirements_org_idx").on(t.organisationId, t.moduleId),
    uniqueIndex("module_requirements_role_uq").on(t.organisationId, t.moduleId, t.role).where(sql`${t.role} is not null`),
    uniqueIndex("module_requirements_cohort_uq").on(t.organisationId, t.moduleId, t.cohortId).where(sql`${t.cohortId} is not null`),
    foreignKey({ name: "module_requirements_cohort_fk", columns: [t.organisationId, t.cohortId], foreignColumns: [cohorts.organisationId, cohorts.id] }).onDelete("cascade"),
    check("module_requirements_target_ck", sql`(${t.role} is null) <> (${t.cohortId} is null)`),
    check("module_requirements_due_ck", sql`(${t.dueOn} is null) <> (${t.dueDays} is null)`),
    check("module_requirements_days_ck", sql`${t.dueDays} is null or (${t.dueDays} between 0 and 3650)`),
  ],
);

/** One row per reminder sent: the unique key is what stops a second email for the same item on the same day. */
export const reminderLog = pgTable(
  "reminder_log",
  {
    organisationId: uuid("organisation_id").notNull(),
    membershipId: uuid("membership_id").notNull(),
    item: text("item").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    kind: text("kind").notNull(),
    outboxId: uuid("outbox_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "reminder_log_pk", columns: [t.organisationId, t.membershipId, t.item, t.day] }),
    foreignKey({ name: "reminder_log_member_fk", columns: [t.organisationId, t.membershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

/** The onboarding profile a member completes in this organisation (kept apart from memberships). */
export const memberProfiles = pgTable(
  "member_profiles",
  {
    organisationId: uuid("organisation_id").notNull(),
    membershipId: uuid("membership_id").notNull(),
    position: text("position").notNull(),
    pronouns: text("pronouns").notNull().default(""),
    completedAt: ts("completed_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "member_profiles_pk", columns: [t.organisationId, t.membershipId] }),
    foreignKey({ name: "member_profiles_member_fk", columns: [t.organisationId, t.membershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

export type Cohort = typeof cohorts.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
export type ModuleRequirement = typeof moduleRequirements.$inferSelect;
