/**
 * `npm run bench`: production build, throwaway PostgreSQL with the large data set, then autocannon
 * against each page as the right person, two baselines, a two-instance run, client JS weight,
 * query plans and the scanner micro-benchmark. Writes docs/BENCHMARKS.md and prints the table.
 * Env: BENCH_DURATION (s, default 20), BENCH_WARMUP (s, default 5), BENCH_CONNECTIONS (default 20),
 * BENCH_SKIP_BUILD=1 (reuse .next-bench), BENCH_OUTPUT (default docs/BENCHMARKS.md),
 * BENCH_ONLY=<regex> (measure only the routes whose name matches; skips the baselines, the
 * two-instance run, client JS, query plans and the scanner, and writes to BENCH_OUTPUT or a file in
 * the log folder, never over docs/BENCHMARKS.md), BENCH_REPLICA=1 (also the completion matrix from a
 * streaming replica against the primary while a writer inserts: scripts/bench/lib/replica.ts).
 * `--scales 1,10` (or BENCH_SCALES=1,10, or BENCH_SCALE10=1): also seeds the ×10 organisation
 * (`npm run seed:large -- --scale 10`) and measures every route at each scale, one after the
 * other, as that scale's people; reports the p95 ratio to scale 1 and queries per request.
 * BENCH_BASELINE=1 with BENCH_ONLY also measures the prerendered baseline (the lesson page's target).
 * BENCH_PG_LOG: the existing cluster's server log (default server.log beside BENCH_PG_DATA).
 * BENCH_EMBEDDED=0 skips the embedded-default stage (fresh clone start, restart, memory).
 * Everything it starts is stopped at the end, on error and on Ctrl-C; it only targets 127.0.0.1.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { DEFAULT_POOL_SIZE } from "@/db/client";
import { getPage } from "./lib/auth";
import { clientWeights } from "./lib/client-weight";
import { benchEmbedded, type EmbeddedResult } from "./lib/embedded";
import { measure, type LoadOptions } from "./lib/load";
import { cpuProbe, memoryOf, percentOfCore } from "./lib/cpu";
import { machine } from "./lib/machine";
import { startPostgres } from "./lib/pg";
import { replicaRows } from "./lib/replica";
import { LARGE_ORG } from "@/scripts/seed/large/constants";
import { cleanupAll, freePort, local, run, startProcess, waitForHttp, type Proc } from "./lib/procs";
import { renderReport, table, type Row, type Target } from "./lib/report";
import { routesFor, scaleInputs, type BenchRoute, type ScaleInputs } from "./lib/routes";
import { measureRoutes } from "./lib/scale-runs";
import { benchScales } from "./lib/scales";
import { evaluate } from "./lib/targets";
import { recordPlans, type PlansRecorded } from "./lib/explain";
import { planWorkers } from "@/lib/server/cluster";

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = ".next-bench";
const POOL = DEFAULT_POOL_SIZE; // per worker, as in production (db/client.ts explains the choice)
// Workers per app instance: what `npm start` would run here (one per core with PostgreSQL).
const WORKERS = Number(process.env.BENCH_WORKERS) || (planWorkers({ DATABASE_URL: "postgres://bench" }) as { workers: number }).workers;
const cfg = {
  duration: Number(process.env.BENCH_DURATION || 20),
  warmup: Number(process.env.BENCH_WARMUP ?? 5),
  connections: Number(process.env.BENCH_CONNECTIONS || 20),
};
const ONLY = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, "i") : null;
const SCALES = benchScales(process.argv.slice(2), process.env);
// Runs per route and scale when comparing scales (A B B A A B … ; BENCH_SCALE_ROUNDS overrides),
// each BENCH_SCALE_RUN_SECONDS long: six runs of 10 s per side, alternating, take about as long as
// three of 20 s and leave a burst of someone else's work less room to fall on one side only.
const ROUNDS = Number(process.env.BENCH_SCALE_ROUNDS || (SCALES.length > 1 ? 6 : 1));
const SCALE_RUN_SECONDS = SCALES.length > 1 ? Number(process.env.BENCH_SCALE_RUN_SECONDS || 10) : undefined;
const LOGS = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-bench-logs."));
const OUTPUT = path.resolve(ROOT, process.env.BENCH_OUTPUT || (ONLY ? path.join(LOGS, "BENCHMARKS.only.md") : "docs/BENCHMARKS.md"));
const NODE = process.execPath;
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const NEXT = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const step = (s: string) => console.log(`\n== ${s}`);

/** next build rewrites tsconfig.json and next-env.d.ts to name its folder: put them back. */
async function build() {
  if (process.env.BENCH_SKIP_BUILD === "1" && fs.existsSync(path.join(ROOT, DIST, "BUILD_ID"))) return console.log(`reusing ${DIST}`);
  // next-env.d.ts is not committed: a fresh clone has none until the first build writes it.
  const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, "utf8") : null);
  const keep = ["tsconfig.json", "next-env.d.ts"].map((f) => ({ f: path.join(ROOT, f), text: read(path.join(ROOT, f)) }));
  try {
    await run(NODE, [NEXT, "build"], { cwd: ROOT, env: { ...process.env, NEXT_DIST_DIR: DIST, NODE_ENV: "production" }, logFile: path.join(LOGS, "build.log"), quiet: true });
  } finally {
    for (const k of keep) if (k.text !== null && read(k.f) !== k.text) fs.writeFileSync(k.f, k.text);
  }
}

