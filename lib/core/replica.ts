import "server-only";
import { sql } from "drizzle-orm";
import { getDb, getReplicaDb, type Db } from "@/db/client";
import { rowsOf } from "@/db/rows";
import type { Ctx } from "./context";

// Heavy reads on a PostgreSQL streaming replica (DATABASE_REPLICA_URL). Used ONLY by the reports,
// the completion matrix, the CSV exports, the insight charts and the audit log viewer: reads of
// many rows that someone else mostly wrote, where a second's staleness changes nothing. Everything
// else reads from the primary, and so does every authorisation decision: callers check the caller's
// permission (and, where it depends on data, the relation) on the primary first, then hand only
// the heavy query to readReplica. docs/ARCHITECTURE.md ("Read replica") says what a person may see.
//
// - Read-your-writes: someone who changed something in the last RECENT_WRITE_SECONDS (any audited
//   change they made: every mutation writes an audit row with its actor) reads from the primary,
//   so an admin who has just changed a role sees it in the audit log at once. One indexed probe on
//   the primary, made only when a replica is configured.
// - Fallback: a replica that is unreachable or fails with a connection-class error is skipped for
//   SKIP_AFTER_FAILURE_MS; the read runs again on the primary, and one line is logged (at most one
//   a minute). A person never sees an error page because of the replica.
// - `read` may run twice (replica, then primary): it must only read.

export const RECENT_WRITE_SECONDS = 10;
const SKIP_AFTER_FAILURE_MS = 30_000;
const LOG_EVERY_MS = 60_000;

type ServedBy = "replica" | "primary" | "fallback";
type State = { skipUntil: number; lastLog: number; quiet: number; served: Record<ServedBy, number> };
const g = globalThis as unknown as { __rapportReplicaState?: State };
const state: State = (g.__rapportReplicaState ??= { skipUntil: 0, lastLog: 0, quiet: 0, served: { replica: 0, primary: 0, fallback: 0 } });

/** How many heavy reads each side served in this process (tests and the benchmark read it). */
export function replicaStats(): Record<ServedBy, number> {
  return { ...state.served };
}

/** Forget a failure (tests restart the replica and want it tried at once). */
export function resetReplicaState(): void {
  state.skipUntil = 0;
  state.lastLog = 0;
  state.quiet = 0;
}

/** Runs a heavy read on the replica when there is one and it is fit to answer; otherwise on the primary. */
export async function readReplica<T>(ctx: Pick<Ctx, "userId">, read: (db: Db) => Promise<T>): Promise<T> {
  const replica = getReplicaDb();
  const primary = await getDb();
  if (!replica || Date.now() < state.skipUntil || (await wroteRecently(primary, ctx.userId))) {
    state.served.primary++;
    return read(primary);
  }
  try {
    const result = await read(replica);
    state.served.replica++;
    return result;
  } catch (e) {
    if (!isReplicaFailure(e)) throw e;
    state.skipUntil = Date.now() + SKIP_AFTER_FAILURE_MS;
    note(e);
    state.served.fallback++;
    return read(primary);
  }
}

async function wroteRecently(primary: Db, userId: string): Promise<boolean> {
  // audit_events_actor_time_idx; only the current month's partition (and the empty default one) is read.
  const rows = rowsOf<{ yes: boolean }>(
    await primary.execute(sql`select exists (
      select 1 from audit_events
      where actor_user_id = ${userId} and occurred_at > now() - make_interval(secs => ${RECENT_WRITE_SECONDS})
        and action not like '%.viewed') as yes`),
  );
  return Boolean(rows[0]?.yes);
}

// Network failures (Node and postgres.js codes) and SQLSTATEs that mean "this server cannot answer
// now": connection exceptions (08xxx), shutting down or starting up (57P01-57P03), too many
// connections, a login the replica refuses or a database it lacks (misconfiguration: still not
// a reason to fail a report), and a query cancelled by a conflict with WAL replay (40001 on a standby).
const NETWORK = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);
const SQLSTATE = new Set(["57P01", "57P02", "57P03", "53300", "28000", "28P01", "3D000"]);

function codeOf(e: unknown): string | null {
  for (let x = e, depth = 0; x && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    const code = (x as { code?: unknown }).code;
    const errno = (x as { errno?: unknown }).errno;
    if (typeof code === "string") return code;
    if (typeof errno === "string") return errno;
  }
  return null;
}

function messages(e: unknown): string {
  const out: string[] = [];
  for (let x = e, depth = 0; x && depth < 5; x = (x as { cause?: unknown }).cause, depth++) out.push(x instanceof Error ? x.message : String(x));
  return out.join(" | ");
}

export function isReplicaFailure(e: unknown): boolean {
  const code = codeOf(e);
  if (!code) return false;
  if (NETWORK.has(code) || SQLSTATE.has(code) || code.startsWith("08")) return true;
  return code === "40001" && /conflict with recovery/i.test(messages(e));
}

function note(e: unknown): void {
  const now = Date.now();
  if (now - state.lastLog < LOG_EVERY_MS) {
    state.quiet++;
    return;
  }
  const more = state.quiet ? ` (${state.quiet} more since the last message)` : "";
  console.warn(`[rapport] read replica unavailable (${codeOf(e)}): reports read from the primary for the next ${SKIP_AFTER_FAILURE_MS / 1000} s${more}.`);
  state.lastLog = now;
  state.quiet = 0;
}
