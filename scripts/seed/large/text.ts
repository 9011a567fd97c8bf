// Word and sentence banks for the generated data set. Made-up, de-identified, in the voice of
// counselling trainees and supervisors (Australian English). No real names, places or numbers
// in case narratives: the de-identification scanner would rightly flag them.

export const FIRST_NAMES = [
  "Aisha", "Ben", "Chloe", "Daniel", "Emma", "Farid", "Grace", "Hamish", "Isla", "Jack", "Kiara", "Liam", "Mia", "Noah",
  "Olivia", "Priya", "Quinn", "Ruby", "Sienna", "Tom", "Uma", "Vikram", "Willow", "Xavier", "Yasmin", "Zac", "Amelia",
  "Bodhi", "Charlotte", "Dylan", "Ella", "Finn", "Georgia", "Harper", "Ivy", "Jasper", "Lachlan", "Matilda", "Nikhil",
  "Oscar", "Phoebe", "Rosie", "Sam", "Tahlia", "Ursula", "Violet", "Wei", "Yusuf", "Zara", "Archie", "Bree", "Cooper",
  "Darcy", "Eli", "Frankie", "Hugo", "Imogen", "Jun", "Kai", "Lucy", "Mei", "Nina", "Patrick", "Sofia",
];

export const LAST_NAMES = [
  "Anderson", "Brown", "Chen", "Davies", "Edwards", "Fraser", "Gupta", "Harris", "Ibrahim", "Jones", "Kelly", "Lee",
  "Martin", "Nguyen", "O'Brien", "Patel", "Quach", "Robinson", "Smith", "Taylor", "Upton", "Vu", "Walker", "Xu", "Young",
  "Zhang", "Campbell", "Murphy", "Singh", "Wilson", "Thompson", "White", "Hall", "Clarke", "Mitchell", "Ryan", "Khan",
  "Ali", "Tran", "Lim", "Wright", "Scott", "Green", "Baker", "Adams", "Hill", "Wood", "Morris", "Hughes", "Cooper",
];

export const COHORT_NAMES = [
  "February intake", "March intake", "April intake", "May intake", "June intake",
  "July intake", "August intake", "September intake", "October intake", "November intake",
];

export const POSITIONS = ["Counselling trainee", "Provisional psychologist", "Master of Counselling student", "Intern counsellor"];

export const OPENINGS = [
  "The client arrived a few minutes late and said the week had been fine, but sat with their coat on and looked at the floor.",
  "We had agreed at the start to review the between-session task, a thought record about a disagreement at work.",
  "Early in the session the client said that talking about the past felt pointless and asked what the plan was.",
  "The client began by describing a difficult week and then moved quickly to a long story about a neighbour's renovations.",
  "Halfway through, the client went quiet after I suggested we look at the pattern we had mapped last time.",
  "The client opened by saying they had nearly cancelled because they were not sure the sessions were helping.",
  "We started with the usual check-in and the client rated their mood as four out of ten, lower than last session.",
  "The client said they had not done the homework because writing things down made them feel like a school student.",
];

export const MIDDLES = [
  "I noticed a pull to explain the rationale again and did, at some length, while the client gave shorter and shorter answers.",
  "When I asked how the task had gone, the client laughed and said it was fine, though their voice was flat.",
  "The client said I sounded like everyone else who tells them what to do, and that they wanted someone who would just listen.",
  "I reflected that the client seemed tense and they shrugged and changed the subject to something that had happened at the shops.",
  "The client asked whether we could move to a different time because the current slot was hard with work, and sounded irritated.",
  "I tried to bring us back to the goal we had agreed, and the client agreed with everything I said without much feeling.",
  "The client said the exercises felt like a checklist and questioned whether I understood what they were dealing with.",
  "There was a long pause after I named the pattern, and the client said quietly that maybe they were just too sensitive.",
  "I wondered aloud whether the homework discussion had left them feeling judged, and the client said a bit.",
  "The client described feeling criticised by their manager and then said that sometimes they feel the same way in here.",
];

