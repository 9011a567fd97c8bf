CREATE TYPE "public"."case_status" AS ENUM('draft', 'submitted', 'changes_requested', 'signed_off', 'reopened');--> statement-breakpoint
CREATE TYPE "public"."case_feedback_focus" AS ENUM('intervention', 'conceptualisation', 'personalisation');--> statement-breakpoint
CREATE TYPE "public"."case_review_decision" AS ENUM('changes_requested', 'signed_off');--> statement-breakpoint
CREATE TABLE "case_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"case_version_id" uuid NOT NULL,
	"author_membership_id" uuid NOT NULL,
	"focus" "case_feedback_focus" NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_flag_dismissals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"field" text NOT NULL,
	"finding_key" text NOT NULL,
	"reason" text NOT NULL,
	"scanner_version" text NOT NULL,
	"dismissed_by_membership_id" uuid NOT NULL,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_flag_dismissals_uq" UNIQUE("organisation_id","case_id","field","finding_key")
);
--> statement-breakpoint
CREATE TABLE "case_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"case_version_id" uuid NOT NULL,
	"case_version" integer NOT NULL,
	"reviewer_membership_id" uuid NOT NULL,
	"ratings" jsonb NOT NULL,
	"decision" "case_review_decision" NOT NULL,
	"what_to_change" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_transitions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"actor_membership_id" uuid NOT NULL,
	"from_status" "case_status",
	"to_status" "case_status" NOT NULL,
	"case_version" integer NOT NULL,
	"reason" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"case_version" integer NOT NULL,
	"code_list_version" text NOT NULL,
	"content" jsonb NOT NULL,
	"submitted_by_membership_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_versions_case_number_uq" UNIQUE("case_id","number"),
	CONSTRAINT "case_versions_org_id_uq" UNIQUE("organisation_id","id")
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"author_membership_id" uuid NOT NULL,
	"status" "case_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"code_list_version" text NOT NULL,
	"content" jsonb NOT NULL,
	"client_code" text,
	"rupture_type" text,
	"outcome" text,
	"submission_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"signed_off_at" timestamp with time zone,
	"signed_off_by_membership_id" uuid,
	"signed_off_version" integer,
	CONSTRAINT "cases_org_id_uq" UNIQUE("organisation_id","id")
);
--> statement-breakpoint
ALTER TABLE "case_comments" ADD CONSTRAINT "case_comments_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_comments" ADD CONSTRAINT "case_comments_case_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_comments" ADD CONSTRAINT "case_comments_version_fk" FOREIGN KEY ("organisation_id","case_version_id") REFERENCES "public"."case_versions"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_comments" ADD CONSTRAINT "case_comments_author_fk" FOREIGN KEY ("organisation_id","author_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_flag_dismissals" ADD CONSTRAINT "case_flag_dismissals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_flag_dismissals" ADD CONSTRAINT "case_flag_dismissals_case_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_flag_dismissals" ADD CONSTRAINT "case_flag_dismissals_by_fk" FOREIGN KEY ("organisation_id","dismissed_by_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_case_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_version_fk" FOREIGN KEY ("organisation_id","case_version_id") REFERENCES "public"."case_versions"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_reviews" ADD CONSTRAINT "case_reviews_reviewer_fk" FOREIGN KEY ("organisation_id","reviewer_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_case_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_actor_fk" FOREIGN KEY ("organisation_id","actor_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_versions" ADD CONSTRAINT "case_versions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_versions" ADD CONSTRAINT "case_versions_case_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_versions" ADD CONSTRAINT "case_versions_submitter_fk" FOREIGN KEY ("organisation_id","submitted_by_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_author_fk" FOREIGN KEY ("organisation_id","author_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_signed_off_by_fk" FOREIGN KEY ("organisation_id","signed_off_by_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_comments_org_case_idx" ON "case_comments" USING btree ("organisation_id","case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_reviews_org_case_idx" ON "case_reviews" USING btree ("organisation_id","case_id","created_at");--> statement-breakpoint
CREATE INDEX "case_reviews_org_reviewer_idx" ON "case_reviews" USING btree ("organisation_id","reviewer_membership_id");--> statement-breakpoint
CREATE INDEX "case_transitions_org_case_idx" ON "case_transitions" USING btree ("organisation_id","case_id","occurred_at");--> statement-breakpoint
CREATE INDEX "case_versions_org_case_idx" ON "case_versions" USING btree ("organisation_id","case_id","number");--> statement-breakpoint
CREATE INDEX "cases_org_author_updated_idx" ON "cases" USING btree ("organisation_id","author_membership_id","updated_at");--> statement-breakpoint
CREATE INDEX "cases_org_status_submitted_idx" ON "cases" USING btree ("organisation_id","status","submitted_at");