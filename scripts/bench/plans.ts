/**
 * `npm run bench:plans`: records the query plans alone (scripts/bench/explain-queries.ts) against a
 * seeded cluster and replaces the "Query plans" section of docs/BENCHMARKS.md (or BENCH_OUTPUT),
 * saying when. For re-recording the plans after an index change without a forty-minute run.
 * Env: BENCH_DATABASE_URL (a cluster seeded by `npm run bench`, with auto_explain available) and
 * BENCH_PG_LOG (the file that cluster logs to).
 */
import fs from "node:fs";
import path from "node:path";
import { recordPlans } from "./lib/explain";
import { explainSection } from "./lib/report";

const ROOT = path.resolve(__dirname, "..", "..");
const OUTPUT = path.resolve(ROOT, process.env.BENCH_OUTPUT || "docs/BENCHMARKS.md");
const NEXT_SECTION = "## De-identification scanner micro-benchmark";

/** The report with its "Query plans" section replaced (or added before the scanner's). */
export function replacePlans(report: string, section: string): string {
  const start = report.indexOf("## Query plans\n");
  const end = report.indexOf(NEXT_SECTION);
  if (end < 0) throw new Error(`The report has no "${NEXT_SECTION}" section to place the plans before.`);
  if (start >= 0 && start > end) throw new Error("The report's Query plans section is not before the scanner's.");
  return report.slice(0, start >= 0 ? start : end) + section + report.slice(end);
}

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  const log = process.env.BENCH_PG_LOG;
  if (!url || !log || !fs.existsSync(log)) throw new Error("Set BENCH_DATABASE_URL to the benchmark's cluster and BENCH_PG_LOG to its server log.");
  const explain = await recordPlans(ROOT, url, log);
  if (!explain) throw new Error("explain-queries.ts printed no plans.");
  const lines = explainSection(explain);
  lines.splice(2, 0, `Recorded on their own with \`npm run bench:plans\` at ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC against the run's cluster, after the run.`, "");
  fs.writeFileSync(OUTPUT, replacePlans(fs.readFileSync(OUTPUT, "utf8"), lines.join("\n") + "\n"));
  console.log(`Query plans written to ${path.relative(ROOT, OUTPUT)}.`);
}

if (require.main === module)
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
