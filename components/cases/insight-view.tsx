import { labelOf } from "@/lib/cases/codes";
import type { Insight } from "@/lib/cases/insight-calc";
import { formatDate } from "./format";

// Charts are plain CSS bars (meaningful to sighted readers), each with a data table as the
// accessible equivalent: the bars are hidden from assistive technology, the table is not.

function Bars({ title, rows, max, unit }: { title: string; rows: { label: string; value: number; text: string }[]; max: number; unit: string }) {
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-4">
      <figcaption className="font-semibold">{title}</figcaption>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-stone-700">Nothing to show yet.</p>
      ) : (
        <>
          <div aria-hidden="true" className="mt-3 space-y-2">
            {rows.map((r) => (
              <div key={r.label} className="grid grid-cols-[minmax(8rem,14rem)_1fr_auto] items-center gap-2 text-sm">
                <span className="truncate">{r.label}</span>
                <span className="h-4 rounded bg-stone-100">
                  <span className="block h-4 rounded bg-brand-700" style={{ width: `${max ? Math.round((r.value / max) * 100) : 0}%` }} />
                </span>
                <span className="tabular-nums">{r.text}</span>
              </div>
            ))}
          </div>
          <details className="mt-3 text-sm">
            <summary className="min-h-11 cursor-pointer py-2">Show as a table</summary>
            <table className="w-full text-left">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-1 pr-3">Item</th>
                  <th scope="col" className="py-1">{unit}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.label} className="border-b border-stone-200">
                    <th scope="row" className="py-1 pr-3 font-normal">{r.label}</th>
                    <td className="py-1">{r.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}

export function InsightView({ insight }: { insight: Insight }) {
  const pct = (x: number | null) => (x == null ? "—" : `${Math.round(x * 100)}%`);
  if (insight.total === 0) return <p className="text-stone-700">No submitted cases yet: insight appears once cases are submitted.</p>;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Bars title="Cases by rupture type" unit="Cases" max={insight.total} rows={insight.byType.map((t) => ({ label: labelOf("ruptureType", t.key), value: t.n, text: String(t.n) }))} />
      <Bars title="Cases by outcome" unit="Cases" max={insight.total} rows={insight.byOutcome.map((t) => ({ label: labelOf("outcome", t.key), value: t.n, text: String(t.n) }))} />
      <Bars
        title="Resolution rate by strategy"
        unit="Resolved (of cases using it)"
        max={1}
        rows={insight.byStrategy.map((s) => ({ label: labelOf("strategy", s.code), value: s.rate ?? 0, text: `${pct(s.rate)} of ${s.used}` }))}
      />
      <Bars
        title="Conditions most often rated not evident"
        unit="Cases (latest review)"
        max={Math.max(1, ...insight.notEvident.map((n) => n.of))}
        rows={insight.notEvident.map((n) => ({ label: labelOf("condition", n.code), value: n.n, text: `${n.n} of ${n.of}` }))}
      />
      <Bars
        title="Self and supervisor agreement over time"
        unit="Conditions rated the same"
        max={6}
        rows={insight.agreement.map((a, i) => ({ label: `${i + 1}. ${formatDate(a.at)}`, value: a.agreed, text: `${a.agreed} of ${a.compared}` }))}
      />
    </div>
  );
}
