import { inArray, sql } from "drizzle-orm";
import { closeDb, getDb, getHandle, type Db } from "@/db/client";
import { prepareDatabase } from "@/lib/server/prepare";
import { organisations } from "@/db/schema";
import { hashPassword } from "@/lib/auth/hash";
import { LARGE_ANCHOR, LARGE_ORG, LARGE_PASSWORD, LARGE_SEED, LARGE_SIGN_INS } from "@/scripts/seed/large/constants";
import { loadCurriculumRows, seedOrg, type OrgSpec } from "@/scripts/seed/large/org";
import { Rng } from "@/scripts/seed/large/prng";
import { AUDIT_COLUMNS, caseTrailSelects } from "@/scripts/seed/large/sql-gen";
import { parseScale, scaledOrg, seedScaled } from "@/scripts/seed/large/scale";

// `npm run seed:large`: a deterministic large organisation beside the demo (1,000 trainees,
// 50 supervisors, 20,000 rupture cases with their history, training progress for everyone,
// about 21,000 practicum hour entries, 2,000 of them one trainee's) and 20 small organisations. For the benchmark and for trying Rapport at scale.
// `npm run seed:large -- --scale 10`: a separate organisation ten times that size (10,000
// trainees in 100 cohorts over eight years, 500 supervisors, 200,000 cases, two million hour
// entries, five million audit events), beside scale 1 in the same database (scale.ts).

export { LARGE_ANCHOR, LARGE_ORG, LARGE_PASSWORD, LARGE_SEED, LARGE_SIGN_INS } from "@/scripts/seed/large/constants";

const large = (anchor: number): OrgSpec => ({
  name: LARGE_ORG.name,
  slug: LARGE_ORG.slug,
  domain: LARGE_ORG.domain,
  admins: 3,
  supervisors: 50,
  trainees: 1_000,
  cohorts: 10,
  busy: 100,
  deactivateEvery: 50,
  casesPerTrainee: 20,
  anchor,
  // trainee0501 (the benchmark's trainee, index 500) has a ledger of 2,000 entries; everyone else 20.
  hours: { perTrainee: 20, heavy: { index: 500, entries: 2_000 } },
});

const SMALL_NAMES = ["Banksia", "Coastal", "Eucalypt", "Gumtree", "Harbour", "Ironbark", "Jacaranda", "Kookaburra", "Lilly Pilly", "Magpie", "Northern Rivers", "Outback", "Pelican", "Riverbend", "Saltbush", "Tablelands", "Undara", "Waratah", "Yarra", "Zamia"];
const small = (i: number, anchor: number): OrgSpec => ({
  name: `${SMALL_NAMES[i]} Counselling Service`,
  slug: `small-${String(i + 1).padStart(2, "0")}`,
  domain: `small${String(i + 1).padStart(2, "0")}.example`,
  admins: 1,
  supervisors: 2,
  trainees: 8,
  cohorts: 2,
  busy: 0,
  deactivateEvery: 0,
  casesPerTrainee: 3,
  anchor,
  hours: { perTrainee: 5 },
});

/** The audit trail the case history implies: one event per transition and per comment. */
async function auditTrail(db: Db, orgIds: string[]): Promise<number> {
  const ids = sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `);
  let n = 0;
  for (const select of caseTrailSelects(ids)) n += affected(await db.execute(sql`insert into audit_events ${AUDIT_COLUMNS} select * from (${select}) e order by 8`));
  return n;
}

const affected = (r: unknown) => Number((r as { count?: number; affectedRows?: number }).count ?? (r as { affectedRows?: number }).affectedRows ?? 0);

/** Deletes the generated organisations and people (cascades to everything they own). */
async function removeLarge(db: Db): Promise<void> {
  const slugs = [LARGE_ORG.slug, ...SMALL_NAMES.map((_, i) => small(i, LARGE_ANCHOR).slug)];
  const domains = [LARGE_ORG.domain, ...SMALL_NAMES.map((_, i) => small(i, LARGE_ANCHOR).domain)];
  await db.execute(sql`delete from organisations where slug in (${sql.join(slugs.map((s) => sql`${s}`), sql`, `)})`);
  await db.execute(sql`delete from users where split_part(lower(email), '@', 2) in (${sql.join(domains.map((d) => sql`${d}`), sql`, `)})`);
}

export type LargeSeedResult = { created: boolean; seconds: number; counts: Record<string, number> };

export async function seedLarge(db: Db, log: (m: string) => void = () => {}): Promise<LargeSeedResult> {
  const t0 = Date.now();
  const [found] = await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.slug, [LARGE_ORG.slug]));
  if (found) return { created: false, seconds: 0, counts: {} };
  const rng = new Rng(LARGE_SEED);
  const passwordHash = await hashPassword(LARGE_PASSWORD); // hashed once, shared by every generated person
  const curriculum = await loadCurriculumRows(db);
  if (curriculum.length === 0) throw new Error("No modules in the database: run the migrations and content sync first.");
  log(`Building ${LARGE_ORG.name} ...`);
  const totals: Record<string, number> = {};
  const orgIds: string[] = [];
  try {
    const big = await seedOrg(db, rng, large(LARGE_ANCHOR), { passwordHash, curriculum, log });
    Object.assign(totals, big.counts);
    orgIds.push(big.orgId);
    for (let i = 0; i < SMALL_NAMES.length; i++) {
      const s = await seedOrg(db, rng, small(i, LARGE_ANCHOR), { passwordHash, curriculum });
      orgIds.push(s.orgId);
      for (const [k, v] of Object.entries(s.counts)) totals[k] = (totals[k] ?? 0) + v;
    }
    log(`  20 small organisations added`);
    totals.audit_events = await auditTrail(db, orgIds);
  } catch (e) {
    // Half a data set would make the next run skip ("already there"): take it out again.
    log("Seeding failed; removing what was added so a re-run starts clean.");
    await removeLarge(db).catch(() => {});
    throw e;
  }
  await db.execute(sql`analyze`);
  return { created: true, seconds: (Date.now() - t0) / 1000, counts: totals };
}

async function main() {
  const scale = parseScale(process.argv.slice(2));
  await prepareDatabase();
  const db = await getDb();
  const driver = (await getHandle()).driver;
  const where = driver === "postgres" ? "PostgreSQL (DATABASE_URL)" : "the embedded database";
  const org = scale === 1 ? LARGE_ORG : scaledOrg(scale);
  console.log(`Seeding the large data set${scale === 1 ? "" : ` at scale ${scale}`} into ${where} ...`);
  const r = scale === 1 ? await seedLarge(db, (m) => console.log(m)) : await seedScaled(db, scale, (m) => console.log(m));
  if (!r.created) {
    console.log(`The organisation ${org.slug} is already there: nothing added.`);
    return;
  }
  const total = Object.values(r.counts).reduce((s, n) => s + n, 0);
  for (const [k, v] of Object.entries(r.counts)) console.log(`  ${k.padEnd(30)} ${v.toLocaleString("en-AU").padStart(10)}`);
  console.log(`Done: ${total.toLocaleString("en-AU")} rows in ${r.seconds.toFixed(1)} s (${driver}).`);
  const signIns = scale === 1 ? LARGE_SIGN_INS : scaledOrg(scale).signIns;
  console.log(`Sign in (password ${LARGE_PASSWORD}): ${Object.values(signIns).join(", ")}`);
}

if (process.argv[1] && /seed[\\/]large\.ts$/.test(process.argv[1])) {
  main()
    .catch((e) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exitCode = 1;
    })
    .finally(() => closeDb());
}
