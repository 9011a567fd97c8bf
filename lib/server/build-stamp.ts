import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// Whether `npm start` must build: the production build is current when it was made from the same
// sources. Decided by a hash of their contents, written beside the build when it succeeds, rather
// than by modification times: a branch switched there and back, a fresh checkout or a `touch`
// changes times but not the app (no 1-2 minute rebuild), and files copied with old times (tar,
// rsync -a) do change the app (no stale build served).

/** What goes into the build. tsconfig.json and next-env.d.ts are left out: `next build` rewrites them. */
export const BUILD_SOURCES = [
  "app",
  "components",
  "lib",
  "db",
  "content",
  "public",
  "types",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "package.json",
  "package-lock.json",
];

const STAMP = "rapport-source-hash";
const SKIP = new Set(["node_modules", ".next", ".git"]);

function files(root: string, rel: string, out: string[]): void {
  const abs = path.join(root, rel);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    return;
  }
  if (st.isFile()) {
    out.push(rel);
    return;
  }
  if (!st.isDirectory()) return;
  for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    files(root, path.join(rel, e.name), out);
  }
}

/**
 * SHA-256 over every source file's path and bytes (sorted, so the order of directory listings
 * does not matter), and the NEXT_PUBLIC_ variables, which are inlined into the client code.
 */
export function sourceHash(root: string, env: Record<string, string | undefined> = process.env, sources: readonly string[] = BUILD_SOURCES): string {
  const list: string[] = [];
  for (const s of sources) files(root, s, list);
  list.sort();
  const h = createHash("sha256");
  for (const rel of list) {
    h.update(rel.split(path.sep).join("/"));
    h.update("\0");
    h.update(fs.readFileSync(path.join(root, rel)));
    h.update("\0");
  }
  for (const k of Object.keys(env).filter((x) => x.startsWith("NEXT_PUBLIC_")).sort()) h.update(`${k}=${env[k]}\n`);
  return h.digest("hex");
}

export type BuildCheck = { current: true } | { current: false; reason: "no build" | "no stamp" | "sources changed" };

/** Is the build in `distDir` (relative to root) made from the sources as they are now? */
export function checkBuild(root: string, distDir: string, hash: string): BuildCheck {
  const dist = path.join(root, distDir);
  if (!fs.existsSync(path.join(dist, "BUILD_ID"))) return { current: false, reason: "no build" };
  let stamp: string;
  try {
    stamp = fs.readFileSync(path.join(dist, STAMP), "utf8").trim();
  } catch {
    return { current: false, reason: "no stamp" };
  }
  return stamp === hash ? { current: true } : { current: false, reason: "sources changed" };
}

/** Records that the build in `distDir` was made from sources with this hash. */
export function writeStamp(root: string, distDir: string, hash: string): void {
  fs.writeFileSync(path.join(root, distDir, STAMP), `${hash}\n`);
}
