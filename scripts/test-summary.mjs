// Sums the JSON reports of every runner into the one closing line CI reads.
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2];
const counts = (p, f, s) => `${p} passed, ${f} failed${s ? `, ${s} skipped` : ""}`;
let passed = 0, failed = 0, skipped = 0;
const missing = [];
// The failing tests by name, with the first line of what went wrong: CI keeps only the tail of
// the output, so the summary says what failed, not just how many.
const failures = [];
const firstLine = (text) => String(text ?? "").replace(/\u001b\[[0-9;]*m/g, "").split("\n").find((l) => l.trim()) ?? "";
for (const name of ["unit.json", "integration-pglite.json", "integration-postgres.json"]) {
  const file = path.join(dir, name);
  if (!fs.existsSync(file)) { missing.push(name); failed += 1; continue; }
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  // A skipped test (it.skipIf: a driver that cannot express the case) is neither passed nor failed.
  const notRun = r.numPendingTests + (r.numTodoTests ?? 0);
  passed += r.numPassedTests; failed += r.numFailedTests; skipped += notRun;
  for (const file of r.testResults ?? []) {
    const rel = path.relative(process.cwd(), file.name);
    const failedTests = (file.assertionResults ?? []).filter((t) => t.status === "failed");
    for (const t of failedTests) failures.push(`${name.replace(".json", "")} ${rel} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
    // A file that failed outside any test (an import error, a hook that threw).
    if (file.status === "failed" && failedTests.length === 0) failures.push(`${name.replace(".json", "")} ${rel}: ${firstLine(file.message)}`);
  }
  console.log(`${name.replace(".json", "")}: ${counts(r.numPassedTests, r.numFailedTests, notRun)}`);
}
const checks = path.join(dir, "checks.json");
if (fs.existsSync(checks)) {
  const c = JSON.parse(fs.readFileSync(checks, "utf8"));
  passed += c.passed; failed += c.failed;
  console.log(`type-check, lint and import rules: ${c.passed} passed, ${c.failed} failed`);
} else { missing.push("checks.json"); failed += 1; }
const e2e = path.join(dir, "e2e.json");
if (fs.existsSync(e2e)) {
  const report = JSON.parse(fs.readFileSync(e2e, "utf8"));
  const s = report.stats;
  // Errors outside any test (a server that failed to start, a broken config) and a run that
  // executed nothing are failures too.
  const outside = (report.errors ?? []).length + (s.expected + s.unexpected + s.flaky + s.skipped === 0 ? 1 : 0);
  passed += s.expected; failed += s.unexpected + s.flaky + outside; skipped += s.skipped;
  console.log(`e2e: ${counts(s.expected, s.unexpected + s.flaky + outside, s.skipped)}`);
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status === "unexpected" || t.status === "flaky") {
          const err = t.results?.find((x) => x.error)?.error;
          failures.push(`e2e [${t.projectName}] ${spec.file}:${spec.line} › ${[...titles, spec.title].join(" › ")} (${t.status}): ${firstLine(err?.message)}`);
        }
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  for (const err of report.errors ?? []) failures.push(`e2e (outside any test): ${firstLine(err.message)}`);
} else { missing.push("e2e.json"); failed += 1; }
if (failures.length) {
  console.log("failed:");
  for (const f of failures) console.log(`  ${f.length > 400 ? `${f.slice(0, 400)}…` : f}`);
}
if (missing.length) console.log(`missing reports (counted as failures): ${missing.join(", ")}`);
console.log(counts(passed, failed, skipped));
process.exit(failed > 0 ? 1 : 0);
