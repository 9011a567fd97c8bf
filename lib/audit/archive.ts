import "server-only";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { gunzipSync, createGzip } from "node:zlib";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { auditMany } from "@/lib/core/audit";
import { AUDIT_RETENTION_DEFAULT_YEARS, AUDIT_RETENTION_MIN_YEARS } from "@/lib/orgs/settings-schemas";
import { ARCHIVE_COLUMNS, ARCHIVE_HEADER, archiveLine, parseArchive, type ArchiveRow } from "./archive-csv";
import { listAuditPartitions } from "./partitions";

// `npm run audit:archive` (scripts/audit-archive.ts): months of the audit log past retention are
// exported to gzip CSV with a SHA-256 checksum, the export is read back and checked, and only then
// is the month's partition detached and dropped.
//
// The rule for a month: partitions hold every organisation's events, so a month goes only when it
// is past the retention of EVERY organisation with an event in it (the longest applies). Events
// with no organisation (a refused sign-in with an unknown address), and events of organisations
// that no longer exist, count with the default retention (seven years). A month is past retention
// when its last instant is: a month ending on 1 March 2019 with seven years goes from 1 March 2026.
// The default partition is never archived (it should be empty: lib/audit/partitions.ts).

const BATCH = 10_000;

export type ArchivePlan = {
  name: string;
  month: string;
  /** The first instant after the month (UTC). */
  monthEnd: Date;
  rows: number;
  organisations: number;
  /** Events with no organisation (they count with the default retention). */
  unowned: number;
  /** The longest retention among the month's organisations, in years. */
  retentionYears: number;
  /** When the month may go: monthEnd plus retentionYears. */
  dueAt: Date;
  due: boolean;
};

function addYears(d: Date, years: number): Date {
  return new Date(Date.UTC(d.getUTCFullYear() + years, d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds()));
}

function monthEndOf(month: string): Date {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 1));
}

/**
 * Every monthly partition that could be due (its month ended more than the minimum retention ago),
 * with its row count and the longest retention of the organisations in it. One scan per such month.
 */
export async function planArchive(db: Db, now = new Date()): Promise<ArchivePlan[]> {
  const out: ArchivePlan[] = [];
  for (const p of await listAuditPartitions(db)) {
    if (p.isDefault || !p.month) continue;
    const monthEnd = monthEndOf(p.month);
    if (addYears(monthEnd, AUDIT_RETENTION_MIN_YEARS) > now) continue;
    const [stats] = rowsOf<{ rows: string; organisations: string; unowned: string; retention: number | null }>(
      await db.execute(sql`
        select coalesce(sum(d.n), 0)::text as rows, count(d.organisation_id)::text as organisations,
               coalesce(sum(d.n) filter (where d.organisation_id is null), 0)::text as unowned,
               max(coalesce(o.audit_retention_years, ${AUDIT_RETENTION_DEFAULT_YEARS}))::int as retention
        from (select organisation_id, count(*) as n from ${sql.identifier(p.name)} group by organisation_id) d
        left join organisations o on o.id = d.organisation_id`),
    );
    const rows = Number(stats.rows);
    const retentionYears = stats.retention ?? AUDIT_RETENTION_DEFAULT_YEARS;
    const dueAt = addYears(monthEnd, retentionYears);
    out.push({ name: p.name, month: p.month, monthEnd, rows, organisations: Number(stats.organisations), unowned: Number(stats.unowned), retentionYears, dueAt, due: dueAt <= now });
  }
  return out;
}

export class ArchiveRefusedError extends Error {}

export type ArchiveResult = { name: string; file: string; checksumFile: string; rows: number; sha256: string; bytes: number };

type Expected = { rows: number; minId: string | null; maxId: string | null; idSum: string };

export type ArchiveOptions = {
  /** Test hook: runs after the export is written and before it is read back (to damage it). */
  afterWrite?: (file: string) => void | Promise<void>;
  /** Seconds to wait for the audit log's lock when detaching (default 10). */
  lockTimeoutSeconds?: number;
};

/**
 * Exports one partition, verifies the export, then detaches and drops the partition, all in one
 * transaction that holds the partition against new rows from the first read to the drop. Throws
 * ArchiveRefusedError (and drops nothing) when the file cannot be written or does not verify.
 */
