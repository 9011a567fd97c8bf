import type { AttemptAnswer, certificates, checkAttempts, KnowledgeCheck, lessonProgress, moduleActivity, moduleRequirements } from "@/db/schema";
import type { Person, Trainee } from "@/scripts/seed/large/people";
import { DAY, HOUR, type Rng } from "@/scripts/seed/large/prng";

// Lesson progress, check attempts, certificates and "continue where you left off" rows, as
// lib/modules/progress.ts and the check action write them.

export type CurriculumModule = { id: string; slug: string; title: string; version: number; position: number; check: KnowledgeCheck; lessonIds: string[] };

export type ProgressRows = {
  lessonProgress: (typeof lessonProgress.$inferInsert)[];
  activity: (typeof moduleActivity.$inferInsert)[];
  attempts: (typeof checkAttempts.$inferInsert)[];
  certificates: (typeof certificates.$inferInsert)[];
};

export const emptyProgressRows = (): ProgressRows => ({ lessonProgress: [], activity: [], attempts: [], certificates: [] });

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
function serial(rng: Rng): string {
  let s = "";
  for (let i = 0; i < 16; i++) s += ALPHABET[rng.int(0, 31)];
  return `RAP-${s.match(/.{4}/g)!.join("-")}`;
}

/** An attempt with `wrong` questions answered wrongly, scored like lib/modules/scoring.ts. */
function attempt(rng: Rng, check: KnowledgeCheck, wrong: number) {
  const miss = new Set(rng.some(check.questions.map((q) => q.id), wrong));
  const answers: AttemptAnswer[] = check.questions.map((q) => {
    const correctIds = q.options.filter((o) => o.correct).map((o) => o.id);
    if (!miss.has(q.id)) return { questionId: q.id, selected: [...correctIds].sort(), correct: true };
    const other = q.options.filter((o) => !o.correct).map((o) => o.id);
    const selected = q.kind === "single" ? [rng.pick(other)] : [...correctIds.slice(1), rng.pick(other)].sort();
    return { questionId: q.id, selected, correct: false };
  });
  const score = Math.round((answers.filter((a) => a.correct).length / answers.length) * 100);
  return { answers, score, passed: score >= check.passMark };
}

/** Fewest wrong answers that fail the check, and most that still pass. */
function limits(check: KnowledgeCheck) {
  const total = check.questions.length;
  let maxPassWrong = 0;
  while (maxPassWrong < total && Math.round(((total - maxPassWrong - 1) / total) * 100) >= check.passMark) maxPassWrong++;
  return { maxPassWrong, minFailWrong: maxPassWrong + 1, total };
}

/** A person's training record: `done` modules complete (in order), maybe one more under way. */
export function buildProgress(rng: Rng, out: ProgressRows, orgId: string, p: Person, mods: CurriculumModule[], done: number, anchor: number, opts: { startNext?: boolean } = {}) {
  const since = p.joinedAt.getTime() + DAY;
  const room = Math.max(DAY, anchor - since);
  const slot = room / (mods.length + 1);
  for (let i = 0; i < mods.length && i <= done; i++) {
    const m = mods[i];
    const finishing = i < done;
    // Not started the next one yet (everyone has started the first).
    if (!finishing && !(opts.startNext ?? (done === 0 || rng.chance(0.7)))) break;
    let t = since + i * slot + rng.int(0, Math.floor(slot / 4 / HOUR)) * HOUR;
    const lessonsRead = finishing ? m.lessonIds.length : rng.int(1, m.lessonIds.length);
    const started = new Date(t);
    for (let l = 0; l < lessonsRead; l++) {
      t += rng.int(5, 60 * 24) * 60_000;
      out.lessonProgress.push({ organisationId: orgId, membershipId: p.membershipId, lessonId: m.lessonIds[l], moduleId: m.id, completedAt: new Date(t) });
    }
    const lim = limits(m.check);
    const tries = finishing ? rng.weighted([[1, 70], [2, 25], [3, 5]] as const) : lessonsRead === m.lessonIds.length && rng.chance(0.4) ? 1 : 0;
    for (let a = 0; a < tries; a++) {
      t += rng.int(10, 48 * 60) * 60_000;
      const pass = finishing && a === tries - 1;
      const wrong = pass ? rng.int(0, lim.maxPassWrong) : rng.int(lim.minFailWrong, Math.min(lim.total, lim.minFailWrong + 2));
      const r = attempt(rng, m.check, wrong);
      out.attempts.push({ id: rng.uuid(), organisationId: orgId, membershipId: p.membershipId, moduleId: m.id, moduleVersion: m.version, answers: r.answers, score: r.score, passed: r.passed, createdAt: new Date(t) });
    }
    if (finishing) {
      out.certificates.push({ id: rng.uuid(), serial: serial(rng), organisationId: orgId, membershipId: p.membershipId, moduleId: m.id, moduleVersion: m.version, recipientName: p.name, moduleTitle: m.title, issuedAt: new Date(t) });
    }
    out.activity.push({
      organisationId: orgId,
      membershipId: p.membershipId,
      moduleId: m.id,
      lastLessonId: m.lessonIds[Math.max(0, lessonsRead - 1)],
      startedAt: started,
      lastSeenAt: new Date(t),
      completedAt: finishing ? new Date(t) : null,
    });
  }
}

/** Older cohorts have finished more modules. */
export function modulesDoneFor(rng: Rng, t: Trainee, cohorts: number, total: number): number {
  const age = cohorts > 1 ? (cohorts - 1 - t.cohort) / (cohorts - 1) : 0.5;
  return Math.max(0, Math.min(total, Math.round(age * total + rng.int(-1, 1))));
}

/** Every module required of trainees (due 30 days apart from joining); the last also of supervisors. */
export function buildRequirements(rng: Rng, orgId: string, mods: CurriculumModule[], firstCohortId?: string): (typeof moduleRequirements.$inferInsert)[] {
  const rows: (typeof moduleRequirements.$inferInsert)[] = mods.map((m, i) => ({ id: rng.uuid(), organisationId: orgId, moduleId: m.id, role: "trainee" as const, dueDays: 30 * (i + 1) }));
  const last = mods[mods.length - 1];
  if (last) rows.push({ id: rng.uuid(), organisationId: orgId, moduleId: last.id, role: "supervisor" as const, dueDays: 90 });
  // A cohort with an earlier, fixed deadline for the first module: exercises the cohort rules.
  if (firstCohortId && mods[0]) rows.push({ id: rng.uuid(), organisationId: orgId, moduleId: mods[0].id, cohortId: firstCohortId, dueOn: "2026-03-31" });
  return rows;
}
