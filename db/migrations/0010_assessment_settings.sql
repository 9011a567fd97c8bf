CREATE TYPE "public"."answer_reveal" AS ENUM('never', 'after_pass', 'after_each_attempt');--> statement-breakpoint
CREATE TABLE "check_draws" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"module_id" uuid NOT NULL,
	"module_version" integer NOT NULL,
	"pass_mark" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assessment_overrides" (
	"organisation_id" uuid NOT NULL,
	"module_id" uuid NOT NULL,
	"reveal_answers" "answer_reveal" DEFAULT 'after_pass' NOT NULL,
	"shuffle_questions" boolean DEFAULT true NOT NULL,
	"shuffle_options" boolean DEFAULT true NOT NULL,
	"attempt_limit" integer,
	"wait_minutes" integer DEFAULT 0 NOT NULL,
	"require_reflection" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_overrides_pk" PRIMARY KEY("organisation_id","module_id"),
	CONSTRAINT "assessment_overrides_limit_ck" CHECK ("assessment_overrides"."attempt_limit" is null or ("assessment_overrides"."attempt_limit" between 1 and 50)),
	CONSTRAINT "assessment_overrides_wait_ck" CHECK ("assessment_overrides"."wait_minutes" between 0 and 43200)
);
--> statement-breakpoint
CREATE TABLE "assessment_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"reveal_answers" "answer_reveal" DEFAULT 'after_pass' NOT NULL,
	"shuffle_questions" boolean DEFAULT true NOT NULL,
	"shuffle_options" boolean DEFAULT true NOT NULL,
	"attempt_limit" integer,
	"wait_minutes" integer DEFAULT 0 NOT NULL,
	"require_reflection" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_settings_limit_ck" CHECK ("assessment_settings"."attempt_limit" is null or ("assessment_settings"."attempt_limit" between 1 and 50)),
	CONSTRAINT "assessment_settings_wait_ck" CHECK ("assessment_settings"."wait_minutes" between 0 and 43200)
);
--> statement-breakpoint
ALTER TABLE "check_attempts" ADD COLUMN "draw_id" uuid;--> statement-breakpoint
ALTER TABLE "check_draws" ADD CONSTRAINT "check_draws_module_id_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_draws" ADD CONSTRAINT "check_draws_member_fk" FOREIGN KEY ("organisation_id","membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_overrides" ADD CONSTRAINT "assessment_overrides_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_overrides" ADD CONSTRAINT "assessment_overrides_module_id_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_settings" ADD CONSTRAINT "assessment_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_draws_org_member_module_idx" ON "check_draws" USING btree ("organisation_id","membership_id","module_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "check_draws_open_uq" ON "check_draws" USING btree ("organisation_id","membership_id","module_id") WHERE "check_draws"."submitted_at" is null;--> statement-breakpoint
ALTER TABLE "check_attempts" ADD CONSTRAINT "check_attempts_draw_id_check_draws_id_fk" FOREIGN KEY ("draw_id") REFERENCES "public"."check_draws"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_attempts" ADD CONSTRAINT "check_attempts_draw_uq" UNIQUE("organisation_id","draw_id");