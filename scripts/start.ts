import { fork, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dataDir, pgliteDir, usingEmbedded, waitForLockRelease } from "@/db/location";
import { planWorkers, serveNext } from "@/lib/server/cluster";
import { checkBuild, sourceHash, writeStamp } from "@/lib/server/build-stamp";
import { isPrepared, preparedKey, writePrepared } from "@/lib/server/prepared-stamp";

// `npm start`: migrate, seed the embedded database on first run (scripts/start-prepare.ts, in a
// process that exits when done; skipped on the embedded database when these sources prepared it
// this month, lib/server/prepared-stamp.ts), build when sources changed (lib/server/build-stamp.ts),
// then serve. This process stays as the server's primary, so it loads neither the database client nor
// the schema. Asks no questions so it can run unattended.
// PORT (default 3000) and HOST (default: all interfaces) as for `next start`.

const root = process.cwd();
const port = process.env.PORT || "3000";

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  if (!usingEmbedded()) {
    console.error("AUTH_SECRET is required with DATABASE_URL. Generate one with: openssl rand -base64 32");
    process.exit(1);
  }
  const file = path.join(dataDir(), "auth-secret");
  fs.mkdirSync(dataDir(), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

/** Runs scripts/start-prepare.ts under tsx; resolves with the demo sign-ins it reports. */
function prepareDatabase(): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let signIns: string | null = null;
    // Not this process's own small heap limits (package.json): the seed needs a normal heap. This
    // process runs without a TypeScript loader (scripts/launch.mjs bundles it), so the child gets tsx.
    const execArgv = ["--import", "tsx"];
    const child = fork(path.join(root, "scripts", "start-prepare.ts"), [], { execArgv, stdio: "inherit" });
    child.on("message", (m: { signIns?: string }) => (signIns = m.signIns ?? signIns));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(signIns) : reject(new Error(`Preparing the database failed (exit code ${code}).`))));
  });
}

async function main() {
  const plan = planWorkers(process.env);
  if (!plan.ok) throw new Error(plan.message);
  const secret = authSecret();
  // Started again right after Ctrl-C: the previous server may still be closing the database.
  if (usingEmbedded()) await waitForLockRelease(dataDir(), 20_000, (pid) => console.log(`Waiting for the previous Rapport process (pid ${pid}) to close the embedded database ...`));
  const hash = sourceHash(root);
  const key = preparedKey(hash);
  const prepared = usingEmbedded() ? isPrepared(pgliteDir(), key) : null;
  let signIns: string | null;
  if (prepared) {
    console.log("Database up to date (prepared by this version of Rapport).");
    signIns = prepared.signIns;
  } else {
    signIns = await prepareDatabase();
    if (usingEmbedded()) writePrepared(pgliteDir(), { key, signIns });
  }
  if (process.env.RAPPORT_SKIP_BUILD !== "1") {
    const distDir = process.env.NEXT_DIST_DIR || ".next";
    const build = checkBuild(root, distDir, hash);
    if (!build.current) {
      console.log(`Building Rapport for production (${build.reason})…`);
      const r = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], { stdio: "inherit" });
      if (r.status !== 0) process.exit(r.status ?? 1);
      writeStamp(root, distDir, hash);
    }
  }
  const where = usingEmbedded() ? `embedded, ${dataDir()}` : "DATABASE_URL";
  serveNext({
    port,
    host: process.env.HOST || undefined,
    env: { AUTH_SECRET: secret, AUTH_TRUST_HOST: "true" },
    onReady: (workers) => {
      console.log(`\nRapport is running on http://localhost:${port} (database: ${where}; ${workers} worker${workers === 1 ? "" : "s"})`);
      if (signIns) console.log(signIns);
    },
    // This process becomes the server (lib/server/cluster.ts, handsOverToWorker): say so first.
    beforeHandOver: () => {
      console.log(`\nStarting Rapport on http://localhost:${port} (database: ${where}); it is ready when Next.js says "Ready".`);
      if (signIns) console.log(signIns);
    },
  });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
