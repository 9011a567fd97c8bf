// Which data-set sizes the benchmark measures: `--scales 1,10` (or --scales=1,10), BENCH_SCALES=1,10,
// or BENCH_SCALE10=1 for [1, 10]. Scale 1 is always first: the ratios are against it.

export function benchScales(argv: readonly string[], env: Record<string, string | undefined>): number[] {
  let raw: string | undefined;
  argv.forEach((a, i) => {
    if (a === "--scales") raw = argv[i + 1];
    else if (a.startsWith("--scales=")) raw = a.slice("--scales=".length);
  });
  raw ??= env.BENCH_SCALES || (env.BENCH_SCALE10 === "1" ? "1,10" : "1");
  const list = raw.split(",").map((s) => s.trim()).filter(Boolean);
  if (list.length === 0 || list.some((s) => !/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 100)) {
    throw new Error(`--scales takes whole numbers from 1 to 100 separated by commas, e.g. 1,10 (got "${raw}").`);
  }
  const scales = [...new Set([1, ...list.map(Number)])].sort((a, b) => a - b);
  return scales;
}


