import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { usingEmbedded } from "@/db/client";
import { migrationsFolder } from "@/db/migrator";
import { rowsOf } from "@/db/rows";

// 0018 + 0019 turn an existing, filled audit_events into a partitioned one: on a database of its
// own (a second PGlite in memory, or a new PostgreSQL database), migrate to 0017, add events across
// several months, then migrate the rest of the way and compare.

type Exec = { run: (q: ReturnType<typeof sql>) => Promise<unknown>; migrate: (folder: string) => Promise<void>; close: () => Promise<void> };

/** The migrations up to and including `lastIdx`, in a folder of their own. */
function folderUpTo(lastIdx: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-migrations-"));
  fs.mkdirSync(path.join(dir, "meta"));
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"));
  journal.entries = journal.entries.filter((e: { idx: number }) => e.idx <= lastIdx);
  fs.writeFileSync(path.join(dir, "meta", "_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries as { tag: string }[]) fs.copyFileSync(path.join(migrationsFolder, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

async function openSeparate(): Promise<Exec> {
  if (usingEmbedded()) {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const client = new PGlite("memory://");
    const db = drizzle(client);
    return { run: (q) => db.execute(q), migrate: (folder) => migrate(db, { migrationsFolder: folder }), close: () => client.close() };
  }
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const name = `rapport_migration_${randomBytes(4).toString("hex")}`;
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  const client = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const db = drizzle(client);
  return {
    run: (q) => db.execute(q),
    migrate: (folder) => migrate(db, { migrationsFolder: folder }),
    close: async () => {
      await client.end({ timeout: 5 });
      await admin.unsafe(`drop database ${name}`);
      await admin.end({ timeout: 5 });
    },
  };
}

describe("the partitioning migration", () => {
  it("keeps every existing event, puts each in its month's partition, and keeps the table append-only", async () => {
    const x = await openSeparate();
    try {
      await x.migrate(folderUpTo(17));
      const times = ["2019-03-31T23:59:59.999999Z", "2019-04-01T00:00:00Z", "2024-02-29T12:00:00.5Z", new Date().toISOString()];
      for (const [i, at] of times.entries()) {
        await x.run(sql`insert into audit_events (organisation_id, action, outcome, detail, occurred_at)
          values (gen_random_uuid(), ${i % 2 ? "case.viewed" : "member.role_changed"}, 'success', ${JSON.stringify({ i })}::jsonb, ${at}::timestamptz)`);
      }
      const before = rowsOf<Record<string, unknown>>(await x.run(sql`select id::int as id, organisation_id::text as org, action, detail::text as detail, occurred_at::text as at from audit_events order by id`));
      expect(before).toHaveLength(4);

      await x.migrate(migrationsFolder);

      const after = rowsOf<Record<string, unknown>>(
        await x.run(sql`select id::int as id, organisation_id::text as org, action, detail::text as detail, occurred_at::text as at, tableoid::regclass::text as part from audit_events order by id`),
      );
      expect(after.map(({ part: _p, ...r }) => r)).toEqual(before);
      const month = new Date().toISOString().slice(0, 7).replace("-", "m");
      expect(after.map((r) => r.part)).toEqual(["audit_events_y2019m03", "audit_events_y2019m04", "audit_events_y2024m02", `audit_events_y${month}`]);
      const [kind] = rowsOf<{ kind: string }>(await x.run(sql`select relkind::text as kind from pg_class where relname = 'audit_events'`));
      expect(kind.kind).toBe("p");
      // The sequence carries on after the copied ids.
      const [next] = rowsOf<{ id: number }>(await x.run(sql`insert into audit_events (action, outcome) values ('test.after', 'success') returning id::int as id`));
      expect(next.id).toBeGreaterThan(Math.max(...before.map((r) => Number(r.id))));
      for (const id of [before[0].id, next.id]) {
        await expect(x.run(sql`update audit_events set action = 'x' where id = ${id}`)).rejects.toThrow();
        await expect(x.run(sql`delete from audit_events where id = ${id}`)).rejects.toThrow();
      }
      await expect(x.run(sql`truncate audit_events_y2019m03`)).rejects.toThrow();
      const [old] = rowsOf<{ n: number }>(await x.run(sql`select count(*)::int as n from pg_class where relname = 'audit_events_unpartitioned'`));
      expect(old.n).toBe(0);
      const indexes = rowsOf<{ name: string }>(await x.run(sql`select indexname as name from pg_indexes where tablename = 'audit_events_y2019m03' order by 1`)).map((r) => r.name);
      expect(indexes).toEqual(["audit_events_y2019m03_actor_time_idx", "audit_events_y2019m03_org_changes_idx", "audit_events_y2019m03_org_target_idx", "audit_events_y2019m03_org_time_idx", "audit_events_y2019m03_pk"]);
    } finally {
      await x.close();
    }
  });
});
