import type { Weight } from "./client-weight";
import type { EmbeddedResult } from "./embedded";
import type { Measured } from "./load";

// docs/BENCHMARKS.md: machine, the table, the targets with PASS/FAIL, client JS, query plans.

export type Row = Measured & {
  group: "route" | "baseline" | "scale";
  queriesPerRequest?: number | null;
  appCpu?: number;
  pgCpu?: number;
  /** Which data set a route ran against (1 unless the run has --scales) and its scale-free name. */
  scale?: number;
  short?: string;
  /** Each worker's resident memory right after the route's run, and its peak so far (VmHWM). */
  memory?: { rssMb: number[]; peakMb: number[] };
  /** How many runs were pooled into the row, and PostgreSQL's work per request (pg_stat_statements). */
  runs?: number;
  /** Each run's own p95, in the order run (paired with the other scale's runs of the same round). */
  runP95?: number[];
  dbMsPerRequest?: number | null;
  blocksPerRequest?: number | null;
};
export type Target = { what: string; limit: string; measured: string; pass: boolean };
export type Explained = { route: string; pass: "planner" | "seqscan_off"; plan: string };
export type Machine = { cpus: number; cpuModel: string; memoryGb: number; node: string; os: string; date: string; commit: string; postgres: string };
export type ReportInput = {
  machine: Machine;
  config: { connections: number; duration: number; warmup: number; poolSize: number; workers: number; pgSettings: string[]; scaleRunSeconds?: number };
  seed: { seconds: number; output: string; scales?: { scale: number; seconds: number }[] };
  rows: Row[];
  targets: Target[];
  weights: Weight[];
  explain: { counts: Record<string, number>; statements: Explained[] } | null;
  embedded?: EmbeddedResult | null;
  scanner: string;
  staticChoice: string;
  notes: string[];
};

const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "—");
const f0 = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString("en-AU") : "—");

export function table(rows: Row[]): string {
  const head = "| Route | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | requests | KB/response | queries/request | server CPU % | PostgreSQL CPU % | worker RSS MB after |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
  const body = rows.map(
    (r) =>
      `| ${r.name} | ${f1(r.rps)} | ${f1(r.p50)} | ${f1(r.p95)} | ${f1(r.p99)} | ${r.errors} | ${r.non2xx}${r.non2xx ? ` (${Object.entries(r.statuses).map(([k, v]) => `${v}× ${k}`).join(", ")})` : ""} | ${f0(r.requests)} | ${f1(r.bytesPerResponse / 1024)} | ${r.queriesPerRequest == null ? "—" : r.queriesPerRequest.toFixed(1)} | ${r.appCpu == null ? "—" : f0(r.appCpu)} | ${r.pgCpu == null ? "—" : f0(r.pgCpu)} | ${r.memory?.rssMb.length ? r.memory.rssMb.map(f0).join(", ") : "—"} |`,
  );
  return [head, ...body].join("\n");
}

/** The ratio of each round's run at scale s to the scale-1 run beside it: lowest and highest. */
export function roundRatios(one: Row, at: Row | undefined): { low: number; high: number } | null {
  const a = one.runP95 ?? [];
  const b = at?.runP95 ?? [];
  const n = Math.min(a.length, b.length);
  if (n < 2) return null;
  const ratios = Array.from({ length: n }, (_, i) => b[i] / a[i]).filter(Number.isFinite);
  return ratios.length ? { low: Math.min(...ratios), high: Math.max(...ratios) } : null;
}

