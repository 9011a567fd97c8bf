import type { Metadata } from "next";
import Link from "next/link";
import { decodeCursor, encodeCursor, formatDateTime, waitingFor } from "@/components/cases/format";
import { StatusBadge } from "@/components/cases/status-badge";
import { buttonClass } from "@/components/ui/button";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { listCaseload, listMyAssignedTrainees } from "@/lib/cases/caseload";
import { labelOf, RUPTURE_TYPE_CODES, RUPTURE_TYPES } from "@/lib/cases/codes";
import { CASE_STATUSES, STATUS_LABELS } from "@/lib/cases/workflow";
import { dayParam, oneOf, param, searchText } from "@/lib/util/params";
import { can } from "@/lib/core/permissions";
import { isUuid } from "@/lib/util/uuid";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Caseload" };

type Search = Record<string, string | string[] | undefined>;
const SHOWN = CASE_STATUSES.filter((s) => s !== "draft");

export default authedPage({ permission: "cases.review" }, async function CaseloadPage(ctx, { searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const reviewed = oneOf(sp, "reviewed", ["signed_off", "changes_requested"] as const);
  const trainees = await listMyAssignedTrainees(ctx);
  const traineeParam = param(sp, "trainee", 36);
  const filters = {
    trainee: isUuid(traineeParam) && trainees.some((t) => t.membershipId === traineeParam) ? traineeParam : undefined,
    status: oneOf(sp, "status", SHOWN),
    ruptureType: oneOf(sp, "type", RUPTURE_TYPE_CODES),
    from: dayParam(sp, "from"),
    to: dayParam(sp, "to"),
    q: searchText(sp) || undefined,
  };
  const { rows, next } = await listCaseload(ctx, filters, { after: decodeCursor(param(sp, "after", 600)) });
  const query = Object.fromEntries(
    Object.entries({ trainee: filters.trainee, status: filters.status, type: filters.ruptureType, from: filters.from, to: filters.to, q: filters.q }).filter((e): e is [string, string] => Boolean(e[1])),
  );
  const filtered = Object.keys(query).length > 0;
  const now = new Date();
  return (
    <>
      <PageHeader title="Caseload" description="Every case your trainees have submitted, in every state, newest change first." />
      {reviewed ? (
        <div className="mb-4">
          <Alert tone="success" live>
            {reviewed === "signed_off" ? "Review recorded: the case is signed off and the trainee can see it." : "Review recorded: changes requested. The trainee can see what to change."}
          </Alert>
        </div>
      ) : null}
      <form method="get" className="mb-4 grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-3" aria-label="Filter the caseload">
        <div>
          <label htmlFor="f-trainee" className="block text-sm font-medium">Trainee</label>
          <select id="f-trainee" name="trainee" defaultValue={filters.trainee ?? ""} className="mt-1 min-h-11 w-full rounded-md border border-stone-400 bg-white px-2">
            <option value="">All trainees</option>
            {trainees.map((t) => (
              <option key={t.membershipId} value={t.membershipId}>{t.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-status" className="block text-sm font-medium">Status</label>
          <select id="f-status" name="status" defaultValue={filters.status ?? ""} className="mt-1 min-h-11 w-full rounded-md border border-stone-400 bg-white px-2">
            <option value="">Any status</option>
            {SHOWN.map((s) => (
              <option key={s} value={s}>{STATUS_LABELS[s]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-type" className="block text-sm font-medium">Rupture type</label>
          <select id="f-type" name="type" defaultValue={filters.ruptureType ?? ""} className="mt-1 min-h-11 w-full rounded-md border border-stone-400 bg-white px-2">
            <option value="">Any type</option>
            {RUPTURE_TYPES.map((t) => (
              <option key={t.code} value={t.code}>{t.label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-from" className="block text-sm font-medium">Submitted from</label>
          <input id="f-from" type="date" name="from" defaultValue={filters.from ?? ""} className="mt-1 min-h-11 w-full rounded-md border border-stone-400 bg-white px-2" />
        </div>
        <div>
          <label htmlFor="f-to" className="block text-sm font-medium">Submitted to</label>
          <input id="f-to" type="date" name="to" defaultValue={filters.to ?? ""} className="mt-1 min-h-11 w-full rounded-md border border-stone-400 bg-white px-2" />
        </div>
        <div>
          <label htmlFor="f-q" className="block text-sm font-medium">Client code</label>
          <input id="f-q" type="search" name="q" defaultValue={filters.q ?? ""} maxLength={100} className="mt-1 min-h-11 w-full rounded-md border border-stone-400 bg-white px-2" />
        </div>
        <div className="flex items-end gap-2 sm:col-span-3">
          <button type="submit" className={buttonClass("primary")}>Filter</button>
          {filtered ? <Link href="/caseload" className={buttonClass("secondary")}>Clear filters</Link> : null}
        </div>
      </form>
      {rows.length === 0 ? (
        <p className="text-stone-700">
          {filtered
            ? "No cases match these filters."
            : trainees.length === 0
              ? "No trainees are assigned to you yet. Your organisation's admin assigns them; their submitted cases will appear here."
              : "Your trainees haven't submitted any cases yet. Submitted cases, and everything that happens to them, will appear here."}
        </p>
      ) : (
        <DataTable label="Caseload" caption="Cases of your trainees" columns={["Case", "Trainee", "Status", "Rupture type", "Submitted", "Waiting", "Last action"]}>
          <tbody className="divide-y divide-stone-200">
            {rows.map((r) => (
              <tr key={r.id}>
                <td className="px-3 py-2">
                  {r.urgent ? <span className="mr-1 inline-block rounded bg-red-800 px-1.5 py-0.5 text-xs font-semibold uppercase text-white">Urgent</span> : null}
                  <Link href={r.status === "submitted" ? `/reviews/${r.id}?from=caseload` : `/cases/${r.id}`}>{r.clientCode ?? "Case"}</Link>
                </td>
                <td className="px-3 py-2">{r.traineeName}</td>
                <td className="px-3 py-2"><StatusBadge status={r.status} /></td>
                <td className="px-3 py-2">{labelOf("ruptureType", r.ruptureType)}</td>
                <td className="px-3 py-2">{r.submittedAt ? formatDateTime(r.submittedAt) : "—"}</td>
                <td className="px-3 py-2">{r.status === "submitted" && r.submittedAt ? waitingFor(r.submittedAt, now) : "—"}</td>
                <td className="px-3 py-2">{r.lastAction ? `${STATUS_LABELS[r.lastAction as keyof typeof STATUS_LABELS] ?? r.lastAction}${r.lastActionAt ? `, ${formatDateTime(r.lastActionAt)}` : ""}` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
      {next ? (
        <p className="mt-4">
          <Link href={`/caseload?${new URLSearchParams({ ...query, after: encodeCursor(next)! })}`}>Next page</Link>
        </p>
      ) : null}
    </>
  );
});
