-- memberships.sort_name is lower(users.name), so that lists of people paginated by name
-- (members, completion, hours report) walk memberships_org_sort_name_idx instead of sorting the
-- whole organisation (docs/SCALE.md). The application never writes it: these triggers do.
CREATE OR REPLACE FUNCTION memberships_set_sort_name() RETURNS trigger AS $$
BEGIN
  NEW.sort_name := coalesce((SELECT lower(u.name) FROM users u WHERE u.id = NEW.user_id), '');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER memberships_sort_name BEFORE INSERT OR UPDATE OF user_id, sort_name ON memberships FOR EACH ROW EXECUTE FUNCTION memberships_set_sort_name();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION users_propagate_sort_name() RETURNS trigger AS $$
BEGIN
  UPDATE memberships SET sort_name = lower(NEW.name) WHERE user_id = NEW.id AND sort_name IS DISTINCT FROM lower(NEW.name);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_sort_name AFTER UPDATE OF name ON users FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION users_propagate_sort_name();
--> statement-breakpoint
UPDATE memberships m SET sort_name = lower(u.name) FROM users u WHERE u.id = m.user_id AND m.sort_name IS DISTINCT FROM lower(u.name);
