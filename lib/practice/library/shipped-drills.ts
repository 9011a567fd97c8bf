// The practice drills Rapport ships for deliberate practice of rupture repair. Each drill is one
// moment in a fictional session: the trainee reads the context and the client's lines, writes a
// response, and only then sees the model response and the pitfalls.
//
// Content rules, checked by shipped-drills.test.ts:
// - fictional and de-identified to the standard of a logged case (TAXONOMY.md section 6): no
//   names, places, dates, numbers or contact details; every string passes the case identifier
//   scanner, and numbers are written as words;
// - about alliance ruptures only: no drill holds risk-to-life content, and every string passes
//   the case risk-language check (a drill is not the place to practise a risk assessment);
// - each withdrawal and confrontation marker appears at two or more difficulty levels;
// - a drill's markers belong to its rupture type; a mixed drill holds markers of both groups.
//
// Model responses are one good repair, not the only one. They lean on what the repair literature
// describes (Safran & Muran 2000; Castonguay et al. in Muran & Barber 2010): listen and validate
// first, invite the client's view of the therapy, own the therapist's part (disarming), and
// name the pattern between the two (metacommunication) tentatively. Pressing the rationale during
// a strain appears as a pitfall: in one small descriptive study it went with poorer outcome
// (Castonguay et al. 1996), a caution rather than a proven rule, and the pitfalls say so.
//
// Slugs are stable identifiers (progress and attempts may refer to them): never rename one;
// retire a drill by removing it, and give a rewritten drill a new slug.
//
// One file for all drills: it is content, not logic, and the practice studio imports one list.

import type { MarkerCode, RuptureType, StrategyCode } from "./drill-codes";

export type DrillDifficulty = 1 | 2 | 3; // 1 foundation, 2 intermediate, 3 advanced

export type ShippedDrill = {
  slug: string;
  title: string;
  ruptureType: RuptureType;
  markers: MarkerCode[];
  difficulty: DrillDifficulty;
  context: string;
  clientLines: string[];
  lens: "cbt" | "person_centred" | "either";
  suggestedStrategies: StrategyCode[];
  modelResponse: string;
  pitfalls: string[];
};

