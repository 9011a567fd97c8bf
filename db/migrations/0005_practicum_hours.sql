CREATE TYPE "public"."hour_entry_status" AS ENUM('draft', 'submitted', 'returned', 'approved');--> statement-breakpoint
CREATE TABLE "hour_approvals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"supervisor_membership_id" uuid NOT NULL,
	"attestation" text NOT NULL,
	"via" text NOT NULL,
	"entry_count" integer NOT NULL,
	"minutes" integer NOT NULL,
	"approved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hour_approvals_org_id_uq" UNIQUE("organisation_id","id"),
	CONSTRAINT "hour_approvals_via_ck" CHECK ("hour_approvals"."via" in ('review', 'session'))
);
--> statement-breakpoint
CREATE TABLE "hour_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"trainee_membership_id" uuid NOT NULL,
	"trainee_placement_id" uuid,
	"session_id" uuid,
	"occurred_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"category" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" "hour_entry_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_via" text NOT NULL,
	"import_key" text,
	"corrects_entry_id" uuid,
	"submitted_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"returned_by_membership_id" uuid,
	"return_reason" text,
	"approval_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hour_entries_org_id_uq" UNIQUE("organisation_id","id"),
	CONSTRAINT "hour_entries_minutes_ck" CHECK ("hour_entries"."minutes" between 0 and 1440 and ("hour_entries"."minutes" > 0 or "hour_entries"."corrects_entry_id" is not null)),
	CONSTRAINT "hour_entries_category_ck" CHECK ("hour_entries"."category" in ('direct_individual','direct_couple_family','direct_group','indirect_notes','indirect_preparation','indirect_case_conference','supervision_individual','supervision_group','skills_practice')),
	CONSTRAINT "hour_entries_source_ck" CHECK ("hour_entries"."trainee_placement_id" is not null or "hour_entries"."session_id" is not null),
	CONSTRAINT "hour_entries_approved_ck" CHECK (("hour_entries"."status" = 'approved') = ("hour_entries"."approval_id" is not null)),
	CONSTRAINT "hour_entries_returned_ck" CHECK ("hour_entries"."status" <> 'returned' or "hour_entries"."return_reason" is not null),
	CONSTRAINT "hour_entries_via_ck" CHECK ("hour_entries"."created_via" in ('form', 'grid', 'import', 'session', 'correction'))
);
--> statement-breakpoint
CREATE TABLE "hour_requirement_sets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"source" text DEFAULT '' NOT NULL,
	"standard_key" text,
	"active" boolean DEFAULT true NOT NULL,
	"rules" jsonb NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hour_requirement_sets_org_id_uq" UNIQUE("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "hour_summaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"serial" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"trainee_membership_id" uuid NOT NULL,
	"trainee_placement_id" uuid,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"snapshot" jsonb NOT NULL,
	"created_by_membership_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hour_summaries_serial_unique" UNIQUE("serial"),
	CONSTRAINT "hour_summaries_period_ck" CHECK ("hour_summaries"."period_from" <= "hour_summaries"."period_to")
);
--> statement-breakpoint
CREATE TABLE "placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "placements_org_id_uq" UNIQUE("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "supervision_session_attendees" (
	"organisation_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"trainee_membership_id" uuid NOT NULL,
	CONSTRAINT "session_attendees_pk" PRIMARY KEY("organisation_id","session_id","trainee_membership_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_session_cases" (
	"organisation_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	CONSTRAINT "session_cases_pk" PRIMARY KEY("organisation_id","session_id","case_id")
);
--> statement-breakpoint
CREATE TABLE "supervision_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"supervisor_membership_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"kind" text NOT NULL,
	"agenda" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"notes_shared" boolean DEFAULT false NOT NULL,
	"approval_id" uuid NOT NULL,
	"client_request_id" uuid,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_sessions_org_id_uq" UNIQUE("organisation_id","id"),
	CONSTRAINT "supervision_sessions_kind_ck" CHECK ("supervision_sessions"."kind" in ('individual', 'group')),
	CONSTRAINT "supervision_sessions_minutes_ck" CHECK ("supervision_sessions"."minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE TABLE "trainee_placement_supervisors" (
	"organisation_id" uuid NOT NULL,
	"trainee_placement_id" uuid NOT NULL,
	"supervisor_membership_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainee_placement_supervisors_pk" PRIMARY KEY("organisation_id","trainee_placement_id","supervisor_membership_id")
);
--> statement-breakpoint
CREATE TABLE "trainee_placements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"placement_id" uuid NOT NULL,
	"trainee_membership_id" uuid NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "trainee_placements_org_id_uq" UNIQUE("organisation_id","id"),
	CONSTRAINT "trainee_placements_pair_uq" UNIQUE("organisation_id","placement_id","trainee_membership_id"),
	CONSTRAINT "trainee_placements_dates_ck" CHECK ("trainee_placements"."starts_on" is null or "trainee_placements"."ends_on" is null or "trainee_placements"."starts_on" <= "trainee_placements"."ends_on")
);
--> statement-breakpoint
ALTER TABLE "hour_approvals" ADD CONSTRAINT "hour_approvals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_approvals" ADD CONSTRAINT "hour_approvals_supervisor_fk" FOREIGN KEY ("organisation_id","supervisor_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_entries" ADD CONSTRAINT "hour_entries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_entries" ADD CONSTRAINT "hour_entries_trainee_fk" FOREIGN KEY ("organisation_id","trainee_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_entries" ADD CONSTRAINT "hour_entries_placement_fk" FOREIGN KEY ("organisation_id","trainee_placement_id") REFERENCES "public"."trainee_placements"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_entries" ADD CONSTRAINT "hour_entries_session_fk" FOREIGN KEY ("organisation_id","session_id") REFERENCES "public"."supervision_sessions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_entries" ADD CONSTRAINT "hour_entries_approval_fk" FOREIGN KEY ("organisation_id","approval_id") REFERENCES "public"."hour_approvals"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_entries" ADD CONSTRAINT "hour_entries_corrects_fk" FOREIGN KEY ("organisation_id","corrects_entry_id") REFERENCES "public"."hour_entries"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_entries" ADD CONSTRAINT "hour_entries_returned_by_fk" FOREIGN KEY ("organisation_id","returned_by_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_requirement_sets" ADD CONSTRAINT "hour_requirement_sets_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_summaries" ADD CONSTRAINT "hour_summaries_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_summaries" ADD CONSTRAINT "hour_summaries_trainee_fk" FOREIGN KEY ("organisation_id","trainee_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_summaries" ADD CONSTRAINT "hour_summaries_placement_fk" FOREIGN KEY ("organisation_id","trainee_placement_id") REFERENCES "public"."trainee_placements"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_summaries" ADD CONSTRAINT "hour_summaries_creator_fk" FOREIGN KEY ("organisation_id","created_by_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "placements" ADD CONSTRAINT "placements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_session_attendees" ADD CONSTRAINT "session_attendees_session_fk" FOREIGN KEY ("organisation_id","session_id") REFERENCES "public"."supervision_sessions"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_session_attendees" ADD CONSTRAINT "session_attendees_trainee_fk" FOREIGN KEY ("organisation_id","trainee_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_session_cases" ADD CONSTRAINT "session_cases_session_fk" FOREIGN KEY ("organisation_id","session_id") REFERENCES "public"."supervision_sessions"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_session_cases" ADD CONSTRAINT "session_cases_case_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_supervisor_fk" FOREIGN KEY ("organisation_id","supervisor_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_sessions" ADD CONSTRAINT "supervision_sessions_approval_fk" FOREIGN KEY ("organisation_id","approval_id") REFERENCES "public"."hour_approvals"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainee_placement_supervisors" ADD CONSTRAINT "tps_placement_fk" FOREIGN KEY ("organisation_id","trainee_placement_id") REFERENCES "public"."trainee_placements"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainee_placement_supervisors" ADD CONSTRAINT "tps_supervisor_fk" FOREIGN KEY ("organisation_id","supervisor_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainee_placements" ADD CONSTRAINT "trainee_placements_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainee_placements" ADD CONSTRAINT "trainee_placements_placement_fk" FOREIGN KEY ("organisation_id","placement_id") REFERENCES "public"."placements"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trainee_placements" ADD CONSTRAINT "trainee_placements_trainee_fk" FOREIGN KEY ("organisation_id","trainee_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hour_approvals_org_sup_idx" ON "hour_approvals" USING btree ("organisation_id","supervisor_membership_id","approved_at");--> statement-breakpoint
CREATE INDEX "hour_entries_org_trainee_day_idx" ON "hour_entries" USING btree ("organisation_id","trainee_membership_id","occurred_on","id");--> statement-breakpoint
CREATE INDEX "hour_entries_org_placement_status_idx" ON "hour_entries" USING btree ("organisation_id","trainee_placement_id","status","occurred_on");--> statement-breakpoint
CREATE INDEX "hour_entries_submitted_idx" ON "hour_entries" USING btree ("organisation_id","submitted_at") WHERE "hour_entries"."status" = 'submitted';--> statement-breakpoint
CREATE INDEX "hour_entries_org_approval_idx" ON "hour_entries" USING btree ("organisation_id","approval_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hour_entries_import_uq" ON "hour_entries" USING btree ("organisation_id","trainee_membership_id","import_key") WHERE "hour_entries"."import_key" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "hour_entries_corrects_uq" ON "hour_entries" USING btree ("organisation_id","corrects_entry_id") WHERE "hour_entries"."corrects_entry_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "hour_entries_session_uq" ON "hour_entries" USING btree ("organisation_id","session_id","trainee_membership_id") WHERE "hour_entries"."session_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "hour_entries_grid_cell_uq" ON "hour_entries" USING btree ("organisation_id","trainee_membership_id","trainee_placement_id","occurred_on","category") WHERE "hour_entries"."created_via" = 'grid' and "hour_entries"."status" = 'draft';--> statement-breakpoint
CREATE UNIQUE INDEX "hour_requirement_sets_org_name_idx" ON "hour_requirement_sets" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE INDEX "hour_summaries_org_trainee_idx" ON "hour_summaries" USING btree ("organisation_id","trainee_membership_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "placements_org_name_idx" ON "placements" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE INDEX "session_attendees_org_trainee_idx" ON "supervision_session_attendees" USING btree ("organisation_id","trainee_membership_id");--> statement-breakpoint
CREATE INDEX "session_cases_org_case_idx" ON "supervision_session_cases" USING btree ("organisation_id","case_id");--> statement-breakpoint
CREATE INDEX "supervision_sessions_org_sup_idx" ON "supervision_sessions" USING btree ("organisation_id","supervisor_membership_id","occurred_on");--> statement-breakpoint
CREATE INDEX "supervision_sessions_org_day_idx" ON "supervision_sessions" USING btree ("organisation_id","occurred_on");--> statement-breakpoint
CREATE UNIQUE INDEX "supervision_sessions_request_uq" ON "supervision_sessions" USING btree ("organisation_id","supervisor_membership_id","client_request_id");--> statement-breakpoint
CREATE INDEX "trainee_placement_supervisors_org_sup_idx" ON "trainee_placement_supervisors" USING btree ("organisation_id","supervisor_membership_id");--> statement-breakpoint
CREATE INDEX "trainee_placements_org_trainee_idx" ON "trainee_placements" USING btree ("organisation_id","trainee_membership_id");