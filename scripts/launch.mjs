// `npm start`'s entry, in plain JavaScript. The process that runs scripts/start.ts stays for the
// server's whole life as its supervisor; started through tsx it carried the TypeScript loader and
// tsx's esbuild service (about 60 MB between them, docs/SCALE.md "Memory"). Instead scripts/start.ts
// and the few dependency-free modules it imports are bundled once into one CommonJS file (esbuild,
// a synchronous child process that exits; about 100 ms), and that file runs here. Packages stay
// external, resolved from the project's node_modules as before. Preparing the database still runs
// under tsx, in a child process that exits (scripts/start-prepare.ts).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const root = process.cwd();
const require = createRequire(path.join(root, "package.json"));
const outDir = path.join(root, "node_modules", ".cache", "rapport");
const out = path.join(outDir, "start.cjs");
fs.mkdirSync(outDir, { recursive: true });

try {
  // With worker threads off, buildSync runs esbuild as a synchronous child process that exits:
  // no worker thread or esbuild service is left running in this long-lived process.
  process.env.ESBUILD_WORKER_THREADS = "0";
  const esbuild = require("esbuild");
  delete process.env.ESBUILD_WORKER_THREADS;
  esbuild.buildSync({
    absWorkingDir: root,
    entryPoints: ["scripts/start.ts"],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    logLevel: "warning",
    outfile: out,
  });
} catch {
  console.error("Could not prepare npm start (bundling scripts/start.ts failed; see above). Run `npm install` and try again.");
  process.exit(1);
}
require(out);
