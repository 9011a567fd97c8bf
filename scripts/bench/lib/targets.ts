import type { Weight } from "./client-weight";
import type { Row, Target } from "./report";

// The targets of issue 7, read from the table of the same run.

type RouteSpec = { readonly name: string; readonly target: number | null };

const ms = (n: number) => `${n.toFixed(1)} ms`;

export function evaluate(rows: Row[], routes: readonly RouteSpec[], weights: Weight[]): { targets: Target[]; notes: string[] } {
  const targets: Target[] = [];
  const notes: string[] = [];
  const byName = new Map(rows.map((r) => [r.name, r]));
  for (const spec of routes) {
    const r = byName.get(spec.name);
    if (!r) continue;
    targets.push({ what: `${spec.name}: zero errors`, limit: "0 errors, 0 non-2xx", measured: `${r.errors} errors, ${r.non2xx} non-2xx`, pass: r.errors === 0 && r.non2xx === 0 });
    if (spec.target != null) targets.push({ what: `${spec.name}: p95`, limit: `≤ ${spec.target} ms`, measured: ms(r.p95), pass: r.p95 <= spec.target });
  }
  const lesson = byName.get("Lesson page");
  const plain = rows.find((r) => r.group === "baseline" && r.name.includes("plain Node.js"));
  if (lesson && plain) {
    const share = lesson.rps / plain.rps;
    targets.push({ what: "Lesson page throughput vs plain Node.js baseline", limit: "≥ 40%", measured: `${(share * 100).toFixed(1)}% (${lesson.rps.toFixed(0)} vs ${plain.rps.toFixed(0)} req/s)`, pass: share >= 0.4 });
    // What the framework itself allows on this machine, from rows of the same run.
    const staticPage = rows.find((r) => r.group === "baseline" && r.name.includes("static Next.js"));
    const signIn = byName.get("Sign-in page");
    if (staticPage && signIn) {
      notes.push(
        `Framework floor in this run: a prerendered page served by Next.js (no rendering, no database) reaches ${((staticPage.rps / plain.rps) * 100).toFixed(1)}% of the plain Node.js server's throughput, and the sign-in page (rendered per request, no database work for a visitor) ${((signIn.rps / plain.rps) * 100).toFixed(1)}% with p95 ${ms(signIn.p95)}. ` +
          `The lesson page, which checks a session, reads the database and renders the shell, reaches ${((lesson.rps / staticPage.rps) * 100).toFixed(0)}% of the prerendered page's throughput. With a fixed number of connections, latency is about connections ÷ throughput.`,
      );
    }
  }
  for (const w of weights.filter((x) => x.budgetKb)) {
    targets.push({ what: `${w.name}: client JavaScript (gzip)`, limit: `≤ ${w.budgetKb} KB`, measured: `${w.gzipKb.toFixed(1)} KB`, pass: w.gzipKb <= w.budgetKb! });
  }
  const lessonWeight = weights.find((w) => w.name === "Lesson page");
  if (lessonWeight) {
    targets.push({ what: "Lesson page: no client JavaScript beyond the app shell", limit: "0 extra chunks", measured: `${lessonWeight.extraOverShell.length} extra chunks`, pass: lessonWeight.extraOverShell.length === 0 });
  }
  for (const [a, b] of [
    ["Lesson page, 1 instance via the proxy", "Lesson page, 2 instances via the proxy"],
    ["Review queue, 1 instance via the proxy", "Review queue, 2 instances via the proxy"],
  ]) {
    const one = byName.get(a);
    const two = byName.get(b);
    if (one && two) {
      targets.push({ what: `${b}: zero errors`, limit: "0 errors, 0 non-2xx", measured: `${two.errors} errors, ${two.non2xx} non-2xx`, pass: two.errors === 0 && two.non2xx === 0 });
      notes.push(`${b}: ${two.rps.toFixed(0)} req/s vs ${one.rps.toFixed(0)} req/s for one instance behind the same proxy (×${(two.rps / one.rps).toFixed(2)}). Both instances, the proxy, PostgreSQL and the load generator share the same 2 cores, so this run shows that instances share nothing in memory (sessions and throttling work across them), not how throughput grows with more machines.`);
    }
  }
  return { targets, notes };
}
