import Link from "next/link";
import { CATEGORIES } from "@/lib/hours/categories";
import { formatDuration, hoursText } from "@/lib/hours/duration";
import type { TraineeProgress } from "@/lib/hours/progress";
import { percent, type LineProgress } from "@/lib/hours/requirements";

// Progress against each active requirement set: a bar chart (approved, pending, still needed) and
// the same figures in a table, then every category's totals by status. The chart is decoration
// over the table: screen readers get its summary and the table.

function Bar({ line }: { line: LineProgress }) {
  const of = Math.max(line.required, line.approved + line.pending, 1);
  const approved = (line.approved / of) * 100;
  const pending = (Math.min(line.pending, Math.max(0, of - line.approved)) / of) * 100;
  return (
    <div className="flex h-4 w-full overflow-hidden rounded bg-stone-200" aria-hidden="true">
      <div className="h-full bg-brand-700" style={{ width: `${approved}%` }} />
      <div className="h-full bg-amber-500" style={{ width: `${pending}%` }} />
    </div>
  );
}

export function ProgressPanel({ progress, who, adminHint }: { progress: TraineeProgress; who: "you" | "trainee" | "supervisor"; adminHint?: boolean }) {
  const { sets, totals } = progress;
  const scope = who === "supervisor" ? " Counted from the placements you supervise and the sessions you ran." : "";
  return (
    <section aria-labelledby="progress-heading" className="rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="progress-heading" className="text-lg font-semibold">
        Progress
      </h2>
      {scope ? <p className="mt-1 text-sm text-stone-700">{scope.trim()}</p> : null}
      {sets.length === 0 ? (
        <p className="mt-2 text-stone-700">
          {adminHint ? (
            <>
              No requirement set is active. <Link href="/admin/hours/requirements">Choose one</Link> (PACFA, ACA, CACREP, BACP or your own).
            </>
          ) : (
            "Your organisation hasn't chosen a requirement set yet, so there is nothing to measure against. Your totals are below."
          )}
        </p>
      ) : null}
      {sets.map((s) => {
        const summary = s.evaluation.lines.map((l) => `${l.label}: ${hoursText(l.approved)} of ${hoursText(l.required)} hours approved, ${hoursText(l.pending)} pending`).join("; ");
        return (
          <div key={s.id} className="mt-5" data-testid="requirement-set">
            <h3 className="font-semibold">
              {s.name}{" "}
              {s.evaluation.complete ? <span className="ml-1 rounded bg-green-100 px-2 py-0.5 text-xs font-medium text-green-900">Requirements met</span> : null}
            </h3>
            {s.windowText ? <p className="text-sm text-stone-700">{s.windowText}</p> : null}
            <figure className="mt-3" role="img" aria-label={`Chart: ${summary}.`}>
              <ul className="space-y-2">
                {s.evaluation.lines.map((l) => (
                  <li key={l.key} className="grid grid-cols-[minmax(8rem,14rem)_1fr_auto] items-center gap-3 text-sm">
                    <span>{l.label}</span>
                    <Bar line={l} />
                    <span className="tabular-nums">{percent(l.approved, l.required)}%</span>
                  </li>
                ))}
              </ul>
              <figcaption className="mt-2 flex flex-wrap gap-4 text-xs text-stone-700">
                <span><span className="mr-1 inline-block h-3 w-3 rounded-sm bg-brand-700 align-middle" />Approved</span>
                <span><span className="mr-1 inline-block h-3 w-3 rounded-sm bg-amber-500 align-middle" />Waiting for approval</span>
                <span><span className="mr-1 inline-block h-3 w-3 rounded-sm bg-stone-200 align-middle" />Still needed</span>
              </figcaption>
            </figure>
            <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label={`${s.name}: figures`}>
              <table className="w-full text-left text-sm">
                <caption className="sr-only">{s.name}: required, approved, pending, returned and still needed hours</caption>
                <thead className="bg-stone-100">
                  <tr>
                    <th scope="col" className="px-3 py-2">Requirement</th>
                    <th scope="col" className="px-3 py-2">Required</th>
                    <th scope="col" className="px-3 py-2">Approved</th>
                    <th scope="col" className="px-3 py-2">Waiting for approval</th>
                    <th scope="col" className="px-3 py-2">Returned</th>
                    <th scope="col" className="px-3 py-2">Still needed</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-200">
                  {s.evaluation.lines.map((l) => (
                    <tr key={l.key} data-testid="requirement-line">
                      <th scope="row" className="px-3 py-2 text-left font-normal">{l.label}</th>
                      <td className="px-3 py-2">{formatDuration(l.required)}</td>
                      <td className="px-3 py-2" data-testid="line-approved">{formatDuration(l.approved)}</td>
                      <td className="px-3 py-2">{formatDuration(l.pending)}</td>
                      <td className="px-3 py-2">{formatDuration(l.returned)}</td>
                      <td className="px-3 py-2 font-medium" data-testid="line-remaining">{l.met ? "Met" : formatDuration(l.remaining)}</td>
                    </tr>
                  ))}
                  {s.evaluation.ratio ? (
                    <tr data-testid="requirement-ratio">
                      <th scope="row" className="px-3 py-2 text-left font-normal">
                        Supervision ratio: 1 hour per {s.evaluation.ratio.per} hours of client contact
                      </th>
                      <td className="px-3 py-2">{formatDuration(s.evaluation.ratio.supervisionRequired)}</td>
                      <td className="px-3 py-2">{formatDuration(s.evaluation.ratio.supervisionApproved)}</td>
                      <td className="px-3 py-2">—</td>
                      <td className="px-3 py-2">—</td>
                      <td className="px-3 py-2 font-medium">{s.evaluation.ratio.met ? "Met" : formatDuration(s.evaluation.ratio.remaining)}</td>
                    </tr>
                  ) : null}
                </tbody>
              </table>
            </div>
            <details className="mt-2 text-sm text-stone-700">
              <summary className="cursor-pointer">About this set and its source</summary>
              {s.description ? <p className="mt-1">{s.description}</p> : null}
              {s.source ? <p className="mt-1">Source: {s.source}</p> : null}
            </details>
          </div>
        );
      })}
      <div className="mt-6 overflow-x-auto" tabIndex={0} role="region" aria-label="Hours by category">
        <table className="w-full text-left text-sm">
          <caption className="px-3 py-2 text-left font-semibold">All hours by category</caption>
          <thead className="bg-stone-100">
            <tr>
              <th scope="col" className="px-3 py-2">Category</th>
              <th scope="col" className="px-3 py-2">Approved</th>
              <th scope="col" className="px-3 py-2">Waiting for approval</th>
              <th scope="col" className="px-3 py-2">Returned</th>
              <th scope="col" className="px-3 py-2">Draft</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            {CATEGORIES.map((c) => (
              <tr key={c.code} data-testid={`category-${c.code}`}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {c.label}
                  {c.hint ? <span className="block text-xs text-stone-700">{c.hint}</span> : null}
                </th>
                <td className="px-3 py-2" data-testid="approved">{formatDuration(totals[c.code].approved)}</td>
                <td className="px-3 py-2" data-testid="pending">{formatDuration(totals[c.code].submitted)}</td>
                <td className="px-3 py-2">{formatDuration(totals[c.code].returned)}</td>
                <td className="px-3 py-2">{formatDuration(totals[c.code].draft)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