/** The production server (`npm run serve`: next start in WORKERS processes sharing the port). */
function startApp(name: string, port: number, env: Record<string, string>): Proc {
  return startProcess(name, NODE, ["--import", "tsx", "scripts/serve.ts"], {
    cwd: ROOT,
    env: { ...process.env, ...env, NODE_ENV: "production", NEXT_DIST_DIR: DIST, PORT: String(port), HOST: "127.0.0.1", WEB_CONCURRENCY: String(WORKERS) },
    logFile: path.join(LOGS, `${name}.log`),
  });
}

async function main() {
  const t0 = Date.now();
  console.log(`Logs: ${LOGS}`);
  step("production build");
  await build();

  step("PostgreSQL");
  // BENCH_DATABASE_URL: an existing cluster with pg_stat_statements preloaded and its data folder
  // in BENCH_PG_DATA (seeding then adds only what is missing): for iterating on one route
  // without re-seeding the ×10 data set each time.
  const pg = process.env.BENCH_DATABASE_URL ? existingPostgres(process.env.BENCH_DATABASE_URL) : await startPostgres({ preload: ["pg_stat_statements"] });
  const sql = postgres(pg.url, { max: 2, onnotice: () => {} });
  const version = (await sql`select version()`)[0].version as string;
  const dbEnv = { DATABASE_URL: pg.url, DATABASE_POOL_SIZE: String(POOL) };

  step("migrate, demo data, large data set");
  await run(NODE, [TSX, "scripts/seed/index.ts"], { cwd: ROOT, env: { ...process.env, ...dbEnv }, quiet: true });
  const seeds: { scale: number; seconds: number; output: string }[] = [];
  for (const scale of SCALES) {
    if (scale > 1) step(`data set at scale ${scale}`);
    const seedStart = Date.now();
    const output = await run(NODE, [TSX, "scripts/seed/large.ts", ...(scale === 1 ? [] : ["--scale", String(scale)])], { cwd: ROOT, env: { ...process.env, ...dbEnv } });
    seeds.push({ scale, seconds: (Date.now() - seedStart) / 1000, output });
  }
  const seedSeconds = seeds[0].seconds;
  const seedOutput = seeds.map((x) => x.output.trim()).join("\n\n");
  await sql.unsafe("create extension if not exists pg_stat_statements");

  step("app");
  const secret = randomBytes(32).toString("base64url");
  const appEnv = { ...dbEnv, AUTH_SECRET: secret, AUTH_TRUST_HOST: "true", RAPPORT_HSTS: "off", APP_URL: "http://127.0.0.1" };
  const portA = await freePort();
  const appA = startApp("app-a", portA, appEnv);
  await waitForHttp(local(portA, "/api/health"), appA);
  const base = local(portA, "");
  const inputs: ScaleInputs[] = [];
  for (const scale of SCALES) inputs.push(await scaleInputs(base, sql, scale));
  const cookies = inputs[0].cookies;
  const lessonPath = inputs[0].lessonPath;
  const reviewCase = { id: inputs[0].reviewCaseId };
  // Scale-1 routes in the report's order; each followed by the same route at the other scales.
  const routes = inputs.flatMap((i) => routesFor(i)).filter((r) => !ONLY || ONLY.test(r.short) || ONLY.test(r.name));
  const routesAt1 = routes.filter((r) => r.scale === 1);
  const ordered = routesAt1.flatMap((r) => routes.filter((x) => x.short === r.short));
  // A broken route (redirect, error page) must not be measured as a fast one.
  let lessonHtml = "";
  for (const r of ordered) {
    const html = await getPage(base + r.path, r.cookie);
    if (!html.includes(r.expect)) throw new Error(`${r.name} (${r.path}) did not contain "${r.expect}"`);
    if (r.name === "Lesson page") lessonHtml = html;
  }
  const seedInfo = { seconds: seedSeconds, output: seedOutput, scales: seeds };
  if (ONLY) return onlyRoutes(ordered, base, sql, pg, appA, version, seedInfo, t0);

  step("baselines");
  const lessonFile = path.join(LOGS, "lesson.html");
  fs.writeFileSync(lessonFile, lessonHtml);
  const plainPort = await freePort();
  const plain = startProcess("plain-node", NODE, [path.join(__dirname, "plain-server.mjs"), String(plainPort), lessonFile], {
    cwd: ROOT,
    env: { ...process.env, WORKERS: String(WORKERS) },
    logFile: path.join(LOGS, "plain.log"),
  });
  await waitForHttp(local(plainPort, "/"), plain);
  // What Next.js serves without rendering, through the same proxy.ts. Since every page is rendered
  // per request (app/layout.tsx: the CSP nonce must be on each page's scripts), no page is
  // prerendered any more; /icon.svg is the build's prerendered response.
  const staticPath = PRERENDERED_PATH;
  await prerenderedAnswers(base);

  const load: LoadOptions = { connections: cfg.connections, duration: cfg.duration, warmup: cfg.warmup };
  const loadBefore = os.loadavg();
  const proxyNotes: string[] = [];
  const rows: Row[] = [];
  const probe = (procs: Proc[]) => cpuProbe(() => procs.map((p) => p.child.pid!), path.join(pg.dir, "data"));
  /** One measured route with the CPU its server processes and PostgreSQL used meanwhile. */
  const measured = async (name: string, url: string, o: LoadOptions, servers: Proc[], before?: () => Promise<void>) => {
    const cpu = probe(servers);
    let app0 = 0;
    let pg0 = 0;
    let t = 0;
    const m = await measure(name, url, {
      ...o,
      beforeMeasure: async () => {
        await before?.();
        app0 = cpu.app();
        pg0 = cpu.pg();
        t = Date.now();
      },
    });
    const secs = (Date.now() - t) / 1000;
    return { ...m, appCpu: percentOfCore(cpu.app() - app0, secs), pgCpu: percentOfCore(cpu.pg() - pg0, secs) };
  };
  step(`load: ${cfg.connections} connections, ${cfg.warmup} s warm-up + ${cfg.duration} s per route${SCALES.length > 1 ? `; at scales ${SCALES.join(", ")}, ${ROUNDS} run(s) of ${SCALE_RUN_SECONDS} s per scale instead` : ""}`);
  rows.push(...(await measureRoutes({ routes: ordered, base, sql, app: appA, pgData: path.join(pg.dir, "data"), load, rounds: ROUNDS, scaleRunSeconds: SCALE_RUN_SECONDS })));
  rows.push({ ...(await measured("Baseline: plain Node.js http, same bytes as the lesson page", local(plainPort, "/"), load, [plain])), group: "baseline" });
  rows.push({ ...(await measured(PRERENDERED_NAME, base + staticPath, load, [appA])), group: "baseline" });

  // Memory of the app instance (primary, workers, and tsx's esbuild service) after every route ran.
  const appMemory = memoryOf([appA.child.pid!]);

  step("client JavaScript");
  const weights = await clientWeights(
    base,
    [
      { name: "Sign-in page", path: "/login" },
      { name: "Lesson page", path: lessonPath, cookie: cookies.trainee, budgetKb: 150 },
      { name: "Trainee home", path: "/home", cookie: cookies.trainee, budgetKb: 150 },
      { name: "Review queue", path: "/reviews", cookie: cookies.supervisor },
      { name: "Case review page", path: `/reviews/${reviewCase.id}`, cookie: cookies.supervisor },
      { name: "Completion matrix", path: "/admin/reports", cookie: cookies.admin },
      { name: "Members list", path: "/admin/members", cookie: cookies.admin },
    ],
    { path: "/account", cookie: cookies.trainee },
  );
  for (const w of weights) console.log(`  ${w.name.padEnd(20)} ${w.gzipKb.toFixed(1).padStart(6)} KB gzip in ${w.chunks} chunks; beyond the shell: ${w.extraOverShell.length}`);

  step("two app instances behind a round-robin proxy, one PostgreSQL");
  await sql`select pg_stat_statements_reset()`;
  const portB = await freePort();
  const appB = startApp("app-b", portB, appEnv);
  await waitForHttp(local(portB, "/api/health"), appB);
  const oneProxyPort = await freePort();
  const twoProxyPort = await freePort();
  const p1 = startProcess("proxy-1", NODE, [path.join(__dirname, "proxy.mjs"), String(oneProxyPort), String(portA)], { cwd: ROOT, logFile: path.join(LOGS, "proxy-1.log") });
  const p2 = startProcess("proxy-2", NODE, [path.join(__dirname, "proxy.mjs"), String(twoProxyPort), String(portA), String(portB)], { cwd: ROOT, logFile: path.join(LOGS, "proxy-2.log") });
  await waitForHttp(local(oneProxyPort, "/api/health"), p1);
  await waitForHttp(local(twoProxyPort, "/api/health"), p2);
  // The session cookie minted by instance A is accepted by B: same AUTH_SECRET, nothing in memory.
  await getPage(local(portB, lessonPath), cookies.trainee);
  rows.push({ ...(await measured("Lesson page, 1 instance via the proxy", local(oneProxyPort, lessonPath), { ...load, cookie: cookies.trainee }, [appA])), group: "scale" });
  rows.push({ ...(await measured("Lesson page, 2 instances via the proxy", local(twoProxyPort, lessonPath), { ...load, cookie: cookies.trainee }, [appA, appB])), group: "scale" });
  rows.push({ ...(await measured("Review queue, 1 instance via the proxy", local(oneProxyPort, "/reviews"), { ...load, cookie: cookies.supervisor }, [appA])), group: "scale" });
  rows.push({ ...(await measured("Review queue, 2 instances via the proxy", local(twoProxyPort, "/reviews"), { ...load, cookie: cookies.supervisor }, [appA, appB])), group: "scale" });

  for (const p of [p1, p2]) {
    const log = fs.readFileSync(p.logFile, "utf8");
    const retries = log.split("\n").filter((l) => l.startsWith("retry ")).length;
    const bad = log.split("\n").filter((l) => l.startsWith("502 ")).length;
    if (retries || bad) proxyNotes.push(`${p.name}: ${retries} GET(s) retried after a reset kept-alive upstream connection, ${bad} answered 502 (see ${p.logFile}).`);
  }

  if (process.env.BENCH_REPLICA === "1") {
    step("read replica: the completion matrix from a streaming replica and from the primary, a writer inserting");
    const r = await replicaRows({ primaryUrl: pg.url, writerOrgSlug: LARGE_ORG.slug, startApp, appEnv, primaryBase: base, path: "/admin/reports", cookie: cookies.admin, expect: "matrix-row", load });
    rows.push(...r.rows);
    proxyNotes.push(...r.notes);
  }

  step("query plans (auto_explain)");
  let explain: PlansRecorded | null = null;
  try {
    explain = await recordPlans(ROOT, pg.url, pg.logFile);
  } catch (e) {
    console.error(`EXPLAIN step failed: ${e instanceof Error ? e.message : e}`);
  }

  step("scanner micro-benchmark");
  const scanner = await run(NODE, [TSX, "scripts/bench-scanner.ts"], { cwd: ROOT, quiet: true }).catch((e) => `failed: ${e instanceof Error ? e.message : e}`);

  let embedded: EmbeddedResult | null = null;
  if (process.env.BENCH_EMBEDDED !== "0") {
    step("embedded default: npm start on a fresh clone, a restart, memory under load");
    embedded = await benchEmbedded({ root: ROOT, logs: LOGS, load }).catch((e) => {
      console.error(`Embedded stage failed: ${e instanceof Error ? e.message : e}`);
      return null;
    });
  }

  const { targets, notes } = evaluate(rows, routesAt1, weights, { embedded });
  notes.push(...proxyNotes);
  const mb = (n: number) => `${n.toFixed(0)} MB`;
  notes.push(
    `Memory of the app instance after the route runs (resident now / peak): ${appMemory.map((m) => `${m.name} ${mb(m.rssMb)} / ${mb(m.peakMb)}`).join("; ")}; ` +
      `${mb(appMemory.reduce((n, m) => n + m.rssMb, 0))} resident in all. Each worker holds its own copy of the server bundle and its own pool of ${POOL} connections.`,
  );
  const la = (l: number[]) => l.map((x) => x.toFixed(1)).join(" / ");
  notes.push(`Load average (1 / 5 / 15 min) when the load runs began: ${la(loadBefore)}; at the end: ${la(os.loadavg())}. Above 2 means processes were queueing for the 2 cores, including work outside this benchmark.`);
  const report = renderReport({
    machine: machine(ROOT, version.split(" on ")[0]),
    config: { ...cfg, poolSize: POOL, workers: WORKERS, pgSettings: pg.settings, scaleRunSeconds: SCALE_RUN_SECONDS },
    seed: seedInfo,
    rows,
    targets,
    weights,
    explain,
    embedded,
    scanner,
    staticChoice:
      "/reset-password is prerendered at build time (○ in the build output) and public, so it measures Next.js serving a static page through the same server and proxy.ts (which adds the CSP header) with no rendering and no database: the ceiling for any page of this app on this machine.",
    notes,
  });
  fs.writeFileSync(OUTPUT, report);
  await sql.end({ timeout: 5 });

  step(`results (${((Date.now() - t0) / 60000).toFixed(1)} min; written to ${path.relative(ROOT, OUTPUT)})`);
  console.log(table(rows));
  console.log("");
  for (const t of targets) console.log(`${t.pass ? "PASS" : "FAIL"}  ${t.what}: ${t.measured} (limit ${t.limit})`);
}

