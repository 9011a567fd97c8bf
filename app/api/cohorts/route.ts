import { authedRoute } from "@/lib/core/route";
import { searchCohortChoices } from "@/lib/orgs/cohorts";
import { param, searchText } from "@/lib/util/params";

export const dynamic = "force-dynamic";

/**
 * Search-as-you-type for the cohort pickers: the caller's organisation's cohorts whose name
 * contains q, at most 20 (archived ones too with archived=1). Administrators only (anyone else,
 * signed out or in another organisation, gets the same 404).
 */
export const GET = authedRoute({ permission: "org.manage", audit: "/api/cohorts" }, async (ctx, request) => {
  const params = new URL(request.url).searchParams;
  const found = await searchCohortChoices(ctx, searchText(params), { includeArchived: param(params, "archived", 1) === "1" });
  return Response.json({ cohorts: found.map((c) => ({ id: c.id, name: c.name, archived: Boolean(c.archivedAt) })) }, { headers: { "cache-control": "private, no-store" } });
});
