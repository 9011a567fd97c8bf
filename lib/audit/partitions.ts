// No "server-only" here: lib/server/prepare.ts (run by scripts/start.ts and scripts/migrate.ts,
// outside Next.js) calls it, like lib/modules/sync.ts.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rowsOf } from "@/db/rows";

// audit_events is partitioned by UTC month (db/migrations/0019_audit_partitions.sql). A row whose
// month has no partition lands in the default partition, where it stays queryable but cannot be
// archived month by month; so the app creates each month's partition well before it starts.

/** Months created ahead of the current one. */
export const MONTHS_AHEAD = 2;

/** The first day (UTC) of the month `offset` months from the one containing `at`, as YYYY-MM-DD. */
export function monthStart(at: Date, offset = 0): string {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 10);
}

/** The partition's name for a month (the same rule as the SQL function audit_events_partition_name). */
export function partitionName(month: string): string {
  return `audit_events_y${month.slice(0, 4)}m${month.slice(5, 7)}`;
}

export type PartitionResult = { month: string; name: string; status: "exists" | "created" | "moved" };

/**
 * Makes sure the partitions of the current month and the next MONTHS_AHEAD exist. Idempotent and
 * safe to run from several processes at once (the SQL function takes an advisory lock); one
 * statement, which costs a catalogue lookup per month when they already exist.
 */
export async function ensureAuditPartitions(db: DbOrTx, now = new Date(), ahead = MONTHS_AHEAD): Promise<PartitionResult[]> {
  const months = Array.from({ length: ahead + 1 }, (_, i) => monthStart(now, i));
  return ensureMonths(db, months);
}

/** Partitions for the given months (YYYY-MM-DD, any day of the month): before a bulk import of old dates. */
export async function ensureMonths(db: DbOrTx, months: string[]): Promise<PartitionResult[]> {
  const out: PartitionResult[] = [];
  for (const m of [...new Set(months.map((x) => `${x.slice(0, 7)}-01`))].sort()) {
    const [row] = rowsOf<{ status: PartitionResult["status"] }>(await db.execute(sql`select audit_events_ensure_partition(${m}::date) as status`));
    out.push({ month: m, name: partitionName(m), status: row.status });
  }
  return out;
}

/**
 * Gives every month that has rows in the default partition its own partition, moving the rows in
 * (a bulk import of old dates puts them there). Locks the audit log while rows move, so it runs
 * before the server starts (lib/server/prepare.ts), not on a timer; a no-op when the default
 * partition is empty, as it normally is.
 */
export async function drainDefaultPartition(db: DbOrTx): Promise<PartitionResult[]> {
  const months = rowsOf<{ month: string }>(
    await db.execute(sql`select distinct to_char(date_trunc('month', occurred_at at time zone 'UTC'), 'YYYY-MM-DD') as month from audit_events_default`),
  ).map((r) => r.month);
  return months.length ? ensureMonths(db, months) : [];
}

export type AuditPartition = { name: string; month: string | null; isDefault: boolean };

/** Every partition of audit_events, oldest month first, the default partition last. */
export async function listAuditPartitions(db: DbOrTx): Promise<AuditPartition[]> {
  const rows = rowsOf<{ name: string; bound: string }>(
    await db.execute(sql`
      select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound
      from pg_inherits i join pg_class c on c.oid = i.inhrelid
      where i.inhparent = 'audit_events'::regclass
      order by c.relname`),
  );
  return rows
    .map((r) => {
      const m = /^audit_events_y(\d{4})m(\d{2})$/.exec(r.name);
      return { name: r.name, month: m ? `${m[1]}-${m[2]}-01` : null, isDefault: r.bound === "DEFAULT" };
    })
    .sort((a, b) => (a.isDefault ? 1 : b.isDefault ? -1 : (a.month ?? "").localeCompare(b.month ?? "")));
}
