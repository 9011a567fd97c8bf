import type { CohortChoice } from "@/lib/orgs/cohorts";
import { SearchPicker } from "./search-picker";

/**
 * The cohort filter of a report or list: a search-as-you-type picker over the organisation's
 * cohorts, archived ones included and marked. The page passes only the cohort already chosen
 * (read with getCohortChoice, scoped to the organisation), never the list: an organisation may
 * have hundreds of cohorts over the years.
 */
export function CohortFilter({ id, chosen }: { id: string; chosen: CohortChoice | null }) {
  return (
    <SearchPicker
      id={id}
      name="cohort"
      label="Cohort"
      source="cohort-or-archived"
      initial={chosen ? { id: chosen.id, label: chosen.name, detail: chosen.archivedAt ? "Archived" : undefined } : null}
    />
  );
}
