import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { AUDIT_ACTIONS, AUDIT_CATEGORIES, AUDIT_CATEGORY_LABELS, isAuditAction } from "@/lib/core/audit-actions";
import { listAuditActions, listAuditEvents, type AuditRow } from "@/lib/reports/audit-log";
import { auditFields, auditSentence, auditVerb, OUTCOME_WORDS } from "@/lib/reports/audit-words";
import { auditFilters, auditQuery } from "@/lib/reports/filters";
import { formatIn } from "@/lib/util/intl";
import { decodeCursor, encodeCursor, isAuditCursor } from "@/lib/util/cursor";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Audit log" };

function when(d: Date) {
  return formatIn(d, "en-AU", { dateStyle: "medium", timeStyle: "short", timeZone: "Australia/Sydney" });
}

// On narrow screens each row stacks into a card (every cell a block with its own label), so the
// page never scrolls sideways; from md up it is an ordinary table. The cells' classes are set once
// in app/globals.css (.al): 50 rows of five cells each made them a third of the page.

function Sentence({ row }: { row: AuditRow }) {
  const s = auditSentence(row);
  return (
    <span data-testid="audit-sentence">
      {s.before}
      {s.target ? s.target.href ? <Link href={s.target.href}>{s.target.label}</Link> : <strong className="font-semibold">{s.target.label}</strong> : null}
      {s.after}
    </span>
  );
}

function Details({ row }: { row: AuditRow }) {
  const fields = auditFields(row);
  return (
    <>
      {fields.length ? (
        <dl className="al-f gap-y-0.5">
          {fields.map((f, i) => (
            <div key={i} className="contents">
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      <details className="mt-1">
        <summary>Technical details</summary>
        <dl className="mt-1 text-xs">
          <dt>Action</dt>
          <dd><code>{row.action}</code></dd>
          <dt>Target</dt>
          <dd>{row.targetType ? `${row.targetType} ${row.targetId ?? ""}` : "—"}</dd>
          <dt>Event</dt>
          <dd>{row.id}</dd>
          {row.detail ? (
            <>
              <dt>Detail</dt>
              <dd><code>{JSON.stringify(row.detail)}</code></dd>
            </>
          ) : null}
        </dl>
      </details>
    </>
  );
}

export default authedPage({ permission: "org.audit" }, async function AuditPage(ctx, { searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const f = auditFilters(sp);
  const before = decodeCursor(sp.before, isAuditCursor);
  const [{ rows, next }, actions] = await Promise.all([listAuditEvents(ctx, f, { before }), listAuditActions(ctx)]);
  const query = auditQuery(f);
  const filtered = Boolean(f.person || f.action || f.category || f.from || f.to);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every privileged change in your organisation: who did what, and when. Entries can't be changed or deleted."
        actions={<a href={`/admin/audit/export.csv?${new URLSearchParams(query)}`} className={buttonClass("secondary")} download>Download CSV</a>}
      />
      <form method="get" role="search" aria-label="Filter the audit log" className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <div className="min-w-0">
          <label htmlFor="a-person" className="block text-sm font-medium">Person (name or email)</label>
          <input id="a-person" name="person" defaultValue={f.person ?? ""} maxLength={100} className="mt-1 min-h-11 w-full max-w-full rounded-md border border-stone-400 px-3" />
        </div>
        <div className="min-w-0">
          <label htmlFor="a-category" className="block text-sm font-medium">Category</label>
          <select id="a-category" name="category" defaultValue={f.category ?? ""} className="mt-1 min-h-11 max-w-full rounded-md border border-stone-400 bg-white px-2">
            <option value="">All categories</option>
            {AUDIT_CATEGORIES.map((c) => <option key={c} value={c}>{AUDIT_CATEGORY_LABELS[c]}</option>)}
          </select>
        </div>
        <div className="min-w-0">
          <label htmlFor="a-action" className="block text-sm font-medium">Action</label>
          <select id="a-action" name="action" defaultValue={f.action ?? ""} className="mt-1 min-h-11 max-w-full rounded-md border border-stone-400 bg-white px-2">
            <option value="">Any action</option>
            {actions.map((a) => <option key={a} value={a}>{auditVerb(a).replace("{target}", "someone")}{isAuditAction(a) ? ` (${AUDIT_CATEGORY_LABELS[AUDIT_ACTIONS[a].category]})` : ""}</option>)}
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
        <div className="flex min-h-11 items-center gap-2">
          <input id="a-reads" name="reads" type="checkbox" value="1" defaultChecked={Boolean(f.reads)} className="size-5" />
          <label htmlFor="a-reads" className="text-sm font-medium">Include routine reads (case viewed)</label>
        </div>
        <button type="submit" className={buttonClass("primary")}>Filter</button>
      </form>
      {!f.reads ? <p className="mb-3 text-sm text-stone-700">Routine reads, such as a case being viewed, are hidden. Tick “Include routine reads” to see them.</p> : null}
      {rows.length === 0 ? (
        <p className="text-stone-700">{filtered || before ? "No events match these filters." : "Nothing has been recorded yet. Changes people make — invitations, roles, cases signed off — appear here as they happen."}</p>
      ) : (
        <div className="rounded-lg border border-stone-200 bg-white md:overflow-x-auto" role="region" aria-label="Audit events" tabIndex={0}>
          <table className="al block w-full text-left text-sm md:table">
            <caption className="sr-only">Audit events, newest first</caption>
            <thead className="sr-only bg-stone-100 md:not-sr-only md:table-header-group">
              <tr>
                {["When", "Who", "What happened", "Outcome", "Details"].map((c) => (
                  <th key={c} scope="col" className="px-3 py-2">{c}</th>
                ))}
              </tr>
            </thead>
            <tbody className="block divide-y divide-stone-200 md:table-row-group">
              {rows.map((r) => (
                <tr key={r.id} data-testid="audit-row" className="block py-2 md:table-row md:py-0">
                  <td className="md:whitespace-nowrap"><span className="al-l">When</span>{when(r.occurredAt)}</td>
                  <td>
                    <span className="al-l">Who</span>
                    {r.actorName ? <>{r.actorName}<span className="block break-words text-stone-700">{r.actorEmail}</span></> : "System"}
                  </td>
                  <td className="md:min-w-48"><span className="al-l">What happened</span><Sentence row={r} /></td>
                  <td><span className="al-l">Outcome</span>{OUTCOME_WORDS[r.outcome]}</td>
                  <td className="md:min-w-64"><span className="al-l">Details</span><Details row={r} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next ? (
        <p className="mt-4">
          <Link href={`/admin/audit?${new URLSearchParams({ ...query, before: encodeCursor(next) })}`}>Older events</Link>
        </p>
      ) : null}
    </>
  );
});
