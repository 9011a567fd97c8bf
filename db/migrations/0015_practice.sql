CREATE TABLE "practice_assignees" (
	"organisation_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"trainee_membership_id" uuid NOT NULL,
	CONSTRAINT "practice_assignees_pk" PRIMARY KEY("organisation_id","assignment_id","trainee_membership_id")
);
--> statement-breakpoint
CREATE TABLE "practice_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"drill_slug" text,
	"drill_id" uuid,
	"cohort_id" uuid,
	"due_on" date,
	"assigned_by_membership_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_assignments_org_id_uq" UNIQUE("organisation_id","id"),
	CONSTRAINT "practice_assignments_drill_ck" CHECK (("practice_assignments"."drill_slug" is null) <> ("practice_assignments"."drill_id" is null))
);
--> statement-breakpoint
CREATE TABLE "practice_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"trainee_membership_id" uuid NOT NULL,
	"drill_slug" text,
	"drill_id" uuid,
	"drill_version_id" uuid,
	"drill_title" text NOT NULL,
	"drill_difficulty" integer NOT NULL,
	"drill_markers" jsonb NOT NULL,
	"mode" text NOT NULL,
	"response_text" text,
	"seconds_spent" integer DEFAULT 0 NOT NULL,
	"hours_entry_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_attempts_org_id_uq" UNIQUE("organisation_id","id"),
	CONSTRAINT "practice_attempts_drill_ck" CHECK (("practice_attempts"."drill_slug" is null) <> ("practice_attempts"."drill_id" is null)),
	CONSTRAINT "practice_attempts_version_ck" CHECK (("practice_attempts"."drill_id" is null) = ("practice_attempts"."drill_version_id" is null)),
	CONSTRAINT "practice_attempts_mode_ck" CHECK ("practice_attempts"."mode" in ('typed', 'spoken')),
	CONSTRAINT "practice_attempts_typed_ck" CHECK ("practice_attempts"."mode" <> 'typed' or "practice_attempts"."response_text" is not null),
	CONSTRAINT "practice_attempts_seconds_ck" CHECK ("practice_attempts"."seconds_spent" between 0 and 86400)
);
--> statement-breakpoint
CREATE TABLE "practice_drill_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"drill_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"rupture_type" text NOT NULL,
	"markers" jsonb NOT NULL,
	"difficulty" integer NOT NULL,
	"context" text NOT NULL,
	"client_lines" jsonb NOT NULL,
	"lens" text DEFAULT '' NOT NULL,
	"suggested_strategies" jsonb NOT NULL,
	"model_response" text NOT NULL,
	"pitfalls" jsonb NOT NULL,
	"clip_file" text,
	"clip_type" text,
	"clip_bytes" integer,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_drill_versions_org_id_uq" UNIQUE("organisation_id","id"),
	CONSTRAINT "practice_drill_versions_number_uq" UNIQUE("organisation_id","drill_id","number"),
	CONSTRAINT "practice_drill_versions_difficulty_ck" CHECK ("practice_drill_versions"."difficulty" between 1 and 3),
	CONSTRAINT "practice_drill_versions_type_ck" CHECK ("practice_drill_versions"."rupture_type" in ('withdrawal', 'confrontation', 'mixed'))
);
--> statement-breakpoint
CREATE TABLE "practice_drills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_by_membership_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_drills_org_id_uq" UNIQUE("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "practice_feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"attempt_id" uuid NOT NULL,
	"reviewer_membership_id" uuid NOT NULL,
	"strategies" jsonb NOT NULL,
	"attunement" integer NOT NULL,
	"non_defensiveness" integer NOT NULL,
	"invitation" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_feedback_reviewer_uq" UNIQUE("organisation_id","attempt_id","reviewer_membership_id"),
	CONSTRAINT "practice_feedback_scales_ck" CHECK ("practice_feedback"."attunement" between 1 and 5 and "practice_feedback"."non_defensiveness" between 1 and 5 and "practice_feedback"."invitation" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "practice_recordings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"attempt_id" uuid NOT NULL,
	"file" text NOT NULL,
	"content_type" text NOT NULL,
	"byte_size" integer NOT NULL,
	"duration_seconds" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_recordings_attempt_uq" UNIQUE("organisation_id","attempt_id")
);
--> statement-breakpoint
CREATE TABLE "practice_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"recording_retention_days" integer DEFAULT 90 NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "practice_settings_retention_ck" CHECK ("practice_settings"."recording_retention_days" between 1 and 3650)
);
--> statement-breakpoint
ALTER TABLE "practice_assignees" ADD CONSTRAINT "practice_assignees_assignment_fk" FOREIGN KEY ("organisation_id","assignment_id") REFERENCES "public"."practice_assignments"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_assignees" ADD CONSTRAINT "practice_assignees_trainee_fk" FOREIGN KEY ("organisation_id","trainee_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_assignments" ADD CONSTRAINT "practice_assignments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_assignments" ADD CONSTRAINT "practice_assignments_drill_fk" FOREIGN KEY ("organisation_id","drill_id") REFERENCES "public"."practice_drills"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_assignments" ADD CONSTRAINT "practice_assignments_cohort_fk" FOREIGN KEY ("organisation_id","cohort_id") REFERENCES "public"."cohorts"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_assignments" ADD CONSTRAINT "practice_assignments_by_fk" FOREIGN KEY ("organisation_id","assigned_by_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_attempts" ADD CONSTRAINT "practice_attempts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_attempts" ADD CONSTRAINT "practice_attempts_trainee_fk" FOREIGN KEY ("organisation_id","trainee_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_attempts" ADD CONSTRAINT "practice_attempts_drill_fk" FOREIGN KEY ("organisation_id","drill_id") REFERENCES "public"."practice_drills"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_attempts" ADD CONSTRAINT "practice_attempts_drill_version_fk" FOREIGN KEY ("organisation_id","drill_version_id") REFERENCES "public"."practice_drill_versions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_drill_versions" ADD CONSTRAINT "practice_drill_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_drill_versions" ADD CONSTRAINT "practice_drill_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_drill_versions" ADD CONSTRAINT "practice_drill_versions_drill_fk" FOREIGN KEY ("organisation_id","drill_id") REFERENCES "public"."practice_drills"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_drills" ADD CONSTRAINT "practice_drills_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_feedback" ADD CONSTRAINT "practice_feedback_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_feedback" ADD CONSTRAINT "practice_feedback_attempt_fk" FOREIGN KEY ("organisation_id","attempt_id") REFERENCES "public"."practice_attempts"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_feedback" ADD CONSTRAINT "practice_feedback_reviewer_fk" FOREIGN KEY ("organisation_id","reviewer_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_recordings" ADD CONSTRAINT "practice_recordings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_recordings" ADD CONSTRAINT "practice_recordings_attempt_fk" FOREIGN KEY ("organisation_id","attempt_id") REFERENCES "public"."practice_attempts"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "practice_settings" ADD CONSTRAINT "practice_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "practice_assignees_org_trainee_idx" ON "practice_assignees" USING btree ("organisation_id","trainee_membership_id");--> statement-breakpoint
CREATE INDEX "practice_assignments_org_created_idx" ON "practice_assignments" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "practice_attempts_org_trainee_idx" ON "practice_attempts" USING btree ("organisation_id","trainee_membership_id","created_at");--> statement-breakpoint
CREATE INDEX "practice_attempts_org_created_idx" ON "practice_attempts" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "practice_drills_org_updated_idx" ON "practice_drills" USING btree ("organisation_id","updated_at");--> statement-breakpoint
CREATE INDEX "practice_recordings_created_idx" ON "practice_recordings" USING btree ("created_at");