import autocannon from "autocannon";
import { assertLocal } from "./procs";

// One measured route: a warm-up run whose figures are thrown away, then the measured run.
// autocannon reports p50/p97.5/p99 but not p95, so latencies are collected per response here
// and all percentiles come from that one list.

export type Measured = {
  name: string;
  url: string;
  requests: number;
  responses: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  bytesPerResponse: number;
  /** Status codes other than 2xx and how often each was seen, e.g. { "502": 1 }. */
  statuses: Record<string, number>;
  /** Every response's latency, sorted (for merging runs); not printed. */
  latencies?: number[];
  seconds?: number;
};

/** Several runs of one route as one: latencies pooled, counts summed, throughput over the total time. */
export function mergeRuns(runs: Measured[]): Measured {
  if (runs.length === 1) return runs[0];
  const latencies = runs.flatMap((r) => r.latencies ?? []).sort((a, b) => a - b);
  const seconds = runs.reduce((n, r) => n + (r.seconds ?? 0), 0);
  const statuses: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const responses = runs.reduce((n, r) => n + r.responses, 0);
  return {
    name: runs[0].name,
    url: runs[0].url,
    requests: runs.reduce((n, r) => n + r.requests, 0),
    responses,
    rps: seconds ? latencies.length / seconds : runs.reduce((n, r) => n + r.rps, 0) / runs.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    errors: runs.reduce((n, r) => n + r.errors, 0),
    non2xx: runs.reduce((n, r) => n + r.non2xx, 0),
    bytesPerResponse: responses ? Math.round(runs.reduce((n, r) => n + r.bytesPerResponse * r.responses, 0) / responses) : 0,
    statuses,
    latencies,
    seconds,
  };
}

/** `amount`: a fixed number of requests instead of `duration` seconds (warm-up: a fifth of it), so runs on a busy machine do the same work. */
export type LoadOptions = { connections: number; duration: number; warmup: number; amount?: number; cookie?: string; beforeMeasure?: () => Promise<void> };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

async function once(url: string, o: LoadOptions, duration: number, amount?: number) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const inst = autocannon({ url, connections: o.connections, ...(amount ? { amount } : { duration }), timeout: 10, headers: o.cookie ? { cookie: o.cookie } : {} });
  inst.on("response", (_client: unknown, status: number, resBytes: number, ms: number) => {
    latencies.push(ms);
    if (status < 200 || status > 299) statuses[status] = (statuses[status] ?? 0) + 1;
    bytes += resBytes;
  });
  const result = await inst;
  return { result, latencies, bytes, statuses };
}

export async function measure(name: string, url: string, o: LoadOptions): Promise<Measured> {
  assertLocal(url);
  if (o.warmup > 0) await once(url, o, o.warmup, o.amount ? Math.ceil(o.amount / 5) : undefined);
  await o.beforeMeasure?.();
  const { result, latencies, bytes, statuses } = await once(url, o, o.duration, o.amount);
  latencies.sort((a, b) => a - b);
  const m: Measured = {
    name,
    url,
    requests: result.requests.total,
    responses: latencies.length,
    rps: latencies.length / (result.duration || o.duration),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytesPerResponse: latencies.length ? Math.round(bytes / latencies.length) : 0,
    statuses,
    latencies,
    seconds: result.duration || o.duration,
  };
  console.log(`  ${name.padEnd(42)} ${m.rps.toFixed(1).padStart(8)} req/s  p50 ${m.p50.toFixed(1)} ms  p95 ${m.p95.toFixed(1)} ms  p99 ${m.p99.toFixed(1)} ms  errors ${m.errors}  non-2xx ${m.non2xx}${m.non2xx ? ` ${JSON.stringify(statuses)}` : ""}`);
  return m;
}
