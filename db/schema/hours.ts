import { sql } from "drizzle-orm";
import { boolean, check, date, foreignKey, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { memberships, organisations } from "./core";

// Practicum hours: placement sites, which trainee is placed where and with which site
// supervisors, the hours ledger with its approvals, supervision sessions, requirement sets and the
// signed summaries. Every table is tenant-owned: organisation_id first in an index, and children
// reference (organisation_id, id) of their parent so nothing can straddle two organisations.
// Durations are whole minutes; dates of activities are calendar days (no time, no zone).

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const createdAt = () => ts("created_at").notNull().defaultNow();
const orgId = () =>
  uuid("organisation_id")
    .notNull()
    .references(() => organisations.id, { onDelete: "cascade" });
const day = (name: string) => date(name, { mode: "string" });

export const hourEntryStatusEnum = pgEnum("hour_entry_status", ["draft", "submitted", "returned", "approved"]);

// Kept in step with lib/hours/categories.ts (a new category needs a migration that widens this).
const CATEGORY_CHECK = sql.raw(
  `('direct_individual','direct_couple_family','direct_group','indirect_notes','indirect_preparation','indirect_case_conference','supervision_individual','supervision_group','skills_practice')`,
);

/** A placement site: an organisation's record of where trainees practise. Never client data. */
export const placements = pgTable(
  "placements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    archivedAt: ts("archived_at"),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [unique("placements_org_id_uq").on(t.organisationId, t.id), uniqueIndex("placements_org_name_idx").on(t.organisationId, sql`lower(${t.name})`)],
);

/** A trainee placed at a site. Its site supervisors (one or more) approve the hours logged there. */
export const traineePlacements = pgTable(
  "trainee_placements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    placementId: uuid("placement_id").notNull(),
    traineeMembershipId: uuid("trainee_membership_id").notNull(),
    startsOn: day("starts_on"),
    endsOn: day("ends_on"),
    archivedAt: ts("archived_at"),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    unique("trainee_placements_org_id_uq").on(t.organisationId, t.id),
    unique("trainee_placements_pair_uq").on(t.organisationId, t.placementId, t.traineeMembershipId),
    index("trainee_placements_org_trainee_idx").on(t.organisationId, t.traineeMembershipId),
    foreignKey({ name: "trainee_placements_placement_fk", columns: [t.organisationId, t.placementId], foreignColumns: [placements.organisationId, placements.id] }),
    foreignKey({ name: "trainee_placements_trainee_fk", columns: [t.organisationId, t.traineeMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
    check("trainee_placements_dates_ck", sql`${t.startsOn} is null or ${t.endsOn} is null or ${t.startsOn} <= ${t.endsOn}`),
  ],
);

export const traineePlacementSupervisors = pgTable(
  "trainee_placement_supervisors",
  {
    organisationId: uuid("organisation_id").notNull(),
    traineePlacementId: uuid("trainee_placement_id").notNull(),
    supervisorMembershipId: uuid("supervisor_membership_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ name: "trainee_placement_supervisors_pk", columns: [t.organisationId, t.traineePlacementId, t.supervisorMembershipId] }),
    index("trainee_placement_supervisors_org_sup_idx").on(t.organisationId, t.supervisorMembershipId),
    foreignKey({ name: "tps_placement_fk", columns: [t.organisationId, t.traineePlacementId], foreignColumns: [traineePlacements.organisationId, traineePlacements.id] }).onDelete("cascade"),
    foreignKey({ name: "tps_supervisor_fk", columns: [t.organisationId, t.supervisorMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

/**
 * One signature: a supervisor approving one or more entries at once (or running a supervision
 * session), with the name they typed as their attestation. Append-only (trigger in the migrations).
 */
export const hourApprovals = pgTable(
  "hour_approvals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    supervisorMembershipId: uuid("supervisor_membership_id").notNull(),
    attestation: text("attestation").notNull(),
    via: text("via").notNull(),
    entryCount: integer("entry_count").notNull(),
    minutes: integer("minutes").notNull(),
    approvedAt: ts("approved_at").notNull().defaultNow(),
  },
  (t) => [
    unique("hour_approvals_org_id_uq").on(t.organisationId, t.id),
    index("hour_approvals_org_sup_idx").on(t.organisationId, t.supervisorMembershipId, t.approvedAt),
    foreignKey({ name: "hour_approvals_supervisor_fk", columns: [t.organisationId, t.supervisorMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
    check("hour_approvals_via_ck", sql`${t.via} in ('review', 'session')`),
  ],
);

export const supervisionSessions = pgTable(
  "supervision_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    supervisorMembershipId: uuid("supervisor_membership_id").notNull(),
    occurredOn: day("occurred_on").notNull(),
    minutes: integer("minutes").notNull(),
    kind: text("kind").notNull(),
    agenda: text("agenda").notNull().default(""),
    // Private to the supervisor unless notes_shared: then the attendees read them too.
    notes: text("notes").notNull().default(""),
    notesShared: boolean("notes_shared").notNull().default(false),
    approvalId: uuid("approval_id").notNull(),
    // The form's id for the request: a retried "record" gives back the same session.
    clientRequestId: uuid("client_request_id"),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("supervision_sessions_org_id_uq").on(t.organisationId, t.id),
    index("supervision_sessions_org_sup_idx").on(t.organisationId, t.supervisorMembershipId, t.occurredOn),
    index("supervision_sessions_org_day_idx").on(t.organisationId, t.occurredOn),
    uniqueIndex("supervision_sessions_request_uq").on(t.organisationId, t.supervisorMembershipId, t.clientRequestId),
    foreignKey({ name: "supervision_sessions_supervisor_fk", columns: [t.organisationId, t.supervisorMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
    foreignKey({ name: "supervision_sessions_approval_fk", columns: [t.organisationId, t.approvalId], foreignColumns: [hourApprovals.organisationId, hourApprovals.id] }),
    check("supervision_sessions_kind_ck", sql`${t.kind} in ('individual', 'group')`),
    check("supervision_sessions_minutes_ck", sql`${t.minutes} between 1 and 1440`),
  ],
);

export const sessionAttendees = pgTable(
  "supervision_session_attendees",
  {
    organisationId: uuid("organisation_id").notNull(),
    sessionId: uuid("session_id").notNull(),
    traineeMembershipId: uuid("trainee_membership_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "session_attendees_pk", columns: [t.organisationId, t.sessionId, t.traineeMembershipId] }),
    index("session_attendees_org_trainee_idx").on(t.organisationId, t.traineeMembershipId),
    foreignKey({ name: "session_attendees_session_fk", columns: [t.organisationId, t.sessionId], foreignColumns: [supervisionSessions.organisationId, supervisionSessions.id] }).onDelete("cascade"),
    foreignKey({ name: "session_attendees_trainee_fk", columns: [t.organisationId, t.traineeMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
  ],
);

/** Rupture cases discussed in a session: only cases of its attendees. */
export const sessionCases = pgTable(
  "supervision_session_cases",
  {
    organisationId: uuid("organisation_id").notNull(),
    sessionId: uuid("session_id").notNull(),
    caseId: uuid("case_id").notNull(),
  },
  (t) => [
    primaryKey({ name: "session_cases_pk", columns: [t.organisationId, t.sessionId, t.caseId] }),
    index("session_cases_org_case_idx").on(t.organisationId, t.caseId),
    foreignKey({ name: "session_cases_session_fk", columns: [t.organisationId, t.sessionId], foreignColumns: [supervisionSessions.organisationId, supervisionSessions.id] }).onDelete("cascade"),
    foreignKey({ name: "session_cases_case_fk", columns: [t.organisationId, t.caseId], foreignColumns: [cases.organisationId, cases.id] }).onDelete("cascade"),
  ],
);

/**
 * One logged activity. draft -> submitted -> (returned -> submitted)* -> approved. An approved
 * entry is locked (a trigger refuses any UPDATE): a correction is a new entry pointing at it, and
 * once the correction is approved it counts instead of the original. Both are kept.
 */
export const hourEntries = pgTable(
  "hour_entries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    traineeMembershipId: uuid("trainee_membership_id").notNull(),
    traineePlacementId: uuid("trainee_placement_id"),
    sessionId: uuid("session_id"),
    occurredOn: day("occurred_on").notNull(),
    minutes: integer("minutes").notNull(),
    category: text("category").notNull(),
    note: text("note").notNull().default(""),
    status: hourEntryStatusEnum("status").notNull().default("draft"),
    // Optimistic concurrency: every change is `WHERE version = $expected`, then version + 1.
    version: integer("version").notNull().default(0),
    createdVia: text("created_via").notNull(),
    // Re-importing the same spreadsheet adds nothing: each row's key is unique per trainee.
    importKey: text("import_key"),
    correctsEntryId: uuid("corrects_entry_id"),
    submittedAt: ts("submitted_at"),
    returnedAt: ts("returned_at"),
    returnedByMembershipId: uuid("returned_by_membership_id"),
    returnReason: text("return_reason"),
    approvalId: uuid("approval_id"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [
    unique("hour_entries_org_id_uq").on(t.organisationId, t.id),
    // A trainee's entries by day; the last three columns let grouped sums (a trainee's progress, the
    // part-months at the ends of the cohort report's window) be read from the index alone.
    index("hour_entries_org_trainee_day_idx").on(t.organisationId, t.traineeMembershipId, t.occurredOn, t.id, t.category, t.status, t.minutes),
    index("hour_entries_org_placement_status_idx").on(t.organisationId, t.traineePlacementId, t.status, t.occurredOn),
    index("hour_entries_submitted_idx").on(t.organisationId, t.submittedAt).where(sql`${t.status} = 'submitted'`),
    index("hour_entries_org_approval_idx").on(t.organisationId, t.approvalId),
    uniqueIndex("hour_entries_import_uq").on(t.organisationId, t.traineeMembershipId, t.importKey).where(sql`${t.importKey} is not null`),
    uniqueIndex("hour_entries_corrects_uq").on(t.organisationId, t.correctsEntryId).where(sql`${t.correctsEntryId} is not null`),
    // A trainee's corrections, to leave out the entries they replace (lib/hours/progress.ts counted).
    index("hour_entries_org_trainee_corrections_idx").on(t.organisationId, t.traineeMembershipId).where(sql`${t.correctsEntryId} is not null`),
    uniqueIndex("hour_entries_session_uq").on(t.organisationId, t.sessionId, t.traineeMembershipId).where(sql`${t.sessionId} is not null`),
    // One draft per cell of the week grid: saving the grid updates it rather than adding another.
    uniqueIndex("hour_entries_grid_cell_uq")
      .on(t.organisationId, t.traineeMembershipId, t.traineePlacementId, t.occurredOn, t.category)
      .where(sql`${t.createdVia} = 'grid' and ${t.status} = 'draft'`),
    foreignKey({ name: "hour_entries_trainee_fk", columns: [t.organisationId, t.traineeMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
    foreignKey({ name: "hour_entries_placement_fk", columns: [t.organisationId, t.traineePlacementId], foreignColumns: [traineePlacements.organisationId, traineePlacements.id] }),
    foreignKey({ name: "hour_entries_session_fk", columns: [t.organisationId, t.sessionId], foreignColumns: [supervisionSessions.organisationId, supervisionSessions.id] }),
    foreignKey({ name: "hour_entries_approval_fk", columns: [t.organisationId, t.approvalId], foreignColumns: [hourApprovals.organisationId, hourApprovals.id] }),
    foreignKey({ name: "hour_entries_corrects_fk", columns: [t.organisationId, t.correctsEntryId], foreignColumns: [t.organisationId, t.id] }),
    foreignKey({ name: "hour_entries_returned_by_fk", columns: [t.organisationId, t.returnedByMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }),
    check("hour_entries_minutes_ck", sql`${t.minutes} between 0 and 1440 and (${t.minutes} > 0 or ${t.correctsEntryId} is not null)`),
    check("hour_entries_category_ck", sql`${t.category} in ${CATEGORY_CHECK}`),
    check("hour_entries_source_ck", sql`${t.traineePlacementId} is not null or ${t.sessionId} is not null`),
    check("hour_entries_approved_ck", sql`(${t.status} = 'approved') = (${t.approvalId} is not null)`),
    check("hour_entries_returned_ck", sql`${t.status} <> 'returned' or ${t.returnReason} is not null`),
    check("hour_entries_via_ck", sql`${t.createdVia} in ('form', 'grid', 'import', 'session', 'correction')`),
  ],
);

/**
 * Running totals of the entries that count (lib/hours/progress.ts `counted`), one row per trainee,
 * calendar month, category and status: the cohort hours report reads these instead of summing
 * every entry, so its cost follows the number of trainees on the page, not how long they have
 * been logging. The application never writes them: statement-level triggers on hour_entries
 * recount each month an insert, update or delete touches (migration 0023), including the month of
 * an original whose correction is approved.
 */
export const hourMonthlyTotals = pgTable(
  "hour_monthly_totals",
  {
    organisationId: orgId(),
    traineeMembershipId: uuid("trainee_membership_id").notNull(),
    month: day("month").notNull(),
    category: text("category").notNull(),
    status: hourEntryStatusEnum("status").notNull(),
    minutes: integer("minutes").notNull(),
    entries: integer("entries").notNull(),
    lastOn: day("last_on").notNull(),
  },
  (t) => [
    primaryKey({ name: "hour_monthly_totals_pk", columns: [t.organisationId, t.traineeMembershipId, t.month, t.category, t.status] }),
    // The report reads a page of trainees' totals from this index alone (no heap visits): the rows
    // are rewritten on every recount, so in the table a trainee's months end up on scattered pages.
    index("hour_monthly_totals_read_idx").on(t.organisationId, t.traineeMembershipId, t.month, t.category, t.status, t.minutes, t.lastOn),
    foreignKey({ name: "hour_monthly_totals_trainee_fk", columns: [t.organisationId, t.traineeMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
    check("hour_monthly_totals_month_ck", sql`extract(day from ${t.month}) = 1`),
  ],
);

/** The rules of a requirement set (lib/hours/requirements.ts validates and evaluates them). */
export type StoredRequirementRules = {
  lines: { key: string; label: string; minutes: number; categories: string[] }[];
  ratio: { contactHoursPerSupervisionHour: number; contact: string[]; supervision: string[] } | null;
  window: { from: string | null; to: string | null; months: number | null };
};

/** A requirement set an organisation works to: copied from a published one, or its own. */
export const hourRequirementSets = pgTable(
  "hour_requirement_sets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: orgId(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    source: text("source").notNull().default(""),
    standardKey: text("standard_key"),
    active: boolean("active").notNull().default(true),
    rules: jsonb("rules").$type<StoredRequirementRules>().notNull(),
    version: integer("version").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [unique("hour_requirement_sets_org_id_uq").on(t.organisationId, t.id), uniqueIndex("hour_requirement_sets_org_name_idx").on(t.organisationId, sql`lower(${t.name})`)],
);

export type SummarySnapshot = {
  traineeName: string;
  orgName: string;
  placementName: string | null;
  from: string;
  to: string;
  totals: { category: string; minutes: number }[];
  totalMinutes: number;
  approvals: { id: string; supervisorName: string; attestation: string; approvedAt: string; minutes: number; entries: number; via: string }[];
};

/** A signed summary as issued: the PDF is drawn from this snapshot; the serial verifies it. Append-only. */
export const hourSummaries = pgTable(
  "hour_summaries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    serial: text("serial").notNull().unique(),
    organisationId: orgId(),
    traineeMembershipId: uuid("trainee_membership_id").notNull(),
    traineePlacementId: uuid("trainee_placement_id"),
    periodFrom: day("period_from").notNull(),
    periodTo: day("period_to").notNull(),
    snapshot: jsonb("snapshot").$type<SummarySnapshot>().notNull(),
    createdByMembershipId: uuid("created_by_membership_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("hour_summaries_org_trainee_idx").on(t.organisationId, t.traineeMembershipId, t.createdAt),
    foreignKey({ name: "hour_summaries_trainee_fk", columns: [t.organisationId, t.traineeMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
    foreignKey({ name: "hour_summaries_placement_fk", columns: [t.organisationId, t.traineePlacementId], foreignColumns: [traineePlacements.organisationId, traineePlacements.id] }),
    foreignKey({ name: "hour_summaries_creator_fk", columns: [t.organisationId, t.createdByMembershipId], foreignColumns: [memberships.organisationId, memberships.id] }).onDelete("cascade"),
    check("hour_summaries_period_ck", sql`${t.periodFrom} <= ${t.periodTo}`),
  ],
);

export type Placement = typeof placements.$inferSelect;
export type TraineePlacement = typeof traineePlacements.$inferSelect;
export type HourEntry = typeof hourEntries.$inferSelect;
export type HourApproval = typeof hourApprovals.$inferSelect;
export type SupervisionSession = typeof supervisionSessions.$inferSelect;
export type HourRequirementSet = typeof hourRequirementSets.$inferSelect;
export type HourSummary = typeof hourSummaries.$inferSelect;
