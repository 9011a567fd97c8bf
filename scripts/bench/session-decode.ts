/**
 * Micro-benchmark: reading a session cookie with next-auth's public `decode` (from next-auth/jwt;
 * it derives the key with HKDF on every call) against lib/core/session-token.ts's reader (the same
 * decryption with the key derived once per process).
 * Run: npx tsx --require ./scripts/bench/allow-server-only.cjs scripts/bench/session-decode.ts
 * Prints microseconds per decode for each (median of 5 rounds of N, BENCH_DECODES, default 10,000).
 */
import { decode, encode } from "next-auth/jwt";
import { claimsFromToken } from "@/lib/core/session-token";

const N = Number(process.env.BENCH_DECODES || 10_000);
const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";

type Round = { wall: number; cpu: number };

/** Wall time and CPU time (all of the process's threads: HKDF runs on libuv's pool) per call, in µs. */
async function round(fn: () => Promise<unknown>): Promise<Round> {
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await fn();
  const cpu = process.cpuUsage(cpu0);
  return { wall: Number(process.hrtime.bigint() - t0) / 1000 / N, cpu: (cpu.user + cpu.system) / N };
}

async function main() {
  const token = await encode({ token: { sub: "user-1", sid: "session-1", sv: 2 }, secret: SECRET, maxAge: 3600 });
  const viaNextAuth = async () => {
    const p = await decode({ token, secret: SECRET });
    if (p?.sub !== "user-1") throw new Error("next-auth decode gave another answer");
  };
  const viaReader = async () => {
    const c = await claimsFromToken(token, SECRET);
    if (c?.userId !== "user-1") throw new Error("claimsFromToken gave another answer");
  };
  await round(viaNextAuth);
  await round(viaReader); // warm-up
  const a: Round[] = [];
  const b: Round[] = [];
  for (let r = 0; r < 5; r++) {
    a.push(await round(viaNextAuth));
    b.push(await round(viaReader));
  }
  const median = (xs: Round[], k: keyof Round) => xs.map((x) => x[k]).sort((x, y) => x - y)[2];
  const line = (name: string, xs: Round[]) => `  ${name} ${median(xs, "wall").toFixed(1)} µs wall, ${median(xs, "cpu").toFixed(1)} µs CPU`;
  console.log(`${N} decodes x 5 rounds, median per decode:`);
  console.log(line("next-auth/jwt decode (HKDF each call):", a));
  console.log(line("claimsFromToken (key derived once):    ", b));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
