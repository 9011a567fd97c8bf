import { relations, sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const roleEnum = pgEnum("role", ["trainee", "supervisor", "org_admin"]);
export const membershipStatusEnum = pgEnum("membership_status", ["active", "deactivated"]);
export const auditOutcomeEnum = pgEnum("audit_outcome", ["success", "denied", "failure"]);

const createdAt = () => timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow();

export const organisations = pgTable("organisations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  // Set by the operator (npm run org:verify): until then the organisation's outgoing invitations
  // are capped per day, so open sign-up cannot turn Rapport into a phishing relay.
  verifiedAt: timestamp("verified_at", { withTimezone: true, mode: "date" }),
  // What happens when a trainee with no active supervisor submits a case: "refuse" (the default:
  // the case stays a draft and the trainee is told to ask the admin) or "admin_queue" (it is
  // submitted and waits, visible to the org admins, until they assign a supervisor).
  unassignedCases: text("unassigned_cases").notNull().default("refuse"),
  // Settings an org_admin edits on /admin/organisation (lib/orgs/settings.ts). The time zone is an
  // IANA name, checked against Intl.supportedValuesOf("timeZone") on save; every date the
  // organisation's people see (and its certificates) is shown in it.
  timeZone: text("time_zone").notNull().default("Australia/Sydney"),
  // Who signs the organisation's certificates; copied onto each certificate when it is issued.
  signatoryName: text("signatory_name"),
  signatoryTitle: text("signatory_title"),
  // Optimistic concurrency for the settings form: two admins editing at once are told, not overwritten.
  settingsVersion: integer("settings_version").notNull().default(0),
  // Who must use two-step sign-in: "off", "staff" (supervisors and org admins) or "everyone".
  // Someone it applies to who has no second factor is taken to enrolment on their next sign-in.
  twoFactorPolicy: text("two_factor_policy").notNull().default("off"),
  // Whether members may sign in with a passkey alone (no password). Applies to someone only when
  // every organisation they belong to allows it.
  passkeySignIn: boolean("passkey_sign_in").notNull().default(false),
  // How long the organisation's audit events are kept before `npm run audit:archive` may export
  // and drop them: at least 1 year (accreditation asks for records), 7 by default; a check in
  // 0019_audit_partitions.sql holds the range.
  auditRetentionYears: integer("audit_retention_years").notNull().default(7),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    // Bumped on password change or disable: every JWT carrying an older value is refused.
    sessionVersion: integer("session_version").notNull().default(0),
    disabledAt: timestamp("disabled_at", { withTimezone: true, mode: "date" }),
    // When the person last proved they control this mailbox (a link that only the mailbox
    // received). Until then they cannot read case narratives.
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true, mode: "date" }),
    // Optional, from the profile on /account: what the person likes to be called, and their pronouns.
    // `name` stays the display name (on certificates and to supervisors and admins).
    preferredName: text("preferred_name"),
    pronouns: text("pronouns"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)],
);

export const memberships = pgTable(
  "memberships",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    status: membershipStatusEnum("status").notNull().default("active"),
    version: integer("version").notNull().default(0),
    joinedAt: createdAt(),
    // When this admin dismissed the first-run setup guide on home (per membership: each admin decides).
    setupGuideDismissedAt: timestamp("setup_guide_dismissed_at", { withTimezone: true, mode: "date" }),
    // lower(users.name), kept by triggers (migration 0016): the lists of people (members, completion,
    // hours report) are paginated by name, and an index can only serve that order from the table
    // that holds the organisation. Never written by the application.
    sortName: text("sort_name").notNull().default(""),
  },
  (t) => [
    unique("memberships_org_user_uq").on(t.organisationId, t.userId),
    // Lets child tables reference (organisation_id, id) so a row can never join two organisations.
    unique("memberships_org_id_uq").on(t.organisationId, t.id),
    index("memberships_org_role_idx").on(t.organisationId, t.role, t.status),
    index("memberships_user_idx").on(t.userId),
    // A page of people by name reads that page, not the whole organisation (docs/SCALE.md).
    index("memberships_org_sort_name_idx").on(t.organisationId, t.sortName, t.id),
  ],
);

