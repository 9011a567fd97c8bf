// The code lists of TAXONOMY.md, versioned. Codes are stable identifiers stored with cases;
// labels are for people and may be reworded. A case stores the version of the lists it used, so
// a later change here never rewrites an old case: add a new version, never edit a released one.
// Pure module (no server-only): forms, validation, reports, the PDF and seeds all share it.

export type Coded<C extends string = string> = { code: C; label: string };

export const APPROACHES = [
  { code: "cbt", label: "Cognitive behavioural therapy (CBT)" },
  { code: "person_centred", label: "Person-centred" },
  { code: "integrative", label: "Integrative" },
  { code: "psychodynamic", label: "Psychodynamic" },
  { code: "other", label: "Other" },
] as const satisfies readonly Coded[];

export const RUPTURE_TYPES = [
  { code: "withdrawal", label: "Withdrawal" },
  { code: "confrontation", label: "Confrontation" },
  { code: "mixed", label: "Mixed (withdrawal and confrontation)" },
] as const satisfies readonly Coded[];

export const MARKERS = [
  { code: "w_denial", type: "withdrawal", label: "Denies a feeling or problem that seems present" },
  { code: "w_minimal", type: "withdrawal", label: "Minimal responses (short answers, silence)" },
  { code: "w_abstract", type: "withdrawal", label: "Abstract or intellectual talk that avoids experience" },
  { code: "w_avoidant_story", type: "withdrawal", label: "Storytelling or topic shifts that avoid the focus" },
  { code: "w_deferential", type: "withdrawal", label: "Deferential, appeasing, going along" },
  { code: "w_content_affect_split", type: "withdrawal", label: "Words and emotional tone don't match" },
  { code: "w_self_critical", type: "withdrawal", label: "Self-criticism or hopelessness used to move away" },
  { code: "c_about_therapist", type: "confrontation", label: "Complaint or concern about the therapist" },
  { code: "c_rejects_intervention", type: "confrontation", label: "Rejects the therapist's intervention" },
  { code: "c_about_activities", type: "confrontation", label: "Complaint about the activities of therapy (e.g. homework)" },
  { code: "c_about_parameters", type: "confrontation", label: "Complaint about the parameters (time, fees, scheduling)" },
  { code: "c_about_progress", type: "confrontation", label: "Complaint about progress in therapy" },
  { code: "c_defends_self", type: "confrontation", label: "Defends self against the therapist" },
  { code: "c_control_pressure", type: "confrontation", label: "Tries to control or pressure the therapist" },
] as const satisfies readonly (Coded & { type: "withdrawal" | "confrontation" })[];

export const STRATEGIES = [
  { code: "r_rationale", family: "immediate", label: "Explains a task or gives a rationale for treatment" },
  { code: "r_change_task_goal", family: "immediate", label: "Changes a task or goal to one the client can work with" },
  { code: "r_clarify", family: "immediate", label: "Clarifies a misunderstanding" },
  { code: "r_redirect", family: "immediate", label: "Redirects or refocuses" },
  { code: "r_invite_feelings", family: "exploratory", label: "Invites the client's thoughts and feelings about the therapist or therapy" },
  { code: "r_acknowledge_contribution", family: "exploratory", label: "Acknowledges own contribution (disarming)" },
  { code: "r_disclose_experience", family: "exploratory", label: "Discloses own experience of the interaction (metacommunication)" },
  { code: "r_link_in_session", family: "exploratory", label: "Links the rupture to patterns between client and therapist" },
  { code: "r_link_outside", family: "exploratory", label: "Links the rupture to patterns in the client's other relationships" },
  { code: "r_validate_defence", family: "exploratory", label: "Validates the client's defensive stance" },
  { code: "r_revisit_formulation", family: "reflective", label: "Revisits own case conceptualisation and assumptions" },
  { code: "r_listening", family: "reflective", label: "Deliberate listening skills: reflecting, summarising" },
] as const satisfies readonly (Coded & { family: "immediate" | "exploratory" | "reflective" })[];

export const STRATEGY_FAMILIES = [
  { code: "immediate", label: "Immediate strategies" },
  { code: "exploratory", label: "Exploratory strategies" },
  { code: "reflective", label: "Reflective strategies" },
] as const satisfies readonly Coded[];

export const OUTCOMES = [
  { code: "resolved", label: "Resolved" },
  { code: "partly_resolved", label: "Partly resolved" },
  { code: "unresolved", label: "Unresolved" },
  { code: "unclear", label: "Unclear" },
] as const satisfies readonly Coded[];

export const MOVEMENTS = [
  { code: "client", label: "The client" },
  { code: "therapist", label: "The therapist (me)" },
  { code: "both", label: "Both" },
] as const satisfies readonly Coded[];

export const CONDITIONS = [
  { code: "c1_contact", short: "Psychological contact", label: "Therapist and client were in psychological contact" },
  { code: "c2_client_incongruence", short: "Client incongruence", label: "The client was incongruent: vulnerable or anxious" },
  { code: "c3_congruence", short: "Congruence", label: "The therapist was congruent, genuine, in the relationship" },
  { code: "c4_upr", short: "Unconditional positive regard", label: "The therapist experienced unconditional positive regard for the client" },
  {
    code: "c5_empathy",
    short: "Empathic understanding",
    label: "The therapist understood the client's internal frame of reference empathically and tried to communicate it",
  },
  { code: "c6_perceived", short: "Client's perception", label: "The client perceived, at least minimally, the therapist's empathy and regard" },
] as const satisfies readonly (Coded & { short: string })[];

