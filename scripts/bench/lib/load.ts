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
};

export type LoadOptions = { connections: number; duration: number; warmup: number; cookie?: string; beforeMeasure?: () => Promise<void> };

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

async function once(url: string, o: LoadOptions, duration: number) {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let bytes = 0;
  const inst = autocannon({ url, connections: o.connections, duration, timeout: 10, headers: o.cookie ? { cookie: o.cookie } : {} });
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
  if (o.warmup > 0) await once(url, o, o.warmup);
  await o.beforeMeasure?.();
  const { result, latencies, bytes, statuses } = await once(url, o, o.duration);
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
  };
  console.log(`  ${name.padEnd(42)} ${m.rps.toFixed(1).padStart(8)} req/s  p50 ${m.p50.toFixed(1)} ms  p95 ${m.p95.toFixed(1)} ms  p99 ${m.p99.toFixed(1)} ms  errors ${m.errors}  non-2xx ${m.non2xx}${m.non2xx ? ` ${JSON.stringify(statuses)}` : ""}`);
  return m;
}
