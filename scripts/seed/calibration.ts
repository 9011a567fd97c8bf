import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { calibrationCases, calibrationParticipants, calibrationRounds, memberships, organisations, users, type StoredReviewEntry } from "@/db/schema";
import { hashPassword } from "@/lib/auth/hash";
import { EXEMPLARS } from "@/lib/calibration/exemplars";
import { DEMO_PASSWORD } from "./demo";

// Demo supervisor calibration for Harbourside (idempotent: nothing is added once it has a round):
// two closed rounds on Rapport's exemplars, three supervisors each, the later one closer in its
// ratings, with a discussion note, so the results and the trend have something to show.

const SUPERVISORS = [
  { email: "supervisor@harbourside.example", name: "Sam Supervisor" },
  { email: "supervisor2@harbourside.example", name: "Robin Clinician" },
  { email: "supervisor3@harbourside.example", name: "Kai Reviewer" },
];

type R = "not_evident" | "partly_evident" | "clearly_evident" | "not_assessable";
const rated = (notes: [string, string], ratings: Partial<Record<"c3_congruence" | "c4_upr" | "c5_empathy" | "c6_perceived", R>>): Record<string, StoredReviewEntry> => ({
  c1_contact: { note: notes[0] },
  c2_client_incongruence: { note: notes[1] },
  ...Object.fromEntries(Object.entries(ratings).map(([c, r]) => [c, { rating: r!, evidence: "As the narrative describes it." }])),
});

const ROUNDS = [
  {
    name: "Autumn calibration",
    key: "withdrawal-homework",
    daysAgo: 60,
    note: "We differed most on empathy: two of us read the explanations as an attempt to help, one as missing the client's discouragement. Agreed to rate what the narrative shows the trainee understood, not their intention.",
    reviews: [
      { decision: "changes_requested" as const, ratings: rated(["Contact held but thinned.", "Shame under compliance."], { c3_congruence: "partly_evident", c5_empathy: "partly_evident" }) },
      { decision: "signed_off" as const, ratings: rated(["Contact held.", "Anxious about the task."], { c3_congruence: "clearly_evident", c5_empathy: "not_evident", c6_perceived: "partly_evident" }) },
      { decision: "changes_requested" as const, ratings: rated(["Present but withdrawing.", "Discouraged."], { c3_congruence: "not_evident", c5_empathy: "not_evident", c6_perceived: "not_assessable" }) },
    ],
  },
  {
    name: "Spring calibration",
    key: "confrontation-not-helping",
    daysAgo: 10,
    note: "Closer this time. We agreed that the recovery after the defensive reply counts for empathy, and that regard wavering under criticism is partly evident, not absent.",
    reviews: [
      { decision: "signed_off" as const, ratings: rated(["Full contact.", "Hurt shown as anger."], { c3_congruence: "partly_evident", c4_upr: "partly_evident", c5_empathy: "clearly_evident" }) },
      { decision: "signed_off" as const, ratings: rated(["Engaged throughout.", "Anxious about progress."], { c3_congruence: "partly_evident", c4_upr: "partly_evident", c5_empathy: "clearly_evident", c6_perceived: "partly_evident" }) },
      { decision: "changes_requested" as const, ratings: rated(["Strong contact.", "Vulnerable."], { c3_congruence: "not_evident", c4_upr: "partly_evident", c5_empathy: "clearly_evident" }) },
    ],
  },
];

export async function seedDemoCalibration(db: Db): Promise<boolean> {
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, "harbourside"));
  if (!org) return false;
  const [existing] = await db.select({ n: sql<number>`count(*)::int` }).from(calibrationRounds).where(eq(calibrationRounds.organisationId, org.id));
  if (existing.n > 0) return false;
  const [admin] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, org.id), sql`lower(${users.email}) = 'admin@harbourside.example'`));
  if (!admin) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const sup: string[] = [];
    for (const s of SUPERVISORS) {
      const [found] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${s.email}`);
      const userId = found?.id ?? (await tx.insert(users).values({ email: s.email, name: s.name, passwordHash, emailVerifiedAt: new Date() }).returning())[0].id;
      const [m] = await tx
        .insert(memberships)
        .values({ organisationId: org.id, userId, role: "supervisor" })
        .onConflictDoUpdate({ target: [memberships.organisationId, memberships.userId], set: { role: "supervisor" } })
        .returning({ id: memberships.id });
      sup.push(m.id);
    }
    for (const r of ROUNDS) {
      const ex = EXEMPLARS.find((e) => e.key === r.key)!;
      const [ref] = await tx
        .insert(calibrationCases)
        .values({
          organisationId: org.id,
          source: "exemplar",
          exemplarKey: ex.key,
          title: ex.title,
          codeListVersion: "2026.2",
          content: ex.content as unknown as Record<string, unknown>,
          referenceReview: { ...ex.reference, ratings: Object.fromEntries(Object.entries(ex.reference.ratings).filter(([, v]) => v)) as Record<string, StoredReviewEntry> },
        })
        .returning({ id: calibrationCases.id });
      const openedAt = new Date(Date.now() - r.daysAgo * 86_400_000);
      const closedAt = new Date(openedAt.getTime() + 7 * 86_400_000);
      const [round] = await tx
        .insert(calibrationRounds)
        .values({ organisationId: org.id, name: r.name, referenceCaseId: ref.id, openedByMembershipId: admin.id, openedAt, closedAt, closedByMembershipId: admin.id, discussionNote: r.note, noteUpdatedAt: closedAt, version: 2 })
        .returning({ id: calibrationRounds.id });
      await tx.insert(calibrationParticipants).values(
        r.reviews.map((v, i) => ({ organisationId: org.id, roundId: round.id, membershipId: sup[i], invitedAt: openedAt, ratings: v.ratings, decision: v.decision, whatToChange: v.decision === "changes_requested" ? "Say more about your own part." : null, submittedAt: new Date(openedAt.getTime() + (i + 1) * 86_400_000) })),
      );
    }
  });
  return true;
}