/** c1 and c2 are preconditions about the client and the meeting: described, never graded. */
export const PRECONDITION_CODES = ["c1_contact", "c2_client_incongruence"] as const;
/** c3 to c6: the therapist conditions, of which the trainee chooses the one to three most in play. */
export const THERAPIST_CONDITION_CODES = ["c3_congruence", "c4_upr", "c5_empathy", "c6_perceived"] as const;
export type PreconditionCode = (typeof PRECONDITION_CODES)[number];
export type TherapistConditionCode = (typeof THERAPIST_CONDITION_CODES)[number];

export const RATINGS = [
  { code: "not_evident", label: "Not evident" },
  { code: "partly_evident", label: "Partly evident" },
  { code: "clearly_evident", label: "Clearly evident" },
  { code: "not_assessable", label: "Not assessable" },
] as const satisfies readonly Coded[];

/** Bernard's discrimination model: the focus of a feedback comment. */
export const FEEDBACK_FOCI = [
  { code: "intervention", label: "Intervention" },
  { code: "conceptualisation", label: "Conceptualisation" },
  { code: "personalisation", label: "Personalisation" },
] as const satisfies readonly Coded[];

export const ALLIANCE_DIMENSIONS = [
  { code: "goals", label: "Agreement on goals" },
  { code: "tasks", label: "Agreement on tasks" },
  { code: "bond", label: "Bond" },
] as const satisfies readonly Coded[];

type CodesOf<T extends readonly { code: string }[]> = T[number]["code"];
const codes = <T extends readonly { code: string }[]>(list: T) => list.map((x) => x.code) as unknown as [CodesOf<T>, ...CodesOf<T>[]];

export type Approach = CodesOf<typeof APPROACHES>;
export type RuptureType = CodesOf<typeof RUPTURE_TYPES>;
export type MarkerCode = CodesOf<typeof MARKERS>;
export type StrategyCode = CodesOf<typeof STRATEGIES>;
export type Outcome = CodesOf<typeof OUTCOMES>;
export type Movement = CodesOf<typeof MOVEMENTS>;
export type ConditionCode = CodesOf<typeof CONDITIONS>;
export type Rating = CodesOf<typeof RATINGS>;
export type FeedbackFocus = CodesOf<typeof FEEDBACK_FOCI>;

export const APPROACH_CODES = codes(APPROACHES);
export const RUPTURE_TYPE_CODES = codes(RUPTURE_TYPES);
export const MARKER_CODES = codes(MARKERS);
export const STRATEGY_CODES = codes(STRATEGIES);
export const OUTCOME_CODES = codes(OUTCOMES);
export const MOVEMENT_CODES = codes(MOVEMENTS);
export const CONDITION_CODES = codes(CONDITIONS);
export const RATING_CODES = codes(RATINGS);
export const FEEDBACK_FOCUS_CODES = codes(FEEDBACK_FOCI);

/** The version stored on every case. Bump (and keep the old labels below) when a list changes. */
export const CODE_LIST_VERSION = "2026.2";
/** The first release: six graded self-ratings (c1 to c6) and the session's month and year. */
export const LEGACY_CODE_LIST_VERSION = "2026.1";

const CURRENT = {
  approach: APPROACHES,
  ruptureType: RUPTURE_TYPES,
  marker: MARKERS,
  strategy: STRATEGIES,
  outcome: OUTCOMES,
  movement: MOVEMENTS,
  condition: CONDITIONS,
  rating: RATINGS,
  focus: FEEDBACK_FOCI,
} as const;
export type CodeListName = keyof typeof CURRENT;

/**
 * Released versions. Old cases keep the labels they were written with. 2026.2 changed the shape
 * of the self-assessment and dropped the month (see VERSION_RULES), not the labels, so both
 * versions share the lists; a later rewording gets its own copy here.
 */
export const CODE_LIST_VERSIONS: Record<string, Record<CodeListName, readonly Coded[]>> = {
  [LEGACY_CODE_LIST_VERSION]: CURRENT,
  [CODE_LIST_VERSION]: CURRENT,
};

/**
 * What a version's case content looks like, beyond its labels:
 * - "six_rated": selfAssessment holds a graded rating and evidence for each of c1 to c6;
 * - "notes_and_chosen": c1 and c2 hold a descriptive note, `chosen` names one to three of c3 to
 *   c6, and only those hold a rating and evidence.
 * sessionMonth: whether the form asked for the session's month (2026.2 keeps the year only).
 */
export const VERSION_RULES: Record<string, { conditions: "six_rated" | "notes_and_chosen"; sessionMonth: boolean }> = {
  [LEGACY_CODE_LIST_VERSION]: { conditions: "six_rated", sessionMonth: true },
  [CODE_LIST_VERSION]: { conditions: "notes_and_chosen", sessionMonth: false },
};

/** The label of a code in the given version; an unknown code shows as itself rather than vanishing. */
export function labelOf(list: CodeListName, code: string | null | undefined, version: string = CODE_LIST_VERSION): string {
  if (!code) return "Not recorded";
  const lists = CODE_LIST_VERSIONS[version] ?? CURRENT;
  return lists[list].find((x) => x.code === code)?.label ?? code;
}

/** Markers a rupture type allows: mixed allows both groups. */
export function markersFor(type: RuptureType | null | undefined): readonly (typeof MARKERS)[number][] {
  if (!type) return [];
  if (type === "mixed") return MARKERS;
  return MARKERS.filter((m) => m.type === type);
}

export function markerAllowed(type: RuptureType, marker: string): boolean {
  return markersFor(type).some((m) => m.code === marker);
}
