import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organisations, practiceAssignees, practiceAssignments, practiceAttempts, practiceDrills, practiceDrillVersions, practiceFeedback, users } from "@/db/schema";
import { shippedDrills } from "@/lib/practice/library";
import type { Drill } from "@/lib/practice/types";

// Demo practice for Harbourside (idempotent: nothing is added once the demo trainee has practised):
// the trainee's typed responses to two of Rapport's drills, one of them tried twice, with the
// supervisor's feedback on each; a drill of the organisation's own; and a drill set for the
// trainee, due in a week. No recordings: the demo ships no audio.

const OWN_DRILL = {
  title: "The fee increase",
  ruptureType: "confrontation",
  markers: ["c_about_parameters", "c_defends_self"],
  difficulty: 1,
  context: "Session twelve. Last week the centre's letter about next year's fees went out. The client sits down and doesn't take their coat off.",
  clientLines: ["So I'm paying more now. For what, exactly?", "It's not like anything's changed in here."],
  lens: "The pull to explain the centre's reasons before hearing what the letter meant to the client.",
  suggestedStrategies: ["r_invite_feelings", "r_acknowledge_contribution"],
  modelResponse: "You're paying more, and it doesn't feel like you're getting more from me. That's important to say. Can we look at what hasn't changed for you in here?",
  pitfalls: ["Explaining the centre's costs.", "Reassuring the client that progress is being made before hearing their view."],
};

export async function seedDemoPractice(db: Db): Promise<boolean> {
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, "harbourside"));
  if (!org) return false;
  const member = async (email: string) =>
    (
      await db
        .select({ id: memberships.id })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organisationId, org.id), sql`lower(${users.email}) = ${email}`))
    )[0];
  const trainee = await member("trainee@harbourside.example");
  const supervisor = await member("supervisor@harbourside.example");
  const admin = await member("admin@harbourside.example");
  if (!trainee || !supervisor || !admin) return false;
  const [done] = await db.select({ id: practiceAttempts.id }).from(practiceAttempts).where(and(eq(practiceAttempts.organisationId, org.id), eq(practiceAttempts.traineeMembershipId, trainee.id))).limit(1);
  if (done) return false;
  const library = shippedDrills();
  const pick = (type: string, level: number) => library.find((d) => d.ruptureType === type && d.difficulty === level) ?? library[0];
  const first: Drill | undefined = pick("withdrawal", 1);
  const second: Drill | undefined = pick("confrontation", 2);
  const third: Drill | undefined = pick("withdrawal", 2);
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

  await db.transaction(async (tx) => {
    const [own] = await tx.insert(practiceDrills).values({ organisationId: org.id, createdByMembershipId: admin.id }).returning();
    await tx.insert(practiceDrillVersions).values({ organisationId: org.id, drillId: own.id, number: 1, ...OWN_DRILL });
    if (!first || !second) return;
    const attempt = async (d: Drill, text: string, at: Date, scores: [number, number, number], strategies: string[], comment: string) => {
      const [a] = await tx
        .insert(practiceAttempts)
        .values({ organisationId: org.id, traineeMembershipId: trainee.id, drillSlug: d.key, drillTitle: d.title, drillDifficulty: d.difficulty, drillMarkers: d.markers, mode: "typed", responseText: text, secondsSpent: 420, createdAt: at })
        .returning();
      await tx.insert(practiceFeedback).values({
        organisationId: org.id,
        attemptId: a.id,
        reviewerMembershipId: supervisor.id,
        strategies,
        attunement: scores[0],
        nonDefensiveness: scores[1],
        invitation: scores[2],
        comment,
        createdAt: new Date(at.getTime() + 86_400_000),
        updatedAt: new Date(at.getTime() + 86_400_000),
      });
    };
    await attempt(first, "Let's get back to what we were talking about: how was your week at work?", daysAgo(20), [2, 3, 1], ["r_redirect"], "You moved on quickly. What might the silence have been saying about us?");
    await attempt(
      first,
      "I notice things went quiet when I asked about that. I might have pushed a bit fast. What was it like to be asked?",
      daysAgo(12),
      [4, 4, 4],
      ["r_acknowledge_contribution", "r_invite_feelings"],
      "Much better: you named the moment and owned your part without over-apologising.",
    );
    await attempt(second, "I can hear that you're frustrated with how this is going. Tell me more about what hasn't been helpful.", daysAgo(5), [4, 3, 3], ["r_invite_feelings", "r_listening"], "Good invitation. Stay with the criticism a moment longer before asking for more.");
    if (third) {
      const [set] = await tx
        .insert(practiceAssignments)
        .values({ organisationId: org.id, drillSlug: third.key, dueOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10), assignedByMembershipId: supervisor.id })
        .returning();
      await tx.insert(practiceAssignees).values({ organisationId: org.id, assignmentId: set.id, traineeMembershipId: trainee.id });
    }
  });
  return true;
}
