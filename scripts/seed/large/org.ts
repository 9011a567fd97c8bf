import { and, asc, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  caseComments,
  caseReviews,
  cases,
  caseTransitions,
  caseVersions,
  certificates,
  checkAttempts,
  hourApprovals,
  hourEntries,
  hourRequirementSets,
  placements,
  sessionAttendees,
  supervisionSessions,
  traineePlacements,
  traineePlacementSupervisors,
  cohortMembers,
  cohorts,
  lessonProgress,
  lessons,
  memberProfiles,
  memberships,
  moduleActivity,
  moduleRequirements,
  modules,
  organisations,
  supervisions,
  users,
} from "@/db/schema";
import { buildCases } from "./cases";
import { buildHours, type HoursSpec } from "./hours";
import { copyRows } from "./copy";
import { buildPeople, type People, type PeopleSpec } from "./people";
import { buildProgress, buildRequirements, emptyProgressRows, modulesDoneFor, type CurriculumModule, type ProgressRows } from "./progress";
import { DAY, Rng } from "./prng";

export type OrgSpec = Omit<PeopleSpec, "orgId" | "passwordHash"> & {
  name: string;
  slug: string;
  casesPerTrainee: number;
  hours?: HoursSpec;
  chunk?: number;
  /** A trainee (by index) with finished modules and none under way, as the benchmark's trainee is at scale 1. */
  settledTrainee?: number;
};
export type SeededOrg = { orgId: string; people: People; counts: Record<string, number> };

/** The built-in curriculum as stored by syncContent (run prepareDatabase first). */
export async function loadCurriculumRows(db: Db): Promise<CurriculumModule[]> {
  const mods = await db.select().from(modules).where(isNull(modules.retiredAt)).orderBy(asc(modules.position));
  const ls = await db.select({ id: lessons.id, moduleId: lessons.moduleId }).from(lessons).where(and(isNull(lessons.retiredAt))).orderBy(asc(lessons.position));
  return mods.map((m) => ({
    id: m.id,
    slug: m.slug,
    title: m.title,
    version: m.version,
    position: m.position,
    check: m.knowledgeCheck,
    lessonIds: ls.filter((l) => l.moduleId === m.id).map((l) => l.id),
  }));
}

type Log = (msg: string) => void;

/**
 * Builds one organisation and inserts it: its people first, then the trainees' cases and
 * training records `chunk` trainees at a time (all at once by default), so the ×10 data set never
 * holds more than a slice of its rows in memory. The random stream is consumed in the same order
 * whatever the insert order, so one chunk gives exactly the rows of earlier versions.
 */
export async function seedOrg(db: Db, rng: Rng, spec: OrgSpec, ctx: { passwordHash: string; curriculum: CurriculumModule[]; log?: Log }): Promise<SeededOrg> {
  const log = ctx.log ?? (() => {});
  const orgId = rng.uuid();
  const people = buildPeople(rng, { ...spec, orgId, passwordHash: ctx.passwordHash });
  const mods = ctx.curriculum;

  const counts: Record<string, number> = {};
  const times: Record<string, number> = {};
  const put = async <T extends Parameters<typeof copyRows>[1]>(name: string, table: T, rows: T["$inferInsert"][]) => {
    const t0 = Date.now();
    counts[name] = (counts[name] ?? 0) + (await copyRows(db, table, rows));
    times[name] = (times[name] ?? 0) + (Date.now() - t0);
  };
  const oldest = Math.min(...people.rows.memberships.map((m) => (m.joinedAt as Date).getTime()));
  const orgCreated = Math.min(spec.anchor - 400 * DAY, oldest - 30 * DAY);
  await put("organisations", organisations, [{ id: orgId, name: spec.name, slug: spec.slug, verifiedAt: new Date(spec.anchor), createdAt: new Date(orgCreated) }]);
  await put("users", users, people.rows.users);
  await put("memberships", memberships, people.rows.memberships);
  await put("cohorts", cohorts, people.rows.cohorts);
  await put("cohort_members", cohortMembers, people.rows.cohortMembers);
  await put("supervisions", supervisions, people.rows.supervisions);
  await put("member_profiles", memberProfiles, people.rows.profiles);

  const trainees = people.trainees;
  const chunk = Math.max(1, spec.chunk ?? trainees.length);
  for (let i = 0; i < people.trainees.length; i += chunk) {
    const part = people.trainees.slice(i, i + chunk);
    const caseRows = buildCases(rng, orgId, part, spec.casesPerTrainee, spec.anchor);
    const progress = emptyProgressRows();
    part.forEach((t, j) => {
      const done = modulesDoneFor(rng, t, spec.cohorts, mods.length);
      buildProgress(rng, progress, orgId, t, mods, done, spec.anchor, spec.settledTrainee === i + j ? { startNext: false } : {});
    });
    await put("cases", cases, caseRows.cases);
    await put("case_versions", caseVersions, caseRows.versions);
    await put("case_transitions", caseTransitions, caseRows.transitions);
    await put("case_reviews", caseReviews, caseRows.reviews);
    await put("case_comments", caseComments, caseRows.comments);
    await putProgress(put, progress);
    if (chunk < people.trainees.length) log(`  trainees ${(i + part.length).toLocaleString("en-AU")} of ${people.trainees.length.toLocaleString("en-AU")}: cases and training records added`);
  }
  const supervisorProgress = emptyProgressRows();
  const last = mods.length ? [mods[mods.length - 1]] : [];
  for (const s of people.supervisors) buildProgress(rng, supervisorProgress, orgId, s, last, rng.chance(0.8) ? 1 : 0, spec.anchor);
  const requirements = buildRequirements(rng, orgId, mods, people.cohortIds[0]);
  await putProgress(put, supervisorProgress);
  await put("module_requirements", moduleRequirements, requirements);
  if (spec.hours) {
    // Its own random stream (seeded by the organisation's slug, so each organisation's rows get
    // their own ids), so adding hours leaves every other generated row as it was.
    const seed = [...spec.slug].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 7919);
    const h = buildHours(new Rng(seed), orgId, people.trainees, people.supervisors, spec.anchor, spec.hours);
    await put("placements", placements, h.placements);
    await put("trainee_placements", traineePlacements, h.traineePlacements);
    await put("trainee_placement_supervisors", traineePlacementSupervisors, h.supervisors);
    await put("hour_requirement_sets", hourRequirementSets, h.sets);
    await put("hour_approvals", hourApprovals, h.approvals);
    await put("supervision_sessions", supervisionSessions, h.sessions);
    await put("supervision_session_attendees", sessionAttendees, h.attendees);
    await put("hour_entries", hourEntries, h.entries);
  }
  for (const [name, n] of Object.entries(counts)) if (n > 5_000) log(`  ${name}: ${n.toLocaleString("en-AU")} rows in ${(times[name] / 1000).toFixed(1)} s`);
  return { orgId, people, counts };
}

type Put = <T extends Parameters<typeof copyRows>[1]>(name: string, table: T, rows: T["$inferInsert"][]) => Promise<void>;

async function putProgress(put: Put, p: ProgressRows): Promise<void> {
  await put("lesson_progress", lessonProgress, p.lessonProgress);
  await put("module_activity", moduleActivity, p.activity);
  await put("check_attempts", checkAttempts, p.attempts);
  await put("certificates", certificates, p.certificates);
}
