CREATE TABLE "reflection_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"reflection_id" uuid NOT NULL,
	"author_membership_id" uuid NOT NULL,
	"parent_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_risk_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"case_version" integer NOT NULL,
	"membership_id" uuid NOT NULL,
	"follow_up" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "unassigned_cases" text DEFAULT 'refuse' NOT NULL;--> statement-breakpoint
ALTER TABLE "case_comments" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "urgent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "risk_seen_version" integer;--> statement-breakpoint
ALTER TABLE "reflection_comments" ADD CONSTRAINT "reflection_comments_reflection_id_reflections_id_fk" FOREIGN KEY ("reflection_id") REFERENCES "public"."reflections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reflection_comments" ADD CONSTRAINT "reflection_comments_author_fk" FOREIGN KEY ("organisation_id","author_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_risk_reviews" ADD CONSTRAINT "case_risk_reviews_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_risk_reviews" ADD CONSTRAINT "case_risk_reviews_case_fk" FOREIGN KEY ("organisation_id","case_id") REFERENCES "public"."cases"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_risk_reviews" ADD CONSTRAINT "case_risk_reviews_member_fk" FOREIGN KEY ("organisation_id","membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reflection_comments_org_reflection_idx" ON "reflection_comments" USING btree ("organisation_id","reflection_id","created_at");--> statement-breakpoint
CREATE INDEX "case_risk_reviews_org_case_idx" ON "case_risk_reviews" USING btree ("organisation_id","case_id","created_at");--> statement-breakpoint
-- A supervisor's record of seeing a risk is evidence: added to, never rewritten.
CREATE TRIGGER case_risk_reviews_no_update BEFORE UPDATE ON case_risk_reviews FOR EACH ROW EXECUTE FUNCTION case_history_refuse_update();
--> statement-breakpoint
CREATE INDEX "cases_org_urgent_idx" ON "cases" USING btree ("organisation_id", "status") WHERE urgent;
