import { conditionRows, readReview, readSelfAssessment } from "@/lib/cases/conditions";
import type { CaseFull, CaseMeta } from "@/lib/cases/queries";
import { STATUS_LABELS, submittedVersionOf } from "@/lib/cases/workflow";
import { formatDateTime } from "./format";
import { CommentThreads } from "./comment-thread";
import { EntryText, RatingsCaveat } from "./conditions-display";

/** Reviews and feedback, newest first, each against the version it was about. */
export function ReviewHistory({ view, canReply = true }: { view: CaseFull; canReply?: boolean }) {
  if (view.reviews.length === 0 && view.comments.length === 0) {
    return <p className="text-stone-700">No reviews or feedback yet.</p>;
  }
  const submissions = [...new Set([...view.reviews.map((r) => r.submission), ...view.comments.map((c) => c.submission)])].sort((a, b) => b - a);
  return (
    <div className="space-y-6">
      {submissions.map((n) => {
        const version = view.versions.find((v) => v.number === n);
        const self = readSelfAssessment(version?.selfAssessment, version?.codeListVersion);
        return (
          <section key={n} aria-labelledby={`sub-${n}`} className="rounded-lg border border-stone-200 bg-white p-4">
            <h3 id={`sub-${n}`} className="font-semibold">
              Version {n}
            </h3>
            {view.comments.filter((c) => c.submission === n).length ? (
              <>
                <h4 className="mt-3 text-sm font-semibold">Feedback comments</h4>
                <CommentThreads caseId={view.id} comments={view.comments.filter((c) => c.submission === n)} canReply={canReply} />
              </>
            ) : null}
            {view.reviews
              .filter((r) => r.submission === n)
              .map((r) => (
                <div key={r.id} className="mt-3">
                  <p className="text-sm">
                    <span className="font-semibold">{r.decision === "signed_off" ? "Signed off" : "Changes requested"}</span> by {r.reviewerName}, {formatDateTime(r.createdAt)}
                  </p>
                  {r.whatToChange ? (
                    <div className="mt-2 rounded-md border-l-4 border-amber-700 bg-amber-50 p-3 text-sm">
                      <p className="font-semibold">What to change</p>
                      <p className="whitespace-pre-wrap">{r.whatToChange}</p>
                    </div>
                  ) : null}
                  <RatingsCaveat className="mt-3" />
                  <table className="mt-2 w-full text-left text-sm">
                    <caption className="sr-only">Conditions for version {n}: the trainee&apos;s self-assessment and the supervisor&apos;s review, differences marked</caption>
                    <thead className="bg-stone-100">
                      <tr>
                        <th scope="col" className="px-2 py-1">Condition</th>
                        <th scope="col" className="px-2 py-1">Trainee</th>
                        <th scope="col" className="px-2 py-1">Supervisor</th>
                        <th scope="col" className="px-2 py-1">Quoted</th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-stone-200">
                      {conditionRows(self, readReview(r.ratings)).map((row) => (
                        <tr key={row.code} className={row.differs ? "bg-amber-50" : undefined}>
                          <th scope="row" className="px-2 py-1 align-top font-normal">
                            {row.label}
                            {row.traineeChose ? <span className="block text-stone-700">Chosen by the trainee</span> : null}
                            {row.supervisorAdded ? <span className="block text-stone-700">Added by the supervisor</span> : null}
                          </th>
                          <td className="px-2 py-1 align-top">
                            <EntryText entry={row.self} empty="—" />
                          </td>
                          <td className="px-2 py-1 align-top">
                            <EntryText entry={row.supervisor} empty="—" />
                            {row.differs ? <span className="block font-semibold text-amber-900">(differs)</span> : null}
                          </td>
                          <td className="px-2 py-1 align-top">{row.supervisor?.quote ? <q className="block italic">{row.supervisor.quote.text}</q> : null}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))}
          </section>
        );
      })}
    </div>
  );
}

export function TransitionList({ view }: { view: CaseMeta }) {
  const versions = submittedVersionOf(view.transitions);
  return (
    <ol className="space-y-1 text-sm">
      {view.transitions.map((t, i) => (
        <li key={t.id}>
          {formatDateTime(t.at)}: {t.from ? `${STATUS_LABELS[t.from]} → ` : ""}
          {STATUS_LABELS[t.to]} by {t.actorName}
          {versions[i] ? ` (version ${versions[i]})` : ""}
          {t.reason ? `. Reason: ${t.reason}` : ""}
        </li>
      ))}
    </ol>
  );
}
