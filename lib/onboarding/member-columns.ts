import { sql } from "drizzle-orm";
import type { JsonCell } from "@/lib/util/json-cell";

// Columns to add to a select from `memberships`: each member's cohorts and module progress as
// json, read with the member row by indexed subqueries (no second statement, no N+1). Complete =
// a certificate; started = any lesson progress or check attempt (as in ./progress.ts). The outer
// columns are spelled out: drizzle may render them unqualified, which inside these subqueries
// would name the inner tables' columns.

export const memberProgressColumns = {
  cohorts: sql<JsonCell<{ id: string; name: string; archived: boolean }[]>>`(
    select coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'archived', c.archived_at is not null) order by c.name), '[]'::json)
    from cohort_members cm join cohorts c on c.id = cm.cohort_id and c.organisation_id = cm.organisation_id
    where cm.organisation_id = "memberships"."organisation_id" and cm.membership_id = "memberships"."id")`,
  certified: sql<JsonCell<string[]>>`(
    select coalesce(json_agg(ce.module_id), '[]'::json) from certificates ce
    where ce.organisation_id = "memberships"."organisation_id" and ce.membership_id = "memberships"."id")`,
  started: sql<JsonCell<string[]>>`(
    select coalesce(json_agg(x.module_id), '[]'::json) from (
      select lp.module_id from lesson_progress lp where lp.organisation_id = "memberships"."organisation_id" and lp.membership_id = "memberships"."id"
      union
      select ca.module_id from check_attempts ca where ca.organisation_id = "memberships"."organisation_id" and ca.membership_id = "memberships"."id"
    ) x)`,
};
