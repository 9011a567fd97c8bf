CREATE TABLE "sign_in_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"window_failures" integer DEFAULT 0 NOT NULL,
	"total_failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_until" timestamp with time zone,
	"locked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "sign_in_throttles_locked_idx" ON "sign_in_throttles" USING btree ("locked_at");