import { CONDITIONS, labelOf, STRATEGY_FAMILIES } from "@/lib/cases/codes";
import type { Insight } from "@/lib/cases/insight-calc";
import { RatingsCaveat } from "./conditions-display";

// Charts are plain CSS bars (meaningful to sighted readers), each with a data table as the
// accessible equivalent: the bars are hidden from assistive technology, the table is not.
// Labels wrap in full: a condition's wording is the point, so it is never cut short.

function Bars({ title, rows, max, unit, note }: { title: string; rows: { label: string; value: number; text: string }[]; max: number; unit: string; note?: React.ReactNode }) {
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-4">
      <figcaption className="font-semibold">{title}</figcaption>
      {note ? <div className="mt-1 text-sm text-stone-700">{note}</div> : null}
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-stone-700">Nothing to show yet.</p>
      ) : (
        <>
          <div aria-hidden="true" className="mt-3 space-y-3">
            {rows.map((r) => (
              <div key={r.label} className="text-sm">
                <span className="block break-words">{r.label}</span>
                <span className="mt-1 grid grid-cols-[1fr_auto] items-center gap-2">
                  <span className="h-4 rounded bg-stone-100">
                    <span className="block h-4 rounded bg-brand-700" style={{ width: `${max ? Math.round((r.value / max) * 100) : 0}%` }} />
                  </span>
                  <span className="tabular-nums">{r.text}</span>
                </span>
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

const conditionLabel = (code: string) => CONDITIONS.find((c) => c.code === code)?.label ?? code;

/** Insight for the trainee ("you") or for their supervisor ("this trainee"). */
export function InsightView({ insight, perspective = "self" }: { insight: Insight; perspective?: "self" | "supervisor" }) {
  if (insight.total === 0) return <p className="text-stone-700">No submitted cases yet: insight appears once cases are submitted.</p>;
  const you = perspective === "self";
  const familyOf = (f: string) => STRATEGY_FAMILIES.find((x) => x.code === f)?.label.replace(" strategies", "").toLowerCase() ?? f;
  return (
    <div className="space-y-4">
      <div className="grid gap-4 lg:grid-cols-2">
        <Bars title="Cases by rupture type" unit="Cases" max={insight.total} rows={insight.byType.map((t) => ({ label: labelOf("ruptureType", t.key), value: t.n, text: String(t.n) }))} />
        <Bars title="Cases by outcome" unit="Cases" max={insight.total} rows={insight.byOutcome.map((t) => ({ label: labelOf("outcome", t.key), value: t.n, text: String(t.n) }))} />
        <Bars
          title={you ? "Strategies you have used" : "Strategies used"}
          unit="Cases using it"
          max={Math.max(1, ...insight.strategies.map((s) => s.n))}
          note={
            <p data-testid="no-ranking-note">
              Counts of use, in the order of the list: no strategy is ranked by outcome, because a few cases with self-rated outcomes can&apos;t show what works, and
              immediate moves used on small ruptures will always look more successful.
            </p>
          }
          rows={insight.strategies.map((s) => ({ label: `${labelOf("strategy", s.code)} (${familyOf(s.family)})`, value: s.n, text: String(s.n) }))}
        />
        <Bars
          title="Conditions 3 to 6 rated not evident in the latest review"
          unit="Reviews rating it not evident"
          max={Math.max(1, ...insight.notEvident.map((n) => n.of))}
          note={<p>Conditions 1 and 2 are about the client and the meeting, so they are never counted here. Reviews that rated a condition not assessable are left out.</p>}
          rows={insight.notEvident.filter((n) => n.of > 0).map((n) => ({ label: conditionLabel(n.code), value: n.n, text: `${n.n} of ${n.of}` }))}
        />
      </div>
      <section aria-labelledby="differences" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="differences" className="font-semibold">
          Where {you ? "your view and your supervisor's" : "the trainee's view and the supervisor's"} differ
        </h2>
        <RatingsCaveat className="mt-1" />
        <p className="mt-1 text-sm text-stone-700">
          On each case&apos;s latest review, for the conditions both rated. A difference is something to talk about in supervision, not a mistake; and views that
          converge can mean shared understanding, or that the trainee has come to defer to the supervisor.
        </p>
        {insight.differences.every((d) => d.compared === 0) ? (
          <p className="mt-2 text-sm text-stone-700">Nothing to compare yet.</p>
        ) : (
          <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-labelledby="differences">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Self-assessment and supervisor ratings compared, per condition</caption>
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="py-1 pr-3">Condition</th>
                  <th scope="col" className="py-1 pr-3">Both rated</th>
                  <th scope="col" className="py-1 pr-3">Same</th>
                  <th scope="col" className="py-1 pr-3">{you ? "You" : "Trainee"} rated higher</th>
                  <th scope="col" className="py-1 pr-3">Supervisor rated higher</th>
                  <th scope="col" className="py-1">One said not assessable</th>
                </tr>
              </thead>
              <tbody>
                {insight.differences
                  .filter((d) => d.compared > 0)
                  .map((d) => (
                    <tr key={d.code} className="border-b border-stone-200 align-top">
                      <th scope="row" className="py-1 pr-3 font-normal break-words">{conditionLabel(d.code)}</th>
                      <td className="py-1 pr-3 tabular-nums">{d.compared}</td>
                      <td className="py-1 pr-3 tabular-nums">{d.same}</td>
                      <td className="py-1 pr-3 tabular-nums">{d.selfHigher}</td>
                      <td className="py-1 pr-3 tabular-nums">{d.supervisorHigher}</td>
                      <td className="py-1 tabular-nums">{d.notAssessable}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