function existingPostgres(url: string): Awaited<ReturnType<typeof startPostgres>> {
  const data = process.env.BENCH_PG_DATA;
  if (!data || !fs.existsSync(path.join(data, "postmaster.pid"))) throw new Error("With BENCH_DATABASE_URL set BENCH_PG_DATA to the cluster's data folder.");
  // The query-plan step reads auto_explain's output from the server log: checked now, not after
  // forty minutes of load (a cluster started with `pg_ctl -l <file>` logs wherever that file is).
  const logFile = process.env.BENCH_PG_LOG || path.join(path.dirname(data), "server.log");
  if (!fs.existsSync(logFile)) throw new Error(`No server log at ${logFile}: set BENCH_PG_LOG to the file the cluster logs to (pg_ctl -l).`);
  return { url, port: Number(new URL(url).port), dir: path.dirname(data), logFile, settings: [`an existing cluster (BENCH_DATABASE_URL; ${path.dirname(data)})`] };
}

const PRERENDERED_PATH = "/icon.svg";
const PRERENDERED_NAME = "Baseline: prerendered Next.js response (/icon.svg, through proxy.ts)";

/** The baseline must be the icon itself: a redirect (proxy.ts sending visitors to sign in) would measure nothing. */
async function prerenderedAnswers(base: string): Promise<void> {
  const res = await fetch(base + PRERENDERED_PATH, { redirect: "manual" });
  if (res.status !== 200) throw new Error(`${PRERENDERED_PATH} answered ${res.status}, not 200: the prerendered baseline would not measure a prerendered response.`);
}

