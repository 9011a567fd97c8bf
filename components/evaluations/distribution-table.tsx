import { median, type CompetencyDistribution, type Counts } from "@/lib/evaluations/distribution";
import type { FormDefinition } from "@/lib/evaluations/definition";

const cell = "px-3 py-2 align-top";

function Bar({ n, of }: { n: number; of: number }) {
  // Decorative: the number beside it says the same thing.
  const pct = of ? Math.round((n / of) * 100) : 0;
  return (
    <span className="flex items-center gap-2">
      <span className="tabular-nums">{n}</span>
      <span aria-hidden="true" className="inline-block h-2 rounded bg-brand-600" style={{ width: `${Math.max(pct, n ? 4 : 0) * 0.6}px` }} />
    </span>
  );
}

function Row({ def, label, c }: { def: FormDefinition; label: string; c: Counts }) {
  const total = c.rated + c.notObserved;
  const m = median(def, c);
  return (
    <>
      <td className={cell}>{label}</td>
      {def.scale.points.map((p) => (
        <td key={p.value} className={cell}>
          <Bar n={c.byValue[String(p.value)] ?? 0} of={total} />
        </td>
      ))}
      {def.scale.notObserved.allowed ? <td className={cell}>{c.notObserved}</td> : null}
      <td className={cell}>{m === null ? "—" : m}</td>
    </>
  );
}

/** How a round's ratings spread over the scale, one table per domain; supervisor and self rows apart. */
export function DistributionTable({ def, rows }: { def: FormDefinition; rows: CompetencyDistribution[] }) {
  const domains = def.domains.map((d) => ({ title: d.title, rows: rows.filter((r) => d.competencies.some((c) => c.code === r.code)) }));
  const columns = ["Competency", "Rated by", ...def.scale.points.map((p) => `${p.value} · ${p.label}`), ...(def.scale.notObserved.allowed ? [def.scale.notObserved.label] : []), "Median"];
  return (
    <div className="space-y-6">
      {domains.map((d) => (
        <div key={d.title} className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label={`${d.title}: distribution`}>
          <table className="w-full text-left text-sm">
            <caption className="px-3 py-2 text-left text-base font-semibold">{d.title}</caption>
            <thead className="bg-stone-100">
              <tr>
                {columns.map((c) => (
                  <th key={c} scope="col" className={cell}>
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            {d.rows.map((r) => (
              <tbody key={r.code} className="border-t border-stone-200">
                <tr>
                  <th scope="rowgroup" rowSpan={2} className={`${cell} font-normal`}>
                    {r.title}
                  </th>
                  <Row def={def} label="Supervisor" c={r.supervisor} />
                </tr>
                <tr>
                  <Row def={def} label="Self" c={r.self} />
                </tr>
              </tbody>
            ))}
          </table>
        </div>
      ))}
    </div>
  );
}
