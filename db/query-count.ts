import { AsyncLocalStorage } from "node:async_hooks";

// Counts the SQL statements issued inside a scope: used by query-budget tests and the benchmark
// to catch N+1 patterns. Costs one AsyncLocalStorage lookup per query when nothing is counting.

type Counter = { count: number; statements: string[] };
const storage = new AsyncLocalStorage<Counter>();

export function noteQuery(sqlText: string): void {
  const c = storage.getStore();
  if (!c) return;
  c.count += 1;
  if (c.statements.length < 200) c.statements.push(sqlText);
}

export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; count: number; statements: string[] }> {
  const counter: Counter = { count: 0, statements: [] };
  const result = await storage.run(counter, fn);
  return { result, count: counter.count, statements: counter.statements };
}
