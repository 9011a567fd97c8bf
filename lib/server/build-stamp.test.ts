import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkBuild, sourceHash, writeStamp } from "./build-stamp";

let root: string;
const write = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
};
const build = () => write(".next/BUILD_ID", "abc");

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "build-stamp-"));
  write("app/page.tsx", "export default function Page() { return null; }");
  write("lib/util/x.ts", "export const x = 1;");
  write("package.json", "{}");
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

describe("npm start's build check", () => {
  it("builds when there is no build yet", () => {
    expect(checkBuild(root, ".next", sourceHash(root, {}))).toEqual({ current: false, reason: "no build" });
  });

  it("builds once when a build exists without a stamp (made before stamps or interrupted)", () => {
    build();
    expect(checkBuild(root, ".next", sourceHash(root, {}))).toEqual({ current: false, reason: "no stamp" });
  });

  it("skips the build when nothing changed since the stamped build", () => {
    build();
    writeStamp(root, ".next", sourceHash(root, {}));
    expect(checkBuild(root, ".next", sourceHash(root, {}))).toEqual({ current: true });
  });

  it("skips it when files were only touched (a branch switched there and back, a fresh checkout)", () => {
    build();
    writeStamp(root, ".next", sourceHash(root, {}));
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(root, "lib/util/x.ts"), later, later);
    expect(checkBuild(root, ".next", sourceHash(root, {}))).toEqual({ current: true });
  });

  it("rebuilds when a source file's content changed, even with an older modification time", () => {
    build();
    writeStamp(root, ".next", sourceHash(root, {}));
    write("lib/util/x.ts", "export const x = 2;");
    const earlier = new Date(Date.now() - 86_400_000);
    fs.utimesSync(path.join(root, "lib/util/x.ts"), earlier, earlier);
    expect(checkBuild(root, ".next", sourceHash(root, {}))).toEqual({ current: false, reason: "sources changed" });
  });

  it("rebuilds when a source file is added or renamed", () => {
    build();
    writeStamp(root, ".next", sourceHash(root, {}));
    const before = sourceHash(root, {});
    fs.renameSync(path.join(root, "lib/util/x.ts"), path.join(root, "lib/util/y.ts"));
    expect(sourceHash(root, {})).not.toBe(before);
    write("components/new.tsx", "export {};");
    expect(checkBuild(root, ".next", sourceHash(root, {})).current).toBe(false);
  });

  it("rebuilds when a NEXT_PUBLIC_ variable (inlined into client code) changes, not for other variables", () => {
    const a = sourceHash(root, { NEXT_PUBLIC_X: "1", DATABASE_URL: "a" });
    expect(sourceHash(root, { NEXT_PUBLIC_X: "1", DATABASE_URL: "b" })).toBe(a);
    expect(sourceHash(root, { NEXT_PUBLIC_X: "2", DATABASE_URL: "a" })).not.toBe(a);
  });

  it("ignores what the build writes (the build folder, tsconfig.json) and what it does not read (docs, tests folder)", () => {
    const a = sourceHash(root, {});
    build();
    write("tsconfig.json", "{}");
    write("docs/NOTES.md", "x");
    write("tests/unit/a.test.ts", "x");
    write("app/.next/cache.bin", "x");
    expect(sourceHash(root, {})).toBe(a);
  });
});
