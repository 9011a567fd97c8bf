CREATE TABLE "calibration_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"source" text NOT NULL,
	"exemplar_key" text,
	"title" text NOT NULL,
	"code_list_version" text NOT NULL,
	"content" jsonb NOT NULL,
	"reference_review" jsonb,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calibration_cases_org_id_uq" UNIQUE("organisation_id","id"),
	CONSTRAINT "calibration_cases_source_ck" CHECK ("calibration_cases"."source" in ('exemplar', 'copied'))
);
--> statement-breakpoint
CREATE TABLE "calibration_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ratings" jsonb,
	"decision" text,
	"what_to_change" text,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "calibration_participants_uq" UNIQUE("organisation_id","round_id","membership_id"),
	CONSTRAINT "calibration_participants_decision_ck" CHECK ("calibration_participants"."decision" is null or "calibration_participants"."decision" in ('changes_requested', 'signed_off'))
);
--> statement-breakpoint
CREATE TABLE "calibration_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"reference_case_id" uuid NOT NULL,
	"opened_by_membership_id" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_on" date,
	"closes_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"closed_by_membership_id" uuid,
	"discussion_note" text DEFAULT '' NOT NULL,
	"note_updated_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "calibration_rounds_org_id_uq" UNIQUE("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "case_calibration_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"author_membership_id" uuid NOT NULL,
	"given_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"reference_case_id" uuid,
	CONSTRAINT "case_calibration_consents_case_uq" UNIQUE("organisation_id","case_id")
);
--> statement-breakpoint
ALTER TABLE "calibration_cases" ADD CONSTRAINT "calibration_cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_cases" ADD CONSTRAINT "calibration_cases_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_participants" ADD CONSTRAINT "calibration_participants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_participants" ADD CONSTRAINT "calibration_participants_round_fk" FOREIGN KEY ("organisation_id","round_id") REFERENCES "public"."calibration_rounds"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_participants" ADD CONSTRAINT "calibration_participants_member_fk" FOREIGN KEY ("organisation_id","membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_case_fk" FOREIGN KEY ("organisation_id","reference_case_id") REFERENCES "public"."calibration_cases"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_opener_fk" FOREIGN KEY ("organisation_id","opened_by_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calibration_rounds" ADD CONSTRAINT "calibration_rounds_closer_fk" FOREIGN KEY ("organisation_id","closed_by_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_calibration_consents" ADD CONSTRAINT "case_calibration_consents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_calibration_consents" ADD CONSTRAINT "case_calibration_consents_case_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_calibration_consents" ADD CONSTRAINT "case_calibration_consents_author_fk" FOREIGN KEY ("organisation_id","author_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_calibration_consents" ADD CONSTRAINT "case_calibration_consents_reference_fk" FOREIGN KEY ("organisation_id","reference_case_id") REFERENCES "public"."calibration_cases"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calibration_cases_org_exemplar_uq" ON "calibration_cases" USING btree ("organisation_id","exemplar_key");--> statement-breakpoint
CREATE INDEX "calibration_cases_org_created_idx" ON "calibration_cases" USING btree ("organisation_id","created_at");--> statement-breakpoint
CREATE INDEX "calibration_participants_org_member_idx" ON "calibration_participants" USING btree ("organisation_id","membership_id","invited_at");--> statement-breakpoint
CREATE INDEX "calibration_rounds_org_opened_idx" ON "calibration_rounds" USING btree ("organisation_id","opened_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "calibration_rounds_org_opener_name_idx" ON "calibration_rounds" USING btree ("organisation_id","opened_by_membership_id",lower("name"));--> statement-breakpoint
CREATE INDEX "case_calibration_consents_org_given_idx" ON "case_calibration_consents" USING btree ("organisation_id","given_at");