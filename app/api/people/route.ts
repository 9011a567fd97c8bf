import { authedRoute } from "@/lib/core/route";
import { ValidationError } from "@/lib/core/errors";
import { searchActiveByRole } from "@/lib/orgs/supervision";
import { param, searchText } from "@/lib/util/params";

export const dynamic = "force-dynamic";

/**
 * Search-as-you-type for the people pickers: active supervisors or trainees of the caller's
 * organisation whose name or email contains q, at most 20, in name order. Administrators only
 * (anyone else, signed out or in another organisation, gets the same 404).
 */
export const GET = authedRoute({ permission: "org.manage", audit: "/api/people" }, async (ctx, request) => {
  const params = new URL(request.url).searchParams;
  const role = param(params, "role", 20);
  if (role !== "supervisor" && role !== "trainee") throw new ValidationError("Ask for role=supervisor or role=trainee.");
  const people = await searchActiveByRole(ctx, role, searchText(params), 20);
  return Response.json(
    { people: people.map((p) => ({ membershipId: p.membershipId, name: p.name, email: p.email, emailVerified: p.emailVerified })) },
    { headers: { "cache-control": "private, no-store" } },
  );
});
