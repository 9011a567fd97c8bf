-- An approved hour entry is evidence a supervisor signed: nothing may change it afterwards, not
-- even the application. A correction is a new entry that points at it (corrects_entry_id).
-- Deleting stays possible only through an organisation's own deletion (the cascades), as for cases.
CREATE OR REPLACE FUNCTION hour_entries_refuse_locked_update() RETURNS trigger AS $$
BEGIN
  IF OLD.status = 'approved' THEN
    RAISE EXCEPTION 'hour entry % is approved and locked: record a correction instead', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER hour_entries_locked BEFORE UPDATE ON hour_entries FOR EACH ROW EXECUTE FUNCTION hour_entries_refuse_locked_update();
--> statement-breakpoint
-- Signatures and issued summaries are history: added to, never rewritten.
CREATE TRIGGER hour_approvals_no_update BEFORE UPDATE ON hour_approvals FOR EACH ROW EXECUTE FUNCTION case_history_refuse_update();
--> statement-breakpoint
CREATE TRIGGER hour_summaries_no_update BEFORE UPDATE ON hour_summaries FOR EACH ROW EXECUTE FUNCTION case_history_refuse_update();