export const SHIPPED_DRILLS: readonly ShippedDrill[] = [
  // ---------------------------------------------------------------------------------------------
  // Withdrawal: denies a feeling or problem that seems present
  {
    slug: "withdrawal-denial-1",
    title: "“No, I’m not upset”",
    ruptureType: "withdrawal",
    markers: ["w_denial"],
    difficulty: 1,
    context:
      "Fifth session at a community counselling service. The client has been describing a phone call in which their sister went ahead with family plans without them. You reflected that it sounded hurtful, and the client’s eyes filled.",
    clientLines: ["No, honestly, I’m not upset.", "It’s just allergies. Can we keep going?"],
    lens: "either",
    suggestedStrategies: ["r_listening", "r_validate_defence", "r_invite_feelings"],
    modelResponse:
      "We can keep going. I did notice something shift when I said ‘hurtful’, and I don’t want to push you somewhere you’d rather not go right now. If part of it does sting, there’s room for that here whenever you want it.",
    pitfalls: [
      "Insisting the client is upset (‘your eyes say otherwise’), which turns the moment into a contest.",
      "Accepting the denial and moving on so fast that the client learns the feeling isn’t welcome here.",
    ],
  },
  {
    slug: "withdrawal-denial-2",
    title: "“It went fine, actually”",
    ruptureType: "withdrawal",
    markers: ["w_denial", "w_content_affect_split"],
    difficulty: 2,
    context:
      "Eighth session of CBT for social anxiety at a university training clinic. Last week the client said they were dreading a presentation to their team; today they say it went well, but their answers are brisk and they keep looking at the floor. The thought record they planned to do beforehand isn’t mentioned.",
    clientLines: ["It went fine. Better than fine, actually.", "So I don’t think we need to spend time on that. What’s next on the list?"],
    lens: "cbt",
    suggestedStrategies: ["r_listening", "r_disclose_experience", "r_invite_feelings"],
    modelResponse:
      "I’m glad if it went well, and I’m also noticing you’re telling me quickly and not looking up much, so I’m not sure I’ve got the whole picture. Would it be okay to stay with it for a minute before we move on, even if some of it was less good than ‘fine’?",
    pitfalls: [
      "Taking ‘fine’ at face value and moving to the agenda, which the client has invited you to do.",
      "Reaching for the thought record before checking whether the client wants to talk about the presentation at all.",
    ],
  },
  {
    slug: "withdrawal-denial-3",
    title: "“Nothing’s wrong. Stop asking.”",
    ruptureType: "mixed",
    markers: ["w_denial", "w_minimal", "c_defends_self"],
    difficulty: 3,
    context:
      "A telehealth video session, the client’s eleventh; they began counselling after a relationship ended. Partway through, the client turned their camera off, and when you gently asked how they were going the replies became clipped. This is the third time today you have checked in, and the client’s voice now has an edge.",
    clientLines: ["I said I’m fine.", "Nothing’s wrong. You keep asking like you don’t believe me.", "Can we just… not."],
    lens: "person_centred",
    suggestedStrategies: ["r_acknowledge_contribution", "r_validate_defence", "r_invite_feelings"],
    modelResponse:
      "You’re right, I’ve asked a few times now, and I can hear it’s starting to feel like I don’t trust what you tell me. I’ll stop checking. You can keep the camera off, and we can talk about whatever’s useful or just sit for a bit: you set the pace.",
    pitfalls: [
      "Asking a fourth time, or asking why the camera is off, which adds pressure to a client who is already pulling away.",
      "Explaining that checking in is good practice: it may be true, but it defends you rather than meeting the client.",
      "Going quiet and formal yourself, so that both of you have withdrawn.",
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Withdrawal: minimal responses (short answers, silence)
  {
    slug: "withdrawal-minimal-response-1",
    title: "“It’s fine, whatever”",
    ruptureType: "withdrawal",
    markers: ["w_minimal"],
    difficulty: 1,
    context:
      "Second session at a community counselling service with a client referred by their doctor for stress. They answered your opening questions fully, but since you suggested setting goals for the work their answers have shrunk to a word or two.",
    clientLines: ["It’s fine, whatever.", "Yeah.", "Don’t know."],
    lens: "either",
    suggestedStrategies: ["r_invite_feelings", "r_change_task_goal", "r_listening"],
    modelResponse:
      "I’ve noticed your answers got shorter once I brought up goals, and I wonder if that felt like too much, too soon. We don’t have to set goals today; I’d rather hear what brought you in, in whatever way suits you.",
    pitfalls: [
      "Filling the silence with more and more questions about goals.",
      "Assuming the client is simply quiet by nature and carrying on with the plan.",
    ],
  },
  {
    slug: "withdrawal-minimal-response-2",
    title: "Long pauses after a reflection",
    ruptureType: "withdrawal",
    markers: ["w_minimal", "w_deferential"],
    difficulty: 2,
    context:
      "Sixth session at a university counselling clinic. The client had been talking freely about a hard move into a shared house. You offered a reflection linking their frustration with the housemates to how they describe their family, and since then each answer has come after a long pause, politely.",
    clientLines: ["Mm. Maybe.", "(pause) I guess.", "Sorry, I’ve lost what I was saying."],
    lens: "person_centred",
    suggestedStrategies: ["r_acknowledge_contribution", "r_invite_feelings", "r_listening"],
    modelResponse:
      "I think I jumped ahead just then, bringing your family into it when you were talking about the house. I’m wondering how that landed for you, and it’s completely okay to tell me it missed the mark.",
    pitfalls: [
      "Repeating or defending the link because it still seems accurate to you.",
      "Apologising at length, which leaves the client looking after your feelings.",
    ],
  },
  {
    slug: "withdrawal-minimal-response-3",
    title: "Silence on the line after a late start",
    ruptureType: "withdrawal",
    markers: ["w_minimal", "w_deferential"],
    difficulty: 3,
    context:
      "A telephone session, the client’s ninth, with a rural telehealth counselling service. You rang twenty minutes late after a booking mix-up on your side, apologised briefly and went straight to last week’s topic. The client has said almost nothing since, and the silences on the line are getting longer.",
    clientLines: ["No, it’s fine.", "(long silence)", "Whatever you want to talk about."],
    lens: "either",
    suggestedStrategies: ["r_acknowledge_contribution", "r_disclose_experience", "r_invite_feelings"],
    modelResponse:
      "Before we go on, I want to come back to the start: I rang you twenty minutes late and then carried on as if nothing had happened, and that wasn’t fine of me. On the phone I can’t see your face, so I’d really like to hear how it was for you, even if it’s irritation.",
    pitfalls: [
      "Treating the quick apology at the start as enough and pressing on with the agenda.",
      "Reading the silence as the client being ‘resistant’ rather than as a reaction to the late start.",
      "Asking a run of closed questions that can each be answered with ‘fine’.",
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Withdrawal: abstract or intellectual talk that avoids experience
  {
    slug: "withdrawal-abstract-talk-1",
    title: "“It’s basically evolutionary”",
    ruptureType: "withdrawal",
    markers: ["w_abstract"],
    difficulty: 1,
    context:
      "Third session of CBT for panic at a university training clinic. You asked the client to walk you through the panic attack they had on the bus last week. Instead, in a friendly way, they began talking about anxiety in general.",
    clientLines: [
      "Well, anxiety is basically an evolutionary thing, isn’t it? Fight or flight.",
      "Most people have it to some degree. It’s more of a society-wide problem really.",
    ],
    lens: "cbt",
    suggestedStrategies: ["r_redirect", "r_listening", "r_invite_feelings"],
    modelResponse:
      "You’ve clearly thought a lot about where anxiety comes from. I’m curious about your own experience of it on the bus, though: could we slow right down and go through what you noticed, moment by moment? If that feels like a lot, tell me and we’ll go gently.",
    pitfalls: [
      "Debating the theory of anxiety, which keeps you both at a distance from the experience.",
      "Correcting the client’s explanation instead of noticing the move away.",
    ],
  },
  {
    slug: "withdrawal-abstract-talk-2",
    title: "Grief as a philosophy seminar",
    ruptureType: "withdrawal",
    markers: ["w_abstract", "w_avoidant_story"],
    difficulty: 2,
    context:
      "Seventh session at a community counselling service with a client whose father died some months ago. Each time the conversation nears his last weeks in hospital, the client moves to ideas about mortality and what various thinkers have said about loss. They are articulate and engaged, and you have been finding the sessions interesting.",
    clientLines: [
      "I’ve been reading about how different cultures mark a death. It’s fascinating, really.",
      "I just think our society doesn’t have the language for it.",
    ],
    lens: "person_centred",
    suggestedStrategies: ["r_disclose_experience", "r_invite_feelings", "r_listening"],
    modelResponse:
      "I find myself really drawn into these ideas with you, and I also notice we keep arriving at them just as we get near the hospital. I wonder what it would be like to stay, just for a little while, with what it was like for you to be there.",
    pitfalls: [
      "Joining the discussion because it is comfortable and interesting for you both.",
      "Naming it as a diagnosis (‘you’re intellectualising’) rather than offering it as a shared observation.",
    ],
  },
  {
    slug: "withdrawal-abstract-talk-3",
    title: "“Feelings are a noisy measure”",
    ruptureType: "mixed",
    markers: ["w_abstract", "c_about_therapist"],
    difficulty: 3,
    context:
      "A telehealth session, the client’s twelfth, in CBT for depression. The client has turned each activity plan into a discussion of research methods. Today, when you asked how they felt on the one walk they did take, they critiqued mood ratings and then questioned your competence, sounding increasingly irritated.",
    clientLines: [
      "Feelings are a noisy measure. I don’t see what asking how I felt actually tells us.",
      "Have you read the trials on this, or are you just following a manual?",
    ],
    lens: "cbt",
    suggestedStrategies: ["r_validate_defence", "r_disclose_experience", "r_invite_feelings"],
    modelResponse:
      "That’s a fair question, and I notice I want to start defending the research, which I suspect would pull us into another debate while the walk gets left behind. Can I ask what it’s been like doing this kind of therapy with me, including the parts that aren’t working for you?",
    pitfalls: [
      "Citing studies to prove the approach works, which tends to deepen the argument.",
      "Telling the client they are intellectualising before they feel heard.",
      "Dropping the question about the walk for good so the session stays comfortable.",
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Withdrawal: storytelling or topic shifts that avoid the focus
  {
    slug: "withdrawal-topic-shift-1",
    title: "The renovation next door",
    ruptureType: "withdrawal",
    markers: ["w_avoidant_story"],
    difficulty: 1,
    context:
      "Fourth session at a community counselling service. The client came to work on conflict with their adult son. When you asked about the weekend visit they had mentioned, they began a long account of the noise from a neighbour’s renovation.",
    clientLines: [
      "Oh, and you won’t believe what’s going on next door. Jackhammers from first thing in the morning.",
      "Anyway, the council says there’s nothing they can do about it.",
    ],
    lens: "either",
    suggestedStrategies: ["r_redirect", "r_listening", "r_invite_feelings"],
    modelResponse:
      "That sounds exhausting to live next to. I noticed we moved off the weekend with your son quite quickly, and I wonder if that’s a hard one to get into. We can come back to it when you’re ready, or talk about what makes it hard to start.",
    pitfalls: [
      "Following the story for the rest of the session because it feels easier than interrupting.",
      "Cutting the story off abruptly, which can feel like a telling-off.",
    ],
  },
  {
    slug: "withdrawal-topic-shift-2",
    title: "Always someone else’s drama",
    ruptureType: "withdrawal",
    markers: ["w_avoidant_story", "w_denial"],
    difficulty: 2,
    context:
      "Tenth session at a university counselling clinic with a postgraduate student. Every session returns to a friend’s relationship troubles, told in detail and with energy, while the client’s own reason for coming, trouble finishing their thesis, has barely come up in a month. When you reflected this last week they agreed warmly, and today the same thing is happening.",
    clientLines: ["Sorry, I know I always talk about her, but this week was wild.", "Anyway, I’m fine. She’s the one who’s a mess."],
    lens: "person_centred",
    suggestedStrategies: ["r_link_in_session", "r_invite_feelings", "r_listening"],
    modelResponse:
      "It sounds like a lot happened for her this week. I’m also noticing something between us: our time often goes to your friend’s troubles, and your thesis, the thing you came in about, tends to slip away. I don’t think that’s wrong, and I’m curious what it’s like for you when we turn to your own stuff.",
    pitfalls: [
      "Pointing out the pattern as a criticism (‘you always do this’), which can bring on more apology and more avoidance.",
      "Reflecting the friend’s feelings so well that the session becomes about her again.",
    ],
  },
  {
    slug: "withdrawal-topic-shift-3",
    title: "Another story instead of the exposure",
    ruptureType: "withdrawal",
    markers: ["w_avoidant_story", "w_deferential", "w_content_affect_split"],
    difficulty: 3,
    context:
      "A telehealth session, the client’s fifteenth, in CBT for health anxiety. Twice you have suggested starting the planned exposure, reading about a feared illness without checking their body, and both times the client has launched into a long story about a relative’s hospital visit. When you tried to bring it back a minute ago, they laughed, apologised and started another story.",
    clientLines: [
      "Ha, sorry, sorry, I know, I’m terrible.",
      "But this is actually relevant, just let me finish. So the nurse comes in, right…",
    ],
    lens: "cbt",
    suggestedStrategies: ["r_disclose_experience", "r_invite_feelings", "r_change_task_goal"],
    modelResponse:
      "I’m going to pause us, not to cut you off, but because I think we might be caught in something together: I keep steering towards the exposure, the stories keep coming, and I’m not sure either of us is saying what’s really going on. What is it like when I bring the exposure up? If it feels like too big a step, we can find a smaller one.",
    pitfalls: [
      "Steering back to the exposure a third time, which tends to produce a third story.",
      "Letting the session drift and privately deciding the client ‘isn’t ready’.",
      "Explaining again why exposure matters, when the client already knows the rationale.",
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Withdrawal: deferential, appeasing, going along
  {
    slug: "withdrawal-deferential-1",
    title: "“You’re the expert”",
    ruptureType: "withdrawal",
    markers: ["w_deferential"],
    difficulty: 1,
    context:
      "Third session at a community counselling service. You proposed a weekly activity schedule as homework. The client agreed at once, asked no questions and didn’t say which activities they might try.",
    clientLines: ["Yes, sounds good. You’re the expert.", "I’ll do whatever you think will help."],
    lens: "cbt",
    suggestedStrategies: ["r_invite_feelings", "r_change_task_goal", "r_clarify"],
    modelResponse:
      "Thanks for being willing. I’d really like this to fit your week, though, and you’re the expert on that: which part seems doable, and which part makes you think ‘that’s not going to happen’?",
    pitfalls: [
      "Taking quick agreement as commitment and moving on.",
      "Designing the whole schedule yourself, which confirms that the client’s view isn’t needed.",
    ],
  },
  {
    slug: "withdrawal-deferential-2",
    title: "Homework agreed, never done",
    ruptureType: "withdrawal",
    markers: ["w_deferential"],
    difficulty: 2,
    context:
      "Seventh session at a university training clinic. For the third week running the client agreed readily to a thought record and came back without it, each time with a warm apology and a plausible reason. They often say the sessions are really helpful.",
    clientLines: [
      "I’m so sorry, it was a crazy week again.",
      "But honestly, these sessions are really helping. I’ll definitely do it this time.",
    ],
    lens: "cbt",
    suggestedStrategies: ["r_invite_feelings", "r_revisit_formulation", "r_change_task_goal"],
    modelResponse:
      "No need to apologise. I’m wondering if I’ve been asking for something that doesn’t suit you and you’ve been too kind to say so. What would you tell me about the thought records if you knew I wouldn’t be disappointed?",
    pitfalls: [
      "Explaining again why thought records matter, which may win more agreement and still no records.",
      "Accepting ‘I’ll definitely do it’ for a fourth week without asking what gets in the way.",
    ],
  },
  {
    slug: "withdrawal-deferential-3",
    title: "“I’d never want to be a difficult client”",
    ruptureType: "withdrawal",
    markers: ["w_deferential", "w_denial"],
    difficulty: 3,
    context:
      "Fourteenth session at a community counselling service. Earlier you mentioned you will be on leave for three weeks soon, and the client said that was totally fine. Since then they have agreed with everything you say and thanked you again and again, and now they ask whether they are one of your easy clients.",
    clientLines: [
      "No, honestly, you deserve a break. I’d never want to be a difficult client.",
      "I’m probably one of your easier ones, right?",
      "Anyway, it doesn’t matter. I’ll be fine.",
    ],
    lens: "person_centred",
    suggestedStrategies: ["r_disclose_experience", "r_invite_feelings", "r_validate_defence"],
    modelResponse:
      "I notice you’re taking a lot of care of me right now, and I’m touched by that; I also wonder whether there’s room in here for you to be ‘difficult’. Three weeks is a real gap, and if any part of you is disappointed or worried about it, I’d genuinely want to hear from that part too.",
    pitfalls: [
      "Reassuring the client that they are an easy client, which rewards the appeasing.",
      "Accepting ‘totally fine’ about the break because it spares you the discomfort.",
      "Pressing hard for anger the client hasn’t expressed, which can become one more demand to please you.",
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Withdrawal: words and emotional tone don't match
  {
    slug: "withdrawal-affect-split-1",
    title: "Laughing through the bad news",
    ruptureType: "withdrawal",
    markers: ["w_content_affect_split"],
    difficulty: 1,
    context:
      "Second session at a university counselling clinic. The client is telling you they failed a subject they needed for their degree, and they laugh as they describe opening the results. They are open and talkative.",
    clientLines: ["(laughing) So that’s that, I guess! Classic me.", "It’s honestly kind of funny when you think about it."],
    lens: "either",
    suggestedStrategies: ["r_listening", "r_invite_feelings"],
    modelResponse:
      "You’re laughing as you tell me, and I find I’m not quite laughing along: it sounds like opening those results could have been a hard moment. What was it like, underneath the funny side?",
    pitfalls: [
      "Laughing along, which can confirm that the painful part shouldn’t be spoken.",
      "Telling the client their reaction is ‘wrong’ for the situation.",
    ],
  },
  {
    slug: "withdrawal-affect-split-2",
    title: "A flat “that’s great”",
    ruptureType: "withdrawal",
    markers: ["w_content_affect_split", "w_minimal"],
    difficulty: 2,
    context:
      "A telehealth session, the client’s sixth, in CBT for low mood. You shared that their weekly mood ratings have risen, expecting the client to be pleased. They said it was great in a flat voice, and their gaze moved away from the camera.",
    clientLines: ["Yeah. That’s great.", "Good to know it’s working."],
    lens: "cbt",
    suggestedStrategies: ["r_disclose_experience", "r_invite_feelings", "r_clarify"],
    modelResponse:
      "I might have been more excited about those numbers than you are. You said ‘great’, but it didn’t sound great, and I’d like to understand: do the ratings match how the last few weeks have actually felt for you?",
    pitfalls: [
      "Pressing on with the good news because the ratings support it.",
      "Trusting the rating sheet more than what the client is showing you now.",
    ],
  },
  {
    slug: "withdrawal-affect-split-3",
    title: "Smiling while saying goodbye",
    ruptureType: "withdrawal",
    markers: ["w_content_affect_split", "w_denial", "w_deferential"],
    difficulty: 3,
    context:
      "Twelfth session at a community counselling service. Near the end, the client says brightly that this should be their last session, smiling and thanking you. A fortnight ago you challenged their account of a conflict at home, and the sessions since have felt polite and thin.",
    clientLines: [
      "I think I’m pretty good now, honestly! You’ve been great.",
      "I just don’t think I need to keep coming.",
      "No hard feelings at all, obviously.",
    ],
    lens: "person_centred",
    suggestedStrategies: ["r_acknowledge_contribution", "r_invite_feelings", "r_link_in_session"],
    modelResponse:
      "I’m glad you feel better, and it’s completely your choice whether we continue. Before you decide, I’ve wondered whether what I said a couple of weeks ago about the conflict at home felt unfair, and whether things have been a bit more careful between us since. If that played any part, I’d much rather hear it than have us finish without talking about it.",
    pitfalls: [
      "Accepting the ending at once, with relief, without checking whether a rupture lies behind it.",
      "Trying to talk the client out of ending, which can feel like pressure and strengthen the wish to leave.",
      "Raising your earlier challenge in a way that defends it.",
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Withdrawal: self-criticism or hopelessness used to move away. These drills keep to
  // self-criticism about the therapy; hopelessness about life is a risk indicator (TAXONOMY.md
  // section 7), which belongs to the case form's Risk section and to supervision, not to a drill.
  {
    slug: "withdrawal-self-critical-1",
    title: "“I’m just bad at this stuff”",
    ruptureType: "withdrawal",
    markers: ["w_self_critical"],
    difficulty: 1,
    context:
      "Fourth session at a university training clinic. Reviewing a breathing exercise the client practised during the week, you asked what got in the way on the days they skipped it. The client dropped their eyes and began criticising themselves, and the review stalled.",
    clientLines: ["I’m just bad at this stuff. I always have been.", "You probably have clients who actually do the work."],
    lens: "cbt",
    suggestedStrategies: ["r_clarify", "r_listening", "r_invite_feelings"],
    modelResponse:
      "I didn’t mean that question as a mark against you, and I’m sorry if it came out that way. Skipping some days is really common, and it tells us something useful. Could we look at it together with curiosity rather than a report card?",
    pitfalls: [
      "Reassuring at length (‘you’re doing great!’), which can feel dismissive and keeps the focus on being judged.",
      "Carrying on with the review as if nothing happened.",
    ],
  },
  {
    slug: "withdrawal-self-critical-2",
    title: "“Anyone normal would have sorted this”",
    ruptureType: "withdrawal",
    markers: ["w_self_critical", "w_minimal"],
    difficulty: 2,
    context:
      "A telehealth session, the client’s ninth. The client came to work on a long habit of saying yes to everyone. When you reflected that they seemed to have more say in their life than they allowed themselves, they went quiet, then began listing their failings, and the conversation about choices stopped.",
    clientLines: [
      "See, that’s the thing. Anyone normal would have sorted this out years ago.",
      "I’m just weak. I don’t know why you bother, to be honest.",
    ],
    lens: "person_centred",
    suggestedStrategies: ["r_listening", "r_link_in_session", "r_invite_feelings"],
    modelResponse:
      "When I said you have more say than you allow yourself, you seemed to come down on yourself quite hard. I’m here because I want to be. I’m wondering whether what I said sounded like a criticism: how did it land for you?",
    pitfalls: [
      "Arguing with the self-criticism point by point, which can become a debate the client feels bound to win.",
      "Moving quickly to something lighter, so the turn against the self goes unexplored.",
    ],
  },
  {
    slug: "withdrawal-self-critical-3",
    title: "“I’m wasting your time”",
    ruptureType: "withdrawal",
    markers: ["w_self_critical", "w_deferential"],
    difficulty: 3,
    context:
      "Sixteenth session of CBT for social anxiety at a community counselling service. The client has not done the last three planned exposures. Today, when you suggested a smaller step, they said you must be sick of them, and you noticed a flicker of frustration in yourself before you answered.",
    clientLines: [
      "You must be so sick of me by now.",
      "I keep wasting your time. Maybe you should give my spot to someone who’ll actually try.",
      "It’s okay. I’d understand.",
    ],
    lens: "cbt",
    suggestedStrategies: ["r_disclose_experience", "r_invite_feelings", "r_revisit_formulation"],
    modelResponse:
      "I’m not sick of you, and I don’t want to give your spot away. I’ll be honest that I have felt some frustration about the exposures, and I think it’s with the plan as much as anything: maybe I’ve been suggesting steps that feel too big. What has it been like for you each time we set one and it doesn’t happen?",
    pitfalls: [
      "Reassuring warmly while your frustration leaks through in your tone; a client may notice the mismatch.",
      "Agreeing that the client ‘isn’t ready’ for therapy, which confirms the self-criticism.",
      "Keeping your own frustration out of supervision: it is part of this rupture.",
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Confrontation: complaint or concern about the therapist
  {
    slug: "confrontation-about-therapist-1",
    title: "“Are you still a student?”",
    ruptureType: "confrontation",
    markers: ["c_about_therapist"],
    difficulty: 1,
    context:
      "First session at a university training clinic, where clients are told that counsellors are in training and supervised. Ten minutes in, the client asks about your experience in a friendly but uncertain tone.",
    clientLines: ["Sorry, can I ask, are you still a student?", "It’s just, my stuff is kind of complicated."],
    lens: "either",
    suggestedStrategies: ["r_clarify", "r_validate_defence", "r_invite_feelings"],
    modelResponse:
      "Yes, I’m in training, and an experienced practitioner supervises my work. It makes complete sense to want to know who you’re talking to, especially when things feel complicated. What would help you feel more confident about working together?",
    pitfalls: [
      "Becoming defensive, or listing your training in detail.",
      "Brushing the question aside with reassurance without hearing the concern behind it.",
    ],
  },
  {
    slug: "confrontation-about-therapist-2",
    title: "“Like talking to a wall”",
    ruptureType: "confrontation",
    markers: ["c_about_therapist"],
    difficulty: 2,
    context:
      "Fifth session at a community counselling service. You glanced at the clock while the client was describing an argument with their partner, and a few minutes later your summary got a key detail the wrong way round. The client corrects you, half joking, with an edge in their voice.",
    clientLines: ["No, that’s not what I said. It was the other way around.", "Sometimes I feel like I’m talking to a wall in here."],
    lens: "person_centred",
    suggestedStrategies: ["r_acknowledge_contribution", "r_invite_feelings", "r_listening"],
    modelResponse:
      "You’re right, I got that the wrong way round, and I can understand it feeling like I wasn’t really with you. I’m sorry. Would you tell me again how it went, and also what it’s been like feeling unheard in here?",
    pitfalls: [
      "Explaining why you looked at the clock.",
      "Correcting the client’s experience (‘I am listening’) instead of exploring it.",
    ],
  },
  {
    slug: "confrontation-about-therapist-3",
    title: "“You’re meant to be on my side”",
    ruptureType: "confrontation",
    markers: ["c_about_therapist", "c_rejects_intervention"],
    difficulty: 3,
    context:
      "Eighth session at a community counselling service with a client who has had unhappy experiences with services before. They have been describing a dispute with their landlord. You asked whether there might be another way to see the landlord’s position, and the client’s voice rose sharply.",
    clientLines: [
      "Are you serious? You’re meant to be on my side.",
      "You’re exactly like every other worker I’ve seen. You sit there and judge me.",
      "I don’t even know why I bother coming.",
    ],
    lens: "either",
    suggestedStrategies: ["r_acknowledge_contribution", "r_validate_defence", "r_invite_feelings"],
    modelResponse:
      "I hear you, and I think my question came across as me taking the landlord’s side when you needed me to understand how unfair this has been. That’s on me. I don’t want to be one more person who judges you, so please tell me what I’ve missed.",
    pitfalls: [
      "Explaining the purpose of looking at other perspectives while the client is still angry.",
      "Matching the raised voice, or going cold and formal.",
      "Linking this to the client’s past with other services before they feel heard: it can sound like blame.",
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Confrontation: rejects the therapist's intervention
  {
    slug: "confrontation-rejects-intervention-1",
    title: "“Nah, not lonely”",
    ruptureType: "confrontation",
    markers: ["c_rejects_intervention"],
    difficulty: 1,
    context:
      "Third session at a university counselling clinic. The client has been talking about their first semester living away from home. You reflected that they sounded lonely, and they shook their head, mildly and with a smile.",
    clientLines: ["Nah, not lonely. That’s not quite it.", "It’s more… I don’t know the word."],
    lens: "person_centred",
    suggestedStrategies: ["r_listening", "r_clarify", "r_invite_feelings"],
    modelResponse: "Okay, not lonely: thanks for setting me straight. Take your time. What is it more like, even if the word isn’t there yet?",
    pitfalls: [
      "Defending the reflection (‘but you said you spend most nights alone’).",
      "Offering a string of feeling words so quickly that the client can’t find their own.",
    ],
  },
  {
    slug: "confrontation-rejects-intervention-2",
    title: "“That’s a bit textbook”",
    ruptureType: "confrontation",
    markers: ["c_rejects_intervention", "c_about_activities"],
    difficulty: 2,
    context:
      "A telehealth session, the client’s fifth, in CBT for worry. You introduced the idea of a set daily worry time, and the client gave a small eye-roll before saying it would not work for them. They stay polite, and they do want help with the worry.",
    clientLines: [
      "Yeah, I’ve seen that one online. It’s a bit textbook, no offence.",
      "My brain doesn’t work like that. I can’t just book it in.",
    ],
    lens: "cbt",
    suggestedStrategies: ["r_invite_feelings", "r_change_task_goal", "r_validate_defence"],
    modelResponse:
      "None taken, and fair enough if it sounds too neat. You know your mind better than I do: when is the worry at its worst, and is there some version of setting it aside that might suit how your brain actually works?",
    pitfalls: [
      "Explaining the technique in more detail, which can sound like ‘you’re doing it wrong’.",
      "Dropping the idea entirely without learning what put the client off.",
    ],
  },
  {
    slug: "confrontation-rejects-intervention-3",
    title: "“Stop twisting my words”",
    ruptureType: "confrontation",
    markers: ["c_rejects_intervention", "c_defends_self", "c_about_therapist"],
    difficulty: 3,
    context:
      "Eleventh session of CBT at a community counselling service. Working on a thought record, you suggested that the thought ‘my manager thinks I’m useless’ might be a prediction rather than a fact. The client became heated and said you were taking the manager’s side.",
    clientLines: [
      "It’s not a ‘thought’, it’s what’s happening. You weren’t there.",
      "Every time I tell you something real, you turn it into a thinking error.",
      "Stop twisting my words.",
    ],
    lens: "cbt",
    suggestedStrategies: ["r_acknowledge_contribution", "r_validate_defence", "r_invite_feelings"],
    modelResponse:
      "You’re right that I wasn’t there, and I think I moved to questioning the thought before I’d really understood what happened at work. I don’t want your experience to get turned into a mistake in here. Can you tell me more about what happened, and what it’s like when I do that?",
    pitfalls: [
      "Pressing the cognitive rationale harder; in one small descriptive study this went with poorer outcome, so treat it as a caution.",
      "Backing down so completely that you imply the client’s reading must be right.",
      "Asking for the evidence for and against the thought while the client is still upset.",
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Confrontation: complaint about the activities of therapy
  {
    slug: "confrontation-about-activities-1",
    title: "“I’m not a worksheet person”",
    ruptureType: "confrontation",
    markers: ["c_about_activities"],
    difficulty: 1,
    context:
      "Fifth session at a university training clinic, working on sleep. The client arrives without the sleep diary and tells you cheerfully that forms aren’t for them. They say they are keen to keep working on their sleep.",
    clientLines: ["Look, I’m just not a worksheet person.", "I filled it in for about a day and then it felt like school."],
    lens: "cbt",
    suggestedStrategies: ["r_change_task_goal", "r_invite_feelings", "r_clarify"],
    modelResponse:
      "That’s really useful to know, and ‘like school’ is the last thing I want this to feel like. The idea is just to spot patterns in your sleep: could we find a way of keeping track that suits you better, like a quick note on your phone or talking it through here?",
    pitfalls: [
      "Insisting on the original form because it is the standard one.",
      "Dropping monitoring altogether without agreeing another way to notice patterns.",
    ],
  },
  {
    slug: "confrontation-about-activities-2",
    title: "“Can we just talk?”",
    ruptureType: "confrontation",
    markers: ["c_about_activities"],
    difficulty: 2,
    context:
      "Ninth session at a community counselling service. You have been rehearsing assertive requests through role-play. Partway through today’s, the client stops, laughs awkwardly and says it feels fake, and they look embarrassed.",
    clientLines: ["Honestly, I feel a bit silly doing this.", "Can we just talk? I don’t see how pretending helps."],
    lens: "either",
    suggestedStrategies: ["r_validate_defence", "r_invite_feelings", "r_change_task_goal"],
    modelResponse:
      "It does feel strange, pretending with someone you only know in this room, and I’m glad you said so. What’s the silliest part of it for you? Depending on what you say, we could talk it through first and try a tiny piece later, or leave it.",
    pitfalls: [
      "Pushing on through the role-play so the plan gets covered.",
      "Taking the comment as a judgement of your skill and becoming apologetic.",
    ],
  },
  {
    slug: "confrontation-about-activities-3",
    title: "“It’s written for a kid”",
    ruptureType: "confrontation",
    markers: ["c_about_activities", "c_about_therapist", "c_about_progress"],
    difficulty: 3,
    context:
      "A telehealth session, the client’s thirteenth, in CBT for panic. Before the session you emailed a handout on breathing written in very simple language. The client opens the session angry: it felt patronising, and they have done every exercise for weeks without much change.",
    clientLines: [
      "Did you even read that before you sent it? It’s written for a kid.",
      "I’ve done every single thing you’ve asked for weeks.",
      "I’m starting to think you don’t take me seriously.",
    ],
    lens: "cbt",
    suggestedStrategies: ["r_acknowledge_contribution", "r_invite_feelings", "r_change_task_goal"],
    modelResponse:
      "You’re right to be annoyed: I sent that without thinking about whether it suited you, and I’m sorry it came across as talking down to you. You’ve put a lot of work in, and it sounds like you’re frustrated it hasn’t shifted more. Can we look at that honestly together, including what I could do differently?",
    pitfalls: [
      "Saying the handout is the standard one everyone gets.",
      "Listing the progress made so far before hearing the client’s frustration.",
      "Agreeing a new plan in the first minute so the discomfort ends quickly.",
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Confrontation: complaint about the parameters (time, fees, scheduling)
  {
    slug: "confrontation-about-parameters-1",
    title: "“The time slot is really hard for me”",
    ruptureType: "confrontation",
    markers: ["c_about_parameters"],
    difficulty: 1,
    context:
      "Fourth session at a university counselling clinic. The client, who works shifts, says the only time the clinic offered is making them late for work. They raise it politely at the start of the session.",
    clientLines: [
      "Sorry to bring this up, but the time slot is really hard for me.",
      "I’ve had to leave work early twice now, and my boss isn’t thrilled.",
    ],
    lens: "either",
    suggestedStrategies: ["r_clarify", "r_change_task_goal", "r_listening"],
    modelResponse:
      "Thanks for telling me, and there’s no need to apologise. I’ll check what other times the clinic has; in the meantime, which times would actually work around your shifts?",
    pitfalls: [
      "Explaining the clinic’s booking rules at length before hearing what the client needs.",
      "Promising a change you can’t guarantee.",
    ],
  },
  {
    slug: "confrontation-about-parameters-2",
    title: "“Just as I get to the real stuff”",
    ruptureType: "mixed",
    markers: ["c_about_parameters", "w_deferential"],
    difficulty: 2,
    context:
      "Eighth session at a community counselling service. When you mention there are five minutes left, the client sighs and says time always runs out just as they start to open up, then quickly takes it back. You have noticed the hardest material tends to arrive in the last minutes.",
    clientLines: ["Typical. I finally get to the real stuff and it’s time to go.", "I know, I know. Rules are rules."],
    lens: "person_centred",
    suggestedStrategies: ["r_validate_defence", "r_link_in_session", "r_invite_feelings"],
    modelResponse:
      "It is frustrating to open up and then have to stop, and I don’t want ‘rules are rules’ to be the end of it. I’ve noticed the most important things often come near the end: could we keep a few minutes at the start next time to talk about how we use our time together?",
    pitfalls: [
      "Running over time to make up for it, which blurs the boundary and makes the pattern harder to look at.",
      "Restating the session length as a rule without acknowledging the frustration.",
    ],
  },
  {
    slug: "confrontation-about-parameters-3",
    title: "“Twice in a row”",
    ruptureType: "confrontation",
    markers: ["c_about_parameters", "c_about_therapist"],
    difficulty: 3,
    context:
      "A telehealth session, the client’s tenth, with a private telehealth counselling service. You moved the last two appointments at short notice, once because you were unwell. The client, who pays a gap fee, opens the session angry and says they are thinking of asking for a refund.",
    clientLines: [
      "Twice in a row. Do you know what I had to rearrange to be here?",
      "I pay for this out of my own pocket, and I feel like I’m the only one taking it seriously.",
      "Tell me why I shouldn’t just ask for my money back.",
    ],
    lens: "either",
    suggestedStrategies: ["r_acknowledge_contribution", "r_invite_feelings", "r_clarify"],
    modelResponse:
      "You have every reason to be angry: I moved two sessions at short notice, and you rearranged things and paid to be here. I’m sorry. I’ll find out exactly what the service’s refund arrangements are and tell you honestly, and I’d also like to hear what the changes have meant for you, because I don’t want you feeling like the only one committed to this.",
    pitfalls: [
      "Explaining the reasons for the changes, especially personal ones, before the client feels heard.",
      "Promising anything about fees or refunds that isn’t yours to decide; say what you will find out.",
      "Treating the anger as something to calm down rather than something to understand.",
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Confrontation: complaint about progress in therapy
  {
    slug: "confrontation-about-progress-1",
    title: "“Shouldn’t I be better by now?”",
    ruptureType: "confrontation",
    markers: ["c_about_progress"],
    difficulty: 1,
    context:
      "Sixth session of CBT for low mood at a community counselling service. The client, who has been engaged throughout, asks directly whether they should be further along. They sound calm and curious rather than angry.",
    clientLines: [
      "Can I ask something? Shouldn’t I be feeling better by now?",
      "A friend of mine did this and she said it worked in a few weeks.",
    ],
    lens: "cbt",
    suggestedStrategies: ["r_invite_feelings", "r_clarify", "r_rationale"],
    modelResponse:
      "That’s a really good question, and I’m glad you asked it. People move at different speeds, but it’s worth checking together: what did you hope would have changed by now, and what have you noticed so far?",
    pitfalls: [
      "Reassuring with a general claim (‘it always takes time’) without looking at this client’s progress.",
      "Hearing the question as criticism and listing what has improved.",
    ],
  },
  {
    slug: "confrontation-about-progress-2",
    title: "“We just talk in circles”",
    ruptureType: "confrontation",
    markers: ["c_about_progress", "c_about_activities"],
    difficulty: 2,
    context:
      "Eleventh session at a university counselling clinic, in person-centred counselling the client chose. Without much heat, the client says they enjoy coming but aren’t sure anything is changing. They add that a friend’s counsellor gives her actual strategies.",
    clientLines: [
      "Don’t get me wrong, I like coming here.",
      "But sometimes I feel like we just talk in circles. My friend’s counsellor gives her actual strategies.",
    ],
    lens: "person_centred",
    suggestedStrategies: ["r_invite_feelings", "r_change_task_goal", "r_revisit_formulation"],
    modelResponse:
      "I’m really glad you told me, and it sounds like part of you wants something more concrete from our time. What would ‘actual strategies’ look like for you? I’m open to shaping how we work so it fits what you need.",
    pitfalls: [
      "Explaining why person-centred counselling doesn’t hand out strategies.",
      "Switching to a set of techniques straight away without exploring what the client is after.",
    ],
  },
  {
    slug: "confrontation-about-progress-3",
    title: "“Don’t give me a speech”",
    ruptureType: "confrontation",
    markers: ["c_about_progress", "c_about_therapist", "c_control_pressure"],
    difficulty: 3,
    context:
      "Eighteenth session at a community counselling service, close to the limit of sessions the referral covers. The client opens by saying nothing has changed since they began and that they want a different counsellor. They are angry and talking fast, and you feel a strong urge to list the gains you have seen.",
    clientLines: [
      "Months of this and I’m exactly where I started.",
      "I want to see someone who actually knows what they’re doing.",
      "And don’t give me a speech about how far I’ve come.",
    ],
    lens: "either",
    suggestedStrategies: ["r_validate_defence", "r_acknowledge_contribution", "r_invite_feelings"],
    modelResponse:
      "No speech. It sounds like you’ve put a lot in and haven’t got what you came for, and that’s a painful place to be. You’re entitled to ask for someone else and I’ll help with that if it’s what you want; before you decide, I’d like to understand where you think I’ve missed it.",
    pitfalls: [
      "Listing the gains you have noticed, which the client asked you not to do.",
      "Taking the request for a new counsellor as a personal failure and either pleading or withdrawing.",
      "Refusing to discuss a transfer, which can feel like one more loss of control.",
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Confrontation: defends self against the therapist
  {
    slug: "confrontation-defends-self-1",
    title: "“I do have a life, you know”",
    ruptureType: "confrontation",
    markers: ["c_defends_self"],
    difficulty: 1,
    context:
      "Fifth session at a university training clinic. You asked, lightly, whether the missed exposure practice might have been about avoiding the anxiety. The client sat up and set out their reasons firmly, though still in a friendly way.",
    clientLines: ["It’s got nothing to do with anxiety. I had three assignments due.", "I do have a life outside of this, you know."],
    lens: "cbt",
    suggestedStrategies: ["r_clarify", "r_acknowledge_contribution", "r_listening"],
    modelResponse:
      "Fair point: you had a huge week, and my question assumed something I didn’t know. Let’s look at what the week was actually like, and then work out together whether there’s a realistic time for practice.",
    pitfalls: [
      "Holding on to your avoidance idea and asking the same question in a new form.",
      "Apologising so much that the question of practice quietly disappears.",
    ],
  },
  {
    slug: "confrontation-defends-self-2",
    title: "“So it’s my fault she doesn’t call?”",
    ruptureType: "confrontation",
    markers: ["c_defends_self"],
    difficulty: 2,
    context:
      "A telehealth session, the client’s seventh. The client has been describing how rarely their sister calls. You reflected that they sounded hurt by her distance, and they heard it as a suggestion that they had caused it.",
    clientLines: ["So what, it’s my fault she doesn’t call?", "I’ve tried. You have no idea how much I’ve tried."],
    lens: "person_centred",
    suggestedStrategies: ["r_clarify", "r_validate_defence", "r_listening"],
    modelResponse:
      "No, I didn’t mean it was your fault, and I’m sorry it sounded that way: what I meant was that her distance seems to hurt. And you’re right that I don’t know how much you’ve tried. I’d like to hear.",
    pitfalls: [
      "Explaining in detail what a reflection is meant to do.",
      "Hurrying to reassure without noticing the hurt underneath the defence.",
    ],
  },
  {
    slug: "confrontation-defends-self-3",
    title: "“You sound exactly like them”",
    ruptureType: "confrontation",
    markers: ["c_defends_self", "c_about_therapist"],
    difficulty: 3,
    context:
      "Thirteenth session of CBT at a community counselling service. The client came to counselling after their adult children said they were hard to be around. When you asked about a recent family dinner, the client became heated, listed what the children had done wrong, and said you sounded just like them.",
    clientLines: [
      "Oh, here we go. You sound exactly like them.",
      "I’m the one who does everything in that family, and somehow I’m the problem.",
      "I know what you’re getting at, and you’re wrong.",
    ],
    lens: "cbt",
    suggestedStrategies: ["r_validate_defence", "r_invite_feelings", "r_listening"],
    modelResponse:
      "It sounds like you carry a lot for your family and get blamed instead of thanked, and it makes sense you’d be on guard if I seem to be joining in. I don’t want to be one more person lining up against you. Can we slow down and start with what that dinner was like for you?",
    pitfalls: [
      "Pointing out that the client is doing in the session what the children describe: even if it fits, this early it is likely to be heard as an attack.",
      "Defending the question (‘I only asked about the dinner’).",
      "Agreeing that the children are at fault to calm things down.",
    ],
  },

  // ---------------------------------------------------------------------------------------------
  // Confrontation: tries to control or pressure the therapist
  {
    slug: "confrontation-control-pressure-1",
    title: "“Can’t you just pick for me?”",
    ruptureType: "confrontation",
    markers: ["c_control_pressure"],
    difficulty: 1,
    context:
      "Second session at a university counselling clinic. The client is torn about whether to change courses and asks you to simply tell them which option is right. They are warm and a little pleading.",
    clientLines: ["Can’t you just tell me which one to pick? You must see this all the time.", "I trust your judgement more than mine."],
    lens: "person_centred",
    suggestedStrategies: ["r_clarify", "r_invite_feelings", "r_listening"],
    modelResponse:
      "I can hear how much you want this decision to be over. I’m not going to pick for you, because it’s your life and you know things about it I never will, but I can help you work it through. What makes trusting your own judgement so hard right now?",
    pitfalls: [
      "Giving advice to relieve the client’s distress, and your own.",
      "Refusing flatly without acknowledging the pressure the client is under.",
    ],
  },
  {
    slug: "confrontation-control-pressure-2",
    title: "“I’ve done the agenda already”",
    ruptureType: "confrontation",
    markers: ["c_control_pressure", "c_about_activities"],
    difficulty: 2,
    context:
      "A telehealth session, the client’s eighth, in CBT for perfectionism. The client opens with a typed list of topics and asks you to keep strictly to it, with a set time for each item. Your planned review of last week’s behavioural experiment isn’t on it.",
    clientLines: [
      "I’ve done the agenda, so you don’t need to worry about that.",
      "If we stick to the times we’ll get through all of it.",
      "I’d rather not do the experiment thing today.",
    ],
    lens: "cbt",
    suggestedStrategies: ["r_validate_defence", "r_invite_feelings", "r_link_in_session"],
    modelResponse:
      "You’ve put real care into this, and I’m glad you want to use the time well. I also notice the experiment has quietly dropped off the list, and I’d like to understand that. Could we look at your list together and decide what matters most, including whether the experiment belongs on it?",
    pitfalls: [
      "Taking control back by insisting on your own agenda.",
      "Following the list item by item so the session runs smoothly and nothing difficult is raised.",
      "Calling the list ‘perfectionism in action’ before the client feels understood.",
    ],
  },
  {
    slug: "confrontation-control-pressure-3",
    title: "“Write the letter or I’m done”",
    ruptureType: "confrontation",
    markers: ["c_control_pressure", "c_about_therapist"],
    difficulty: 3,
    context:
      "Ninth session at a community counselling service. The client wants a letter supporting their housing application that says more than you can honestly state from your sessions. When you said you would need to talk with your supervisor first, they became angry and said they would stop coming unless you wrote it today.",
    clientLines: [
      "I don’t need your supervisor. I need a letter.",
      "Everyone else just writes these. What’s your problem?",
      "Write it today, or this is my last session.",
    ],
    lens: "either",
    suggestedStrategies: ["r_validate_defence", "r_clarify", "r_invite_feelings"],
    modelResponse:
      "I can hear how much rides on this application and how frustrating it is to hit another hurdle. I won’t write something I can’t honestly say, and I do want to help: I can tell you today what I could put in a letter from what I know. I’d also like to understand what it’s like to be told ‘not yet’ by one more person.",
    pitfalls: [
      "Giving in and writing the letter to keep the client, which costs your integrity and, in the end, the therapy.",
      "Repeating the rules more firmly each time the client pushes.",
      "Treating the threat to stop as the whole story rather than as a sign of how much is at stake.",
    ],
  },
];