/** Each route at every scale beside scale 1: p95, the ratio (pooled runs), each round's ratio, statements per request. */
export function scaleTable(rows: Row[]): string | null {
  const routes = rows.filter((r) => r.group === "route" && r.short);
  const scales = [...new Set(routes.map((r) => r.scale ?? 1))].filter((s) => s > 1);
  if (!scales.length) return null;
  const sc = ["×1", ...scales.map((s) => `×${s}`)].join(" / ");
  const out = ["| Route | " + ["p95 ×1", ...scales.flatMap((s) => [`p95 ×${s}`, `ratio ×${s}/×1`, `ratio per round ×${s}/×1 (lowest–highest)`])].join(" | ") + ` | queries/request ${sc} | DB ms/request ${sc} | buffers/request ${sc} |`];
  out.push("|---|" + "---:|".repeat(1 + scales.length * 3) + "---|---|---|");
  for (const one of routes.filter((r) => (r.scale ?? 1) === 1)) {
    const at = (s: number) => routes.find((r) => r.short === one.short && r.scale === s);
    const cells = [f1(one.p95), ...scales.flatMap((s) => {
      const r = at(s);
      const rounds = roundRatios(one, r);
      return r ? [f1(r.p95), (r.p95 / one.p95).toFixed(2), rounds ? `${rounds.low.toFixed(2)}–${rounds.high.toFixed(2)}` : "—"] : ["—", "—", "—"];
    })];
    const all = [one, ...scales.map(at)];
    const col = (f: (r: Row) => number | null | undefined, digits: number) => all.map((r) => (r && f(r) != null ? f(r)!.toFixed(digits) : "—")).join(" / ");
    out.push(`| ${one.short} | ${cells.join(" | ")} | ${col((r) => r.queriesPerRequest, 1)} | ${col((r) => r.dbMsPerRequest, 2)} | ${col((r) => r.blocksPerRequest, 0)} |`);
  }
  return out.join("\n");
}

const SCAN = /((?:Parallel )?(?:Seq Scan|Index Only Scan|Index Scan|Bitmap Heap Scan|Bitmap Index Scan)(?: using \S+)? on \S+)/g;

function scansOf(plan: string): string {
  const s = [...plan.matchAll(SCAN)].map((m) => m[1].replace(/^Bitmap Heap Scan on \S+$/, "").trim()).filter(Boolean);
  return s.length ? [...new Set(s)].join("; ") : "(no table scan: insert/values)";
}

function shorten(plan: string): string {
  // IN-lists of 200 ids make plans unreadable; the ids say nothing about the plan.
  return plan.replace(/'\{[0-9a-f,-]{200,}\}'/g, "'{…ids…}'").replace(/(\$\d+, ){8,}(\$\d+)/g, "$1… $2");
}

function statementOf(plan: string): string {
  const q = /Query Text: (.*)/.exec(plan)?.[1] ?? "";
  const from = /\bfrom "?(\w+)"?/i.exec(q)?.[1] ?? /insert into "?(\w+)"?/i.exec(q)?.[1] ?? "?";
  return `${q.split(" ")[0]} … ${from}`;
}