/** BENCH_ONLY: the chosen routes under load (at every scale asked for), reported alone. */
async function onlyRoutes(
  routes: readonly BenchRoute[],
  base: string,
  sql: postgres.Sql,
  pg: Awaited<ReturnType<typeof startPostgres>>,
  app: Proc,
  version: string,
  seed: { seconds: number; output: string; scales: { scale: number; seconds: number; output: string }[] },
  t0: number,
) {
  const load: LoadOptions = { connections: cfg.connections, duration: cfg.duration, warmup: cfg.warmup };
  step(`load (BENCH_ONLY=${process.env.BENCH_ONLY}): ${cfg.connections} connections, ${cfg.warmup} s warm-up + ${cfg.duration} s per route${SCALES.length > 1 ? ` at scales ${SCALES.join(", ")}, ${ROUNDS} run(s) of ${SCALE_RUN_SECONDS} s each` : ""}`);
  const loadBefore = os.loadavg();
  const rows = await measureRoutes({ routes, base, sql, app, pgData: path.join(pg.dir, "data"), load, rounds: ROUNDS, scaleRunSeconds: SCALE_RUN_SECONDS });
  // BENCH_BASELINE=1: also the prerendered Next.js response, for the lesson page's throughput target.
  if (process.env.BENCH_BASELINE === "1") {
    await prerenderedAnswers(base);
    rows.push({ ...(await measure(PRERENDERED_NAME, base + PRERENDERED_PATH, load)), group: "baseline" });
  }
  const { targets, notes } = evaluate(rows, routes.filter((r) => r.scale === 1), [], { embedded: null });
  notes.push(`Only the routes matching BENCH_ONLY=${process.env.BENCH_ONLY} were measured: no baselines, client JavaScript, query plans, two-instance run or embedded stage.`);
  const la = (l: number[]) => l.map((x) => x.toFixed(1)).join(" / ");
  notes.push(`Load average (1 / 5 / 15 min) when the load runs began: ${la(loadBefore)}; at the end: ${la(os.loadavg())}.`);
  const report = renderReport({
    machine: machine(ROOT, version.split(" on ")[0]),
    config: { ...cfg, poolSize: POOL, workers: WORKERS, pgSettings: pg.settings, scaleRunSeconds: SCALE_RUN_SECONDS },
    seed,
    rows,
    targets,
    weights: [],
    explain: null,
    embedded: null,
    scanner: "(not run: BENCH_ONLY)",
    staticChoice: "(not measured: BENCH_ONLY)",
    notes,
  });
  fs.writeFileSync(OUTPUT, report);
  await sql.end({ timeout: 5 });
  step(`results (${((Date.now() - t0) / 60000).toFixed(1)} min; written to ${OUTPUT})`);
  console.log(table(rows));
  console.log("");
  for (const x of targets) console.log(`${x.pass ? "PASS" : "FAIL"}  ${x.what}: ${x.measured} (limit ${x.limit})`);
}

main()
  .catch((e) => {
    console.error(`\nBenchmark failed: ${e instanceof Error ? (e.stack ?? e.message) : e}\nLogs: ${LOGS}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    await cleanupAll();
  });
