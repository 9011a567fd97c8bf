import zlib from "node:zlib";
import { assertLocal } from "./procs";
import { scriptChunks } from "./chunks";

export type Weight = { name: string; path: string; chunks: number; rawKb: number; gzipKb: number; budgetKb?: number; extraOverShell: string[]; extraGzipKb: number[]; shellGzipKb: number };

/**
 * The client JavaScript each route ships, gzip-compressed (level 6, as a typical server would),
 * summed over its chunks. `shell` is a minimal signed-in page: chunks beyond its set are what a
 * route adds on top of the app shell.
 */
export async function clientWeights(
  base: string,
  routes: { name: string; path: string; cookie?: string; budgetKb?: number }[],
  shell: { path: string; cookie: string },
): Promise<Weight[]> {
  assertLocal(base);
  const cache = new Map<string, { raw: number; gz: number }>();
  const sizeOf = async (chunk: string) => {
    if (!cache.has(chunk)) {
      const res = await fetch(base + chunk);
      if (res.status !== 200) throw new Error(`GET ${chunk} answered ${res.status}`);
      const buf = Buffer.from(await res.arrayBuffer());
      cache.set(chunk, { raw: buf.length, gz: zlib.gzipSync(buf, { level: 6 }).length });
    }
    return cache.get(chunk)!;
  };
  const chunksOf = async (path: string, cookie?: string) => {
    const res = await fetch(base + path, { redirect: "manual", headers: cookie ? { cookie } : {} });
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
    return scriptChunks(await res.text());
  };
  const shellChunks = new Set(await chunksOf(shell.path, shell.cookie));
  const out: Weight[] = [];
  for (const r of routes) {
    const chunks = await chunksOf(r.path, r.cookie);
    let raw = 0;
    let gz = 0;
    for (const c of chunks) {
      const s = await sizeOf(c);
      raw += s.raw;
      gz += s.gz;
    }
    const extra = chunks.filter((c) => !shellChunks.has(c));
    const extraGzipKb = await Promise.all(extra.map(async (c) => (await sizeOf(c)).gz / 1024));
    let shellGz = 0;
    for (const c of shellChunks) shellGz += (await sizeOf(c)).gz;
    out.push({ name: r.name, path: r.path, chunks: chunks.length, rawKb: raw / 1024, gzipKb: gz / 1024, budgetKb: r.budgetKb, extraOverShell: extra, extraGzipKb, shellGzipKb: shellGz / 1024 });
  }
  return out;
}