export const CLOSINGS = [
  "I acknowledged that I had pushed the worksheet too hard and asked what would be more useful, and the client softened.",
  "We agreed to try a shorter version of the task and the client said they felt some hope for the first time in weeks.",
  "By the end the client was talking more freely, although the question of homework is still open.",
  "We ran out of time before we could come back to it, and the client left saying they would think about it.",
  "The client said it helped that I had asked, and we agreed to check in about how sessions are going at the start of next week.",
  "I summarised what I had heard and the client corrected part of it, which felt like a useful moment of collaboration.",
];

export const CONTRIBUTIONS = [
  "I think my wish to be helpful turned into explaining rather than listening.",
  "I moved to the technique before checking that we agreed on why we were doing it.",
  "I felt anxious when the client went quiet and filled the silence instead of staying with it.",
  "I took the complaint personally for a moment and became a little defensive in my tone.",
  "I missed the early marker of withdrawal because I was focused on getting through the agenda.",
  "My own discomfort with anger made it hard to invite the client's frustration about the sessions.",
  "I was more directive than usual because I was worried about the number of sessions left.",
];

export const NEXT_TIMES = [
  "Next time I would check in about the task before explaining anything, and invite the client to say what did not work.",
  "I would slow down when the client goes quiet and name what I notice rather than moving on.",
  "I want to ask directly how the client is finding our work together, earlier in the session.",
  "I would acknowledge my part sooner and then explore what the moment was like for the client.",
  "I plan to revisit the goals with the client so that the tasks make sense to both of us.",
  "I would use more reflections and summaries before offering any new idea.",
];

export const EVIDENCE = [
  "The client kept eye contact and responded to my reflections throughout.",
  "The client described feeling anxious and unsure about whether therapy could help.",
  "I noticed my own irritation and chose to name my part rather than hide it.",
  "I felt warmly towards the client even when they were critical of the sessions.",
  "My summary captured the client's frustration and they said that was right.",
  "The client said it helped that I had asked, which suggests they felt understood.",
  "Hard to judge from this session alone: the client said little about how they experienced me.",
  "The shift in the client's tone after I acknowledged my part suggests some sense of being accepted.",
];

export const COMMENTS: Record<"intervention" | "conceptualisation" | "personalisation", string[]> = {
  intervention: [
    "Nice work naming the withdrawal. Next time try inviting the client's view before offering the rationale.",
    "Your acknowledgement of your own part was well timed. Consider following it with an open question about the moment.",
    "The summary near the end was helpful. It could have come earlier, when the client first went quiet.",
    "Think about slowing the pace here: several interventions in a row may have felt like pressure.",
  ],
  conceptualisation: [
    "How does this rupture fit the pattern you described in the client's other relationships?",
    "It might help to look at this through Bordin's model: was this mainly about tasks rather than the bond?",
    "Consider how the client's self-criticism links to the withdrawal markers you noted.",
    "Your formulation could say more about what the client needs from you when they feel judged.",
  ],
  personalisation: [
    "You noticed your anxiety in the silence. What do you think it was about for you?",
    "It sounds like the complaint landed personally. Let's talk about that in supervision.",
    "Well done for being open about your defensiveness; that takes courage.",
    "Notice the pull to fix. Where else do you feel it in your work?",
  ],
};

export const WHAT_TO_CHANGE = [
  "Please say more about your own contribution to the rupture, with a specific moment from the session.",
  "Add what you would do differently next time, linked to one of the resolution strategies.",
  "The narrative describes what happened but not how the client responded to your repair attempt. Please add it.",
  "Please revisit your self-assessment of condition 5 with evidence from the session.",
  "Describe the markers you noticed in the client's words or behaviour, not only your impression.",
];

export const REOPEN_REASONS = [
  "The trainee asked to add what happened in the following session, which changes the outcome.",
  "Reopened so the trainee can revise the self-assessment after our supervision discussion.",
  "Signed off too early: the narrative needs a clearer account of the repair attempt.",
];
