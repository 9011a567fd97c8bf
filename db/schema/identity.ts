import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./core";

// Second factors belong to the person's account (one account may belong to several
// organisations), like user_sessions: no organisation column.

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });

/**
 * A person's authenticator app (RFC 6238), at most one. The shared secret is sealed with
 * AES-256-GCM (lib/util/secret-box.ts); lastTimeStep is the newest 30-second step a code was
 * accepted for, so no code is accepted twice.
 */
export const totpFactors = pgTable("totp_factors", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretSealed: text("secret_sealed").notNull(),
  lastTimeStep: integer("last_time_step"),
  // Null while the person is still setting it up (they have seen the secret but not yet typed a code).
  confirmedAt: ts("confirmed_at"),
  createdAt: ts("created_at").notNull().defaultNow(),
  lastUsedAt: ts("last_used_at"),
});

/** Single-use recovery codes: only an argon2id hash of each is stored. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: ts("used_at"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId, t.usedAt)],
);
