import Link from "next/link";
import type { ReferenceReview, StoredReviewEntry } from "@/db/schema";
import { EntryText } from "@/components/cases/conditions-display";
import { DataTable } from "@/components/ui/data-table";
import { ALPHA_CONVENTIONS, describeDeviation, describeMedian, formatAlpha, readAlpha, type RoundResults } from "@/lib/calibration/agreement";
import { CONDITIONS, labelOf, PRECONDITION_CODES, THERAPIST_CONDITION_CODES } from "@/lib/cases/codes";
import { readReview } from "@/lib/cases/conditions";
import type { SubmittedReview } from "@/lib/calibration/view";

// A round's results, read-only: agreement, the spread per condition, each supervisor against the
// group's median (alphabetical, never ranked), the reference review and everyone's reviews.

const short = (code: string) => CONDITIONS.find((c) => c.code === code)?.short ?? code;
const cell = "px-3 py-2 align-top";
const DECISION_LABELS: Record<string, string> = { changes_requested: "Request changes", signed_off: "Sign off" };

export function AgreementSummary({ results }: { results: RoundResults }) {
  return (
    <section aria-labelledby="agreement-heading" className="space-y-2 rounded-lg border border-stone-200 bg-white p-5">
      <h2 id="agreement-heading" className="text-lg font-semibold">
        Agreement
      </h2>
      <p className="text-2xl font-semibold" data-testid="overall-alpha">
        Krippendorff&apos;s alpha (ordinal): {formatAlpha(results.overall)}
      </p>
      <p data-testid="overall-reading">{readAlpha(results.overall)}</p>
      <p className="text-sm text-stone-700">
        Conditions 3 to 6 are the units and each supervisor a rater; &ldquo;not assessable&rdquo; counts as no rating. Agreement on a single condition needs more than one case, so it is on the{" "}
        <Link href="/calibration/trend">trend page</Link>, across rounds.
      </p>
      <p className="text-sm text-stone-700">{ALPHA_CONVENTIONS}</p>
    </section>
  );
}

export function ConditionSpread({ results }: { results: RoundResults }) {
  return (
    <DataTable label="Ratings per condition" caption="Ratings per condition" showCaption columns={["Condition", "Graded ratings", "Group's median", "Range", "Not assessable", "Reference review"]}>
      <tbody className="divide-y divide-stone-200">
        {results.conditions.map((c) => (
          <tr key={c.code} data-testid={`spread-${c.code}`}>
            <th scope="row" className={`${cell} font-medium`}>
              {short(c.code)}
            </th>
            <td className={cell}>{c.graded}</td>
            <td className={cell}>{describeMedian(c.median)}</td>
            <td className={cell}>{c.min === null ? "—" : c.min === c.max ? "Everyone alike" : `${describeMedian(c.min)} to ${describeMedian(c.max).toLowerCase()}`}</td>
            <td className={cell}>{c.notAssessable}</td>
            <td className={cell}>{c.reference === null ? "—" : describeMedian(c.reference)}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

export function DeviationTable({ results, me }: { results: RoundResults; me: string }) {
  return (
    <DataTable
      label="Each supervisor against the group's median"
      caption="Each supervisor against the group's median (alphabetical; not a ranking)"
      showCaption
      columns={["Supervisor", ...THERAPIST_CONDITION_CODES.map(short)]}
    >
      <tbody className="divide-y divide-stone-200">
        {results.people.map((p) => (
          <tr key={p.membershipId} data-testid="deviation-row">
            <th scope="row" className={`${cell} font-medium`}>
              {p.name}
              {p.membershipId === me ? " (you)" : ""}
            </th>
            {THERAPIST_CONDITION_CODES.map((code) => {
              const e = p.conditions[code];
              return (
                <td key={code} className={cell}>
                  {e ? (
                    <>
                      <span className="block">{labelOf("rating", e.rating)}</span>
                      <span className="block text-sm text-stone-700">{describeDeviation(e.deviation)}</span>
                    </>
                  ) : (
                    <span className="text-stone-700">Not rated</span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

function Entries({ ratings }: { ratings: Record<string, StoredReviewEntry> }) {
  const view = readReview(ratings);
  const codes = [...PRECONDITION_CODES, ...THERAPIST_CONDITION_CODES].filter((c) => view.entries[c]);
  return (
    <dl className="grid gap-2 sm:grid-cols-[14rem_1fr]">
      {codes.map((c) => (
        <div key={c} className="contents">
          <dt className="font-medium">{short(c)}</dt>
          <dd>
            <EntryText entry={view.entries[c]} />
            {view.entries[c]?.quote ? <q className="mt-1 block text-sm italic text-stone-800">{view.entries[c]!.quote!.text}</q> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function ReferenceReviewView({ review }: { review: ReferenceReview }) {
  return (
    <section aria-labelledby="reference-heading" className="space-y-3 rounded-lg border border-stone-200 bg-white p-5" data-testid="reference-review">
      <h2 id="reference-heading" className="text-lg font-semibold">
        The lead supervisor&apos;s reference review
      </h2>
      <p className="text-sm text-stone-700">A worked example to discuss, not the right answer: compare your reasons as much as your ratings.</p>
      <Entries ratings={review.ratings} />
      <p>
        <span className="font-medium">Decision:</span> {DECISION_LABELS[review.decision]}
        {review.whatToChange ? ` — ${review.whatToChange}` : ""}
      </p>
      <h3 className="font-semibold">Strategy notes</h3>
      <p className="whitespace-pre-wrap">{review.strategyNotes}</p>
      <h3 className="font-semibold">Feedback</h3>
      <ul className="list-disc space-y-1 pl-5">
        {review.feedback.map((f, i) => (
          <li key={i}>
            <span className="font-medium">{labelOf("focus", f.focus)}:</span> {f.body}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ReviewsList({ reviews, me }: { reviews: SubmittedReview[]; me: string }) {
  return (
    <section aria-labelledby="reviews-heading" className="space-y-3">
      <h2 id="reviews-heading" className="text-lg font-semibold">
        Everyone&apos;s reviews
      </h2>
      {reviews.map((r) => (
        <details key={r.membershipId} className="rounded-lg border border-stone-200 bg-white p-4" open={r.membershipId === me}>
          <summary className="cursor-pointer font-medium">
            {r.name}
            {r.membershipId === me ? " (you)" : ""}: {r.decision ? DECISION_LABELS[r.decision] : "no decision"}
          </summary>
          <div className="mt-3 space-y-2">
            <Entries ratings={r.ratings} />
            {r.whatToChange ? (
              <p>
                <span className="font-medium">What to change:</span> {r.whatToChange}
              </p>
            ) : null}
          </div>
        </details>
      ))}
    </section>
  );
}
