import type { cohortMembers, cohorts, memberProfiles, memberships, supervisions, users } from "@/db/schema";
import type { Role } from "@/db/schema";
import { DAY, type Rng } from "@/scripts/seed/large/prng";
import { COHORT_NAMES, FIRST_NAMES, LAST_NAMES, POSITIONS } from "@/scripts/seed/large/text";

export type Person = { userId: string; membershipId: string; email: string; name: string; role: Role; joinedAt: Date; active: boolean };
export type Trainee = Person & { cohort: number; supervisor: Person };

export type PeopleSpec = {
  orgId: string;
  domain: string; // e-mail domain, unique per organisation
  admins: number;
  supervisors: number;
  trainees: number;
  cohorts: number;
  /** Trainees 0..busy-1 all go to supervisor 0 (the one with the long review queue); the rest round-robin. */
  busy: number;
  /** Every nth trainee outside the busy group is deactivated (0 = nobody). */
  deactivateEvery: number;
  anchor: number; // ms since epoch: "today" for the data set
  passwordHash: string;
  /** Digits in trainee e-mail numbers (trainee0501@…): 4 unless there are 10,000 or more. */
  traineeDigits?: number;
};

export type People = {
  admins: Person[];
  supervisors: Person[];
  trainees: Trainee[];
  rows: {
    users: (typeof users.$inferInsert)[];
    memberships: (typeof memberships.$inferInsert)[];
    cohorts: (typeof cohorts.$inferInsert)[];
    cohortMembers: (typeof cohortMembers.$inferInsert)[];
    supervisions: (typeof supervisions.$inferInsert)[];
    profiles: (typeof memberProfiles.$inferInsert)[];
  };
  cohortIds: string[];
};

const pad = (n: number, w: number) => String(n).padStart(w, "0");

/** Builds (does not insert) an organisation's people, cohorts and supervision links. */
export function buildPeople(rng: Rng, s: PeopleSpec): People {
  const rows: People["rows"] = { users: [], memberships: [], cohorts: [], cohortMembers: [], supervisions: [], profiles: [] };
  const oldest = s.anchor - (s.cohorts * 30 + 60) * DAY;
  const make = (local: string, role: Role, joinedAt: Date, active = true): Person => {
    const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    const p: Person = { userId: rng.uuid(), membershipId: rng.uuid(), email: `${local}@${s.domain}`, name, role, joinedAt, active };
    rows.users.push({ id: p.userId, email: p.email, name, passwordHash: s.passwordHash, emailVerifiedAt: joinedAt, createdAt: joinedAt });
    rows.memberships.push({ id: p.membershipId, organisationId: s.orgId, userId: p.userId, role, status: active ? "active" : "deactivated", version: active ? 0 : 1, joinedAt });
    return p;
  };

  const admins = Array.from({ length: s.admins }, (_, i) => make(i === 0 ? "coordinator" : `admin${pad(i + 1, 2)}`, "org_admin", new Date(oldest)));
  const supervisors = Array.from({ length: s.supervisors }, (_, i) => make(`supervisor${pad(i + 1, 2)}`, "supervisor", new Date(oldest + rng.int(0, 30) * DAY)));

  const cohortIds = Array.from({ length: s.cohorts }, () => rng.uuid());
  cohortIds.forEach((id, c) => rows.cohorts.push({ id, organisationId: s.orgId, name: COHORT_NAMES[c % COHORT_NAMES.length] + (c >= COHORT_NAMES.length ? ` ${Math.floor(c / COHORT_NAMES.length) + 1}` : ""), createdAt: new Date(oldest + c * 30 * DAY) }));

  const perCohort = Math.ceil(s.trainees / Math.max(1, s.cohorts));
  const trainees: Trainee[] = [];
  for (let i = 0; i < s.trainees; i++) {
    const cohort = s.cohorts ? Math.floor(i / perCohort) : 0;
    const joined = new Date(oldest + 60 * DAY + cohort * 30 * DAY + rng.int(0, 6) * DAY);
    const active = !(s.deactivateEvery > 0 && i >= s.busy && i % s.deactivateEvery === s.deactivateEvery - 1);
    const supervisor = i < s.busy || supervisors.length === 1 ? supervisors[0] : supervisors[1 + ((i - s.busy) % (supervisors.length - 1))];
    const t: Trainee = { ...make(`trainee${pad(i + 1, s.traineeDigits ?? 4)}`, "trainee", joined, active), cohort, supervisor };
    trainees.push(t);
    if (s.cohorts) rows.cohortMembers.push({ organisationId: s.orgId, cohortId: cohortIds[cohort], membershipId: t.membershipId, createdAt: joined });
    rows.supervisions.push({ id: rng.uuid(), organisationId: s.orgId, supervisorMembershipId: supervisor.membershipId, traineeMembershipId: t.membershipId, createdAt: joined });
    rows.profiles.push({ organisationId: s.orgId, membershipId: t.membershipId, position: rng.pick(POSITIONS), pronouns: rng.pick(["", "she/her", "he/him", "they/them"]), completedAt: new Date(joined.getTime() + DAY) });
  }
  return { admins, supervisors, trainees, rows, cohortIds };
}
