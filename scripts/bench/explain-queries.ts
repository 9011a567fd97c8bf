/**
 * Runs every benchmarked page's data-layer calls with auto_explain on, so the plans recorded are
 * those of the exact SQL and parameters the app sends (EXPLAIN ANALYZE, BUFFERS). Two passes: as
 * the planner chooses, and with enable_seqscan = off, which shows whether an index exists for a
 * statement at all (a Seq Scan that survives it means no usable index).
 * Run by scripts/bench/run.ts with DATABASE_URL, DATABASE_POOL_SIZE=1 and PG_LOG=<server.log>:
 *   tsx --require ./scripts/bench/allow-server-only.cjs scripts/bench/explain-queries.ts
 * EXPLAIN_SCALE=N: the people of the ×N organisation (npm run seed:large -- --scale N) instead.
 * Prints one line "EXPLAIN-JSON <json>".
 */
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { countQueries } from "@/db/query-count";
import { closeDb, getDb } from "@/db/client";
import { orgOfScale } from "./lib/routes";
import type { Ctx } from "@/lib/core/context";
import { FIRST_LESSON_SQL, MEMBER_SQL, REVIEW_CASE_SQL } from "./lib/inputs-sql";
import { ROUTE_CALLS, type RouteInputs } from "./route-calls";

type Row = Record<string, unknown>;

async function rows(text: string, params: unknown[]): Promise<Row[]> {
  const db = await getDb();
  // $n placeholders through drizzle's raw SQL: build the statement with bound values.
  const parts = text.split(/\$(\d+)/);
  const chunks = parts.map((p, i) => (i % 2 === 0 ? sql.raw(p) : sql`${params[Number(p) - 1]}`));
  return (await db.execute(sql.join(chunks, sql``))) as unknown as Row[];
}

const ORG = orgOfScale(Number(process.env.EXPLAIN_SCALE || 1));

async function ctxFor(email: string): Promise<Ctx> {
  const [r] = await rows(MEMBER_SQL, [ORG.slug, email]);
  if (!r) throw new Error(`No member ${email} in ${ORG.slug}: seed the large data set first.`);
  return r as unknown as Ctx;
}

function readPlans(logFile: string, from: number): string[] {
  const fd = fs.openSync(logFile, "r");
  const size = fs.fstatSync(fd).size;
  const buf = Buffer.alloc(size - from);
  fs.readSync(fd, buf, 0, buf.length, from);
  fs.closeSync(fd);
  const plans: string[] = [];
  let current: string[] | null = null;
  for (const line of buf.toString("utf8").split("\n")) {
    if (/^\d{4}-\d\d-\d\d /.test(line)) {
      if (current) plans.push(current.join("\n"));
      current = /LOG:\s+duration: [\d.]+ ms\s+plan:/.test(line) ? [line.replace(/^.*LOG:\s+/, "")] : null;
    } else if (current) current.push(line.replace(/^\t/, ""));
  }
  if (current) plans.push(current.join("\n"));
  return plans;
}

export type ExplainedStatement = { route: string; pass: "planner" | "seqscan_off"; plan: string };

async function main() {
  const logFile = process.env.PG_LOG;
  if (!logFile) throw new Error("Set PG_LOG to the PostgreSQL server log.");
  if (process.env.DATABASE_POOL_SIZE !== "1") throw new Error("Run with DATABASE_POOL_SIZE=1 so every query uses the session where auto_explain is loaded.");
  const db = await getDb();
  const supervisor = await ctxFor(ORG.signIns.busySupervisor);
  const [c] = await rows(REVIEW_CASE_SQL, [supervisor.orgId, supervisor.membershipId]);
  const [lesson] = await rows(FIRST_LESSON_SQL, []);
  const inputs: RouteInputs = {
    trainee: await ctxFor(ORG.signIns.trainee),
    supervisor,
    admin: await ctxFor(ORG.signIns.admin),
    caseId: String(c.id),
    moduleSlug: String(lesson.moduleSlug),
    lessonSlug: String(lesson.lessonSlug),
  };
  for (const call of ROUTE_CALLS) await call.run(inputs); // warm the cache as the benchmark's warm-up does

  await db.execute(sql`load 'auto_explain'`);
  for (const s of ["log_analyze = on", "log_buffers = on", "log_timing = on", "log_format = 'text'"]) await db.execute(sql.raw(`set auto_explain.${s}`));
  const out: ExplainedStatement[] = [];
  const counts: Record<string, number> = {};
  for (const pass of ["planner", "seqscan_off"] as const) {
    await db.execute(sql.raw(`set enable_seqscan = ${pass === "planner" ? "on" : "off"}`));
    const from = fs.statSync(logFile).size;
    await db.execute(sql`set auto_explain.log_min_duration = 0`);
    const labels: string[] = [];
    for (const call of ROUTE_CALLS) {
      const r = await countQueries(() => call.run(inputs));
      counts[call.route] = r.count;
      labels.push(...r.statements.map(() => call.route));
    }
    await db.execute(sql`set auto_explain.log_min_duration = -1`);
    await new Promise((r) => setTimeout(r, 500)); // let the server write its log
    const plans = readPlans(logFile, from).filter((p) => !/Query Text: set /i.test(p));
    labels.forEach((route, i) => out.push({ route, pass, plan: plans[i] ?? "(no plan logged)" }));
  }
  await db.execute(sql`set enable_seqscan = on`);
  console.log(`EXPLAIN-JSON ${JSON.stringify({ inputs: { caseId: inputs.caseId, moduleSlug: inputs.moduleSlug, lessonSlug: inputs.lessonSlug }, counts, statements: out })}`);
}

main()
  .catch((e) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
