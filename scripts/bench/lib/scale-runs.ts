import type postgres from "postgres";
import { cpuProbe, memoryOf, percentOfCore } from "./cpu";
import { measure, mergeRuns, type LoadOptions, type Measured } from "./load";
import type { Proc } from "./procs";
import type { Row } from "./report";
import type { BenchRoute } from "./routes";

// Every route under load, and at several scales: each scale-1 route is followed by the same route
// at the other scales. With rounds = 2 the order is A B B A (A C C A …), so a machine getting
// busier or quieter during the pair weighs on both sides alike; the runs of one scale are then
// pooled (latencies together). Many short runs beat a few long ones on a shared machine: a burst of
// someone else's work lands in one short run of one side, and the alternation spreads the rest
// evenly. Only the first run of each route and scale has a warm-up; the later ones start warm. Besides latency, PostgreSQL reports what each request cost it
// (pg_stat_statements: statements, execution time, buffers touched), which does not depend on
// how busy the machine is: the work per request at ×10 next to ×1 is the stable half of the
// comparison on a shared machine.

type DbStats = { calls: number; ms: number; blocks: number };

async function dbStats(sql: postgres.Sql): Promise<DbStats> {
  const [r] = await sql`select coalesce(sum(calls), 0)::bigint as calls, coalesce(sum(total_exec_time), 0)::float8 as ms,
      coalesce(sum(shared_blks_hit + shared_blks_read), 0)::bigint as blocks
    from pg_stat_statements where query not ilike '%pg_stat_statements%'`;
  return { calls: Number(r.calls), ms: Number(r.ms), blocks: Number(r.blocks) };
}

/** The order of runs for one route at its scales: A B (rounds 1), A B B A (2), A B B A A B (3). */
export function runOrder<T>(group: readonly T[], rounds: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < rounds; i++) out.push(...(i % 2 === 0 ? group : [...group].reverse()));
  return out;
}

export async function measureRoutes(o: {
  routes: readonly BenchRoute[];
  base: string;
  sql: postgres.Sql;
  app: Proc;
  pgData: string;
  load: LoadOptions;
  rounds: number;
  /** Seconds per run when a route is compared across scales (load.duration otherwise). */
  scaleRunSeconds?: number;
}): Promise<Row[]> {
  const rows: Row[] = [];
  const firsts = o.routes.filter((r, i) => o.routes.findIndex((x) => x.short === r.short) === i);
  for (const first of firsts) {
    const group = o.routes.filter((r) => r.short === first.short);
    const runs = new Map<BenchRoute, { m: Measured; appCpu: number; pgCpu: number; db: DbStats }[]>(group.map((r) => [r, []]));
    const compared = group.length > 1;
    for (const r of runOrder(group, compared ? o.rounds : 1)) {
      const warm = runs.get(r)!.length > 0;
      const cpu = cpuProbe(() => [o.app.child.pid!], o.pgData);
      let app0 = 0;
      let pg0 = 0;
      let t = 0;
      let db0: DbStats = { calls: 0, ms: 0, blocks: 0 };
      const m = await measure(r.name, o.base + r.path, {
        ...o.load,
        ...(compared && o.scaleRunSeconds ? { duration: o.scaleRunSeconds } : {}),
        ...(warm ? { warmup: 0 } : {}),
        cookie: r.cookie,
        beforeMeasure: async () => {
          await o.sql`select pg_stat_statements_reset()`;
          db0 = await dbStats(o.sql);
          app0 = cpu.app();
          pg0 = cpu.pg();
          t = Date.now();
        },
      });
      const secs = (Date.now() - t) / 1000;
      const db1 = await dbStats(o.sql);
      runs.get(r)!.push({ m, appCpu: percentOfCore(cpu.app() - app0, secs), pgCpu: percentOfCore(cpu.pg() - pg0, secs), db: { calls: db1.calls - db0.calls, ms: db1.ms - db0.ms, blocks: db1.blocks - db0.blocks } });
    }
    const workers = memoryOf([o.app.child.pid!]).filter((m) => m.name === "worker");
    for (const r of group) {
      const list = runs.get(r)!;
      const m = mergeRuns(list.map((x) => x.m));
      const sum = (f: (x: (typeof list)[number]) => number) => list.reduce((n, x) => n + f(x), 0);
      const per = (n: number) => (m.responses ? n / m.responses : null);
      rows.push({
        ...m,
        latencies: undefined,
        group: "route",
        scale: r.scale,
        short: r.short,
        runs: list.length,
        runP95: list.map((x) => x.m.p95),
        queriesPerRequest: per(sum((x) => x.db.calls)),
        dbMsPerRequest: per(sum((x) => x.db.ms)),
        blocksPerRequest: per(sum((x) => x.db.blocks)),
        appCpu: sum((x) => x.appCpu) / list.length,
        pgCpu: sum((x) => x.pgCpu) / list.length,
        memory: { rssMb: workers.map((w) => w.rssMb), peakMb: workers.map((w) => w.peakMb) },
      });
    }
  }
  return rows;
}


