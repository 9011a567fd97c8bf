import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS, ROLES } from "@/lib/core/permissions";
import { buttonClass } from "@/components/ui/button";
import { cohortsOfMembers, getCohortChoice } from "@/lib/orgs/cohorts";
import { CohortFilter } from "@/components/ui/cohort-filter";
import { decodeCursor, encodeCursor, isNameCursor } from "@/lib/util/cursor";
import { isUuid } from "@/lib/util/uuid";
import { listMembers, type MemberRow } from "@/lib/orgs/members";
import type { Role } from "@/db/schema";
import { DataTable } from "@/components/ui/data-table";
import { oneOf, param, searchText } from "@/lib/util/params";
import { authedPage } from "@/lib/core/page";
import { MemberRows } from "@/components/tables/member-rows";
import { BULK_FORM_ID, BulkMembersForm } from "@/components/admin/bulk-members-form";
import { lastSignInsOf } from "@/lib/orgs/security";
import { orgTimeZone } from "@/lib/orgs/settings";

export const metadata: Metadata = { title: "Members" };

type Search = Record<string, string | string[] | undefined>;

const cell = "px-4 py-2";


export default authedPage({ permission: "org.manage" }, async function MembersPage(ctx, { searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const role = oneOf(sp, "role", ROLES as readonly Role[]);
  const status = oneOf(sp, "status", ["active", "deactivated"] as const);
  const q = searchText(sp);
  const cohortParam = param(sp, "cohort", 36);
  const chosenCohort = isUuid(cohortParam) ? await getCohortChoice(ctx, cohortParam) : null;
  const cohort = chosenCohort?.id;
  const { rows, next } = await listMembers(ctx, { q, role, status, cohortId: cohort, after: decodeCursor(sp.after, isNameCursor) });
  const [memberCohorts, signIns, zone] = await Promise.all([
    cohortsOfMembers(ctx.orgId, rows.map((r) => r.membershipId)),
    lastSignInsOf(ctx, rows.map((r) => r.membershipId)),
    orgTimeZone(ctx),
  ]);
  const filtered = Boolean(q || role || status || cohort);
  const nextHref = next
    ? `/admin/members?${new URLSearchParams({ ...(q ? { q } : {}), ...(role ? { role } : {}), ...(status ? { status } : {}), ...(cohort ? { cohort } : {}), after: encodeCursor(next) })}`
    : null;

  return (
    <>
      <PageHeader
        title="Members"
        description="Everyone in your organisation, their role and whether their access is active."
        actions={<Link href="/admin/invitations" className={buttonClass("primary")}>Invite people</Link>}
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4" role="search">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            Search name or email
          </label>
          <input id="q" name="q" defaultValue={q} maxLength={100} className="mt-1 min-h-11 rounded-md border border-stone-400 px-3" />
        </div>
        <div>
          <label htmlFor="role" className="block text-sm font-medium">
            Role
          </label>
          <select id="role" name="role" defaultValue={role ?? ""} className="mt-1 min-h-11 rounded-md border border-stone-400 bg-white px-2">
            <option value="">All roles</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="status" className="block text-sm font-medium">
            Status
          </label>
          <select id="status" name="status" defaultValue={status ?? ""} className="mt-1 min-h-11 rounded-md border border-stone-400 bg-white px-2">
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="deactivated">Deactivated</option>
          </select>
        </div>
        <CohortFilter id="cohort" chosen={chosenCohort} />
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-medium text-white">
          Filter
        </button>
      </form>
      {rows.length === 0 ? (
        filtered ? (
          <p className="text-stone-700">No members match these filters.</p>
        ) : (
          <p className="text-stone-700">Members are the people who can sign in to your organisation. <Link href="/admin/invitations">Invite your first supervisors and trainees</Link>.</p>
        )
      ) : (
        <>
        <BulkMembersForm />
        <DataTable label="Members" caption="Members" cellClass="px-4 py-2" columns={[<span key="s" className="sr-only">Select</span>, "Name", "Email", "Role", "Status", "Cohorts", "Last sign-in"]}>
          <tbody className="divide-y divide-stone-200">
            <MemberRows rows={rows} cohortsOf={memberCohorts} bulkForm={BULK_FORM_ID} lastSignIns={{ byMembership: signIns, zone }} />
          </tbody>
        </DataTable>
        </>
      )}
      {nextHref ? (
        <p className="mt-4">
          <Link href={nextHref}>Next page</Link>
        </p>
      ) : null}
    </>
  );
});
