import type { Metadata } from "next";
import Link from "next/link";
import { AttemptReviewList } from "@/components/modules/attempt-review";
import { AttemptsLeft } from "@/components/modules/attempts-left";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { getAttemptReview, unavailableMessage } from "@/lib/modules/checks";
import type { CertificateProgress } from "@/lib/modules/certificate-rule";
import { isUuid } from "@/lib/util/uuid";
import { NotFoundError } from "@/lib/core/errors";
import { authedPage } from "@/lib/core/page";

export const metadata: Metadata = { title: "Check result" };

function stillToDo(c: CertificateProgress): string[] {
  return [
    c.lessonsLeft > 0 ? `finish the ${c.lessonsLeft} lesson${c.lessonsLeft === 1 ? "" : "s"} you haven't marked complete` : null,
    c.reflectionRequired && !c.reflectionDone ? "complete your reflection (your organisation requires it for this module)" : null,
  ].filter((x): x is string => Boolean(x));
}

export default authedPage(async function AttemptPage(ctx, { params }: { params: Promise<{ slug: string; attemptId: string }> }) {
  const { slug, attemptId } = await params;
  if (!isUuid(attemptId)) throw new NotFoundError();
  const { attempt, module: mod, review, revealAnswers, availability, certificate } = await getAttemptReview(ctx, slug, attemptId);
  const cert = certificate.certificate;
  return (
    <div className="max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href={`/modules/${mod.slug}`}>← {mod.title}</Link>
      </p>
      <h1 className="text-2xl font-semibold tracking-tight">Your result: {attempt.score}%</h1>
      <div className="mt-4 space-y-3">
        {attempt.passed ? (
          <Alert tone="success" title="Passed">
            You answered {attempt.correctCount} of {attempt.total} correctly. The pass mark is {attempt.passMark}%.
          </Alert>
        ) : (
          <Alert tone="warning" title="Not passed yet">
            You answered {attempt.correctCount} of {attempt.total} correctly; the pass mark is {attempt.passMark}%.{" "}
            {review.keyShown
              ? "Read the explanations below, then try again."
              : revealAnswers === "never"
                ? "The questions you got wrong are marked below; go back over the lessons they come from, then try again."
                : "The questions you got wrong are marked below. The correct answers are shown once you pass: go back over the lessons, then try again."}
          </Alert>
        )}
        {attempt.passed && cert ? (
          <Alert tone="success" title="Certificate issued">
            <p data-testid="certificate-issued">
              Certificate {cert.serial} is yours. <a href={`/certificates/${cert.serial}/pdf`}>Download your certificate (PDF)</a> or{" "}
              <Link href={`/modules/${mod.slug}`}>see it on the module page</Link>.
            </p>
          </Alert>
        ) : null}
        {attempt.passed && !cert && stillToDo(certificate).length ? (
          <Alert tone="info" title="Your certificate is waiting">
            <p data-testid="certificate-waiting">
              To get it, {stillToDo(certificate).join(" and ")}.{" "}
              {certificate.reflectionRequired && !certificate.reflectionDone ? <Link href={`/modules/${mod.slug}/reflection`}>Write your reflection</Link> : null}
            </p>
          </Alert>
        ) : null}
      </div>
      <AttemptsLeft availability={availability} waitMinutes={0} />
      {!availability.allowed ? <p className="mt-1 text-sm text-stone-800" data-testid="next-attempt">{unavailableMessage(availability)}</p> : null}
      <div className="mt-4 flex flex-wrap gap-3">
        {availability.allowed ? (
          <Link className={buttonClass(attempt.passed ? "secondary" : "primary")} href={`/modules/${mod.slug}/check`}>
            Retake the check
          </Link>
        ) : null}
        <Link className={buttonClass(attempt.passed ? "primary" : "secondary")} href={`/modules/${mod.slug}`}>
          Back to the module
        </Link>
      </div>
      <AttemptReviewList review={review} />
    </div>
  );
});