export const supervisions = pgTable(
  "supervisions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    supervisorMembershipId: uuid("supervisor_membership_id").notNull(),
    traineeMembershipId: uuid("trainee_membership_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique("supervisions_pair_uq").on(t.organisationId, t.supervisorMembershipId, t.traineeMembershipId),
    index("supervisions_org_trainee_idx").on(t.organisationId, t.traineeMembershipId),
    foreignKey({
      name: "supervisions_supervisor_fk",
      columns: [t.organisationId, t.supervisorMembershipId],
      foreignColumns: [memberships.organisationId, memberships.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "supervisions_trainee_fk",
      columns: [t.organisationId, t.traineeMembershipId],
      foreignColumns: [memberships.organisationId, memberships.id],
    }).onDelete("cascade"),
  ],
);

// Append-only: a trigger in the migrations refuses UPDATE, DELETE and TRUNCATE, on every partition.
// Partitioned by month on occurred_at (db/migrations/0019_audit_partitions.sql, hand-written:
// drizzle-kit knows nothing of partitions). PostgreSQL requires the partition column in every
// unique key, hence the primary key (id, occurred_at); ids still come from one sequence, so id alone
// stays unique in practice. Partitions are created ahead by the app (lib/audit/partitions.ts) and
// old ones exported and dropped by `npm run audit:archive`.
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).notNull(),
    organisationId: uuid("organisation_id"),
    actorUserId: uuid("actor_user_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    outcome: auditOutcomeEnum("outcome").notNull(),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "audit_events_pk", columns: [t.id, t.occurredAt] }),
    // The viewer with routine reads included pages by (occurred_at, id) newest first: this index,
    // read backwards in each partition, serves it.
    index("audit_events_org_time_idx").on(t.organisationId, t.occurredAt, t.id),
    index("audit_events_actor_time_idx").on(t.actorUserId, t.occurredAt),
    // One thing's history (an hour entry's page lists its events) without reading the organisation's whole log.
    index("audit_events_org_target_idx").on(t.organisationId, t.targetType, t.targetId),
    // The viewer's default page leaves out routine reads (every action named *.viewed, by far the
    // most rows): this partial index serves it newest first without reading past them. The
    // predicate is a pattern, not a list, so a new *.viewed action needs no new index; the
    // viewer's query repeats it word for word (lib/reports/audit-log.ts) so the planner matches it.
    index("audit_events_org_changes_idx").on(t.organisationId, t.occurredAt, t.id).where(sql`${t.action} not like '%.viewed'`),
  ],
);

export const organisationsRelations = relations(organisations, ({ many }) => ({
  memberships: many(memberships),
}));

export const usersRelations = relations(users, ({ many }) => ({
  memberships: many(memberships),
}));

export const membershipsRelations = relations(memberships, ({ one }) => ({
  organisation: one(organisations, { fields: [memberships.organisationId], references: [organisations.id] }),
  user: one(users, { fields: [memberships.userId], references: [users.id] }),
}));

export type Role = (typeof roleEnum.enumValues)[number];
export type User = typeof users.$inferSelect;
export type Organisation = typeof organisations.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;

/**
 * Failed sign-ins per account (key "email:<address>") and per client address ("addr:<ip>"), kept in
 * PostgreSQL so every app instance sees the same counts.
 */
export const signInThrottles = pgTable(
  "sign_in_throttles",
  {
    key: text("key").primaryKey(),
    windowFailures: integer("window_failures").notNull().default(0),
    totalFailures: integer("total_failures").notNull().default(0),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    blockedUntil: timestamp("blocked_until", { withTimezone: true, mode: "date" }),
    lockedAt: timestamp("locked_at", { withTimezone: true, mode: "date" }),
  },
  (t) => [index("sign_in_throttles_locked_idx").on(t.lockedAt), index("sign_in_throttles_window_idx").on(t.windowStartedAt)],
);

/**
 * Browsers that signed in to an account before (a random cookie id, stored hashed). A known
 * browser is exempt from the account-wide sign-in ceiling, so an attacker who only knows the
 * email cannot lock the owner out.
 */
export const signInDevices = pgTable(
  "sign_in_devices",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    deviceHash: text("device_hash").notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deviceHash] })],
);

/**
 * Fixed-window counters for unauthenticated writes (sign-up, reset requests, sign-in audit per
 * client): each write a visitor can cause without an account is bounded. Rows expire.
 */
export const requestLimits = pgTable(
  "request_limits",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull().default(0),
    windowStartedAt: timestamp("window_started_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("request_limits_window_idx").on(t.windowStartedAt)],
);

/** Single-use links that prove a person controls their mailbox: only a SHA-256 is stored. */
export const emailVerifications = pgTable(
  "email_verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("email_verifications_user_idx").on(t.userId, t.createdAt)],
);

/** Single-use password reset links: only a SHA-256 of the token is stored. */
export const passwordResets = pgTable(
  "password_resets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true, mode: "date" }),
    createdAt: createdAt(),
  },
  (t) => [index("password_resets_user_idx").on(t.userId, t.createdAt)],
);

/**
 * One row per signed-in session (the JWT carries its id). Lets sign-out end the session on the
 * server, enforces idle and absolute lifetimes, and lets a person see and end their sessions.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
    userAgent: text("user_agent"),
    // How the person proved who they are ("password", later "passkey" or "sso"), and the client
    // address when a trusted proxy reports it: shown to the person as their sign-in history.
    method: text("method").notNull().default("password"),
    address: text("address"),
    // "verify": the password was right but the second factor is still owed; "enrol": the person
    // must set one up first. Either way the session opens nothing but those steps (lib/core/context.ts).
    factorPending: text("factor_pending"),
    // How the second step was passed ("totp", "recovery_code", "passkey"), null when there was none.
    secondFactor: text("second_factor"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId, t.revokedAt)],
);
