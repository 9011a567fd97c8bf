import { PGlite } from "@electric-sql/pglite";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import type { Db } from "@/db/client";
import { migrationsFolder } from "@/db/migrator";
import { syncContent } from "@/lib/modules/sync";
import { scaledOrg, seedScaled, type ScaleSize, type ScaledSeedResult } from "@/scripts/seed/large/scale";

// The ×N data set on a small scale, seeded twice into two fresh embedded databases: the same rows
// both times (ids, content, hour entries made in SQL, the audit log), and the shape the benchmark
// relies on. Each database is its own PGlite instance, so this does not touch the shared client.

const SIZE: ScaleSize = { admins: 2, supervisors: 6, trainees: 60, cohorts: 6, busy: 10, hoursPerTrainee: 30, heavyEntries: 40, viewsPerCase: { min: 1, max: 3 }, chunk: 25 };
const SCALE = 3;
const TABLES = [
  "organisations", "users", "memberships", "cohorts", "cohort_members", "supervisions", "member_profiles", "module_requirements",
  "cases", "case_versions", "case_transitions", "case_reviews", "case_comments", "lesson_progress", "module_activity", "check_attempts",
  "certificates", "placements", "trainee_placements", "trainee_placement_supervisors", "hour_requirement_sets", "hour_approvals",
  "supervision_sessions", "supervision_session_attendees", "hour_entries", "audit_events",
];

type Fresh = { client: PGlite; db: Db; result: ScaledSeedResult };

async function seeded(): Promise<Fresh> {
  const client = new PGlite();
  const pdb = drizzle(client, { schema });
  await migrate(pdb, { migrationsFolder });
  const db = pdb as unknown as Db;
  await syncContent(db);
  const result = await seedScaled(db, SCALE, () => {}, SIZE);
  return { client, db, result };
}

async function rowsOf(db: Db, q: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> {
  const r = (await db.execute(q)) as unknown as { rows: Record<string, unknown>[] };
  return r.rows;
}

/**
 * A checksum of a table's rows, leaving out what the database or the password hash makes up
 * (times of insertion, salts, serial ids); curriculum ids (random per database, made by the
 * content sync) are replaced by the module's and lesson's slugs.
 */
async function checksum(db: Db, table: string): Promise<{ n: number; md5: string }> {
  const slug = (col: string, of: "modules" | "lessons") =>
    `|| case when r ? '${col}' then jsonb_build_object('${col}', (select ${of === "modules" ? "x.slug" : "(select m.slug from modules m where m.id = x.module_id) || '/' || x.slug"} from ${of} x where x.id = (r->>'${col}')::uuid)) else '{}'::jsonb end`;
  const [r] = await rowsOf(
    db,
    sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(j, '|' order by j), '')) as md5
             from (select (r - 'created_at' - 'updated_at' - 'password_hash' ${table === "audit_events" ? "- 'id'" : ""}
                           ${slug("module_id", "modules")} ${slug("lesson_id", "lessons")} ${slug("last_lesson_id", "lessons")})::text as j
                   from (select to_jsonb(t) as r from "${table}" t) t) x`),
  );
  return { n: Number(r.n), md5: String(r.md5) };
}

let a: Fresh;
let b: Fresh;

beforeAll(async () => {
  a = await seeded();
  b = await seeded();
}, 600_000);

afterAll(async () => {
  await a?.client.close();
  await b?.client.close();
});

describe("seed:large --scale N", () => {
  it("writes the same rows on every run (seeded generator in JS, md5 of the seed in SQL)", async () => {
    for (const t of TABLES) {
      const [x, y] = [await checksum(a.db, t), await checksum(b.db, t)];
      expect({ table: t, ...y }).toEqual({ table: t, ...x });
      expect(x.n, t).toBeGreaterThan(0);
    }
  });

  it("reports what it wrote, and adds nothing when the organisation is already there", async () => {
    expect(a.result.created).toBe(true);
    const [{ n }] = await rowsOf(a.db, sql`select count(*)::int as n from hour_entries`);
    expect(a.result.counts.hour_entries).toBe(Number(n));
    const again = await seedScaled(a.db, SCALE, () => {}, SIZE);
    expect(again.created).toBe(false);
    const [{ m }] = await rowsOf(a.db, sql`select count(*)::int as m from hour_entries`);
    expect(Number(m)).toBe(Number(n));
  });

  it("gives every placed trainee their entries, the benchmark's trainee the long ledger, and approved weeks one signature each", async () => {
    const org = scaledOrg(SCALE, SIZE);
    const per = await rowsOf(
      a.db,
      sql`select lower(u.email) as email, count(*)::int as n from hour_entries e join memberships m on m.id = e.trainee_membership_id join users u on u.id = m.user_id
          where e.session_id is null group by 1`,
    );
    const byEmail = new Map(per.map((r) => [String(r.email), Number(r.n)]));
    expect(byEmail.get(org.signIns.trainee)).toBe(SIZE.heavyEntries);
    const others = [...byEmail.entries()].filter(([e]) => e !== org.signIns.trainee).map(([, n]) => n);
    expect(new Set(others)).toEqual(new Set([SIZE.hoursPerTrainee]));
    const [bad] = await rowsOf(
      a.db,
      sql`select count(*)::int as n from hour_approvals a
          where a.entry_count <> (select count(*) from hour_entries e where e.approval_id = a.id)
             or a.minutes <> (select coalesce(sum(minutes), 0) from hour_entries e where e.approval_id = a.id)`,
    );
    expect(Number(bad.n)).toBe(0);
  });

  it("keeps the audit log in time order (ids rise with occurred_at), with routine views and signatures", async () => {
    const [order] = await rowsOf(
      a.db,
      sql`select count(*)::int as n from (select occurred_at < lag(occurred_at) over (order by id) as back from audit_events) x where back`,
    );
    expect(Number(order.n)).toBe(0);
    const kinds = await rowsOf(a.db, sql`select action, count(*)::int as n from audit_events group by action`);
    const actions = new Set(kinds.map((k) => String(k.action)));
    for (const x of ["case.created", "case.submitted", "case.signed_off", "case.commented", "case.viewed", "hours.entry_approved"]) expect(actions).toContain(x);
  });

  it("lets the benchmark's people sign in where it expects them: the busy supervisor has all busy trainees' waiting cases", async () => {
    const org = scaledOrg(SCALE, SIZE);
    const [r] = await rowsOf(
      a.db,
      sql`select count(*)::int as n from cases c
          join supervisions s on s.organisation_id = c.organisation_id and s.trainee_membership_id = c.author_membership_id
          join memberships sm on sm.id = s.supervisor_membership_id join users u on u.id = sm.user_id
          where lower(u.email) = ${org.signIns.busySupervisor} and c.status = 'submitted'`,
    );
    expect(Number(r.n)).toBe(SIZE.busy * 4);
  });
});
