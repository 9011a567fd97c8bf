import { labelOf } from "@/lib/cases/codes";
import { INFERENCE_CAVEAT, RATINGS_CAVEAT, type ConditionEntry } from "@/lib/cases/conditions";

// Read-only pieces shared by the case page, the review history, both forms and insight.

/** What the ratings are and are not: shown wherever ratings are. */
export function RatingsCaveat({ className = "" }: { className?: string }) {
  return (
    <p className={`text-sm text-stone-700 ${className}`} data-testid="ratings-caveat">
      {RATINGS_CAVEAT} {INFERENCE_CAVEAT}
    </p>
  );
}

/** A condition as recorded: a descriptive note, or a rating with its evidence (either stored shape). */
export function EntryText({ entry, version, empty = "Not recorded" }: { entry?: ConditionEntry; version?: string; empty?: string }) {
  if (!entry) return <span className="text-stone-700">{empty}</span>;
  if (entry.note) return <span className="whitespace-pre-wrap break-words">{entry.note}</span>;
  return (
    <>
      <span>{labelOf("rating", entry.rating, version)}</span>
      {entry.evidence ? <span className="block whitespace-pre-wrap break-words text-stone-800">{entry.evidence}</span> : null}
    </>
  );
}
