import { sql } from "drizzle-orm";
import { check, customType, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "./core";
import { modules } from "./modules";

// Organisation settings that don't belong on the organisations row (a logo's bytes, per-module
// CPD hours) and pending email-address changes.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/** Raw bytes. Read and written through encode()/decode() in SQL, so both drivers see plain text. */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType() {
    return "bytea";
  },
});

/**
 * The organisation's logo: PNG or JPEG only, checked by its bytes (lib/orgs/logo-image.ts), at
 * most 512 KB. Kept in the database so it is backed up with everything else and works the same
 * on both drivers; served by /organisation/logo with the sniffed type and a locked-down CSP.
 */
export const organisationLogos = pgTable(
  "organisation_logos",
  {
    organisationId: uuid("organisation_id")
      .primaryKey()
      .references(() => organisations.id, { onDelete: "cascade" }),
    contentType: text("content_type").notNull(),
    content: bytea("content").notNull(),
    byteSize: integer("byte_size").notNull(),
    width: integer("width").notNull(),
    height: integer("height").notNull(),
    sha256: text("sha256").notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [check("organisation_logos_type_ck", sql`${t.contentType} in ('image/png', 'image/jpeg')`)],
);

/** CPD hours an organisation grants for a module (in minutes: no rounding of 1.25 h). */
export const moduleCpdHours = pgTable(
  "module_cpd_hours",
  {
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    moduleId: uuid("module_id")
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    minutes: integer("minutes").notNull(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "module_cpd_hours_pk", columns: [t.organisationId, t.moduleId] }), check("module_cpd_hours_minutes_ck", sql`${t.minutes} > 0 and ${t.minutes} <= 6000`)],
);

/**
 * A requested change of sign-in address: a single-use link (only its SHA-256 stored) sent to the
 * new address. The address changes only when that link is used, so only its owner can move an
 * account onto it.
 */
export const emailChanges = pgTable(
  "email_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    newEmail: text("new_email").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: ts("expires_at").notNull(),
    usedAt: ts("used_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("email_changes_user_idx").on(t.userId, t.createdAt)],
);

export type OrganisationLogo = typeof organisationLogos.$inferSelect;