export function renderReport(r: ReportInput): string {
  const pass = r.targets.filter((t) => t.pass).length;
  const out: string[] = [];
  out.push("# Benchmarks", "");
  out.push("Generated by `npm run bench` (scripts/bench/run.ts). Do not edit by hand: run it again.", "");
  out.push("## Machine and run", "");
  out.push(`- Date: ${r.machine.date}`);
  out.push(`- Commit: ${r.machine.commit}`);
  out.push(`- CPU: ${r.machine.cpus} cores (nproc), ${r.machine.cpuModel}`);
  out.push(`- Memory: ${r.machine.memoryGb.toFixed(1)} GB`);
  out.push(`- Node.js ${r.machine.node}, ${r.machine.os}, ${r.machine.postgres}`);
  out.push(`- Load: autocannon, ${r.config.connections} connections, ${r.config.warmup} s warm-up (discarded) then ${r.config.duration} s measured per route, all on 127.0.0.1.`);
  out.push(
    `- App: a production build (.next-bench) served as in production (\`npm run serve\`: \`next start\` in ${r.config.workers} worker process${r.config.workers === 1 ? "" : "es"} sharing the port, WEB_CONCURRENCY=${r.config.workers}), DATABASE_POOL_SIZE=${r.config.poolSize} per worker. The plain Node.js baseline runs the same number of processes.`,
  );
  out.push(r.config.pgSettings[0]?.startsWith("an existing cluster") ? `- PostgreSQL: ${r.config.pgSettings.join(", ")}.` : `- PostgreSQL: throwaway cluster with ${r.config.pgSettings.join(", ")}.`);
  out.push(`- Data: \`npm run seed:large\` in ${r.seed.seconds.toFixed(0)} s (below), beside the demo organisations.`);
  out.push("");
  out.push(
    "**The machine is shared and has 2 cores.** The load generator, the app, PostgreSQL and the baselines all run on it, and other work may have been running at the same time, so figures are noisy (expect ±20% between runs). Compare rows of the same run, not runs with each other.",
    "",
  );
  out.push("## Results", "");
  out.push(table(r.rows), "");
  out.push(
    "CPU columns are % of one core over the measured run (2 cores = 200%): the server process(es) answering (the app instance(s), or the plain Node.js server) and the PostgreSQL cluster; the load generator uses the rest. " +
      "queries/request is measured in PostgreSQL (pg_stat_statements calls during the measured run ÷ responses), so it includes the session check every page makes (1) and any write the page does (the lesson page records where you left off; the case review page writes an audit event).",
    "",
  );
  out.push(`Static Next.js page: ${r.staticChoice}`, "");
  const scaled = scaleTable(r.rows);
  if (scaled) {
    out.push("## Ten times the data", "");
    out.push(
      `The same routes as the same kind of person in the ×N organisation (\`npm run seed:large -- --scale N\`, beside scale 1 in the same database), each measured next to its scale-1 run (${r.rows.find((x) => (x.scale ?? 1) > 1)?.runs ?? 1} run(s) per scale${r.config.scaleRunSeconds ? ` of ${r.config.scaleRunSeconds} s each, a warm-up before the first only` : ""}, in the order ×1 ×N ×N ×1 … and pooled: the ratio is of the pooled p95s; the column beside it gives the lowest and highest ratio of one round's pair of runs, how far the same comparison moves within one run on this machine). Seeding took ${(r.seed.scales ?? []).map((x) => `${x.seconds.toFixed(0)} s at ×${x.scale}`).join(", ")}. Target: every ratio ≤ 1.2 and the same statements per request. DB ms and buffers per request are PostgreSQL's own execution time and shared buffers touched (pg_stat_statements) per response: the work per request, which a busy machine does not change.`,
      "",
      scaled,
      "",
    );
  }
  if (r.embedded) {
    const e = r.embedded;
    out.push("## Embedded default (`npm start`, no DATABASE_URL)", "");
    out.push(
      `A fresh clone of ${e.commit.slice(0, 12)} (node_modules hard-linked, so install is not timed) answered /api/health with 200 after ${e.freshStartSeconds.toFixed(1)} s (build, migrations, demo data, server start); stopped and started again with nothing changed, after ${e.restartSeconds.toFixed(1)} s${e.restartRebuilt ? " (it rebuilt)" : " (no rebuild)"}. ` +
        `Resident memory of the whole process tree: ${e.idleTreeMb.toFixed(0)} MB before any load; after each route below (demo people, same load settings):`,
      "",
      "| Route | req/s | p95 ms | errors | non-2xx | process tree RSS MB | processes (RSS MB) |\n|---|---:|---:|---:|---:|---:|---|",
      ...e.rows.map((x) => `| ${x.name} | ${f1(x.rps)} | ${f1(x.p95)} | ${x.errors} | ${x.non2xx} | ${f0(x.treeMb)} | ${x.processes.map((p) => `${p.name} ${f0(p.rssMb)}`).join(", ")} |`),
      "",
    );
  }
  out.push(`## Targets: ${pass} of ${r.targets.length} pass`, "");
  out.push("| Target | Limit | Measured | Result |\n|---|---|---|---|");
  for (const t of r.targets) out.push(`| ${t.what} | ${t.limit} | ${t.measured} | ${t.pass ? "PASS" : "**FAIL**"} |`);
  out.push("");
  if (r.notes.length) out.push(...r.notes.map((n) => `- ${n}`), "");
  out.push("## Client JavaScript per route (gzip)", "");
  out.push("Sum of every script chunk the page loads (its `<script src>` tags and the chunks its RSC payload names), compressed with gzip level 6. Next.js's legacy polyfills (`<script nomodule>`, about 39 KB gzip) are not counted: browsers that run ES modules (all supported ones) never download them. \"Beyond the shell\" lists chunks that the reference page (/account) does not load.", "");
  if (r.weights[0]) out.push(`The reference page (/account, signed in) loads ${f1(r.weights[0].shellGzipKb)} KB gzip: the React and Next.js runtime, the app shell's one client component (the navigation; signing out is a plain form post) and the account page's own forms.`, "");
  out.push("| Route | chunks | raw KB | gzip KB | budget | beyond the shell (gzip) |\n|---|---:|---:|---:|---|---|");
  for (const w of r.weights) {
    const budget = w.budgetKb ? `${w.budgetKb} KB: ${w.gzipKb <= w.budgetKb ? "PASS" : "**FAIL**"}` : "—";
    out.push(`| ${w.name} | ${w.chunks} | ${f1(w.rawKb)} | ${f1(w.gzipKb)} | ${budget} | ${w.extraOverShell.length ? w.extraOverShell.map((c, i) => `\`${c.split("/").pop()}\` ${f1(w.extraGzipKb[i])} KB`).join(", ") : "none"} |`);
  }
  out.push("");
  if (r.explain) out.push(...explainSection(r.explain));
  out.push("## De-identification scanner micro-benchmark", "", "`npx tsx scripts/bench-scanner.ts`, same run:", "", "```", r.scanner.trim(), "```", "");
  out.push("## Seed output", "", "```", r.seed.output.trim(), "```", "");
  return out.join("\n");
}

/** The "Query plans" section: what explain-queries.ts recorded (also re-recorded alone by scripts/bench/plans.ts). */
export function explainSection(explain: { counts: Record<string, number>; statements: Explained[] }): string[] {
  const out: string[] = [];
  out.push("## Query plans", "");
  out.push(
    "Recorded with auto_explain (ANALYZE, BUFFERS) while the data-layer functions each page calls ran against the large data set, so these are the exact statements and parameters the app sends. Data-layer statements per page (without the session query): " +
      Object.entries(explain.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ") +
      ".",
    "",
  );
  out.push(
    "The large organisation holds most rows of the small tables (about 1,050 of 1,280 memberships), so for some statements the planner rightly prefers a sequential scan of a few pages over an index. The second column re-runs every statement with `enable_seqscan = off`: an index path exists for every statement the benchmark exercises if no Seq Scan remains there.",
    "",
  );
  out.push("| Page | Statement | Scans as planned | Scans with enable_seqscan = off |\n|---|---|---|---|");
  const planned = explain.statements.filter((s) => s.pass === "planner");
  const forced = explain.statements.filter((s) => s.pass === "seqscan_off");
  planned.forEach((s, i) => out.push(`| ${s.route} | ${statementOf(s.plan)} | ${scansOf(s.plan)} | ${forced[i] ? scansOf(forced[i].plan) : "—"} |`));
  out.push("");
  for (const route of ["Review queue", "Completion matrix"]) {
    out.push(`### ${route}: EXPLAIN (ANALYZE, BUFFERS)`, "");
    for (const s of planned.filter((p) => p.route === route)) out.push("```", shorten(s.plan).trim(), "```", "");
    if (route === "Completion matrix") {
      out.push("The same statements with `enable_seqscan = off` (index paths and their real cost):", "");
      for (const s of forced.filter((p) => p.route === route)) out.push("```", shorten(s.plan).trim(), "```", "");
    }
  }
  return out;
}
