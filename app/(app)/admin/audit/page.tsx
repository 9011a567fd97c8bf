import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/core/permissions";
import { listAuditActions, listAuditEvents } from "@/lib/reports/audit-log";
import { auditFilters, auditQuery } from "@/lib/reports/filters";
import { formatIn } from "@/lib/util/intl";
import { DataTable } from "@/components/ui/data-table";
import { intParam } from "@/lib/util/params";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Audit log" };

function when(d: Date) {
  return formatIn(d, "en-AU", { dateStyle: "medium", timeStyle: "short", timeZone: "Australia/Sydney" });
}

export default authedPage({ permission: "org.audit" }, async function AuditPage(ctx, { searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const f = auditFilters(sp);
  const before = intParam(sp, "before", 1, Number.MAX_SAFE_INTEGER);
  const [{ rows, next }, actions] = await Promise.all([listAuditEvents(ctx, f, { before }), listAuditActions(ctx)]);
  const query = auditQuery(f);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every privileged change in your organisation: who did what, and when. Entries can't be changed or deleted."
        actions={<a href={`/admin/audit/export.csv?${new URLSearchParams(query)}`} className={buttonClass("secondary")} download>Download CSV</a>}
      />
      <form method="get" role="search" aria-label="Filter the audit log" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <div>
          <label htmlFor="a-person" className="block text-sm font-medium">Person (name or email)</label>
          <input id="a-person" name="person" defaultValue={f.person ?? ""} maxLength={100} className="mt-1 min-h-11 rounded-md border border-stone-400 px-3" />
        </div>
        <div>
          <label htmlFor="a-action" className="block text-sm font-medium">Action</label>
          <select id="a-action" name="action" defaultValue={f.action ?? ""} className="mt-1 min-h-11 rounded-md border border-stone-400 bg-white px-2">
            <option value="">Any action</option>
            {actions.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="a-from" className="block text-sm font-medium">From</label>
          <input id="a-from" name="from" type="date" defaultValue={f.from ?? ""} className="mt-1 min-h-11 rounded-md border border-stone-400 px-2" />
        </div>
        <div>
          <label htmlFor="a-to" className="block text-sm font-medium">To</label>
          <input id="a-to" name="to" type="date" defaultValue={f.to ?? ""} className="mt-1 min-h-11 rounded-md border border-stone-400 px-2" />
        </div>
        <button type="submit" className={buttonClass("primary")}>Filter</button>
      </form>
      {rows.length === 0 ? (
        <p className="text-stone-700">No events match these filters.</p>
      ) : (
        <DataTable label="Audit events" caption="Audit events, newest first" columns={["When", "Who", "Action", "Outcome", "Target", "Details"]}>
          <tbody className="divide-y divide-stone-200">
              {rows.map((r) => (
                <tr key={r.id} data-testid="audit-row">
                  <td className="whitespace-nowrap px-3 py-2">{when(r.occurredAt)}</td>
                  <td className="px-3 py-2">{r.actorName ? <>{r.actorName}<span className="block text-stone-700">{r.actorEmail}</span></> : "System"}</td>
                  <td className="px-3 py-2"><code>{r.action}</code></td>
                  <td className="px-3 py-2">{r.outcome}</td>
                  <td className="px-3 py-2 break-all">{r.targetType ? `${r.targetType} ${r.targetId ?? ""}` : "—"}</td>
                  <td className="max-w-xs px-3 py-2 break-words">{r.detail ? JSON.stringify(r.detail) : "—"}</td>
                </tr>
              ))}
            </tbody>
        </DataTable>
      )}
      {next ? (
        <p className="mt-4">
          <Link href={`/admin/audit?${new URLSearchParams({ ...query, before: String(next) })}`}>Older events</Link>
        </p>
      ) : null}
    </>
  );
});
