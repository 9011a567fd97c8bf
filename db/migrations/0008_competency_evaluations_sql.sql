-- Competency evaluations: what the record promises, enforced below the application too.
-- A locked (signed by both) evaluation never changes.
CREATE OR REPLACE FUNCTION evaluations_refuse_locked_change() RETURNS trigger AS $$
BEGIN
  IF OLD.locked_at IS NOT NULL THEN
    RAISE EXCEPTION 'evaluation % is signed and locked: UPDATE is not allowed', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER evaluations_no_update_locked BEFORE UPDATE ON evaluations FOR EACH ROW EXECUTE FUNCTION evaluations_refuse_locked_change();
--> statement-breakpoint
-- A submitted side (self-evaluation or supervisor's evaluation) is what the other person read
-- and signed: it never changes after submission.
CREATE OR REPLACE FUNCTION evaluation_responses_refuse_submitted_change() RETURNS trigger AS $$
BEGIN
  IF OLD.submitted_at IS NOT NULL THEN
    RAISE EXCEPTION 'evaluation response % is submitted: UPDATE is not allowed', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER evaluation_responses_no_update_submitted BEFORE UPDATE ON evaluation_responses FOR EACH ROW EXECUTE FUNCTION evaluation_responses_refuse_submitted_change();
--> statement-breakpoint
-- A form version that a round uses is frozen: editing the form makes a new version instead.
CREATE OR REPLACE FUNCTION evaluation_form_versions_refuse_used_change() RETURNS trigger AS $$
BEGIN
  IF (NEW.definition IS DISTINCT FROM OLD.definition OR NEW.name IS DISTINCT FROM OLD.name OR NEW.number IS DISTINCT FROM OLD.number OR NEW.form_id IS DISTINCT FROM OLD.form_id)
     AND EXISTS (SELECT 1 FROM evaluation_rounds r WHERE r.organisation_id = OLD.organisation_id AND r.form_version_id = OLD.id) THEN
    RAISE EXCEPTION 'evaluation form version % is used by a round: UPDATE is not allowed', OLD.id USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER evaluation_form_versions_no_update_used BEFORE UPDATE ON evaluation_form_versions FOR EACH ROW EXECUTE FUNCTION evaluation_form_versions_refuse_used_change();
