import { inArray, sql } from "drizzle-orm";
import { closeDb, getDb, getHandle, type Db } from "@/db/client";
import { prepareDatabase } from "@/lib/server/prepare";
import { organisations } from "@/db/schema";
import { hashPassword } from "@/lib/auth/hash";
import { DEMO_PASSWORD } from "@/scripts/seed/demo";
import { loadCurriculumRows, seedOrg, type OrgSpec } from "@/scripts/seed/large/org";
import { Rng } from "@/scripts/seed/large/prng";

// `npm run seed:large`: a deterministic large organisation beside the demo (1,000 trainees,
// 50 supervisors, 20,000 rupture cases with their history, training progress for everyone)
// and 20 small organisations. For the benchmark and for trying Rapport at scale.

export const LARGE_SEED = 20_260_701;
/** "Today" for the data set: fixed, so two runs produce the same rows. */
export const LARGE_ANCHOR = Date.UTC(2026, 10, 1);
export const LARGE_PASSWORD = DEMO_PASSWORD;
export const LARGE_ORG = { name: "Wattle Institute of Counselling Training", slug: "wattle-institute", domain: "wattle.example" } as const;
/** Who the benchmark signs in as. supervisor01 supervises 100 trainees with 4 waiting cases each (400). */
export const LARGE_SIGN_INS = {
  admin: `coordinator@${LARGE_ORG.domain}`,
  busySupervisor: `supervisor01@${LARGE_ORG.domain}`,
  trainee: `trainee0501@${LARGE_ORG.domain}`, // cohort 6 of 10: part-way through the modules
} as const;

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
});

const ACTION_OF_STATUS = sql`case t.to_status when 'draft' then 'case.created' when 'submitted' then 'case.submitted'
  when 'changes_requested' then 'case.changes_requested' when 'signed_off' then 'case.signed_off' else 'case.reopened' end`;

/** The audit trail the case history implies: one event per transition and per comment. */
async function auditTrail(db: Db, orgIds: string[]): Promise<number> {
  const ids = sql.join(orgIds.map((id) => sql`${id}::uuid`), sql`, `);
  const a = await db.execute(sql`insert into audit_events (organisation_id, actor_user_id, action, target_type, target_id, outcome, detail, occurred_at)
    select t.organisation_id, m.user_id, ${ACTION_OF_STATUS}, 'case', t.case_id::text, 'success',
           jsonb_build_object('from', t.from_status, 'to', t.to_status, 'caseVersion', t.case_version), t.occurred_at
    from case_transitions t join memberships m on m.organisation_id = t.organisation_id and m.id = t.actor_membership_id
    where t.organisation_id in (${ids}) order by t.occurred_at`);
  const b = await db.execute(sql`insert into audit_events (organisation_id, actor_user_id, action, target_type, target_id, outcome, detail, occurred_at)
    select c.organisation_id, m.user_id, 'case.commented', 'case', c.case_id::text, 'success', jsonb_build_object('commentId', c.id, 'focus', c.focus), c.created_at
    from case_comments c join memberships m on m.organisation_id = c.organisation_id and m.id = c.author_membership_id
    where c.organisation_id in (${ids}) order by c.created_at`);
  const n = (r: unknown) => Number((r as { count?: number; affectedRows?: number }).count ?? (r as { affectedRows?: number }).affectedRows ?? 0);
  return n(a) + n(b);
}

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
  await prepareDatabase();
  const db = await getDb();
  const driver = (await getHandle()).driver;
  console.log(`Seeding the large data set into ${driver === "postgres" ? "PostgreSQL (DATABASE_URL)" : "the embedded database"} ...`);
  const r = await seedLarge(db, (m) => console.log(m));
  if (!r.created) {
    console.log(`The large organisation (${LARGE_ORG.slug}) is already there: nothing added.`);
    return;
  }
  const total = Object.values(r.counts).reduce((s, n) => s + n, 0);
  for (const [k, v] of Object.entries(r.counts)) console.log(`  ${k.padEnd(20)} ${v.toLocaleString("en-AU").padStart(9)}`);
  console.log(`Done: ${total.toLocaleString("en-AU")} rows in ${r.seconds.toFixed(1)} s.`);
  console.log(`Sign in (password ${LARGE_PASSWORD}): ${Object.values(LARGE_SIGN_INS).join(", ")}`);
}

if (process.argv[1] && /seed[\\/]large\.ts$/.test(process.argv[1])) {
  main()
    .catch((e) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exitCode = 1;
    })
    .finally(() => closeDb());
}
