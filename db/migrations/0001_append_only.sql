-- Audit events are evidence: the application may add them, never change or remove them.
CREATE OR REPLACE FUNCTION audit_events_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_change();
--> statement-breakpoint
-- Submitted versions, transitions, reviews and comments are the case's history: the application
-- adds to it and never rewrites it. Deleting stays possible (an organisation's data is destroyed
-- as a whole under APP 11, through the cascades).
CREATE OR REPLACE FUNCTION case_history_refuse_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: UPDATE is not allowed', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER case_versions_no_update BEFORE UPDATE ON case_versions FOR EACH ROW EXECUTE FUNCTION case_history_refuse_update();
--> statement-breakpoint
CREATE TRIGGER case_transitions_no_update BEFORE UPDATE ON case_transitions FOR EACH ROW EXECUTE FUNCTION case_history_refuse_update();
--> statement-breakpoint
CREATE TRIGGER case_reviews_no_update BEFORE UPDATE ON case_reviews FOR EACH ROW EXECUTE FUNCTION case_history_refuse_update();
--> statement-breakpoint
CREATE TRIGGER case_comments_no_update BEFORE UPDATE ON case_comments FOR EACH ROW EXECUTE FUNCTION case_history_refuse_update();
