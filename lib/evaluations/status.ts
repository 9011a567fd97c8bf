// Where an evaluation stands and what each person does next. Pure: lists, the evaluation page,
// reports and tests share it.

export type Side = "self" | "supervisor";

export type EvaluationState = {
  selfSubmittedAt: Date | null;
  supervisorSubmittedAt: Date | null;
  traineeSignedAt: Date | null;
  supervisorSignedAt: Date | null;
  lockedAt: Date | null;
  evaluatorMembershipId: string | null;
};

export type Stage = "in_progress" | "ready_to_sign" | "partly_signed" | "locked";

export function bothSubmitted(e: Pick<EvaluationState, "selfSubmittedAt" | "supervisorSubmittedAt">): boolean {
  return Boolean(e.selfSubmittedAt && e.supervisorSubmittedAt);
}

export function stageOf(e: EvaluationState): Stage {
  if (e.lockedAt) return "locked";
  if (!bothSubmitted(e)) return "in_progress";
  return e.traineeSignedAt || e.supervisorSignedAt ? "partly_signed" : "ready_to_sign";
}

export const STAGE_LABELS: Record<Stage, string> = {
  in_progress: "In progress",
  ready_to_sign: "Ready to sign",
  partly_signed: "Signed by one side",
  locked: "Signed and locked",
};

/**
 * A side's content is shown to someone other than its author only once both sides are submitted:
 * neither person's answers can shape the other's.
 */
export function mayRead(side: Side, viewer: Side | null, e: Pick<EvaluationState, "selfSubmittedAt" | "supervisorSubmittedAt">): boolean {
  return viewer === side || bothSubmitted(e);
}

/** One line for a list: what is happening, from the point of view of `viewer` (null: an onlooker). */
export function statusLine(e: EvaluationState, viewer: Side | null): string {
  const stage = stageOf(e);
  if (stage === "locked") return "Signed by both and locked";
  if (stage === "in_progress") {
    if (viewer === "self") return e.selfSubmittedAt ? "Waiting for your supervisor's evaluation" : "Your self-evaluation is due";
    if (viewer === "supervisor") return e.supervisorSubmittedAt ? "Waiting for the trainee's self-evaluation" : "Your evaluation is due";
    if (!e.evaluatorMembershipId) return "No supervisor assigned";
    const done = [e.selfSubmittedAt ? "self-evaluation submitted" : null, e.supervisorSubmittedAt ? "supervisor's evaluation submitted" : null].filter(Boolean);
    return done.length ? `In progress: ${done.join(", ")}` : "In progress: nothing submitted yet";
  }
  const mine = viewer === "self" ? e.traineeSignedAt : viewer === "supervisor" ? e.supervisorSignedAt : null;
  if (viewer && !mine) return "Read both sides and sign";
  if (viewer) return "Waiting for the other signature";
  return stage === "ready_to_sign" ? "Both submitted: waiting for signatures" : "Waiting for one signature";
}
