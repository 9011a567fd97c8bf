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
import { insertAll } from "./insert";
import { buildPeople, type People, type PeopleSpec } from "./people";
import { buildProgress, buildRequirements, emptyProgressRows, modulesDoneFor, type CurriculumModule } from "./progress";
import { Rng } from "./prng";

export type OrgSpec = Omit<PeopleSpec, "orgId" | "passwordHash"> & { name: string; slug: string; casesPerTrainee: number; hours?: HoursSpec };
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

/** Builds one organisation in memory, then inserts it table by table. */
export async function seedOrg(db: Db, rng: Rng, spec: OrgSpec, ctx: { passwordHash: string; curriculum: CurriculumModule[]; log?: Log }): Promise<SeededOrg> {
  const log = ctx.log ?? (() => {});
  const orgId = rng.uuid();
  const people = buildPeople(rng, { ...spec, orgId, passwordHash: ctx.passwordHash });
  const caseRows = buildCases(rng, orgId, people.trainees, spec.casesPerTrainee, spec.anchor);
  const progress = emptyProgressRows();
  const mods = ctx.curriculum;
  for (const t of people.trainees) buildProgress(rng, progress, orgId, t, mods, modulesDoneFor(rng, t, spec.cohorts, mods.length), spec.anchor);
  const last = mods.length ? [mods[mods.length - 1]] : [];
  for (const s of people.supervisors) buildProgress(rng, progress, orgId, s, last, rng.chance(0.8) ? 1 : 0, spec.anchor);
  const requirements = buildRequirements(rng, orgId, mods, people.cohortIds[0]);

  const counts: Record<string, number> = {};
  const put = async <T extends Parameters<typeof insertAll>[1]>(name: string, table: T, rows: T["$inferInsert"][], batch?: number) => {
    const t0 = Date.now();
    counts[name] = await insertAll(db, table, rows, batch);
    if (rows.length > 5_000) log(`  ${name}: ${rows.length.toLocaleString("en-AU")} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  };
  await put("organisations", organisations, [{ id: orgId, name: spec.name, slug: spec.slug, verifiedAt: new Date(spec.anchor), createdAt: new Date(spec.anchor - 400 * 86_400_000) }]);
  await put("users", users, people.rows.users);
  await put("memberships", memberships, people.rows.memberships);
  await put("cohorts", cohorts, people.rows.cohorts);
  await put("cohort_members", cohortMembers, people.rows.cohortMembers);
  await put("supervisions", supervisions, people.rows.supervisions);
  await put("member_profiles", memberProfiles, people.rows.profiles);
  await put("module_requirements", moduleRequirements, requirements);
  await put("cases", cases, caseRows.cases, 1_000);
  await put("case_versions", caseVersions, caseRows.versions, 1_000);
  await put("case_transitions", caseTransitions, caseRows.transitions);
  await put("case_reviews", caseReviews, caseRows.reviews, 1_000);
  await put("case_comments", caseComments, caseRows.comments);
  await put("lesson_progress", lessonProgress, progress.lessonProgress, 5_000);
  await put("module_activity", moduleActivity, progress.activity);
  await put("check_attempts", checkAttempts, progress.attempts, 1_000);
  await put("certificates", certificates, progress.certificates);
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
    await put("hour_entries", hourEntries, h.entries, 2_000);
  }
  return { orgId, people, counts };
}
