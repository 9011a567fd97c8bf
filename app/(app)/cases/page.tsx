import type { Metadata } from "next";
import Link from "next/link";
import { decodeCursor, encodeCursor, formatDate } from "@/components/cases/format";
import { StatusBadge } from "@/components/cases/status-badge";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import type { Ctx } from "@/lib/core/context";
import { labelOf } from "@/lib/cases/codes";
import { casesListFor, listMyCases } from "@/lib/cases/queries";
import { listOrgCaseMetadata } from "@/lib/cases/queue";
import { CASE_STATUSES, STATUS_LABELS, type CaseStatus } from "@/lib/cases/workflow";
import { oneOf, param, searchText } from "@/lib/util/params";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Cases" };

type Search = Record<string, string | string[] | undefined>;

function StatusFilter({ status }: { status?: CaseStatus }) {
  return (
    <div>
      <label htmlFor="status" className="block text-sm font-medium">Status</label>
      <select id="status" name="status" defaultValue={status ?? ""} className="mt-1 min-h-11 rounded-md border border-stone-400 bg-white px-2">
        <option value="">Any status</option>
        {CASE_STATUSES.map((s) => (
          <option key={s} value={s}>{STATUS_LABELS[s]}</option>
        ))}
      </select>
    </div>
  );
}

async function OrgCases({ ctx, status, after }: { ctx: Ctx; status?: CaseStatus; after?: string }) {
  const { rows, next } = await listOrgCaseMetadata(ctx, { status, after: decodeCursor(after) });
  const nextHref = next ? `/cases?${new URLSearchParams({ ...(status ? { status } : {}), after: encodeCursor(next)! })}` : null;
  return (
    <>
      <PageHeader title="Cases in your organisation" description="Status, dates and counts of every logged case. Case narratives are visible only to the trainee and their assigned supervisors." />
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <StatusFilter status={status} />
        <button type="submit" className={buttonClass("primary")}>Filter</button>
      </form>
      {rows.length === 0 ? (
        <p className="text-stone-700">{status ? "No cases match this filter." : "No cases have been logged yet. Trainees log cases from their own case log; once they submit them, their status and dates appear here."}</p>
      ) : (
        <div className="scroll-cue overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Cases in the organisation">
          <p className="px-3 pt-2 text-xs text-stone-700 sm:hidden">Scroll sideways to see every column.</p>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Cases in your organisation</caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-4 py-2">Logged by</th>
                <th scope="col" className="px-4 py-2">Status</th>
                <th scope="col" className="px-4 py-2">Started</th>
                <th scope="col" className="px-4 py-2">Last submitted</th>
                <th scope="col" className="px-4 py-2">Signed off</th>
                <th scope="col" className="px-4 py-2">Versions</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-4 py-2"><Link href={`/cases/${r.id}`}>{r.authorName}</Link></td>
                  <td className="px-4 py-2"><StatusBadge status={r.status} /></td>
                  <td className="px-4 py-2">{formatDate(r.createdAt)}</td>
                  <td className="px-4 py-2">{formatDate(r.submittedAt)}</td>
                  <td className="px-4 py-2">{formatDate(r.signedOffAt)}</td>
                  <td className="px-4 py-2">{r.submissionCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextHref ? <p className="mt-4"><Link href={nextHref}>Next page</Link></p> : null}
    </>
  );
}

export default authedPage(async function CasesPage(ctx, { searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const status = oneOf(sp, "status", CASE_STATUSES);
  if (casesListFor(ctx) === "organisation") return <OrgCases ctx={ctx} status={status} after={param(sp, "after", 600)} />;
  const q = searchText(sp);
  const { rows, next } = await listMyCases(ctx, { q, status, after: decodeCursor(param(sp, "after", 600)) });
  const nextHref = next ? `/cases?${new URLSearchParams({ ...(q ? { q } : {}), ...(status ? { status } : {}), after: encodeCursor(next)! })}` : null;
  return (
    <>
      <PageHeader
        title="My cases"
        description="Your de-identified rupture cases, the newest change first."
        actions={
          <>
            <Link href="/cases/insight" className={buttonClass("secondary")}>My insight</Link>
            <Link href="/cases/new" className={buttonClass("primary")}>Log a case</Link>
          </>
        }
      />
      <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <div>
          <label htmlFor="q" className="block text-sm font-medium">Search client code or what happened</label>
          <input id="q" name="q" defaultValue={q} maxLength={100} className="mt-1 min-h-11 rounded-md border border-stone-400 px-3" />
        </div>
        <StatusFilter status={status} />
        <button type="submit" className={buttonClass("primary")}>Filter</button>
      </form>
      {rows.length === 0 ? (
        <p className="text-stone-700">{q || status ? "No cases match these filters." : "You haven't logged a case yet."}</p>
      ) : (
        <div className="scroll-cue overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="My cases">
          <p className="px-3 pt-2 text-xs text-stone-700 sm:hidden">Scroll sideways to see every column.</p>
          <table className="w-full text-left text-sm">
            <caption className="sr-only">My cases</caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-4 py-2">Client code</th>
                <th scope="col" className="px-4 py-2">Rupture type</th>
                <th scope="col" className="px-4 py-2">Outcome</th>
                <th scope="col" className="px-4 py-2">Status</th>
                <th scope="col" className="px-4 py-2">Last changed</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="px-4 py-2"><Link href={`/cases/${r.id}`}>{r.clientCode ?? "No code yet"}</Link></td>
                  <td className="px-4 py-2">{r.ruptureType ? labelOf("ruptureType", r.ruptureType) : "—"}</td>
                  <td className="px-4 py-2">{r.outcome ? labelOf("outcome", r.outcome) : "—"}</td>
                  <td className="px-4 py-2"><StatusBadge status={r.status} /></td>
                  <td className="px-4 py-2">{formatDate(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {nextHref ? <p className="mt-4"><Link href={nextHref}>Next page</Link></p> : null}
    </>
  );
});
