import type { CaseDraft } from "./schemas";

// Kept apart from guard.ts so that pages showing the alliance table don't ship the
// de-identification scanner to the browser.

/** The trainee's and client's alliance scores side by side, with the gap (client minus trainee). */
export function allianceGap(a: CaseDraft["alliance"] | undefined) {
  return (["goals", "tasks", "bond"] as const).map((d) => {
    const t = a?.therapist?.[d];
    const c = a?.client?.[d];
    return { dimension: d, therapist: t ?? null, client: c ?? null, gap: t != null && c != null ? c - t : null };
  });
}
