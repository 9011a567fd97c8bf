import { NOT_OBSERVED, ratingLabel, recommendationLabel, type FormDefinition, type StoredCompetencyRating } from "@/lib/evaluations/definition";

type SideValues = { ratings: Record<string, StoredCompetencyRating>; overallComment: string; recommendation: string | null };

const cell = "px-3 py-2 align-top";

/** Points apart, when both rated on the scale. */
function gap(a?: string, b?: string): number | null {
  if (!a || !b || a === NOT_OBSERVED || b === NOT_OBSERVED) return null;
  return Math.abs(Number(a) - Number(b));
}

function Said({ def, r }: { def: FormDefinition; r?: StoredCompetencyRating }) {
  return (
    <>
      <span className="font-medium">{ratingLabel(def, r?.rating)}</span>
      {r?.comment ? <p className="mt-1 whitespace-pre-wrap text-stone-700">{r.comment}</p> : null}
    </>
  );
}

/**
 * Both sides of a submitted evaluation, competency by competency. Where the two ratings are two
 * or more points apart the row says so in words (not colour alone): those are the ones to talk about.
 */
export function SideBySide({ def, self, supervisor, traineeName, supervisorName }: { def: FormDefinition; self: SideValues; supervisor: SideValues; traineeName: string; supervisorName: string }) {
  return (
    <div className="space-y-6" data-testid="side-by-side">
      {def.domains.map((d) => (
        <div key={d.code} className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label={d.title}>
          <table className="w-full text-left text-sm">
            <caption className="px-3 py-2 text-left text-base font-semibold">{d.title}</caption>
            <thead className="bg-stone-100">
              <tr>
                <th scope="col" className={`${cell} w-1/3`}>
                  Competency
                </th>
                <th scope="col" className={cell}>
                  Self-evaluation ({traineeName})
                </th>
                <th scope="col" className={cell}>
                  Supervisor ({supervisorName})
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-200">
              {d.competencies.map((c) => {
                const g = gap(self.ratings[c.code]?.rating, supervisor.ratings[c.code]?.rating);
                return (
                  <tr key={c.code} data-testid={`row-${c.code}`}>
                    <th scope="row" className={`${cell} font-normal`}>
                      {c.title}
                      {g !== null && g >= 2 ? <span className="mt-1 block w-fit rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-950">{g} points apart: worth discussing</span> : null}
                    </th>
                    <td className={cell}>
                      <Said def={def} r={self.ratings[c.code]} />
                    </td>
                    <td className={cell}>
                      <Said def={def} r={supervisor.ratings[c.code]} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
      <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label="Overall">
        <table className="w-full text-left text-sm">
          <caption className="px-3 py-2 text-left text-base font-semibold">Overall</caption>
          <thead className="bg-stone-100">
            <tr>
              <th scope="col" className={`${cell} w-1/3`}>
                Question
              </th>
              <th scope="col" className={cell}>
                Self-evaluation
              </th>
              <th scope="col" className={cell}>
                Supervisor
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-200">
            <tr>
              <th scope="row" className={`${cell} font-normal`}>
                {def.recommendation.question}
              </th>
              <td className={cell}>{self.recommendation ? recommendationLabel(def, self.recommendation) : "Not given"}</td>
              <td className={cell}>{recommendationLabel(def, supervisor.recommendation)}</td>
            </tr>
            <tr>
              <th scope="row" className={`${cell} font-normal`}>
                Overall comment
              </th>
              <td className={`${cell} whitespace-pre-wrap`}>{self.overallComment || "None"}</td>
              <td className={`${cell} whitespace-pre-wrap`}>{supervisor.overallComment || "None"}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** One side on its own (the author's submitted answers while the other side is still to come). */
export function OneSide({ def, values }: { def: FormDefinition; values: SideValues }) {
  return (
    <dl className="space-y-4">
      {def.domains.map((d) => (
        <div key={d.code}>
          <dt className="font-semibold">{d.title}</dt>
          <dd>
            <ul className="mt-1 space-y-1 text-sm">
              {d.competencies.map((c) => (
                <li key={c.code}>
                  {c.title}: <Said def={def} r={values.ratings[c.code]} />
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ))}
      <div>
        <dt className="font-semibold">{def.recommendation.question}</dt>
        <dd className="text-sm">{values.recommendation ? recommendationLabel(def, values.recommendation) : "Not given"}</dd>
      </div>
      <div>
        <dt className="font-semibold">Overall comment</dt>
        <dd className="whitespace-pre-wrap text-sm">{values.overallComment || "None"}</dd>
      </div>
    </dl>
  );
}
