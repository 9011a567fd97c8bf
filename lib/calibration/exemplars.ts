import type { ReferenceReview } from "@/db/schema";
import { CODE_LIST_VERSION, type PreconditionCode, type Rating, type TherapistConditionCode } from "@/lib/cases/codes";
import type { CaseContent } from "@/lib/cases/schemas";

// Rapport's three exemplar cases for supervisor calibration: fictional, written for the purpose in
// our own words, de-identified by construction (made-up codes, the year only, no names or places),
// each with a lead supervisor's reference review recorded as the review form records one. Pure:
// the unit test checks each against the case schema and the identifier check, and the data layer
// copies one into an organisation the first time a round uses it.

export type ExemplarRatings = Partial<Record<PreconditionCode, { note: string }>> & Partial<Record<TherapistConditionCode, { rating: Rating; evidence: string }>>;
export type ExemplarReview = Omit<ReferenceReview, "ratings"> & { ratings: ExemplarRatings };
export type Exemplar = { key: string; title: string; summary: string; content: CaseContent; reference: ExemplarReview };

const NO_RISK: CaseContent["risk"] = { level: "none", kinds: [], told: [] };

export const EXEMPLARS: readonly Exemplar[] = [
  {
    key: "withdrawal-homework",
    title: "Going along with the homework",
    summary: "Withdrawal in a CBT session: the client agrees to everything and says very little once a task is set.",
    content: {
      clientCode: "EX-W01",
      sessionNumber: 5,
      periodYear: 2025,
      approach: "cbt",
      ruptureType: "withdrawal",
      markers: ["w_minimal", "w_deferential", "w_content_affect_split"],
      salience: 3,
      whoseMovement: "both",
      whatHappened:
        "We reviewed the thought record I had set last time. The client said it was fine and that they had not got round to it. When I suggested trying it again with a smaller situation, they said yes straight away, then answered my next questions in one or two words. They smiled while saying it was all a bit pointless really. I kept explaining how the record works and the session ran out with the task agreed but nothing filled in.",
      ownContribution:
        "I was keen to show progress and moved to the next step of the plan before asking how the last task had felt. When the answers got shorter I explained more instead of slowing down, which probably made it harder for the client to disagree with me.",
      strategies: ["r_rationale", "r_redirect"],
      outcome: "unresolved",
      nextTime:
        "Notice the quick yes and the short answers as a signal, name what I see gently, and ask what it was like to be given the task. I would offer to shape the next task together or drop it for now.",
      alliance: { therapist: { goals: 4, tasks: 3, bond: 4 } },
      risk: NO_RISK,
      selfAssessment: {
        c1_contact: { note: "We were in contact, though it thinned out after the task came up: the client was present but answering less and less." },
        c2_client_incongruence: { note: "The client seemed uneasy and ashamed about not doing the task; the smile did not match the flat way they spoke." },
        chosen: ["c3_congruence", "c5_empathy"],
        c3_congruence: { rating: "partly_evident", evidence: "I felt a pull to push on and did not say so; I stayed in the explaining role." },
        c5_empathy: { rating: "not_evident", evidence: "I missed how discouraged the client was until after the session." },
      },
    },
    reference: {
      ratings: {
        c1_contact: { note: "Contact held but narrowed once the task was raised; the short answers show the client withdrawing, not leaving." },
        c2_client_incongruence: { note: "Clear signs of shame and discouragement beneath compliance: the smile with the words about it being pointless." },
        c3_congruence: { rating: "partly_evident", evidence: "The trainee noticed the pull to push on, but kept it to themselves and went on explaining." },
        c5_empathy: { rating: "not_evident", evidence: "The reply to the client's discouragement was more explanation; nothing reflects the client's frame of reference." },
        c6_perceived: { rating: "not_assessable", evidence: "The account gives no sign of how the client experienced the trainee by the end." },
      },
      decision: "changes_requested",
      whatToChange: "Add what you might have said when the answers got shorter, and one way of inviting the client's view of the task.",
      strategyNotes:
        "Rationale and redirection are immediate strategies that kept the task on the table; here they deepened the withdrawal. An exploratory move (inviting the client's feelings about the task, or disarming by owning the push) fits the markers better. Deferential agreement plus a content and affect split is a classic withdrawal pattern.",
      feedback: [
        { focus: "intervention", body: "When answers shrink, slow down: reflect the quick yes and ask what it was like to be handed the task." },
        { focus: "conceptualisation", body: "Consider the missed homework as information about the alliance on tasks, not only as non-adherence." },
        { focus: "personalisation", body: "Your wish to show progress is understandable; notice it as a signal to check in rather than push on." },
      ],
    },
  },
  {
    key: "confrontation-not-helping",
    title: "This isn't helping",
    summary: "Confrontation in a person-centred session: the client questions the therapist's usefulness and rejects a reflection.",
    content: {
      clientCode: "EX-C02",
      sessionNumber: 9,
      periodYear: 2025,
      approach: "person_centred",
      ruptureType: "confrontation",
      markers: ["c_about_therapist", "c_rejects_intervention", "c_about_progress"],
      salience: 4,
      whoseMovement: "client",
      whatHappened:
        "Midway through, after I reflected that the client sounded tired of trying, they said sharply that I always just repeat things back and that nine sessions in nothing has changed. They asked whether I actually had any training. I felt my face get hot and explained that reflecting can help people hear themselves. The client said that was exactly the problem. I then said I could hear how frustrated they were, and that it made sense to question whether this was working. They were quiet for a while, then said at least I had not argued.",
      ownContribution:
        "My first response was defensive: I justified my way of working instead of taking the complaint seriously. I may also have been reflecting in a routine way for a few sessions without checking whether it fitted what the client wanted.",
      strategies: ["r_acknowledge_contribution", "r_invite_feelings", "r_listening"],
      outcome: "partly_resolved",
      nextTime:
        "Take the complaint as an invitation: say that I hear it, acknowledge my part, and ask what would be more useful, before explaining anything about how I work.",
      alliance: { therapist: { goals: 3, tasks: 2, bond: 3 }, client: { goals: 3, tasks: 1, bond: 3 } },
      risk: NO_RISK,
      selfAssessment: {
        c1_contact: { note: "Strong contact: the client was directly engaged with me, angrily at first." },
        c2_client_incongruence: { note: "The client seemed hurt and anxious that therapy was failing them, showing it as anger at me." },
        chosen: ["c3_congruence", "c4_upr", "c5_empathy"],
        c3_congruence: { rating: "partly_evident", evidence: "I felt defensive and covered it with an explanation; later I was more genuine." },
        c4_upr: { rating: "partly_evident", evidence: "For a moment I felt criticised and less warm; I recovered my regard for the client's position." },
        c5_empathy: { rating: "clearly_evident", evidence: "My second response named the frustration and the doubt about whether this was working." },
      },
    },
    reference: {
      ratings: {
        c1_contact: { note: "Full contact throughout: the confrontation itself is a sign of engagement." },
        c2_client_incongruence: { note: "Vulnerability about lack of progress shows as anger at the therapist; the quiet at the end suggests relief." },
        c3_congruence: { rating: "partly_evident", evidence: "The defensive explanation was not congruent with the heat the trainee felt; the later response was more genuine." },
        c4_upr: { rating: "partly_evident", evidence: "Regard wavered under criticism and was recovered; the account is honest about this." },
        c5_empathy: { rating: "clearly_evident", evidence: "The second response reflects the frustration and the doubt accurately, and the client's quiet reply suggests it landed." },
        c6_perceived: { rating: "partly_evident", evidence: "The client's remark that the trainee had not argued suggests some regard was perceived." },
      },
      decision: "signed_off",
      strategyNotes:
        "The trainee moved from justifying (a defensive immediate response) to disarming and inviting the client's feelings: a good recovery. A next step would be metacommunication about the repeating pattern itself, and asking what the client wants from the sessions.",
      feedback: [
        { focus: "intervention", body: "Your second response is a model of disarming: lead with it next time, before any explanation." },
        { focus: "personalisation", body: "Notice the heat in your face as information; it is fine to say you felt stung and want to understand." },
      ],
    },
  },
  {
    key: "mixed-late-and-quiet",
    title: "Late, then quiet",
    summary: "A mixed rupture in an integrative session: a complaint about scheduling turns into withdrawal.",
    content: {
      clientCode: "EX-M03",
      sessionNumber: 14,
      periodYear: 2025,
      approach: "integrative",
      ruptureType: "mixed",
      markers: ["c_about_parameters", "w_avoidant_story", "w_denial"],
      salience: 2,
      whoseMovement: "therapist",
      whatHappened:
        "The client arrived twenty minutes late and I said we would still need to finish on time. They said the times I offer never suit anyone with a real job. I said I understood it was hard and moved on to what they wanted to talk about. They began a long story about a colleague, and when I asked how the lateness conversation had felt, they said it was nothing and carried on with the story.",
      ownContribution:
        "I stated the time boundary quickly and a little coldly, because I was anxious about running over into my next appointment. I then moved on before the complaint had really been heard.",
      strategies: ["r_clarify", "r_invite_feelings"],
      outcome: "unclear",
      nextTime: "Hold the boundary but stay with the complaint for longer: ask what it is like to fit sessions around work, and whether we could look at other times.",
      risk: NO_RISK,
      selfAssessment: {
        c1_contact: { note: "Contact was present but the story pulled us away from each other." },
        c2_client_incongruence: { note: "The client seemed irritated and then flat, saying it was nothing when it seemed to matter." },
        chosen: ["c4_upr", "c6_perceived"],
        c4_upr: { rating: "partly_evident", evidence: "I felt some impatience with the lateness, which coloured how I set the boundary." },
        c6_perceived: { rating: "not_assessable", evidence: "I could not tell how the client experienced me after the boundary was set." },
      },
    },
    reference: {
      ratings: {
        c1_contact: { note: "Contact present; the long story reads as a way of staying in the room while avoiding the strain." },
        c2_client_incongruence: { note: "Irritation about scheduling, then denial that it mattered: a shift from confrontation to withdrawal." },
        c3_congruence: { rating: "not_evident", evidence: "The boundary was stated coldly while the trainee was anxious; the anxiety was not acknowledged to self or client." },
        c4_upr: { rating: "partly_evident", evidence: "Impatience coloured the boundary, though the trainee did return to ask how the exchange felt." },
        c6_perceived: { rating: "not_assessable", evidence: "Too little in the account to judge how the client perceived the trainee." },
      },
      decision: "changes_requested",
      whatToChange: "Say more about what you noticed in yourself when you set the boundary, and how you might have stayed with the complaint.",
      strategyNotes:
        "Clarifying the boundary was reasonable, but inviting feelings came after the client had already withdrawn into storytelling. Acknowledging the therapist's own contribution (the cold tone) might have opened the way back; the mixed pattern is worth naming in supervision.",
      feedback: [
        { focus: "conceptualisation", body: "Notice the sequence: a complaint about parameters, then storytelling and denial. The confrontation went underground." },
        { focus: "personalisation", body: "Your anxiety about the next appointment shaped the boundary; what would it take to hold the time kindly?" },
      ],
    },
  },
];

export function exemplarByKey(key: string): Exemplar | undefined {
  return EXEMPLARS.find((e) => e.key === key);
}

export const EXEMPLAR_CODE_LIST_VERSION = CODE_LIST_VERSION;
