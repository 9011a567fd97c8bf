import fs from "node:fs";
import path from "node:path";

// CPU time used by a set of processes (Linux /proc), to say where a route's time goes: the app's
// Node.js process or PostgreSQL. Reported as % of one core over the measured run.

type Stat = { pid: number; ppid: number; pgrp: number; ticks: number };
const HZ = 100; // USER_HZ on Linux

function stats(): Stat[] {
  const out: Stat[] = [];
  for (const d of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const raw = fs.readFileSync(`/proc/${d}/stat`, "utf8");
      const f = raw.slice(raw.lastIndexOf(")") + 2).split(" ");
      // fields after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
      out.push({ pid: Number(d), ppid: Number(f[1]), pgrp: Number(f[2]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      /* process ended */
    }
  }
  return out;
}

export type CpuProbe = { app: () => number; pg: () => number };

/** Ticks used so far by the process groups `appGroups` and by the PostgreSQL cluster in `pgData`. */
export function cpuProbe(appGroups: () => number[], pgData: string): CpuProbe {
  const postmaster = () => Number(fs.readFileSync(path.join(pgData, "postmaster.pid"), "utf8").split("\n")[0]);
  return {
    app: () => {
      const groups = new Set(appGroups());
      return stats().filter((s) => groups.has(s.pgrp)).reduce((n, s) => n + s.ticks, 0);
    },
    pg: () => {
      const pm = postmaster();
      return stats().filter((s) => s.pid === pm || s.ppid === pm).reduce((n, s) => n + s.ticks, 0);
    },
  };
}

export function percentOfCore(ticks: number, seconds: number): number {
  return (ticks / HZ / seconds) * 100;
}

export type ProcMemory = { pid: number; name: string; rssMb: number; peakMb: number };

/** Resident memory now and at its peak (VmHWM) of every process in the given process groups. */
export function memoryOf(groups: number[]): ProcMemory[] {
  const wanted = new Set(groups);
  const out: ProcMemory[] = [];
  for (const s of stats()) {
    if (!wanted.has(s.pgrp)) continue;
    try {
      const status = fs.readFileSync(`/proc/${s.pid}/status`, "utf8");
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
      const comm = fs.readFileSync(`/proc/${s.pid}/comm`, "utf8").trim();
      const cmd = fs.readFileSync(`/proc/${s.pid}/cmdline`, "utf8").split("\0").join(" ");
      const name = comm.startsWith("next-server")
        ? "worker"
        : cmd.includes("esbuild")
          ? "tsx's esbuild service"
          : /(serve|start)\.ts/.test(cmd) && cmd.includes("--import")
            ? "cluster primary"
            : cmd.includes("tsx")
              ? "tsx launcher"
              : comm === "npm" || cmd.includes("npm-cli")
                ? "npm"
                : comm;
      out.push({ pid: s.pid, name, rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 });
    } catch {
      /* process ended */
    }
  }
  return out.sort((a, b) => b.peakMb - a.peakMb);
}

/**
 * Where one process's resident memory is (Linux /proc/<pid>/smaps), in MB: mapped files (the
 * Node.js binary, libraries); WebAssembly memory (PGlite's PostgreSQL heap and buffer cache: the
 * usable part of an anonymous mapping followed by a reservation of 4 GB or more); malloc (the main
 * heap and the 64 MB arenas glibc gives threads, such as V8's compiler threads); and every other
 * anonymous mapping (V8's heap pages, compiled code, buffers).
 */
export function rssBreakdown(pid: number): { files: number; wasmMemory: number; malloc: number; otherAnon: number } {
  const out = { files: 0, wasmMemory: 0, malloc: 0, otherAnon: 0 };
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/smaps`, "utf8");
  } catch {
    return out;
  }
  type Mapping = { start: bigint; end: bigint; perm: string; name: string; rssKb: number };
  const maps: Mapping[] = [];
  for (const line of text.split("\n")) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (head) maps.push({ start: BigInt(`0x${head[1]}`), end: BigInt(`0x${head[2]}`), perm: head[3], name: head[4].trim(), rssKb: 0 });
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && maps.length) maps[maps.length - 1].rssKb = Number(rss[1]);
  }
  const MB = 1024n * 1024n;
  maps.forEach((m, i) => {
    const next = maps[i + 1];
    const reservedAfter = next && next.start === m.end && next.perm.startsWith("---") && !next.name ? next.end - next.start : 0n;
    const span = m.end - m.start + reservedAfter;
    const kind: keyof typeof out = m.name.startsWith("/")
      ? "files"
      : m.name === "[heap]"
        ? "malloc"
        : !m.name && reservedAfter >= 4096n * MB
          ? "wasmMemory"
          : !m.name && reservedAfter > 0n && span === 64n * MB
            ? "malloc"
            : "otherAnon";
    out[kind] += m.rssKb / 1024;
  });
  return out;
}
