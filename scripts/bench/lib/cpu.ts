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
