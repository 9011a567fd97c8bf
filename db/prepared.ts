import type { Db } from "./client";

// drizzle rebuilds a query's SQL from its builder on every execution (about 0.1 ms for the
// session lookup, a join of four tables). The queries every page runs are built once per
// database client instead, with placeholders for their parameters, and executed with values.
// Measured side by side with the cache off (docs/BENCHMARKS-AB.md): the lesson page and trainee
// home served 1.3-1.8 times the requests per second in every paired round.

// RAPPORT_PREPARED_CACHE=off builds the query on every call instead: a measurement switch for
// scripts/bench/ab.ts, which serves one build with and without it to show what the cache is worth.
const CACHE = process.env.RAPPORT_PREPARED_CACHE !== "off";

/** `build` runs once per client; the returned function hands back that client's prepared query. */
export function oncePerDb<T>(build: (db: Db) => T): (db: Db) => T {
  if (!CACHE) return build;
  const byDb = new WeakMap<Db, T>();
  return (db) => {
    let q = byDb.get(db);
    if (q === undefined) {
      q = build(db);
      byDb.set(db, q);
    }
    return q;
  };
}
