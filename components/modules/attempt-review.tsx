import type { AttemptReview } from "@/lib/modules/assessment/review";

// The questions of one submitted attempt. It renders only what reviewAttempt() put in: when the
// key is withheld the options carry no correct flag and no explanation, so neither can appear.

export function AttemptReviewList({ review }: { review: AttemptReview }) {
  return (
    <ol className="mt-8 space-y-6">
      {review.questions.map((q) => (
        <li key={q.id} className="rounded-lg border border-stone-200 bg-white p-5" data-testid="review-question" data-result={q.answeredCorrectly ? "correct" : "incorrect"}>
          <h2 className="text-base font-semibold">
            Question {q.number}: {q.answeredCorrectly ? "correct" : "incorrect"}
          </h2>
          {q.scenario ? <p className="mt-2 rounded-md bg-brand-50 p-3 text-sm italic">{q.scenario}</p> : null}
          <p className="mt-2 font-medium">{q.prompt}</p>
          <ul className="mt-3 space-y-3">
            {q.options.map((o) => {
              const tone = review.keyShown
                ? o.correct
                  ? "border-green-700 bg-green-50"
                  : o.chosen
                    ? "border-red-700 bg-red-50"
                    : "border-stone-300"
                : o.chosen
                  ? "border-brand-700 bg-brand-50"
                  : "border-stone-300";
              return (
                <li key={o.id} className={`rounded-md border-l-4 p-3 ${tone}`}>
                  <p>
                    <span className="font-medium">{o.text}</span>
                    <span className="ml-2 text-sm">
                      {o.chosen ? "Your answer. " : ""}
                      {review.keyShown ? (o.correct ? "Correct option." : o.chosen ? "Not correct." : "") : ""}
                    </span>
                  </p>
                  {review.keyShown && o.explanation ? <p className="mt-1 text-sm text-stone-800">{o.explanation}</p> : null}
                </li>
              );
            })}
          </ul>
        </li>
      ))}
    </ol>
  );
}
