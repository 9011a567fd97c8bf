CREATE TABLE "hour_monthly_totals" (
	"organisation_id" uuid NOT NULL,
	"trainee_membership_id" uuid NOT NULL,
	"month" date NOT NULL,
	"category" text NOT NULL,
	"status" "hour_entry_status" NOT NULL,
	"minutes" integer NOT NULL,
	"entries" integer NOT NULL,
	"last_on" date NOT NULL,
	CONSTRAINT "hour_monthly_totals_pk" PRIMARY KEY("organisation_id","trainee_membership_id","month","category","status"),
	CONSTRAINT "hour_monthly_totals_month_ck" CHECK (extract(day from "hour_monthly_totals"."month") = 1)
);
--> statement-breakpoint
ALTER TABLE "hour_monthly_totals" ADD CONSTRAINT "hour_monthly_totals_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hour_monthly_totals" ADD CONSTRAINT "hour_monthly_totals_trainee_fk" FOREIGN KEY ("organisation_id","trainee_membership_id") REFERENCES "public"."memberships"("organisation_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Recounts the given (organisation, trainee, month) buckets from the entries that count: all but an
-- approved entry that an approved correction replaces (lib/hours/progress.ts `counted`). Writers
-- of the same trainee take turns (a transaction-scoped advisory lock on one of 256 slots, taken in
-- order, so two statements cannot deadlock on them), and each statement below reads what the
-- other committed: under READ COMMITTED a function's statements each take a fresh snapshot.
CREATE OR REPLACE FUNCTION hour_monthly_totals_recount(orgs uuid[], trainees uuid[], months date[]) RETURNS void AS $$
BEGIN
  IF orgs IS NULL OR cardinality(orgs) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock(1752461, x.slot) FROM (SELECT DISTINCT hashtext(t::text) & 255 AS slot FROM unnest(trainees) t ORDER BY 1) x;
  DELETE FROM hour_monthly_totals h USING unnest(orgs, trainees, months) AS k(org, trainee, month)
    WHERE h.organisation_id = k.org AND h.trainee_membership_id = k.trainee AND h.month = k.month;
  INSERT INTO hour_monthly_totals (organisation_id, trainee_membership_id, month, category, status, minutes, entries, last_on)
    SELECT e.organisation_id, e.trainee_membership_id, k.month, e.category, e.status, sum(e.minutes), count(*), max(e.occurred_on)
    FROM unnest(orgs, trainees, months) AS k(org, trainee, month)
    JOIN hour_entries e ON e.organisation_id = k.org AND e.trainee_membership_id = k.trainee
      AND e.occurred_on >= k.month AND e.occurred_on < (k.month + interval '1 month')::date
    LEFT JOIN hour_entries c ON c.organisation_id = e.organisation_id AND c.corrects_entry_id = e.id AND c.status = 'approved'
    WHERE NOT (e.status = 'approved' AND c.id IS NOT NULL)
    GROUP BY e.organisation_id, e.trainee_membership_id, k.month, e.category, e.status;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
-- After each statement that writes entries: the months of the rows it wrote, and the month of any
-- original a written correction points at (approving or deleting a correction changes whether
-- the original counts). An update that changes none of the counted columns recounts nothing.
CREATE OR REPLACE FUNCTION hour_monthly_totals_after_write() RETURNS trigger AS $$
DECLARE
  o uuid[];
  t uuid[];
  m date[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT array_agg(k.org), array_agg(k.trainee), array_agg(k.month) INTO o, t, m FROM (
      SELECT n.organisation_id AS org, n.trainee_membership_id AS trainee, date_trunc('month', n.occurred_on)::date AS month FROM new_rows n
      UNION
      SELECT x.organisation_id, x.trainee_membership_id, date_trunc('month', x.occurred_on)::date
        FROM new_rows n JOIN hour_entries x ON x.organisation_id = n.organisation_id AND x.id = n.corrects_entry_id
    ) k;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT array_agg(k.org), array_agg(k.trainee), array_agg(k.month) INTO o, t, m FROM (
      SELECT d.organisation_id AS org, d.trainee_membership_id AS trainee, date_trunc('month', d.occurred_on)::date AS month FROM old_rows d
      UNION
      SELECT x.organisation_id, x.trainee_membership_id, date_trunc('month', x.occurred_on)::date
        FROM old_rows d JOIN hour_entries x ON x.organisation_id = d.organisation_id AND x.id = d.corrects_entry_id
    ) k;
  ELSE
    SELECT array_agg(k.org), array_agg(k.trainee), array_agg(k.month) INTO o, t, m FROM (
      WITH changed AS (
        SELECT n.organisation_id AS n_org, n.trainee_membership_id AS n_trainee, n.occurred_on AS n_on, n.corrects_entry_id AS n_corrects,
               d.organisation_id AS d_org, d.trainee_membership_id AS d_trainee, d.occurred_on AS d_on, d.corrects_entry_id AS d_corrects
        FROM new_rows n JOIN old_rows d ON d.id = n.id
        WHERE (n.organisation_id, n.trainee_membership_id, n.occurred_on, n.minutes, n.category, n.status, n.corrects_entry_id)
          IS DISTINCT FROM (d.organisation_id, d.trainee_membership_id, d.occurred_on, d.minutes, d.category, d.status, d.corrects_entry_id)
      )
      SELECT n_org AS org, n_trainee AS trainee, date_trunc('month', n_on)::date AS month FROM changed
      UNION
      SELECT d_org, d_trainee, date_trunc('month', d_on)::date FROM changed
      UNION
      SELECT x.organisation_id, x.trainee_membership_id, date_trunc('month', x.occurred_on)::date
        FROM changed c JOIN hour_entries x ON (x.organisation_id = c.n_org AND x.id = c.n_corrects) OR (x.organisation_id = c.d_org AND x.id = c.d_corrects)
    ) k;
  END IF;
  PERFORM hour_monthly_totals_recount(o, t, m);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER hour_monthly_totals_insert AFTER INSERT ON hour_entries REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hour_monthly_totals_after_write();
--> statement-breakpoint
CREATE TRIGGER hour_monthly_totals_update AFTER UPDATE ON hour_entries REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hour_monthly_totals_after_write();
--> statement-breakpoint
CREATE TRIGGER hour_monthly_totals_delete AFTER DELETE ON hour_entries REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hour_monthly_totals_after_write();
--> statement-breakpoint
-- The totals of the entries already there.
INSERT INTO hour_monthly_totals (organisation_id, trainee_membership_id, month, category, status, minutes, entries, last_on)
  SELECT e.organisation_id, e.trainee_membership_id, date_trunc('month', e.occurred_on)::date, e.category, e.status, sum(e.minutes), count(*), max(e.occurred_on)
  FROM hour_entries e
  LEFT JOIN hour_entries c ON c.organisation_id = e.organisation_id AND c.corrects_entry_id = e.id AND c.status = 'approved'
  WHERE NOT (e.status = 'approved' AND c.id IS NOT NULL)
  GROUP BY e.organisation_id, e.trainee_membership_id, date_trunc('month', e.occurred_on)::date, e.category, e.status;
