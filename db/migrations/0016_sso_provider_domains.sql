-- Hand-edited after drizzle-kit generate: it can't name the old primary key (PostgreSQL's default
-- for a column primary key is <table>_pkey), and the unique key must exist before the foreign key
-- that references it.
ALTER TABLE "oidc_providers" DROP CONSTRAINT "oidc_providers_pkey";--> statement-breakpoint
ALTER TABLE "oidc_providers" ADD COLUMN "id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL;--> statement-breakpoint
ALTER TABLE "oidc_providers" ADD COLUMN "name" text DEFAULT 'Identity provider' NOT NULL;--> statement-breakpoint
ALTER TABLE "oidc_providers" ADD COLUMN "trust_idp_mfa" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "oidc_providers" ADD COLUMN "mfa_acr_values" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "organisation_domains" ADD COLUMN "oidc_provider_id" uuid;--> statement-breakpoint
ALTER TABLE "oidc_providers" ADD CONSTRAINT "oidc_providers_org_id_uq" UNIQUE("organisation_id","id");--> statement-breakpoint
ALTER TABLE "organisation_domains" ADD CONSTRAINT "organisation_domains_provider_fk" FOREIGN KEY ("organisation_id","oidc_provider_id") REFERENCES "public"."oidc_providers"("organisation_id","id") ON DELETE no action ON UPDATE no action;