import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { memberships, organisations, users } from "./core";

// In-app notifications and each member's choice of how to hear about each kind. Both tables are
// tenant-owned: organisation_id first in an index, and the recipient referenced as
// (organisation_id, membership id) so a notification can never point into another organisation.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    recipientMembershipId: uuid("recipient_membership_id").notNull(),
    kind: text("kind").notNull(),
    // One plain sentence each; never case narrative or client details (they are emailed).
    title: text("title").notNull(),
    body: text("body"),
    // A same-site path, checked when written and again when followed.
    href: text("href").notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    dedupeKey: text("dedupe_key"),
    readAt: ts("read_at"),
    // What the recipient's preference asked for when it was written: no email, one now, or the daily digest.
    emailed: text("emailed").notNull().default("no"),
    digestedAt: ts("digested_at"),
    // Millisecond precision, like the JavaScript dates the inbox's page cursor carries.
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date", precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index("notifications_inbox_idx").on(t.organisationId, t.recipientMembershipId, t.createdAt.desc().nullsFirst(), t.id),
    index("notifications_unread_idx").on(t.organisationId, t.recipientMembershipId).where(sql`${t.readAt} is null`),
    // A subject may be absent: coalesce so that (recipient, kind, no subject, key) still dedupes.
    uniqueIndex("notifications_dedupe_uq")
      .on(t.recipientMembershipId, t.kind, sql`coalesce(${t.subjectId}, '')`, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
    // The daily digest's work list, across organisations (it runs for the whole installation).
    index("notifications_digest_due_idx").on(t.createdAt).where(sql`${t.emailed} = 'digest' and ${t.digestedAt} is null`),
    foreignKey({
      name: "notifications_recipient_fk",
      columns: [t.organisationId, t.recipientMembershipId],
      foreignColumns: [memberships.organisationId, memberships.id],
    }).onDelete("cascade"),
    check("notifications_emailed_ck", sql`${t.emailed} in ('no', 'now', 'digest')`),
  ],
);

/** Absent row: the default channel (email). Safety kinds ignore whatever is stored here. */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    organisationId: uuid("organisation_id").notNull(),
    membershipId: uuid("membership_id").notNull(),
    kind: text("kind").notNull(),
    channel: text("channel").notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: "notification_preferences_pk", columns: [t.organisationId, t.membershipId, t.kind] }),
    foreignKey({
      name: "notification_preferences_member_fk",
      columns: [t.organisationId, t.membershipId],
      foreignColumns: [memberships.organisationId, memberships.id],
    }).onDelete("cascade"),
    check("notification_preferences_channel_ck", sql`${t.channel} in ('in_app', 'email', 'digest')`),
  ],
);

export type Notification = typeof notifications.$inferSelect;
export type NotificationPreference = typeof notificationPreferences.$inferSelect;
