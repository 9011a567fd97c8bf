// Synthetic audit history for measurement: `tsx scripts/audit-synthetic.ts --rows 5000000
// [--org <slug>] [--months 60]` adds N events to one organisation (by default the one with the most
// members), spread evenly over the last M months, in SQL (generate_series, 250,000 rows a statement).
// Deterministic: the same arguments give the same rows (apart from ids and the anchor time, now).
// Oldest first, so ids grow with time as in a real log.
// About four in five are routine reads (case.viewed), as in a real log; the rest are changes whose
// targets are the organisation's real cases and members, so the viewer's joins find them.
// Creates the months' partitions first, so nothing lands in the default partition. Never run it
// against a database whose audit log matters: the rows cannot be deleted (append-only).
import { createRequire } from "node:module";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";

const require = createRequire(__filename);
const stub = require.resolve("server-only");
require.cache[stub] = { id: stub, filename: stub, loaded: true, exports: {} } as NodeJS.Module;

const CHUNK = 250_000;

function rowsOf<T>(r: unknown): T[] {
  return (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
}

/** Adds `rows` events to the organisation; returns how many seconds it took. */
export async function insertSyntheticAudit(db: Db, o: { orgId: string; rows: number; months: number; now?: Date; log?: (m: string) => void }): Promise<number> {
  const { ensureMonths, monthStart } = require("../lib/audit/partitions") as typeof import("../lib/audit/partitions");
  const t0 = Date.now();
  const now = o.now ?? new Date();
  await ensureMonths(
    db,
    Array.from({ length: o.months + 1 }, (_, i) => monthStart(now, -i)),
  );
  const people = rowsOf<{ userId: string; membershipId: string }>(
    await db.execute(sql`select user_id::text as "userId", id::text as "membershipId" from memberships where organisation_id = ${o.orgId} order by id limit 2000`),
  );
  const caseIds = rowsOf<{ id: string }>(await db.execute(sql`select id::text as id from cases where organisation_id = ${o.orgId} order by id limit 20000`)).map((r) => r.id);
  if (people.length === 0) throw new Error("The organisation has no members.");
  const users = `{${people.map((p) => p.userId).join(",")}}`;
  const members = `{${people.map((p) => p.membershipId).join(",")}}`;
  const cases = `{${(caseIds.length ? caseIds : people.map((p) => p.membershipId)).join(",")}}`;
  const spanSeconds = Math.round(o.months * 30.4375 * 86400);
  for (let start = 0; start < o.rows; start += CHUNK) {
    const end = Math.min(o.rows, start + CHUNK) - 1;
    // k: a fixed pseudo-random number per row (Knuth's multiplicative hash), so runs repeat.
    await db.execute(sql`
      insert into audit_events (organisation_id, actor_user_id, action, target_type, target_id, outcome, detail, occurred_at)
      select ${o.orgId}::uuid,
             (${users}::uuid[])[1 + (k % ${people.length})::int],
             a.action,
             a.target_type,
             case a.target_type when 'case' then (${cases}::text[])[1 + (k / 7 % ${caseIds.length || people.length})::int]
                                when 'membership' then (${members}::text[])[1 + (k / 11 % ${people.length})::int]
                                else null end,
             'success',
             case when a.action = 'case.viewed' then '{"via":"page"}'::jsonb else null end,
             ${now.toISOString()}::timestamptz - make_interval(secs => ${spanSeconds}::float8 * (${o.rows - 1} - g) / ${o.rows})
      from (select g, (g * 2654435761) % 4294967296 as k from generate_series(${start}::bigint, ${end}::bigint) g) s
      cross join lateral (
        select case when s.k % 100 < 80 then 'case.viewed'
                    else (array['case.submitted','case.signed_off','case.commented','member.role_changed','auth.sign_in','cohort.member_added','hours.entry_approved','invitation.created'])[1 + (s.k / 100 % 8)::int]
               end as action
      ) a0
      cross join lateral (
        select a0.action as action,
               case when a0.action like 'case.%' then 'case' when a0.action like 'member.%' or a0.action like 'cohort.%' then 'membership' else null end as target_type
      ) a`);
    o.log?.(`  ${(end + 1).toLocaleString("en-AU")} of ${o.rows.toLocaleString("en-AU")} rows (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await db.execute(sql`analyze audit_events`);
  return (Date.now() - t0) / 1000;
}

function argValue(name: string, fallback?: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  const { getDb, closeDb } = require("../db/client") as typeof import("../db/client");
  const { applyMigrations } = require("../db/migrator") as typeof import("../db/migrator");
  const rows = Number(argValue("rows", "1000000"));
  const months = Number(argValue("months", "60"));
  const slug = argValue("org");
  if (!Number.isSafeInteger(rows) || rows < 1 || !Number.isSafeInteger(months) || months < 1) throw new Error("Use --rows <N> and --months <M>, positive whole numbers.");
  try {
    await applyMigrations();
    const db = await getDb();
    const [org] = rowsOf<{ id: string; name: string }>(
      await db.execute(
        slug
          ? sql`select id::text as id, name from organisations where slug = ${slug}`
          : sql`select o.id::text as id, o.name from organisations o join memberships m on m.organisation_id = o.id group by o.id order by count(*) desc, o.id limit 1`,
      ),
    );
    if (!org) throw new Error(slug ? `No organisation with slug ${slug}.` : "No organisation: seed first.");
    console.log(`Adding ${rows.toLocaleString("en-AU")} synthetic audit events to ${org.name} over ${months} months ...`);
    const seconds = await insertSyntheticAudit(db, { orgId: org.id, rows, months, log: (m) => console.log(m) });
    console.log(`Done in ${seconds.toFixed(1)} s.`);
  } finally {
    await closeDb();
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
