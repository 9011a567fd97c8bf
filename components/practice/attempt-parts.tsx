import type { AttemptView, FeedbackView } from "@/lib/practice/attempts";
import { anchorOf, meanScore, SCALES } from "@/lib/practice/scales";
import { formatDate, formatDateTime } from "@/components/cases/format";
import { clockText } from "./format";
import { strategyLabel } from "./labels";

/** What the trainee said: the typed words, or the recording (while it is kept). */
export function ResponseBody({ attempt }: { attempt: AttemptView }) {
  if (attempt.mode === "typed") return <p className="whitespace-pre-line text-stone-900">{attempt.responseText}</p>;
  if (!attempt.recording) {
    return <p className="text-sm text-stone-700">The recording was deleted after your organisation&apos;s retention period. The feedback on it is kept.</p>;
  }
  return (
    <div>
      <audio controls preload="none" src={`/practice/attempts/${attempt.id}/recording`} aria-label={`Recording of the response of ${formatDateTime(attempt.createdAt)}`} className="w-full max-w-md" />
      <p className="mt-1 text-xs text-stone-700">
        Spoken{attempt.recording.durationSeconds ? `, ${clockText(attempt.recording.durationSeconds)}` : ""}. Kept until {formatDate(attempt.recording.deleteAfter)}, then deleted.
      </p>
    </div>
  );
}

export function FeedbackCard({ f, headingLevel = 3 }: { f: FeedbackView; headingLevel?: 3 | 4 }) {
  const H = headingLevel === 3 ? "h3" : "h4";
  return (
    <div className="rounded-md border border-stone-200 p-4" data-testid="feedback">
      <H className="font-semibold">
        {f.reviewerName}: {meanScore(f)} out of 5 on average
      </H>
      <p className="text-xs text-stone-700">{formatDateTime(f.updatedAt)}</p>
      <dl className="mt-2 space-y-1 text-sm">
        {SCALES.map((s) => {
          const value = f[s.code];
          const anchor = anchorOf(s.code, value);
          return (
            <div key={s.code}>
              <dt className="inline font-medium">{s.title}: </dt>
              <dd className="inline">
                {value} · {anchor?.label}
              </dd>
            </div>
          );
        })}
        <div>
          <dt className="inline font-medium">Strategies shown: </dt>
          <dd className="inline">{f.strategies.length ? f.strategies.map(strategyLabel).join("; ") : "none noted"}</dd>
        </div>
      </dl>
      {f.comment ? <p className="mt-2 whitespace-pre-line text-sm">{f.comment}</p> : null}
    </div>
  );
}
