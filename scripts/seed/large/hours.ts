import type { hourApprovals, hourEntries, hourRequirementSets, placements, sessionAttendees, supervisionSessions, traineePlacements, traineePlacementSupervisors } from "@/db/schema";
import type { CategoryCode } from "@/lib/hours/categories";
import { standardSet } from "@/lib/hours/standard-sets";
import type { Person, Trainee } from "./people";
import { DAY, type Rng } from "./prng";

// Practicum hours for a generated organisation: placement sites, each active trainee placed with
// their supervisor, entries in every state (mostly approved a week at a time under one signature),
// a few group supervision sessions, and the PACFA requirement set. One trainee can be given many
// entries (the benchmark's ledger of 2,000).

/**
 * perTrainee entries each; `heavy` gives one trainee a long ledger. With `sql`, only the heavy
 * ledger and the sessions are built here: everyone else's entries are generated inside the
 * database (hours-sql.ts), which is what makes two million of them take seconds.
 */
export type HoursSpec = { perTrainee: number; heavy?: { index: number; entries: number }; sql?: boolean };

export type HoursRows = {
  placements: (typeof placements.$inferInsert)[];
  traineePlacements: (typeof traineePlacements.$inferInsert)[];
  supervisors: (typeof traineePlacementSupervisors.$inferInsert)[];
  approvals: (typeof hourApprovals.$inferInsert)[];
  entries: (typeof hourEntries.$inferInsert)[];
  sessions: (typeof supervisionSessions.$inferInsert)[];
  attendees: (typeof sessionAttendees.$inferInsert)[];
  sets: (typeof hourRequirementSets.$inferInsert)[];
};

const SITES = ["Northside Community Centre", "Riverbend Family Service", "Eastgate Youth Hub", "Bayside Health Clinic", "Southbank Schools Program", "Westfield Men's Shed", "Hillcrest Aged Care", "Lakeside Relationship Service"];
const WEIGHTS: readonly (readonly [CategoryCode, number])[] = [
  ["direct_individual", 30],
  ["direct_couple_family", 8],
  ["direct_group", 8],
  ["indirect_notes", 18],
  ["indirect_preparation", 10],
  ["indirect_case_conference", 6],
  ["supervision_individual", 8],
  ["supervision_group", 6],
  ["skills_practice", 6],
];
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function buildHours(rng: Rng, orgId: string, trainees: Trainee[], supervisors: Person[], anchor: number, spec: HoursSpec): HoursRows {
  const rows: HoursRows = { placements: [], traineePlacements: [], supervisors: [], approvals: [], entries: [], sessions: [], attendees: [], sets: [] };
  const sites = SITES.map((name) => ({ id: rng.uuid(), organisationId: orgId, name, kind: "community_agency", createdAt: new Date(anchor - 800 * DAY) }));
  rows.placements.push(...sites);
  const std = standardSet("pacfa-training-2026")!;
  rows.sets.push({ id: rng.uuid(), organisationId: orgId, name: std.name, description: std.description, source: std.source, standardKey: std.key, rules: std.rules });
  trainees.forEach((t, i) => {
    if (!t.active) return;
    const tp = { id: rng.uuid(), organisationId: orgId, placementId: sites[i % sites.length].id, traineeMembershipId: t.membershipId, createdAt: t.joinedAt };
    rows.traineePlacements.push(tp);
    rows.supervisors.push({ organisationId: orgId, traineePlacementId: tp.id, supervisorMembershipId: t.supervisor.membershipId });
    const heavy = spec.heavy && spec.heavy.index === i;
    const count = heavy ? spec.heavy!.entries : spec.sql ? 0 : spec.perTrainee;
    // About three entries a working day, back from the anchor: the last week waits for approval,
    // a few are returned or still drafts, the rest approved one signature per week.
    const perWeek = 15;
    let approval: { id: string; week: number; minutes: number; count: number } | null = null;
    for (let k = 0; k < count; k++) {
      const week = Math.floor(k / perWeek);
      const when = anchor - (week * 7 + 1 + ((k % perWeek) % 5)) * DAY;
      const category = rng.weighted(WEIGHTS);
      const minutes = rng.pick([30, 45, 60, 60, 90, 120]);
      const status = week === 0 ? (k % 7 === 3 ? "draft" : "submitted") : week === 1 && k % 11 === 0 ? "returned" : "approved";
      let approvalId: string | null = null;
      if (status === "approved") {
        if (!approval || approval.week !== week) {
          approval = { id: rng.uuid(), week, minutes: 0, count: 0 };
          rows.approvals.push({ id: approval.id, organisationId: orgId, supervisorMembershipId: t.supervisor.membershipId, attestation: t.supervisor.name, via: "review", entryCount: 0, minutes: 0, approvedAt: new Date(anchor - (week * 7 - 2) * DAY) });
        }
        approval.minutes += minutes;
        approval.count += 1;
        const row = rows.approvals[rows.approvals.length - 1];
        row.minutes = approval.minutes;
        row.entryCount = approval.count;
        approvalId = approval.id;
      }
      rows.entries.push({
        id: rng.uuid(),
        organisationId: orgId,
        traineeMembershipId: t.membershipId,
        traineePlacementId: tp.id,
        occurredOn: day(when),
        minutes,
        category,
        note: category === "skills_practice" ? "Role-play with a peer" : "",
        status,
        createdVia: "form",
        submittedAt: status === "draft" ? null : new Date(when + DAY),
        returnedAt: status === "returned" ? new Date(when + 2 * DAY) : null,
        returnedByMembershipId: status === "returned" ? t.supervisor.membershipId : null,
        returnReason: status === "returned" ? "Please check the category." : null,
        approvalId,
        createdAt: new Date(when + DAY / 2),
        updatedAt: new Date(when + DAY),
      });
    }
  });
  // Two group sessions per supervisor, with up to five of their trainees each.
  for (const s of supervisors) {
    const theirs = trainees.filter((t) => t.active && t.supervisor.membershipId === s.membershipId);
    if (theirs.length === 0) continue;
    for (let n = 0; n < 2; n++) {
      const attendees = rng.some(theirs, 5);
      const minutes = 90;
      const approvalId = rng.uuid();
      const sessionId = rng.uuid();
      const on = day(anchor - (7 * n + 3) * DAY);
      rows.approvals.push({ id: approvalId, organisationId: orgId, supervisorMembershipId: s.membershipId, attestation: s.name, via: "session", entryCount: attendees.length, minutes: minutes * attendees.length, approvedAt: new Date(anchor - (7 * n + 3) * DAY) });
      rows.sessions.push({ id: sessionId, organisationId: orgId, supervisorMembershipId: s.membershipId, occurredOn: on, minutes, kind: "group", agenda: "Ruptures this fortnight.", approvalId });
      for (const a of attendees) {
        rows.attendees.push({ organisationId: orgId, sessionId, traineeMembershipId: a.membershipId });
        rows.entries.push({ id: rng.uuid(), organisationId: orgId, traineeMembershipId: a.membershipId, sessionId, occurredOn: on, minutes, category: "supervision_group", note: "Group supervision session", status: "approved", createdVia: "session", approvalId, submittedAt: new Date(anchor - (7 * n + 3) * DAY) });
      }
    }
  }
  return rows;
}
