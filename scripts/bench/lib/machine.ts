import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Machine } from "./report";

/** The checked-out commit, read from .git without running git. */
export function gitCommit(root: string): string {
  try {
    let gitDir = path.join(root, ".git");
    if (fs.statSync(gitDir).isFile()) gitDir = path.resolve(root, fs.readFileSync(gitDir, "utf8").replace(/^gitdir:\s*/, "").trim());
    const head = fs.readFileSync(path.join(gitDir, "HEAD"), "utf8").trim();
    if (!head.startsWith("ref: ")) return head;
    const ref = head.slice(5);
    const loose = path.join(gitDir, ref);
    if (fs.existsSync(loose)) return `${fs.readFileSync(loose, "utf8").trim()} (${ref.replace("refs/heads/", "")}; the working tree may hold uncommitted changes)`;
    const packed = fs.readFileSync(path.join(gitDir, "packed-refs"), "utf8").split("\n").find((l) => l.endsWith(` ${ref}`));
    return packed ? packed.split(" ")[0] : "unknown";
  } catch {
    return "unknown (no .git)";
  }
}

export function machine(root: string, postgres: string): Machine {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model?.trim() ?? "unknown",
    memoryGb: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().replace("T", " ").slice(0, 16) + " UTC",
    commit: gitCommit(root),
    postgres,
  };
}
