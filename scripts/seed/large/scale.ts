import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { organisations } from "@/db/schema";
import { hashPassword } from "@/lib/auth/hash";
import { LARGE_ANCHOR, LARGE_ORG, LARGE_PASSWORD, LARGE_SEED } from "./constants";
import { loadCurriculumRows, seedOrg, type OrgSpec } from "./org";
import { Rng } from "./prng";
import { generateAudit, generateHours } from "./sql-gen";

// `npm run seed:large -- --scale N` (N ≥ 2): one organisation N times the large one, in its own
// slug and e-mail domain so it sits beside scale 1 in the same database and the benchmark can
// measure the same pages at both sizes. What grows with N and what does not:
// - N × 1,000 trainees in N × 10 cohorts a month apart (so the organisation's history spans
//   N × 10 months: eight years at ×10), N × 50 supervisors, 20 cases per trainee;
// - practicum hours: 205 entries per placed trainee (two million at ×10), made in the database;
// - the audit log: the case trail, 10-20 supervisor views per submitted case and a signature
//   event per approved hour entry (about five million rows at ×10), made in the database;
// - what one person sees stays the size it is at scale 1: supervisor01 has the same 100
//   trainees (400 waiting cases), the benchmark's trainee sits at the same point of the
//   curriculum (the same fraction of the cohorts back) with the same 2,000-entry ledger.

export type ScaleSize = {
  admins: number;
  supervisors: number;
  trainees: number;
  cohorts: number;
  busy: number;
  hoursPerTrainee: number;
  heavyEntries: number;
  viewsPerCase: { min: number; max: number };
  /** Trainees built and inserted at a time (bounds the seed's memory). */
  chunk: number;
};

export function sizeFor(scale: number): ScaleSize {
  return {
    admins: 3,
    supervisors: 50 * scale,
    trainees: 1_000 * scale,
    cohorts: 10 * scale,
    busy: 100,
    hoursPerTrainee: 205,
    heavyEntries: 2_000,
    viewsPerCase: { min: 10, max: 20 },
    chunk: 1_000,
  };
}

export type ScaledOrg = {
  name: string;
  slug: string;
  domain: string;
  signIns: { admin: string; busySupervisor: string; trainee: string };
  spec: OrgSpec;
  /** Index of the benchmark's trainee (the one with the long hours ledger). */
  traineeIndex: number;
  viewsPerCase: ScaleSize["viewsPerCase"];
};

export function scaledOrg(scale: number, size: ScaleSize = sizeFor(scale)): ScaledOrg {
  const domain = `x${scale}.${LARGE_ORG.domain}`;
  const perCohort = Math.ceil(size.trainees / size.cohorts);
  // The cohort as far back as cohort 5 of 10 is at scale 1 (4/9 of the way from the newest).
  const cohort = Math.round(((size.cohorts - 1) * 5) / 9);
  const traineeIndex = cohort * perCohort;
  const digits = Math.max(4, String(size.trainees).length);
  const spec: OrgSpec = {
    name: `${LARGE_ORG.name} (×${scale})`,
    slug: `${LARGE_ORG.slug}-x${scale}`,
    domain,
    admins: size.admins,
    supervisors: size.supervisors,
    trainees: size.trainees,
    cohorts: size.cohorts,
    busy: size.busy,
    deactivateEvery: 50,
    casesPerTrainee: 20,
    anchor: LARGE_ANCHOR,
    traineeDigits: digits,
    chunk: size.chunk,
    // Same home page as trainee0501 at scale 1: modules finished, none under way (so the same statements).
    settledTrainee: traineeIndex,
    hours: { perTrainee: size.hoursPerTrainee, heavy: { index: traineeIndex, entries: size.heavyEntries }, sql: true },
  };
  return {
    name: spec.name,
    slug: spec.slug,
    domain,
    signIns: {
      admin: `coordinator@${domain}`,
      busySupervisor: `supervisor01@${domain}`,
      trainee: `trainee${String(traineeIndex + 1).padStart(digits, "0")}@${domain}`,
    },
    spec,
    traineeIndex,
    viewsPerCase: size.viewsPerCase,
  };
}

/** `--scale N` or `--scale=N` (default 1); a whole number from 1 to 100. */
export function parseScale(argv: readonly string[]): number {
  let raw: string | undefined;
  argv.forEach((a, i) => {
    if (a === "--scale") raw = argv[i + 1];
    else if (a.startsWith("--scale=")) raw = a.slice("--scale=".length);
  });
  if (raw === undefined) return 1;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 100) throw new Error(`--scale must be a whole number from 1 to 100 (got "${raw}").`);
  return Number(raw);
}

export type ScaledSeedResult = { created: boolean; seconds: number; counts: Record<string, number>; steps: Record<string, number> };

async function remove(db: Db, org: ScaledOrg): Promise<void> {
  await db.execute(sql`delete from organisations where slug = ${org.slug}`);
  await db.execute(sql`delete from users where split_part(lower(email), '@', 2) = ${org.domain}`);
}

/** Seeds the scale-N organisation unless its slug is already there. `size` overrides the sizes (tests). */
export async function seedScaled(db: Db, scale: number, log: (m: string) => void = () => {}, size?: ScaleSize): Promise<ScaledSeedResult> {
  const t0 = Date.now();
  const org = scaledOrg(scale, size);
  const [found] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, org.slug));
  if (found) return { created: false, seconds: 0, counts: {}, steps: {} };
  const curriculum = await loadCurriculumRows(db);
  if (curriculum.length === 0) throw new Error("No modules in the database: run the migrations and content sync first.");
  const passwordHash = await hashPassword(LARGE_PASSWORD);
  const seed = LARGE_SEED + scale;
  const steps: Record<string, number> = {};
  const timed = async <T>(name: string, f: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    const r = await f();
    steps[name] = (Date.now() - t) / 1000;
    log(`  ${name}: ${steps[name].toFixed(1)} s`);
    return r;
  };
  log(`Building ${org.name} (${org.slug}) ...`);
  try {
    const seeded = await timed("people, cases, training records (COPY)", () => seedOrg(db, new Rng(seed), org.spec, { passwordHash, curriculum, log }));
    const counts = { ...seeded.counts };
    const heavy = seeded.people.trainees[org.traineeIndex];
    const hours = await timed("hour entries and signatures (INSERT … SELECT)", () =>
      generateHours(db, { orgId: seeded.orgId, perTrainee: org.spec.hours!.perTrainee, anchor: org.spec.anchor, seed, exceptMemberships: heavy ? [heavy.membershipId] : [] }),
    );
    counts.hour_entries = (counts.hour_entries ?? 0) + hours.entries;
    counts.hour_approvals = (counts.hour_approvals ?? 0) + hours.approvals;
    counts.audit_events = await timed("audit events (INSERT … SELECT)", () => generateAudit(db, { orgId: seeded.orgId, anchor: org.spec.anchor, seed, viewsPerCase: org.viewsPerCase }));
    await timed("analyze", () => db.execute(sql`analyze`));
    return { created: true, seconds: (Date.now() - t0) / 1000, counts, steps };
  } catch (e) {
    log("Seeding failed; removing what was added so a re-run starts clean.");
    await remove(db, org).catch(() => {});
    throw e;
  }
}
