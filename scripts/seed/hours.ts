import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { hourApprovals, hourEntries, hourRequirementSets, memberships, organisations, placements, sessionAttendees, supervisionSessions, traineePlacements, traineePlacementSupervisors, users } from "@/db/schema";
import { addDays, today, weekStart } from "@/lib/hours/days";
import { standardSet } from "@/lib/hours/standard-sets";

// Demo practicum hours for Harbourside (idempotent: nothing is added once its placement exists):
// the demo trainee is placed at a community centre with the demo supervisor, has hours in every
// state (approved, waiting, returned, draft) and a supervision session, and the organisation
// measures them against PACFA's training requirements.

const SITE = "Harbourside Community Counselling Centre";

export async function seedDemoHours(db: Db): Promise<boolean> {
  const [org] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, "harbourside"));
  if (!org) return false;
  const [existing] = await db.select({ id: placements.id }).from(placements).where(and(eq(placements.organisationId, org.id), eq(placements.name, SITE)));
  if (existing) return false;
  const member = async (email: string) =>
    (
      await db
        .select({ id: memberships.id, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organisationId, org.id), sql`lower(${users.email}) = ${email}`))
    )[0];
  const trainee = await member("trainee@harbourside.example");
  const supervisor = await member("supervisor@harbourside.example");
  if (!trainee || !supervisor) return false;
  const monday = weekStart(today());
  const day = (weeksAgo: number, d: number) => addDays(monday, -7 * weeksAgo + d);
  await db.transaction(async (tx) => {
    const [site] = await tx.insert(placements).values({ organisationId: org.id, name: SITE, kind: "community_agency" }).returning();
    await tx.insert(placements).values({ organisationId: org.id, name: "Harbourside Campus Clinic", kind: "university_clinic" });
    const [tp] = await tx.insert(traineePlacements).values({ organisationId: org.id, placementId: site.id, traineeMembershipId: trainee.id, startsOn: day(6, 0) }).returning();
    await tx.insert(traineePlacementSupervisors).values({ organisationId: org.id, traineePlacementId: tp.id, supervisorMembershipId: supervisor.id });
    const std = standardSet("pacfa-training-2026")!;
    await tx.insert(hourRequirementSets).values({ organisationId: org.id, name: std.name, description: std.description, source: std.source, standardKey: std.key, rules: std.rules });

    // Three weeks approved in one signature each.
    const base = { organisationId: org.id, traineeMembershipId: trainee.id, traineePlacementId: tp.id, createdVia: "form" } as const;
    for (const w of [4, 3, 2]) {
      const rows = [
        { occurredOn: day(w, 0), minutes: 120, category: "direct_individual" },
        { occurredOn: day(w, 1), minutes: 60, category: "direct_couple_family" },
        { occurredOn: day(w, 2), minutes: 90, category: "direct_group" },
        { occurredOn: day(w, 2), minutes: 45, category: "indirect_notes" },
        { occurredOn: day(w, 3), minutes: 30, category: "indirect_preparation" },
        { occurredOn: day(w, 3), minutes: 60, category: "indirect_case_conference" },
        { occurredOn: day(w, 4), minutes: 60, category: "skills_practice", note: "Role-play with a peer" },
      ];
      const [a] = await tx
        .insert(hourApprovals)
        .values({ organisationId: org.id, supervisorMembershipId: supervisor.id, attestation: supervisor.name, via: "review", entryCount: rows.length, minutes: rows.reduce((n, r) => n + r.minutes, 0), approvedAt: new Date(`${day(w, 5)}T08:00:00Z`) })
        .returning();
      await tx.insert(hourEntries).values(rows.map((r) => ({ ...base, ...r, status: "approved" as const, approvalId: a.id, submittedAt: new Date(`${day(w, 4)}T08:00:00Z`) })));
    }
    // Last week: waiting for approval, and one returned.
    await tx.insert(hourEntries).values([
      { ...base, occurredOn: day(1, 0), minutes: 120, category: "direct_individual", status: "submitted", submittedAt: new Date() },
      { ...base, occurredOn: day(1, 2), minutes: 45, category: "indirect_notes", status: "submitted", submittedAt: new Date() },
      { ...base, occurredOn: day(1, 1), minutes: 90, category: "direct_group", status: "returned", submittedAt: new Date(), returnedAt: new Date(), returnedByMembershipId: supervisor.id, returnReason: "The group ran for an hour, not an hour and a half: please check your diary." },
      { ...base, occurredOn: day(0, 0), minutes: 60, category: "direct_individual", status: "draft", createdVia: "grid" },
    ]);
    // A group supervision session the trainee attended.
    const [sa] = await tx.insert(hourApprovals).values({ organisationId: org.id, supervisorMembershipId: supervisor.id, attestation: supervisor.name, via: "session", entryCount: 1, minutes: 90 }).returning();
    const [session] = await tx
      .insert(supervisionSessions)
      .values({ organisationId: org.id, supervisorMembershipId: supervisor.id, occurredOn: day(2, 4), minutes: 90, kind: "group", agenda: "Withdrawal ruptures: noticing minimal responses early.", notes: "", approvalId: sa.id })
      .returning();
    await tx.insert(sessionAttendees).values({ organisationId: org.id, sessionId: session.id, traineeMembershipId: trainee.id });
    await tx.insert(hourEntries).values({ organisationId: org.id, traineeMembershipId: trainee.id, sessionId: session.id, occurredOn: day(2, 4), minutes: 90, category: "supervision_group", note: "Group supervision session", status: "approved", approvalId: sa.id, createdVia: "session", submittedAt: new Date() });
  });
  return true;
}
