import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { formatDate, STATUS_LABELS, type ModuleStatus } from "@/lib/onboarding/due";
import { getCohortChoice } from "@/lib/orgs/cohorts";
import { CohortFilter } from "@/components/ui/cohort-filter";
import { decodeCursor, encodeCursor, isNameCursor } from "@/lib/util/cursor";
import { ROLE_LABELS, ROLES } from "@/lib/core/permissions";
import { getCompletionMatrix } from "@/lib/reports/completion";
import { matrixFilters, matrixQuery } from "@/lib/reports/filters";
import { DataTable } from "@/components/ui/data-table";
import { authedPage } from "@/lib/core/page";
import { matrixRowsHtml } from "@/components/tables/matrix-rows";
import { ConfirmActionButton } from "@/components/admin/confirm-action-button";
import { overdueForReport } from "@/lib/onboarding/remind-overdue";
import { ORG_TIME_ZONE } from "@/lib/onboarding/due";
import { formatIn } from "@/lib/util/intl";
import { remindOverdueAction } from "@/lib/onboarding/actions/reminders";

export const metadata: Metadata = { title: "Completion" };

const sel = "mt-1 min-h-11 rounded-md border border-stone-400 bg-white px-2";


export default authedPage({ permission: "org.reports" }, async function CompletionPage(ctx, { searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const asked = matrixFilters(sp);
  const after = decodeCursor(typeof sp.after === "string" ? sp.after : undefined, isNameCursor);
  // The cohort filter is a search-as-you-type picker: the page carries the chosen cohort only, not
  // every cohort the organisation has had (hundreds over the years at a national body). An id that
  // is not one of this organisation's cohorts is dropped, as on the members list.
  const chosenCohort = asked.cohortId ? await getCohortChoice(ctx, asked.cohortId) : null;
  const f = { ...asked, cohortId: chosenCohort?.id };
  const [matrix, { counts: overdue, countedAt }] = await Promise.all([getCompletionMatrix(ctx, f, { after }), overdueForReport(ctx, f.moduleId)]);
  const moduleChoices = matrix.allModules.map((m) => [m.id, m.title] as const);
  const query = matrixQuery(f);
  const csvHref = `/admin/reports/completion.csv?${new URLSearchParams(query)}`;
  return (
    <>
      <PageHeader
        title="Completion"
        description="Each active member against the modules required of them. Overdue means not complete and past the due date."
        actions={<a href={csvHref} className={buttonClass("secondary")} download>Download CSV</a>}
      />
      <form method="get" role="search" aria-label="Filter the completion report" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <div>
          <label htmlFor="c-q" className="block text-sm font-medium">Name or email</label>
          <input id="c-q" name="q" defaultValue={f.q ?? ""} maxLength={100} className="mt-1 min-h-11 rounded-md border border-stone-400 px-3" />
        </div>
        <div>
          <label htmlFor="c-role" className="block text-sm font-medium">Role</label>
          <select id="c-role" name="role" defaultValue={f.role ?? ""} className={sel}>
            <option value="">All roles</option>
            {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
          </select>
        </div>
        <CohortFilter id="c-cohort" chosen={chosenCohort} />
        <div>
          <label htmlFor="c-module" className="block text-sm font-medium">Module</label>
          <select id="c-module" name="module" defaultValue={f.moduleId ?? ""} className={sel}>
            <option value="">All required modules</option>
            {moduleChoices.map(([id, title]) => <option key={id} value={id}>{title}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="c-status" className="block text-sm font-medium">Status</label>
          <select id="c-status" name="status" defaultValue={f.status ?? ""} className={sel}>
            <option value="">Any status</option>
            {(Object.keys(STATUS_LABELS) as ModuleStatus[]).map((s) => <option key={s} value={s}>{STATUS_LABELS[s]}</option>)}
          </select>
        </div>
        <button type="submit" className={buttonClass("primary")}>Filter</button>
      </form>
      {overdue.length > 0 ? (
        <section aria-labelledby="overdue-heading" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="overdue-heading" className="text-base font-semibold">
            Overdue modules
          </h2>
          <p className="mt-1 text-sm text-stone-800">
            Remind everyone behind on a module at once. Rapport also sends reminders itself each day; nobody is reminded twice on one day. Counted at{" "}
            {formatIn(countedAt, "en-AU", { timeStyle: "short", timeZone: ORG_TIME_ZONE })} (recounted every few minutes); a reminder goes to whoever is overdue when you send it.
          </p>
          <ul className="mt-3 space-y-2">
            {overdue.map((o) => (
              <li key={o.moduleId} className="flex flex-wrap items-center gap-3" data-testid="overdue-module">
                <span>
                  <span className="font-medium">{o.title}</span>: {o.overdue} {o.overdue === 1 ? "person" : "people"} overdue
                </span>
                <ConfirmActionButton
                  action={remindOverdueAction}
                  payload={{ moduleId: o.moduleId }}
                  label="Send a reminder"
                  accessibleLabel={`Remind everyone overdue on ${o.title}`}
                  title={`Remind everyone overdue on “${o.title}”?`}
                  confirmLabel={o.overdue === 1 ? "Send 1 reminder" : `Send ${o.overdue} reminders`}
                  success={`Everyone overdue on ${o.title} has been reminded today.`}
                  tone="primary"
                >
                  <p>
                    {o.overdue === 1 ? "The person" : `Each of the ${o.overdue} people`} gets a notification in Rapport, and an email unless they chose in-app only or the daily
                    digest. Anyone already reminded about this module today is not reminded again. The reminder is recorded in the audit log.
                  </p>
                </ConfirmActionButton>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {matrix.modules.length === 0 ? (
        <p className="text-stone-700">
          No modules are required yet. <Link href="/admin/requirements">Make a module required</Link>.
        </p>
      ) : matrix.rows.length === 0 ? (
        <p className="text-stone-700">No members match these filters.</p>
      ) : (
        <DataTable
          label="Completion matrix"
          caption="Completion of required modules by member"
          tableClass="cm"
          cellClass=""
          columns={["Member", ...matrix.modules.map((m) => m.title)]}
        >
          {/* One escaped string, not React elements: measured 2.3 times faster (components/tables/matrix-rows.ts). */}
          <tbody className="divide-y divide-stone-200" dangerouslySetInnerHTML={{ __html: matrixRowsHtml(matrix.rows, matrix.modules) }} />
        </DataTable>
      )}
      {matrix.next ? (
        <p className="mt-4">
          <Link href={`/admin/reports?${new URLSearchParams({ ...query, after: encodeCursor(matrix.next) })}`}>Next page</Link>
        </p>
      ) : null}
    </>
  );
});
