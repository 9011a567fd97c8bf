import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { getAttempt } from "@/lib/modules/progress";
import { isUuid } from "@/lib/util/uuid";
import { authedPage } from "@/lib/core/page";
import { NotFoundError } from "@/lib/core/errors";

export const metadata: Metadata = { title: "Check result" };

export default authedPage(async function AttemptPage(ctx, { params }: { params: Promise<{ slug: string; attemptId: string }> }) {
  const { slug, attemptId } = await params;
  if (!isUuid(attemptId)) throw new NotFoundError();
  const { attempt, module: mod } = await getAttempt(ctx, slug, attemptId);
  const byId = new Map(attempt.answers.map((a) => [a.questionId, a]));
  const correctCount = attempt.answers.filter((a) => a.correct).length;
  return (
    <div className="max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href={`/modules/${mod.slug}`}>← {mod.title}</Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">Your result: {attempt.score}%</h1>
      <div className="mt-4">
        {attempt.passed ? (
          <Alert tone="success" title="Passed">
            You answered {correctCount} of {attempt.answers.length} correctly. The pass mark is {mod.knowledgeCheck.passMark}%.
          </Alert>
        ) : (
          <Alert tone="warning" title="Not passed yet">
            You answered {correctCount} of {attempt.answers.length} correctly; the pass mark is {mod.knowledgeCheck.passMark}%. Read the explanations below, then
            try again.
          </Alert>
        )}
      </div>
      <div className="mt-4 flex flex-wrap gap-3">
        <Link className={buttonClass(attempt.passed ? "secondary" : "primary")} href={`/modules/${mod.slug}/check`}>
          Retake the check
        </Link>
        <Link className={buttonClass(attempt.passed ? "primary" : "secondary")} href={`/modules/${mod.slug}`}>
          Back to the module
        </Link>
      </div>
      <ol className="mt-8 space-y-6">
        {mod.knowledgeCheck.questions.map((q, i) => {
          const answer = byId.get(q.id);
          return (
            <li key={q.id} className="rounded-lg border border-stone-200 bg-white p-5">
              <h2 className="text-base font-semibold">
                Question {i + 1}: {answer?.correct ? "correct" : "incorrect"}
              </h2>
              {q.scenario ? <p className="mt-2 rounded-md bg-brand-50 p-3 text-sm italic">{q.scenario}</p> : null}
              <p className="mt-2 font-medium">{q.prompt}</p>
              <ul className="mt-3 space-y-3">
                {q.options.map((o) => {
                  const chosen = answer?.selected.includes(o.id);
                  return (
                    <li key={o.id} className={`rounded-md border-l-4 p-3 ${o.correct ? "border-green-700 bg-green-50" : chosen ? "border-red-700 bg-red-50" : "border-stone-300"}`}>
                      <p>
                        <span className="font-medium">{o.text}</span>
                        <span className="ml-2 text-sm">
                          {chosen ? "Your answer. " : ""}
                          {o.correct ? "Correct option." : chosen ? "Not correct." : ""}
                        </span>
                      </p>
                      <p className="mt-1 text-sm text-stone-800">{o.explanation}</p>
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ol>
    </div>
  );
});
