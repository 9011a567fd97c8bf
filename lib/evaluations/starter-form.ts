// Rapport's own starter evaluation form, written for Rapport in plain clinical language. It is not
// a validated or licensed instrument and borrows no published instrument's wording: organisations
// that hold a licence for one (CCS-R, CTRS and the like) enter it themselves in the form builder.
// Codes are stable: reports follow a competency across rounds and form versions by its code.
import type { FormDefinition } from "./definition";

export const STARTER_FORM_NAME = "Rapport competency evaluation (starter)";

export const STARTER_FORM: FormDefinition = {
  intro:
    "Rate each competency as you have seen it during this period of placement, from direct observation, recordings, case discussion and supervision. The scale describes development, not a pass or fail: most trainees are not yet at the top of it. Choose “Not observed” when there has been no chance to see the skill. This is Rapport's own formative form, not a validated measure.",
  scale: {
    points: [
      { value: 1, label: "Not yet demonstrated", description: "Not yet seen in practice, or attempted with marked difficulty. Needs close guidance and direct teaching." },
      { value: 2, label: "Emerging", description: "Seen at times, mostly when prompted. Uneven from session to session and often needs correcting in supervision." },
      { value: 3, label: "Developing", description: "Shown in straightforward situations with some prompting. Supervision discussion leads to visible change in the next sessions." },
      { value: 4, label: "Established", description: "Shown reliably in most situations, including some complex ones, with occasional guidance." },
      { value: 5, label: "Consistently independent", description: "Shown consistently and flexibly, including in complex or high-stakes situations; seeks consultation when it is warranted." },
    ],
    notObserved: { allowed: true, label: "Not observed", description: "There has been no opportunity to see this during the period." },
  },
  domains: [
    {
      code: "alliance",
      title: "Alliance and relationship skills",
      competencies: [
        { code: "alliance__engagement", title: "Builds a working relationship", description: "Creates safety and trust early, conveys warmth and respect, and keeps the client engaged from session to session." },
        { code: "alliance__goals_tasks", title: "Collaborates on goals and tasks", description: "Agrees with the client on what they are working towards and how, and checks that agreement again as the work goes on." },
        { code: "alliance__empathy", title: "Communicates empathic understanding", description: "Follows the client's experience closely and conveys understanding in words and manner the client can take in." },
        { code: "alliance__client_view", title: "Seeks the client's view of the work", description: "Asks for and takes seriously the client's feedback about sessions, the relationship and progress, and adjusts in response." },
      ],
    },
    {
      code: "rupture",
      title: "Rupture recognition and repair",
      competencies: [
        { code: "rupture__notices", title: "Notices strain in the relationship", description: "Picks up withdrawal and confrontation as they happen, including quiet signs such as going along, changing the subject or very short answers." },
        { code: "rupture__non_defensive", title: "Stays open when strain appears", description: "Remains curious rather than defensive, and can acknowledge their own part in what went wrong without over-apologising." },
        { code: "rupture__repairs", title: "Works a rupture through", description: "Chooses a fitting response, from clarifying or adjusting a task to talking together about what happened between them, and checks whether the relationship has recovered." },
      ],
    },
    {
      code: "ethics",
      title: "Ethics and risk",
      competencies: [
        { code: "ethics__frameworks", title: "Practises within ethical and legal requirements", description: "Applies the relevant code of ethics, informed consent, confidentiality and its limits, and works within the scope of their training." },
        { code: "ethics__risk", title: "Assesses and responds to risk", description: "Asks directly about risk to self and others when there are signs of it, follows the organisation's procedures, and tells the supervisor promptly." },
        { code: "ethics__boundaries", title: "Keeps professional boundaries", description: "Holds clear roles, handles self-disclosure and dual relationships with care, and asks for advice when a boundary question comes up." },
      ],
    },
    {
      code: "supervision",
      title: "Use of supervision",
      competencies: [
        { code: "supervision__preparation", title: "Prepares for and uses supervision", description: "Brings focused questions, session material and reflections, and uses the time actively rather than waiting to be directed." },
        { code: "supervision__feedback", title: "Takes in and acts on feedback", description: "Hears feedback openly, asks for clarification when needed, and shows the change in later work." },
        { code: "supervision__self_reflection", title: "Reflects on self in the work", description: "Notices their own reactions, assumptions and blind spots, and thinks about how these shape the work with each client." },
      ],
    },
    {
      code: "culture",
      title: "Cultural responsiveness",
      competencies: [
        { code: "culture__context", title: "Works with culture and identity", description: "Explores how culture, identity, language, faith and community shape the client's concerns and their experience of counselling." },
        { code: "culture__own_position", title: "Recognises own position and bias", description: "Reflects on their own background, privilege and assumptions, and on how these may be experienced by the client." },
        { code: "culture__adapts", title: "Adapts practice respectfully", description: "Fits approach, language and goals to the client's context, including working in culturally safe ways with Aboriginal and Torres Strait Islander clients." },
      ],
    },
    {
      code: "conceptualisation",
      title: "Case conceptualisation",
      competencies: [
        { code: "conceptualisation__formulation", title: "Forms a working formulation", description: "Draws together presenting concerns, history, strengths and what keeps the difficulties going into a coherent, tentative account." },
        { code: "conceptualisation__links", title: "Links formulation to intervention", description: "Chooses interventions for reasons that follow from the formulation and the agreed goals, and can explain those reasons." },
        { code: "conceptualisation__revises", title: "Revises the formulation", description: "Updates their understanding as new information emerges, including what ruptures show about the client's patterns in relationships." },
      ],
    },
    {
      code: "documentation",
      title: "Documentation",
      competencies: [
        { code: "documentation__records", title: "Keeps accurate, timely records", description: "Writes clear, factual notes within the organisation's timeframes, in a form another clinician could pick up and follow." },
        { code: "documentation__privacy", title: "Protects client information", description: "Stores, shares and de-identifies client information in line with privacy law and the organisation's policy." },
      ],
    },
  ],
  comments: true,
  recommendation: {
    question: "Overall recommendation",
    options: [
      { code: "progress", label: "Ready to progress to the next stage of placement" },
      { code: "progress_with_plan", label: "Ready to progress, with a development plan for the areas noted" },
      { code: "not_yet", label: "Not yet ready to progress: needs more supervised practice first" },
    ],
  },
};
