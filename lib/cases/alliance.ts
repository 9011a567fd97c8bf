import type { CaseDraft } from "./schemas";

// Kept apart from identifier-check.ts so that pages showing the alliance table don't ship the
// de-identification scanner to the browser.

/** The trainee's and client's alliance scores side by side, with the gap (client minus trainee). */
export function allianceGap(a: CaseDraft["alliance"] | undefined) {
  return (["goals", "tasks", "bond"] as const).map((d) => {
    const t = a?.therapist?.[d];
    const c = a?.client?.[d];
    return { dimension: d, therapist: t ?? null, client: c ?? null, gap: t != null && c != null ? c - t : null };
  });
}

// The snapshot's wording is Rapport's own: Bordin's three constructs (goals, tasks, bond) with
// plain anchors for 1, 3 and 5. It reproduces no item of a licensed instrument (WAI, WAI-SR, SRS,
// CALPAS, HAq); an agency that wants a validated measure obtains one from its owner.

export const ALLIANCE_ANCHORS = {
  goals: {
    construct: "Bordin's goals: what the two of you were working towards.",
    1: "We were pulling towards different ends, or I couldn't tell what the client wanted from coming.",
    3: "We shared some aims but not others, or only loosely.",
    5: "We were clearly after the same ends, and either of us could have said what they were.",
  },
  tasks: {
    construct: "Bordin's tasks: what the two of you were doing in the session to get there.",
    1: "The client went along reluctantly or not at all; what we did made little sense to them.",
    3: "Some of what we did made sense to the client; some of it they questioned or tolerated.",
    5: "The client took a full part and could see how what we did connected with what they wanted.",
  },
  bond: {
    construct: "Bordin's bond: the personal connection between the two of you.",
    1: "Distant, guarded or strained: little warmth either way.",
    3: "Workable and polite, with some warmth, but guarded at times.",
    5: "Warm and secure enough that the client could disagree with me without the connection breaking.",
  },
} as const;

export const ALLIANCE_NOT_A_MEASURE =
  "A reflection aid, not a validated measure: no score here tells you how good the alliance was. If your agency holds a licence for a validated alliance or session-rating measure, use that as well.";
export const ALLIANCE_SECOND_HAND =
  "The client's view reaches Rapport second-hand: it is what the client told you, as you recorded it. Clients tend to rate the alliance at the top of any scale, so a 4 from a client can be a signal worth exploring, and a gap between your view and theirs is worth talking about in supervision.";
export const ALLIANCE_ASKING =
  "Asking for honest feedback: ask near the end of the session, not only at the last one; say that you want to hear what isn't working as much as what is, and that it helps you; ask about something specific (\"Was today's exercise useful to you?\"); then thank the client for anything critical, without defending yourself.";
export const ALLIANCE_READING_NOTE =
  "A reflection aid, not a validated measure. The client's view is as the trainee reports it, and clients tend to rate at the top of the scale.";
