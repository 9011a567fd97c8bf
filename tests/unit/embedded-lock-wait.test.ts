import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lockHolder, waitForLockRelease } from "@/db/location";

// `npm start` right after Ctrl-C: the previous server's worker may still hold the embedded
// database's lock for a moment; start waits for it rather than failing.

function lockDir(pid?: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rapport-lockwait-"));
  if (pid !== undefined) fs.writeFileSync(path.join(dir, "pglite.lock"), String(pid));
  return dir;
}

describe("waiting for the embedded database's lock", () => {
  it("returns at once when nobody holds it, or when the holder is dead", async () => {
    expect(await waitForLockRelease(lockDir(), 1_000)).toBe(true);
    const dead = spawn(process.execPath, ["-e", "0"]);
    await new Promise((r) => dead.once("exit", r));
    const dir = lockDir(dead.pid!);
    expect(lockHolder(dir)).toBeNull();
    expect(await waitForLockRelease(dir, 1_000)).toBe(true);
  });

  it("waits while a live holder closes, and tells who it waits for", async () => {
    const closing = spawn(process.execPath, ["-e", "setTimeout(() => {}, 700)"]);
    const exited = new Promise((r) => closing.once("exit", r));
    const dir = lockDir(closing.pid!);
    expect(lockHolder(dir)).toBe(closing.pid);
    const waitedFor: number[] = [];
    expect(await waitForLockRelease(dir, 10_000, (pid) => waitedFor.push(pid))).toBe(true);
    await exited;
    expect(waitedFor).toEqual([closing.pid]);
  });

  it("gives up after its time when the holder keeps the database open", async () => {
    const running = spawn(process.execPath, ["-e", "setTimeout(() => {}, 30000)"]);
    try {
      expect(await waitForLockRelease(lockDir(running.pid!), 300)).toBe(false);
    } finally {
      running.kill();
    }
  });
});
