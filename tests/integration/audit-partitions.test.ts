import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { pgError } from "@/lib/core/db-errors";
import { ensureAuditPartitions, ensureMonths, listAuditPartitions, monthStart, partitionName } from "@/lib/audit/partitions";
import { withDatabase } from "./helpers";

withDatabase();

// Months far from now, so these rows never meet another test's (the table is shared across files).
async function insertAt(at: string, action = "test.partitioned"): Promise<number> {
  const db = await getDb();
  const [r] = rowsOf<{ id: number }>(await db.execute(sql`insert into audit_events (action, outcome, occurred_at) values (${action}, 'success', ${at}::timestamptz) returning id::int as id`));
  return r.id;
}

async function partitionOf(id: number): Promise<string> {
  const db = await getDb();
  const [r] = rowsOf<{ p: string }>(await db.execute(sql`select tableoid::regclass::text as p from audit_events where id = ${id}`));
  return r.p;
}

async function refusal(statement: ReturnType<typeof sql>): Promise<string> {
  const db = await getDb();
  const e = await db.execute(statement).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e, "the statement should have been refused").not.toBeNull();
  return pgError(e).message;
}

describe("audit_events partitions", () => {
  it("exist for this month and the next two, beside a default partition, from the migration", async () => {
    const db = await getDb();
    const names = (await listAuditPartitions(db)).map((p) => p.name);
    for (let i = 0; i <= 2; i++) expect(names).toContain(partitionName(monthStart(new Date(), i)));
    expect(names).toContain("audit_events_default");
    expect(names[names.length - 1]).toBe("audit_events_default");
  });

  it("are created ahead by the housekeeping call, once: a second call finds them", async () => {
    const db = await getDb();
    const at = new Date("2091-05-20T12:00:00Z");
    const first = await ensureAuditPartitions(db, at);
    expect(first.map((p) => p.name)).toEqual(["audit_events_y2091m05", "audit_events_y2091m06", "audit_events_y2091m07"]);
    expect(first.every((p) => p.status === "created" || p.status === "exists")).toBe(true);
    const again = await ensureAuditPartitions(db, at);
    expect(again.map((p) => p.status)).toEqual(["exists", "exists", "exists"]);
    // And for today (the migration made them): nothing to do.
    expect((await ensureAuditPartitions(db)).map((p) => p.status)).toEqual(["exists", "exists", "exists"]);
  });

  it("route each row to its UTC month, and name their indexes after the parent's", async () => {
    const db = await getDb();
    await ensureMonths(db, ["2092-01-01", "2092-02-01"]);
    expect(await partitionOf(await insertAt("2092-01-31T23:59:59.999999Z"))).toBe("audit_events_y2092m01");
    expect(await partitionOf(await insertAt("2092-02-01T00:00:00Z"))).toBe("audit_events_y2092m02");
    // 10:30 on 1 February in Sydney is still 31 January in UTC.
    expect(await partitionOf(await insertAt("2092-02-01T10:30:00+11:00"))).toBe("audit_events_y2092m01");
    const indexes = rowsOf<{ name: string }>(await db.execute(sql`select indexname as name from pg_indexes where tablename = 'audit_events_y2092m01' order by 1`)).map((r) => r.name);
    expect(indexes).toEqual([
      "audit_events_y2092m01_actor_time_idx",
      "audit_events_y2092m01_org_changes_idx",
      "audit_events_y2092m01_org_target_idx",
      "audit_events_y2092m01_org_time_idx",
      "audit_events_y2092m01_pk",
    ]);
  });

  it("stay append-only in every partition: UPDATE, DELETE and TRUNCATE are refused", async () => {
    const db = await getDb();
    await ensureMonths(db, ["2093-03-01"]);
    const inMonth = await insertAt("2093-03-15T00:00:00Z");
    const inCurrent = await insertAt(new Date().toISOString());
    const inDefault = await insertAt("2160-01-01T00:00:00Z"); // no partition for 2160: the default one
    expect(await partitionOf(inMonth)).toBe("audit_events_y2093m03");
    expect(await partitionOf(inCurrent)).toBe(partitionName(monthStart(new Date())));
    expect(await partitionOf(inDefault)).toBe("audit_events_default");
    for (const id of [inMonth, inCurrent, inDefault]) {
      expect(await refusal(sql`update audit_events set action = 'tampered' where id = ${id}`)).toMatch(/append-only/);
      expect(await refusal(sql`delete from audit_events where id = ${id}`)).toMatch(/append-only/);
      const part = await partitionOf(id);
      // Straight at the partition, not through the parent.
      expect(await refusal(sql`update ${sql.identifier(part)} set action = 'tampered' where id = ${id}`)).toMatch(/append-only/);
      expect(await refusal(sql`delete from ${sql.identifier(part)} where id = ${id}`)).toMatch(/append-only/);
      expect(await refusal(sql`truncate ${sql.identifier(part)}`)).toMatch(/append-only/);
    }
    expect(await refusal(sql`truncate audit_events`)).toMatch(/append-only/);
    // Moving a row to another month is an UPDATE too.
    expect(await refusal(sql`update audit_events set occurred_at = '2093-04-02T00:00:00Z' where id = ${inMonth}`)).toMatch(/append-only/);
    const [still] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_events where id in (${inMonth}, ${inCurrent}, ${inDefault}) and action = 'test.partitioned'`));
    expect(still.n).toBe(3);
  });

  it("take in rows that had landed in the default partition, which stays append-only afterwards", async () => {
    const db = await getDb();
    const stray = await insertAt("2170-06-10T00:00:00Z");
    const other = await insertAt("2171-01-10T00:00:00Z");
    expect(await partitionOf(stray)).toBe("audit_events_default");
    const [made] = await ensureMonths(db, ["2170-06-01"]);
    expect(made).toMatchObject({ name: "audit_events_y2170m06", status: "moved" });
    expect(await partitionOf(stray)).toBe("audit_events_y2170m06");
    expect(await partitionOf(other)).toBe("audit_events_default");
    const [n] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_events where id = ${stray}`));
    expect(n.n).toBe(1);
    for (const id of [stray, other]) {
      expect(await refusal(sql`delete from audit_events where id = ${id}`)).toMatch(/append-only/);
      expect(await refusal(sql`update audit_events set action = 'x' where id = ${id}`)).toMatch(/append-only/);
    }
    expect(await refusal(sql`truncate audit_events_default`)).toMatch(/append-only/);
    expect(await refusal(sql`truncate audit_events_y2170m06`)).toMatch(/append-only/);
  });
});
