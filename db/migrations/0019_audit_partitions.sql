-- audit_events partitioned by month (declarative partitioning on occurred_at, UTC months), rows kept.
-- Hand-written: drizzle-kit knows nothing of partitions. 0018 (generated) moved the primary key to
-- (id, occurred_at) and reshaped the indexes on the plain table; this one drops whatever keys and
-- indexes the old table has by looking them up, so it does not depend on their names.
--
-- Layout: one partition per UTC month, named audit_events_yYYYYmMM, plus audit_events_default for
-- anything outside them (it should stay empty: see audit_events_ensure_partition). The app creates
-- the current month and the next two on start and every ten minutes (lib/audit/partitions.ts);
-- `npm run audit:archive` exports and drops months past every organisation's retention.
--
-- Append-only on every partition: the row trigger on the parent (BEFORE UPDATE OR DELETE, allowed on
-- partitioned tables since PostgreSQL 13) is cloned by PostgreSQL onto each partition, present and
-- future. TRUNCATE triggers are statement triggers, which are not cloned, so each partition gets
-- its own (audit_events_ensure_partition adds it).

ALTER TABLE "audit_events" RENAME TO "audit_events_unpartitioned";
--> statement-breakpoint
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT conname FROM pg_constraint WHERE conrelid = 'audit_events_unpartitioned'::regclass AND contype IN ('p', 'u') LOOP
    EXECUTE format('ALTER TABLE audit_events_unpartitioned DROP CONSTRAINT %I', r.conname);
  END LOOP;
  FOR r IN SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = 'audit_events_unpartitioned'::regclass LOOP
    EXECUTE format('DROP INDEX %s', r.name);
  END LOOP;
END $$;
--> statement-breakpoint
ALTER SEQUENCE "audit_events_id_seq" OWNED BY NONE;
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint DEFAULT nextval('audit_events_id_seq'::regclass) NOT NULL,
	"organisation_id" uuid,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"target_type" text,
	"target_id" text,
	"outcome" "audit_outcome" NOT NULL,
	"detail" jsonb,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_events_pk" PRIMARY KEY("id","occurred_at")
) PARTITION BY RANGE ("occurred_at");
--> statement-breakpoint
ALTER SEQUENCE "audit_events_id_seq" OWNED BY "audit_events"."id";
--> statement-breakpoint
CREATE TABLE "audit_events_default" PARTITION OF "audit_events" DEFAULT;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events_default
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_partition_name(month_start date) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT 'audit_events_y' || to_char(month_start, 'YYYY') || 'm' || to_char(month_start, 'MM') $$;
--> statement-breakpoint
-- Names a partition's indexes after the parent's (audit_events_y2026m11_org_changes_idx rather
-- than PostgreSQL's audit_events_y2026m11_organisation_id_occurred_at_id_idx1), so a query plan
-- says which index it used.
CREATE OR REPLACE FUNCTION audit_events_name_indexes(part text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT ci.relname AS child, part || substr(pi.relname, length('audit_events') + 1) AS wanted
    FROM pg_index x
    JOIN pg_class ci ON ci.oid = x.indexrelid
    JOIN pg_inherits h ON h.inhrelid = x.indexrelid
    JOIN pg_class pi ON pi.oid = h.inhparent
    WHERE x.indrelid = to_regclass(part)
  LOOP
    IF r.child <> r.wanted THEN
      EXECUTE format('ALTER INDEX %I RENAME TO %I', r.child, r.wanted);
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- Creates the partition of the UTC month that contains `month` and returns 'exists', 'created' or
-- 'moved'. 'moved': rows for that month had landed in the default partition (a bulk import of
-- old dates, or the app not running for months); they are moved into the new partition, because
-- PostgreSQL refuses to create a partition whose rows sit in the default one. The default
-- partition is detached while they move (so the append-only trigger, which belongs to the
-- parent, does not apply to that one internal DELETE) and attached again, which clones the
-- trigger back; all of it in the caller's transaction, with the parent locked meanwhile.
-- Serialised by an advisory lock: several app processes may call it at once.
CREATE OR REPLACE FUNCTION audit_events_ensure_partition(in_month date) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  part text := audit_events_partition_name(date_trunc('month', in_month)::date);
  lo timestamptz := (date_trunc('month', in_month)::date)::timestamp AT TIME ZONE 'UTC';
  hi timestamptz := (date_trunc('month', in_month)::date + interval '1 month')::timestamp AT TIME ZONE 'UTC';
  stray boolean;
BEGIN
  IF to_regclass(part) IS NOT NULL THEN
    RETURN 'exists';
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('rapport.audit_events_partitions'));
  IF to_regclass(part) IS NOT NULL THEN
    RETURN 'exists';
  END IF;
  SELECT EXISTS (SELECT 1 FROM audit_events_default WHERE occurred_at >= lo AND occurred_at < hi) INTO stray;
  IF NOT stray THEN
    EXECUTE format('CREATE TABLE %I PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
  ELSE
    LOCK TABLE audit_events IN ACCESS EXCLUSIVE MODE;
    ALTER TABLE audit_events DETACH PARTITION audit_events_default;
    DROP TRIGGER IF EXISTS audit_events_no_update ON audit_events_default;
    EXECUTE format('CREATE TABLE %I PARTITION OF audit_events FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
    EXECUTE format('INSERT INTO %I SELECT * FROM audit_events_default WHERE occurred_at >= %L AND occurred_at < %L', part, lo, hi);
    DELETE FROM audit_events_default WHERE occurred_at >= lo AND occurred_at < hi;
    ALTER TABLE audit_events ATTACH PARTITION audit_events_default DEFAULT;
  END IF;
  EXECUTE format('CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change()', part);
  PERFORM audit_events_name_indexes(part);
  RETURN CASE WHEN stray THEN 'moved' ELSE 'created' END;
END $$;
--> statement-breakpoint
-- Every month that has rows, and the current month and the next two.
SELECT audit_events_ensure_partition(m::date) FROM (
  SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'UTC') AS m FROM audit_events_unpartitioned
  UNION
  SELECT generate_series(date_trunc('month', now() AT TIME ZONE 'UTC'), date_trunc('month', now() AT TIME ZONE 'UTC') + interval '2 months', interval '1 month')
) months ORDER BY m;
--> statement-breakpoint
INSERT INTO "audit_events" ("id", "organisation_id", "actor_user_id", "action", "target_type", "target_id", "outcome", "detail", "occurred_at")
  SELECT "id", "organisation_id", "actor_user_id", "action", "target_type", "target_id", "outcome", "detail", "occurred_at" FROM "audit_events_unpartitioned";
--> statement-breakpoint
DROP TABLE "audit_events_unpartitioned";
--> statement-breakpoint
CREATE INDEX "audit_events_org_time_idx" ON "audit_events" USING btree ("organisation_id","occurred_at","id");
--> statement-breakpoint
CREATE INDEX "audit_events_actor_time_idx" ON "audit_events" USING btree ("actor_user_id","occurred_at");
--> statement-breakpoint
CREATE INDEX "audit_events_org_target_idx" ON "audit_events" USING btree ("organisation_id","target_type","target_id");
--> statement-breakpoint
CREATE INDEX "audit_events_org_changes_idx" ON "audit_events" USING btree ("organisation_id","occurred_at","id") WHERE "audit_events"."action" not like '%.viewed';
--> statement-breakpoint
SELECT audit_events_name_indexes(c.relname::text) FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_events'::regclass;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_audit_retention_ck" CHECK ("audit_retention_years" BETWEEN 1 AND 100);
