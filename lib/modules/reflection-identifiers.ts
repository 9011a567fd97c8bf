import { feedbackFlags } from "@/lib/cases/identifier-check";

// The identifier check for reflections (TAXONOMY.md section 6), the same scanner that checks cases.
// Pure: the reflection form shows the flags as the person types, and the server re-checks on save
// and on share.

export const SHARE_REFUSED_FLAGGED =
  "Your reflection wasn't shared: it may identify someone. Each flagged answer says what was found. Remove or reword those details, then share it.";
export const SHARED_REFLECTION_FLAGGED =
  "Not saved: this reflection is shared with your supervisors, so it can't hold details that identify someone. Remove the flagged details, or stop sharing it to keep a private draft. Your text is kept below.";

/** Field -> what the check found there (at most three findings named per field). Empty when clean. */
export function reflectionFlags(content: Record<string, string | null | undefined>): Record<string, string[]> {
  return feedbackFlags(content);
}
