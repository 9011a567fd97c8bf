// The three anchored scales a supervisor rates a practice response on. Every point is written
// out, so two supervisors reading the same response mean the same thing by a 3. Rapport's own
// wording (formative feedback, not a validated measure). Pure: shared by the form, the feedback
// view, the log and the level calculation.

export type ScaleCode = "attunement" | "nonDefensiveness" | "invitation";
export type Anchor = { value: 1 | 2 | 3 | 4 | 5; label: string; description: string };
export type Scale = { code: ScaleCode; title: string; question: string; anchors: Anchor[] };

export const SCALES: readonly Scale[] = [
  {
    code: "attunement",
    title: "Empathic attunement",
    question: "How closely does the response track what the client is feeling right now, including what sits under the words?",
    anchors: [
      { value: 1, label: "Misses it", description: "Responds to the content only, or to a feeling the client is not showing; the client's experience is lost." },
      { value: 2, label: "Generic", description: "Names a feeling in general terms (\"that sounds hard\") that could fit any client." },
      { value: 3, label: "Accurate surface", description: "Reflects the feeling the client expressed, accurately, but not the strain in the relationship." },
      { value: 4, label: "Attuned", description: "Catches the feeling and the strain between client and therapist, in words close to the client's own." },
      { value: 5, label: "Deeply attuned", description: "Reaches the unspoken edge of the client's experience tentatively, so the client can correct it, and stays with it." },
    ],
  },
  {
    code: "nonDefensiveness",
    title: "Non-defensiveness",
    question: "Does the therapist stay open to the client's view of them, without justifying, arguing or withdrawing?",
    anchors: [
      { value: 1, label: "Defends", description: "Justifies, explains away or argues with the client's complaint or withdrawal." },
      { value: 2, label: "Deflects", description: "Moves quickly past the strain: reassures, changes the subject or gives a rationale first." },
      { value: 3, label: "Neutral", description: "Neither defends nor owns anything: acknowledges that the client sees it differently." },
      { value: 4, label: "Open", description: "Takes the client's view seriously and acknowledges a part the therapist may have played." },
      { value: 5, label: "Disarming", description: "Owns their contribution plainly and with curiosity, inviting more of the client's criticism or hesitancy." },
    ],
  },
  {
    code: "invitation",
    title: "Invitation to explore",
    question: "Does the response open the rupture up for the two of them to look at together?",
    anchors: [
      { value: 1, label: "Closes it", description: "Ends the topic, or asks a question that can only be answered yes or no." },
      { value: 2, label: "Back to the task", description: "Returns to the task or plan without checking how the client is with it." },
      { value: 3, label: "Leaves a door open", description: "Offers a general invitation (\"anything else?\") without naming what happened between them." },
      { value: 4, label: "Invites", description: "Names what seems to be happening between them and asks the client about it." },
      { value: 5, label: "Explores together", description: "Invites the client's experience of the therapist or the therapy here and now, making it safe to say more." },
    ],
  },
];

export const SCALE_CODES = SCALES.map((s) => s.code);

export function anchorOf(code: ScaleCode, value: number): Anchor | undefined {
  return SCALES.find((s) => s.code === code)?.anchors.find((a) => a.value === value);
}

/** The mean of the three scales, to one decimal. */
export function meanScore(f: { attunement: number; nonDefensiveness: number; invitation: number }): number {
  return Math.round(((f.attunement + f.nonDefensiveness + f.invitation) / 3) * 10) / 10;
}

/** A response at this mean or above counts as the level reached for its drill's markers. */
export const LEVEL_REACHED_MEAN = 3.5;
