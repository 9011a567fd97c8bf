import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { shortDay } from "@/lib/hours/days";
import { formatDuration, hoursText } from "@/lib/hours/duration";
import { getCohortChoice } from "@/lib/orgs/cohorts";
import { CohortFilter } from "@/components/ui/cohort-filter";
import { getHoursReport, type HoursReportCursor } from "@/lib/reports/hours";
import { decodeCursor, encodeCursor, isNameCursor } from "@/lib/util/cursor";
import { hoursReportFilters, hoursReportQuery } from "@/lib/reports/filters";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Hours report" };

const sel = "mt-1 min-h-11 rounded-md border border-stone-400 bg-white px-2";

export default authedPage(async function HoursReportPage(ctx, { searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const f = hoursReportFilters(sp);
  const after = decodeCursor(typeof sp.after === "string" ? sp.after : undefined, isNameCursor) as HoursReportCursor | undefined;
  const [report, cohort] = await Promise.all([getHoursReport(ctx, f, { after }), f.cohortId ? getCohortChoice(ctx, f.cohortId) : null]);
  const query = hoursReportQuery({ ...f, setId: report.set?.id });
  const lines = report.set?.parsed.lines ?? [];
  return (
    <>
      <PageHeader
        title="Hours"
        description="Every active trainee's approved hours against a requirement set, with what is waiting for approval. Open a trainee for their ledger and a signed summary."
        actions={
          <>
            <a href={`/admin/hours/report.csv?${new URLSearchParams(query)}`} className={buttonClass("secondary")} download>Download CSV</a>
            <Link href="/hours/sessions" className={buttonClass("secondary")}>Supervision sessions</Link>
          </>
        }
      />
      <form method="get" role="search" aria-label="Filter the hours report" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <div>
          <label htmlFor="h-set" className="block text-sm font-medium">Requirement set</label>
          <select id="h-set" name="set" defaultValue={report.set?.id ?? ""} className={sel}>
            {report.sets.length === 0 ? <option value="">No active set</option> : null}
            {report.sets.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </div>
        <CohortFilter id="h-cohort" chosen={cohort} />
        <div>
          <label htmlFor="h-q" className="block text-sm font-medium">Name or email</label>
          <input id="h-q" name="q" defaultValue={f.q ?? ""} maxLength={100} className="mt-1 min-h-11 rounded-md border border-stone-400 px-3" />
        </div>
        <button type="submit" className={buttonClass("primary")}>Filter</button>
      </form>
      {report.sets.length === 0 ? (
        <p className="mb-4 text-stone-700">
          No requirement set is active, so only totals are shown. <Link href="/admin/hours/requirements">Choose a set</Link>.
        </p>
      ) : null}
      {report.rows.length === 0 ? (
        <p className="text-stone-700">No trainees match.</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Hours report">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Approved hours per trainee{report.set ? ` against ${report.set.name}` : ""}</caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className="px-3 py-2">Trainee</th>
                {lines.map((l) => (
                  <th key={l.key} scope="col" className="px-3 py-2">{l.label} ({hoursText(l.minutes)} h)</th>
                ))}
                {report.set?.parsed.ratio ? <th scope="col" className="px-3 py-2">Supervision ratio</th> : null}
                <th scope="col" className="px-3 py-2">Approved in all</th>
                <th scope="col" className="px-3 py-2">Waiting for approval</th>
                <th scope="col" className="px-3 py-2">Last activity</th>
                <th scope="col" className="px-3 py-2">Met</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {report.rows.map((r) => (
                <tr key={r.membershipId} data-testid="hours-report-row">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link href={`/hours/trainees/${r.membershipId}`}>{r.name}</Link>
                  </th>
                  {r.evaluation.lines.map((l) => (
                    <td key={l.key} className="px-3 py-2 tabular-nums">
                      {hoursText(l.approved)} of {hoursText(l.required)}
                    </td>
                  ))}
                  {r.evaluation.ratio ? <td className="px-3 py-2">{r.evaluation.ratio.met ? "Met" : `${formatDuration(r.evaluation.ratio.remaining)} short`}</td> : null}
                  <td className="px-3 py-2 tabular-nums">{formatDuration(r.approvedMinutes)}</td>
                  <td className="px-3 py-2 tabular-nums">{formatDuration(r.pendingMinutes)}</td>
                  <td className="px-3 py-2">{r.lastLoggedOn ? shortDay(r.lastLoggedOn) : "—"}</td>
                  <td className="px-3 py-2">{report.set ? (r.evaluation.complete ? "Yes" : "Not yet") : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {report.next ? (
        <p className="mt-4">
          <Link href={`/admin/hours?${new URLSearchParams({ ...query, after: encodeCursor(report.next) })}`}>Next page</Link>
        </p>
      ) : null}
    </>
  );
});
