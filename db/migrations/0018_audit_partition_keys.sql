DROP INDEX "audit_events_org_time_idx";--> statement-breakpoint
DROP INDEX "audit_events_org_changes_idx";--> statement-breakpoint
-- drizzle-kit cannot name the primary key it replaces (it writes a commented-out DROP): the column
-- primary key of 0000 is PostgreSQL's default audit_events_pkey. 0019 then partitions the table.
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_pkey";--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_pk" PRIMARY KEY("id","occurred_at");--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "audit_retention_years" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_org_time_idx" ON "audit_events" USING btree ("organisation_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_org_changes_idx" ON "audit_events" USING btree ("organisation_id","occurred_at","id") WHERE "audit_events"."action" not like '%.viewed';