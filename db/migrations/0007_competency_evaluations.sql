CREATE TABLE "evaluation_form_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"name" text NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_form_versions_org_id_uq" UNIQUE("organisation_id","id"),
	CONSTRAINT "evaluation_form_versions_number_uq" UNIQUE("organisation_id","form_id","number")
);
--> statement-breakpoint
CREATE TABLE "evaluation_forms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"source" text DEFAULT 'custom' NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_forms_org_id_uq" UNIQUE("organisation_id","id"),
	CONSTRAINT "evaluation_forms_source_ck" CHECK ("evaluation_forms"."source" in ('starter', 'custom'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"side" text NOT NULL,
	"author_membership_id" uuid NOT NULL,
	"ratings" jsonb NOT NULL,
	"overall_comment" text DEFAULT '' NOT NULL,
	"recommendation" text,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluation_responses_side_uq" UNIQUE("organisation_id","evaluation_id","side"),
	CONSTRAINT "evaluation_responses_side_ck" CHECK ("evaluation_responses"."side" in ('self', 'supervisor'))
);
--> statement-breakpoint
CREATE TABLE "evaluation_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"form_version_id" uuid NOT NULL,
	"cohort_id" uuid NOT NULL,
	"due_on" date,
	"opened_by_membership_id" uuid NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "evaluation_rounds_org_id_uq" UNIQUE("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"trainee_membership_id" uuid NOT NULL,
	"evaluator_membership_id" uuid,
	"self_submitted_at" timestamp with time zone,
	"supervisor_submitted_at" timestamp with time zone,
	"supervisor_signed_name" text,
	"supervisor_signed_membership_id" uuid,
	"supervisor_signed_at" timestamp with time zone,
	"trainee_signed_name" text,
	"trainee_signed_at" timestamp with time zone,
	"disagreement" text,
	"locked_at" timestamp with time zone,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evaluations_org_id_uq" UNIQUE("organisation_id","id"),
	CONSTRAINT "evaluations_round_trainee_uq" UNIQUE("organisation_id","round_id","trainee_membership_id")
);
--> statement-breakpoint
ALTER TABLE "evaluation_form_versions" ADD CONSTRAINT "evaluation_form_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_form_versions" ADD CONSTRAINT "evaluation_form_versions_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_form_versions" ADD CONSTRAINT "evaluation_form_versions_form_fk" FOREIGN KEY ("organisation_id","form_id") REFERENCES "public"."evaluation_forms"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_forms" ADD CONSTRAINT "evaluation_forms_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_evaluation_fk" FOREIGN KEY ("organisation_id","evaluation_id") REFERENCES "public"."evaluations"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_author_fk" FOREIGN KEY ("organisation_id","author_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_form_version_fk" FOREIGN KEY ("organisation_id","form_version_id") REFERENCES "public"."evaluation_form_versions"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_cohort_fk" FOREIGN KEY ("organisation_id","cohort_id") REFERENCES "public"."cohorts"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_rounds" ADD CONSTRAINT "evaluation_rounds_opener_fk" FOREIGN KEY ("organisation_id","opened_by_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_round_fk" FOREIGN KEY ("organisation_id","round_id") REFERENCES "public"."evaluation_rounds"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_trainee_fk" FOREIGN KEY ("organisation_id","trainee_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_evaluator_fk" FOREIGN KEY ("organisation_id","evaluator_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_supervisor_signer_fk" FOREIGN KEY ("organisation_id","supervisor_signed_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_forms_org_name_idx" ON "evaluation_forms" USING btree ("organisation_id",lower("name"));--> statement-breakpoint
CREATE INDEX "evaluation_rounds_org_opened_idx" ON "evaluation_rounds" USING btree ("organisation_id","opened_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_rounds_org_cohort_name_idx" ON "evaluation_rounds" USING btree ("organisation_id","cohort_id","opened_by_membership_id",lower("name"));--> statement-breakpoint
CREATE INDEX "evaluations_org_trainee_idx" ON "evaluations" USING btree ("organisation_id","trainee_membership_id","created_at");--> statement-breakpoint
CREATE INDEX "evaluations_org_evaluator_idx" ON "evaluations" USING btree ("organisation_id","evaluator_membership_id","created_at");