export async function archivePartition(db: Db, name: string, dir: string, opts: ArchiveOptions = {}): Promise<ArchiveResult> {
  if (!/^audit_events_y\d{4}m\d{2}$/.test(name)) throw new ArchiveRefusedError(`${name} is not a monthly audit partition`);
  const file = path.join(dir, `${name}.csv.gz`);
  const checksumFile = `${file}.sha256`;
  return db.transaction(async (tx) => {
    // SHARE: reads go on, nothing is inserted into this month while it is exported and dropped.
    await tx.execute(sql`lock table ${sql.identifier(name)} in share mode`);
    const [expected] = rowsOf<Expected>(
      await tx.execute(sql`select count(*)::int as rows, min(id)::text as "minId", max(id)::text as "maxId", coalesce(sum(id), 0)::text as "idSum" from ${sql.identifier(name)}`),
    );
    let written: { sha256: string; bytes: number };
    try {
      fs.mkdirSync(dir, { recursive: true });
      written = await writeExport(tx, name, file);
      fs.writeFileSync(checksumFile, `${written.sha256}  ${path.basename(file)}\n`);
    } catch (e) {
      removeQuietly(file, checksumFile);
      throw new ArchiveRefusedError(`could not write the export of ${name} to ${file}: ${e instanceof Error ? e.message : e}`);
    }
    await opts.afterWrite?.(file);
    try {
      verifyExport(file, checksumFile, expected);
    } catch (e) {
      removeQuietly(file, checksumFile);
      throw new ArchiveRefusedError(`the export of ${name} did not verify (${e instanceof Error ? e.message : e}); the partition is kept`);
    }
    // Each organisation's log says that this month was archived, where to, and with which checksum
    // (events without an organisation get one row without one): written in the transaction that drops it.
    const perOrg = rowsOf<{ org: string | null; n: number }>(await tx.execute(sql`select organisation_id::text as org, count(*)::int as n from ${sql.identifier(name)} group by 1`));
    // A short wait for the parent's lock (every audited change takes it briefly), then give up
    // rather than hold up the app: the next run tries again.
    await tx.execute(sql.raw(`set local lock_timeout = '${Math.max(1, Math.floor(opts.lockTimeoutSeconds ?? 10))}s'`));
    await tx.execute(sql`alter table audit_events detach partition ${sql.identifier(name)}`);
    await tx.execute(sql`drop table ${sql.identifier(name)}`);
    const month = `${name.slice(14, 18)}-${name.slice(19, 21)}`;
    await auditMany(
      tx,
      perOrg.map((p) => ({
        organisationId: p.org,
        action: "audit.archived" as const,
        targetType: "audit_month",
        targetId: month,
        detail: { month, events: p.n, file: path.basename(file), sha256: written.sha256 },
      })),
    );
    return { name, file, checksumFile, rows: expected.rows, sha256: written.sha256, bytes: written.bytes };
  });
}

function removeQuietly(...files: string[]) {
  for (const f of files) {
    try {
      fs.rmSync(f, { force: true });
    } catch {
      /* an unwritable place: nothing there to remove */
    }
  }
}

async function writeExport(tx: Tx, name: string, file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const table = sql.identifier(name);
  async function* lines() {
    yield ARCHIVE_HEADER;
    let after = "0";
    for (;;) {
      const batch = rowsOf<ArchiveRow>(
        await tx.execute(sql`
          select id::text as id, organisation_id::text as organisation_id, actor_user_id::text as actor_user_id, action, target_type, target_id,
                 outcome::text as outcome, detail::text as detail,
                 to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as occurred_at
          from ${table} where id > ${after}::bigint order by id limit ${BATCH}`),
      );
      if (batch.length === 0) return;
      yield batch.map(archiveLine).join("");
      after = batch[batch.length - 1].id!;
    }
  }
  await pipeline(Readable.from(lines()), createGzip(), tap, fs.createWriteStream(file, { flags: "w" }));
  return { sha256: hash.digest("hex"), bytes };
}

/** Reads the file back from disk: checksum (against the checksum file), then every record (count and ids). */
export function verifyExport(file: string, checksumFile: string, expected: Expected): void {
  const data = fs.readFileSync(file);
  const sum = createHash("sha256").update(data).digest("hex");
  const recorded = fs.readFileSync(checksumFile, "utf8").trim().split(/\s+/)[0];
  if (sum !== recorded) throw new Error(`checksum ${sum} does not match ${recorded}`);
  const text = gunzipSync(data).toString("utf8");
  let rows = 0;
  let minId: bigint | null = null;
  let maxId: bigint | null = null;
  let idSum = BigInt(0);
  let header = true;
  for (const cells of parseArchive(text)) {
    if (header) {
      if (cells.join(",") !== ARCHIVE_COLUMNS.join(",")) throw new Error("unexpected header");
      header = false;
      continue;
    }
    const id = BigInt(cells[0] ?? "x");
    rows++;
    idSum += id;
    if (minId === null || id < minId) minId = id;
    if (maxId === null || id > maxId) maxId = id;
  }
  if (header) throw new Error("no header");
  if (rows !== expected.rows) throw new Error(`${rows} rows in the file, ${expected.rows} in the partition`);
  if (String(minId) !== String(expected.minId) || String(maxId) !== String(expected.maxId) || String(idSum) !== expected.idSum) {
    throw new Error("the ids in the file are not the partition's");
  }
}
