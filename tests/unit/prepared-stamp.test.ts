import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { forgetPrepared, isPrepared, preparedKey, readPrepared, writePrepared } from "@/lib/server/prepared-stamp";

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-prepared-"));
  dirs.push(d);
  return d;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("npm start's prepared stamp (a restart with nothing changed skips the preparing process)", () => {
  it("keys on the sources and the UTC month", () => {
    const nov = new Date("2026-11-30T23:59:59Z");
    expect(preparedKey("a", nov)).toBe(preparedKey("a", new Date("2026-11-01T00:00:00Z")));
    expect(preparedKey("a", nov)).not.toBe(preparedKey("b", nov));
    // A new month needs its audit partitions made: the restart prepares again.
    expect(preparedKey("a", nov)).not.toBe(preparedKey("a", new Date("2026-12-01T00:00:00Z")));
  });

  it("says prepared only for the same key, and keeps the demo sign-ins to print", () => {
    const dir = tempDir();
    expect(isPrepared(dir, "k1")).toBeNull();
    writePrepared(dir, { key: "k1", signIns: "Sign in as trainee@example" });
    expect(isPrepared(dir, "k1")).toEqual({ key: "k1", signIns: "Sign in as trainee@example" });
    expect(isPrepared(dir, "k2")).toBeNull();
    forgetPrepared(dir);
    expect(readPrepared(dir)).toBeNull();
  });

  it("reads a damaged stamp as not prepared, and writes nothing where the database folder is missing", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "rapport-prepared.json"), "{not json");
    expect(readPrepared(dir)).toBeNull();
    fs.writeFileSync(path.join(dir, "rapport-prepared.json"), JSON.stringify({ signIns: "x" }));
    expect(readPrepared(dir)).toBeNull();
    const missing = path.join(dir, "gone");
    writePrepared(missing, { key: "k", signIns: null });
    expect(fs.existsSync(missing)).toBe(false);
  });
});
