import { sql } from "drizzle-orm";
import { bigint, boolean, foreignKey, index, integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organisations, users } from "./core";

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

/**
 * Passkeys and security keys (WebAuthn credentials). Only the public key is stored; counter is
 * the authenticator's signature counter (a clone shows up as a counter going backwards).
 */
export const passkeys = pgTable(
  "passkeys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    credentialId: text("credential_id").notNull().unique(),
    publicKey: text("public_key").notNull(),
    counter: bigint("counter", { mode: "number" }).notNull().default(0),
    transports: jsonb("transports").$type<string[]>(),
    name: text("name").notNull(),
    deviceType: text("device_type"),
    backedUp: boolean("backed_up").notNull().default(false),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastUsedAt: ts("last_used_at"),
  },
  (t) => [index("passkeys_user_idx").on(t.userId)],
);

/** WebAuthn challenges already answered (each works once); rows past their expiry are pruned. */
export const webauthnUsedChallenges = pgTable(
  "webauthn_used_challenges",
  {
    challenge: text("challenge").primaryKey(),
    expiresAt: ts("expires_at").notNull(),
  },
  (t) => [index("webauthn_used_challenges_expiry_idx").on(t.expiresAt)],
);

/**
 * An organisation's OpenID Connect identity providers (one or several: staff on Entra ID, students
 * on Google Workspace). The client secret is sealed (AES-256-GCM). Which email domains each may
 * vouch for is organisation_domains.oidc_provider_id.
 */
export const oidcProviders = pgTable(
  "oidc_providers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    name: text("name").notNull().default("Identity provider"),
    issuer: text("issuer").notNull(),
    clientId: text("client_id").notNull(),
    clientSecretSealed: text("client_secret_sealed").notNull(),
    defaultRole: text("default_role").notNull().default("trainee"),
    defaultCohortId: uuid("default_cohort_id"),
    passwordSignIn: boolean("password_sign_in").notNull().default(true),
    // Where the organisation requires two-step sign-in: whether the provider's amr (RFC 8176) or
    // one of mfaAcrValues counts as it (docs/SSO.md, "Two-step sign-in through the provider").
    trustIdpMfa: boolean("trust_idp_mfa").notNull().default(true),
    mfaAcrValues: jsonb("mfa_acr_values").$type<string[]>().notNull().default([]),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  // Also the index that starts with the organisation, and the target of the domains' composite key.
  (t) => [unique("oidc_providers_org_id_uq").on(t.organisationId, t.id)],
);

/**
 * Email domains an organisation claims for single sign-on (issue 18, part D). A claim becomes
 * verified when a link sent to an address at the domain is followed; no two organisations can
 * hold the same verified domain (the partial unique index refuses the second).
 */
export const organisationDomains = pgTable(
  "organisation_domains",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    domain: text("domain").notNull(),
    verifyEmail: text("verify_email"),
    tokenHash: text("token_hash"),
    tokenExpiresAt: ts("token_expires_at"),
    verifiedAt: ts("verified_at"),
    // The identity provider that vouches for people at this domain (at most one, so an email
    // routes to exactly one provider); null: single sign-on isn't used for it.
    oidcProviderId: uuid("oidc_provider_id"),
    createdAt: ts("created_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("organisation_domains_org_domain_uq").on(t.organisationId, sql`lower(${t.domain})`),
    uniqueIndex("organisation_domains_verified_uq").on(sql`lower(${t.domain})`).where(sql`verified_at is not null`),
    index("organisation_domains_token_idx").on(t.tokenHash),
    // The composite key keeps a domain from naming another organisation's provider.
    foreignKey({ name: "organisation_domains_provider_fk", columns: [t.organisationId, t.oidcProviderId], foreignColumns: [oidcProviders.organisationId, oidcProviders.id] }),
  ],
);

