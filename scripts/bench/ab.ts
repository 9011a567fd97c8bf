/**
 * A/B run: two checkouts of Rapport (BENCH_A_DIR, BENCH_B_DIR, each with its production build in
 * .next-bench, built here when missing) served side by side against one throwaway PostgreSQL with
 * the large data set (migrated and seeded from B), then the same pages measured on each in turn,
 * alternating which goes first, for BENCH_ROUNDS rounds. The two servers share the machine, the
 * database and the moment, so the difference between them is the difference between the builds;
 * the spread between rounds of one build is the run's noise. Prints the table and writes
 * BENCH_OUTPUT (markdown) when given.
 *
 * Used for issue 15's question: do the three long tables render faster as escaped strings
 * (lib/html.ts, before 33331b4) than as React server components (33331b4)?
 *   git worktree add /tmp/ab-a 33331b4^ && git worktree add /tmp/ab-b 33331b4
 *   ln -s "$PWD/node_modules" /tmp/ab-a/node_modules; ln -s "$PWD/node_modules" /tmp/ab-b/node_modules
 *   BENCH_A_DIR=/tmp/ab-a BENCH_B_DIR=/tmp/ab-b npx tsx scripts/bench/ab.ts
 * And for the prepared hot queries (db/prepared.ts), one build served twice, B with the cache off:
 *   BENCH_A_DIR=. BENCH_B_DIR=. BENCH_B_ENV="RAPPORT_PREPARED_CACHE=off" BENCH_ROUTES=hot npx tsx scripts/bench/ab.ts
 * Env: BENCH_ROUNDS (default 3), BENCH_DURATION (s, default 15), BENCH_WARMUP (s, default 5),
 * BENCH_CONNECTIONS (default 20), BENCH_A_LABEL / BENCH_B_LABEL, BENCH_A_ENV / BENCH_B_ENV
 * ("NAME=value;NAME=value", for that side's server), BENCH_ROUTES ("tables", the default, or "hot").
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { LARGE_PASSWORD, LARGE_SIGN_INS } from "@/scripts/seed/large";
import { getPage, signIn } from "./lib/auth";
import { FIRST_LESSON_SQL } from "./lib/inputs-sql";
import { measure, type Measured } from "./lib/load";
import { startPostgres } from "./lib/pg";
import { cleanupAll, freePort, local, run, startProcess, waitForHttp, type Proc } from "./lib/procs";

const NODE = process.execPath;
const DIST = ".next-bench";
const step = (s: string) => console.log(`\n== ${s}`);
const cfg = {
  rounds: Number(process.env.BENCH_ROUNDS || 3),
  duration: Number(process.env.BENCH_DURATION || 15),
  warmup: Number(process.env.BENCH_WARMUP ?? 5),
  connections: Number(process.env.BENCH_CONNECTIONS || 20),
};
const LOGS = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-ab-logs."));

type Side = { key: "A" | "B"; dir: string; label: string; port: number; env: Record<string, string>; app?: Proc };

function envOf(spec: string | undefined): Record<string, string> {
  return Object.fromEntries((spec ?? "").split(";").filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]));
}

function sideOf(key: "A" | "B"): Side {
  const dir = process.env[`BENCH_${key}_DIR`];
  if (!dir || !fs.existsSync(path.join(dir, "package.json"))) throw new Error(`Set BENCH_${key}_DIR to a checkout of Rapport (with node_modules).`);
  return { key, dir: path.resolve(dir), label: process.env[`BENCH_${key}_LABEL`] || `${key}: ${path.basename(dir)}`, port: 0, env: envOf(process.env[`BENCH_${key}_ENV`]) };
}

async function build(side: Side) {
  if (fs.existsSync(path.join(side.dir, DIST, "BUILD_ID"))) return console.log(`${side.key}: reusing ${DIST}`);
  const next = path.join(side.dir, "node_modules", "next", "dist", "bin", "next");
  const keep = ["tsconfig.json", "next-env.d.ts"].map((f) => ({ f: path.join(side.dir, f), text: fs.readFileSync(path.join(side.dir, f), "utf8") }));
  try {
    await run(NODE, [next, "build"], { cwd: side.dir, env: { ...process.env, NEXT_DIST_DIR: DIST, NODE_ENV: "production" }, logFile: path.join(LOGS, `build-${side.key}.log`), quiet: true });
  } finally {
    for (const k of keep) if (fs.readFileSync(k.f, "utf8") !== k.text) fs.writeFileSync(k.f, k.text);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const sides = [sideOf("A"), sideOf("B")];
  console.log(`Logs: ${LOGS}`);
  step("production builds");
  for (const s of sides) if (s.key === "A" || s.dir !== sides[0].dir) await build(s);

  step("PostgreSQL, migrations and the large data set (from B)");
  const pg = await startPostgres();
  const dbEnv = { DATABASE_URL: pg.url };
  const tsxB = path.join(sides[1].dir, "node_modules", "tsx", "dist", "cli.mjs");
  await run(NODE, [tsxB, "scripts/seed/index.ts"], { cwd: sides[1].dir, env: { ...process.env, ...dbEnv }, quiet: true });
  await run(NODE, [tsxB, "scripts/seed/large.ts"], { cwd: sides[1].dir, env: { ...process.env, ...dbEnv }, quiet: true });

  step("both apps");
  const secret = randomBytes(32).toString("base64url");
  for (const s of sides) {
    s.port = await freePort();
    const tsx = path.join(s.dir, "node_modules", "tsx", "dist", "cli.mjs");
    s.app = startProcess(`app-${s.key}`, NODE, [tsx, "scripts/serve.ts"], {
      cwd: s.dir,
      env: { ...process.env, ...s.env, ...dbEnv, AUTH_SECRET: secret, AUTH_TRUST_HOST: "true", RAPPORT_HSTS: "off", APP_URL: "http://127.0.0.1", NODE_ENV: "production", NEXT_DIST_DIR: DIST, PORT: String(s.port), HOST: "127.0.0.1", WEB_CONCURRENCY: "1" },
      logFile: path.join(LOGS, `app-${s.key}.log`),
    });
    await waitForHttp(local(s.port, "/api/health"), s.app);
  }
  // One sign-in each works on both servers: same secret, same session table.
  const base = local(sides[0].port, "");
  const admin = await signIn(base, LARGE_SIGN_INS.admin, LARGE_PASSWORD);
  const supervisor = await signIn(base, LARGE_SIGN_INS.busySupervisor, LARGE_PASSWORD);
  const trainee = await signIn(base, LARGE_SIGN_INS.trainee, LARGE_PASSWORD);
  const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
  const [lesson] = await sql.unsafe(FIRST_LESSON_SQL);
  await sql.end({ timeout: 5 });
  const routes =
    process.env.BENCH_ROUTES === "hot"
      ? [
          { name: "Lesson page", path: `/modules/${lesson.moduleSlug}/lessons/${lesson.lessonSlug}`, cookie: trainee, expect: "min read" },
          { name: "Trainee home", path: "/home", cookie: trainee, expect: "Continue where you left off" },
          { name: "Review queue", path: "/reviews", cookie: supervisor, expect: "Next page" },
        ]
      : [
          { name: "Completion matrix", path: "/admin/reports", cookie: admin, expect: "matrix-row" },
          { name: "Members list", path: "/admin/members", cookie: admin, expect: "Next page" },
          { name: "Review queue", path: "/reviews", cookie: supervisor, expect: "Next page" },
        ];
  for (const s of sides)
    for (const r of routes) {
      const html = await getPage(local(s.port, r.path), r.cookie);
      if (!html.includes(r.expect)) throw new Error(`${s.key} ${r.name} (${r.path}) did not contain "${r.expect}"`);
    }

  step(`load: ${cfg.rounds} rounds, ${cfg.connections} connections, ${cfg.warmup} s warm-up + ${cfg.duration} s per route and side`);
  const results = new Map<string, Measured[]>();
  for (let round = 0; round < cfg.rounds; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const r of routes)
      for (const s of order) {
        const m = await measure(`${s.key} ${r.name}`, local(s.port, r.path), { connections: cfg.connections, duration: cfg.duration, warmup: cfg.warmup, cookie: r.cookie });
        const key = `${r.name}|${s.key}`;
        results.set(key, [...(results.get(key) ?? []), m]);
        console.log(`round ${round + 1} ${s.key} ${r.name}: p50 ${m.p50.toFixed(0)} ms, p95 ${m.p95.toFixed(0)} ms, ${m.rps.toFixed(0)} req/s, errors ${m.errors + m.non2xx}`);
      }
  }

  const lines = [
    `# A/B: ${sides[0].label} vs ${sides[1].label}`,
    "",
    `${new Date().toISOString()}, ${os.cpus().length} cores, ${cfg.rounds} rounds alternating the order, ${cfg.connections} connections, ${cfg.warmup} s warm-up + ${cfg.duration} s per route and side, one worker per app, both apps on the same PostgreSQL at once.`,
    "",
    "| Route | Side | p95 each round (ms) | median p95 | req/s each round | median req/s | errors |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const r of routes)
    for (const s of sides) {
      const ms = results.get(`${r.name}|${s.key}`) ?? [];
      lines.push(
        `| ${r.name} | ${s.label} | ${ms.map((m) => m.p95.toFixed(0)).join(", ")} | ${median(ms.map((m) => m.p95)).toFixed(0)} | ${ms.map((m) => m.rps.toFixed(0)).join(", ")} | ${median(ms.map((m) => m.rps)).toFixed(0)} | ${ms.reduce((n, m) => n + m.errors + m.non2xx, 0)} |`,
      );
    }
  const report = lines.join("\n") + "\n";
  console.log("\n" + report);
  if (process.env.BENCH_OUTPUT) fs.writeFileSync(path.resolve(process.env.BENCH_OUTPUT), report);
}

main()
  .catch((e) => {
    console.error(e instanceof Error ? e.stack : e);
    process.exitCode = 1;
  })
  .finally(() => cleanupAll());
