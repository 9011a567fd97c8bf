import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { insertAll } from "./insert";

// COPY ... FROM STDIN for the generated rows: PostgreSQL parses a text stream instead of a
// statement with 60,000 bind parameters, several times faster for the ×10 data set (a million
// and a half case rows). postgres.js streams it; PGlite reads it from a blob. Rows that COPY
// cannot express (a column one row sets and another leaves to an SQL default) go through
// multi-row INSERTs instead, as before.

type PgliteLike = { query: (q: string, params?: unknown[], opts?: { blob?: Blob }) => Promise<unknown> };
type PostgresLike = { unsafe: (q: string) => { writable: () => Promise<Writable> } };

const CHUNK_CHARS = 1 << 20;

/** One value in COPY's text format (NULL is \N; backslash, tab and line breaks escaped). */
export function copyCell(v: unknown): string {
  if (v === null || v === undefined) return "\\N";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "boolean") return v ? "t" : "f";
  const s = typeof v === "object" ? JSON.stringify(v) : String(v);
  return s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

type Plan = { sqlColumns: string[]; encode: (row: Record<string, unknown>) => string };

/**
 * The columns to send and how to encode a row, or null when the rows are not uniform: a column
 * some rows give and others leave to a default that only the database can compute (now(),
 * gen_random_uuid()).
 */
export function copyPlan<T extends PgTable>(table: T, rows: readonly T["$inferInsert"][]): Plan | null {
  const columns = Object.entries(getTableColumns(table));
  const given = new Set<string>();
  for (const r of rows) for (const [k, v] of Object.entries(r as Record<string, unknown>)) if (v !== undefined) given.add(k);
  const used = columns.filter(([k]) => given.has(k));
  for (const [k, col] of used) {
    if (!col.hasDefault || col.defaultFn) continue;
    const sqlDefault = typeof col.default === "object" && col.default !== null && !(col.default instanceof Date);
    if (sqlDefault && rows.some((r) => (r as Record<string, unknown>)[k] === undefined)) return null;
  }
  return {
    sqlColumns: used.map(([, c]) => c.name),
    encode: (row) =>
      used
        .map(([k, col]) => {
          let v = row[k];
          if (v === undefined) v = col.defaultFn ? col.defaultFn() : col.hasDefault ? col.default : null;
          return copyCell(v === null || v === undefined ? null : col.mapToDriverValue(v));
        })
        .join("\t") + "\n",
  };
}

async function copyPostgres(client: PostgresLike, statement: string, lines: Iterable<string>): Promise<void> {
  const w = await client.unsafe(statement).writable();
  let buf = "";
  for (const line of lines) {
    buf += line;
    if (buf.length >= CHUNK_CHARS) {
      if (!w.write(buf)) await once(w, "drain");
      buf = "";
    }
  }
  w.end(buf);
  await finished(w);
}

async function copyPglite(client: PgliteLike, statement: string, lines: Iterable<string>): Promise<void> {
  const parts: string[] = [];
  for (const line of lines) parts.push(line);
  await client.query(statement.replace("from stdin", "from '/dev/blob'"), [], { blob: new Blob(parts) });
}

/** Inserts `rows` into `table` with COPY where the driver allows it; returns the number of rows. */
export async function copyRows<T extends PgTable>(db: Db, table: T, rows: T["$inferInsert"][]): Promise<number> {
  if (rows.length === 0) return 0;
  const plan = copyPlan(table, rows);
  const client = (db as unknown as { $client?: unknown }).$client;
  const isPostgres = typeof (client as PostgresLike | undefined)?.unsafe === "function";
  const isPglite = !isPostgres && typeof (client as PgliteLike | undefined)?.query === "function";
  if (!plan || (!isPostgres && !isPglite)) return insertAll(db, table, rows);
  const statement = `copy "${getTableName(table)}" (${plan.sqlColumns.map((c) => `"${c}"`).join(", ")}) from stdin`;
  // PGlite holds the whole text in memory: keep each COPY to a bounded number of rows.
  const step = isPostgres ? rows.length : 20_000;
  for (let i = 0; i < rows.length; i += step) {
    const part = rows.slice(i, i + step);
    const lines = (function* () {
      for (const r of part) yield plan.encode(r as Record<string, unknown>);
    })();
    if (isPostgres) await copyPostgres(client as PostgresLike, statement, lines);
    else await copyPglite(client as PgliteLike, statement, lines);
  }
  return rows.length;
}
