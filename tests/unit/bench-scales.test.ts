import { describe, expect, it } from "vitest";
import { roundRatios, scaleTable, type Row } from "@/scripts/bench/lib/report";
import { runOrder } from "@/scripts/bench/lib/scale-runs";
import { benchScales } from "@/scripts/bench/lib/scales";
import { parseScale, scaledOrg, sizeFor } from "@/scripts/seed/large/scale";

describe("the benchmark's scales", () => {
  it("measures scale 1 only by default", () => {
    expect(benchScales([], {})).toEqual([1]);
  });

  it("takes --scales, --scales=, BENCH_SCALES and BENCH_SCALE10, always with scale 1 first", () => {
    expect(benchScales(["--scales", "1,10"], {})).toEqual([1, 10]);
    expect(benchScales(["--scales=10"], {})).toEqual([1, 10]);
    expect(benchScales([], { BENCH_SCALES: "10, 1, 10" })).toEqual([1, 10]);
    expect(benchScales([], { BENCH_SCALE10: "1" })).toEqual([1, 10]);
    expect(benchScales(["--scales", "1,2"], { BENCH_SCALE10: "1" })).toEqual([1, 2]);
  });

  it("refuses anything but whole numbers from 1 to 100", () => {
    for (const bad of ["0", "ten", "1.5", "101", ""]) expect(() => benchScales(["--scales", bad], {})).toThrow(/whole numbers/);
  });
});

describe("seed:large --scale", () => {
  it("is scale 1 without the flag and reads --scale N or --scale=N", () => {
    expect(parseScale([])).toBe(1);
    expect(parseScale(["--scale", "10"])).toBe(10);
    expect(parseScale(["--scale=3"])).toBe(3);
    expect(() => parseScale(["--scale", "x"])).toThrow(/whole number/);
    expect(() => parseScale(["--scale", "0"])).toThrow(/whole number/);
  });

  it("puts scale 10 in its own organisation and e-mail domain, ten times scale 1", () => {
    const x10 = scaledOrg(10);
    expect(x10.slug).toBe("wattle-institute-x10");
    expect(x10.domain).toBe("x10.wattle.example");
    expect(x10.spec).toMatchObject({ trainees: 10_000, supervisors: 500, cohorts: 100, busy: 100, casesPerTrainee: 20 });
    // 9,802 placed trainees (every 50th outside the busy group is deactivated) × 205 ≥ 2 million.
    const placed = 10_000 - Math.floor((10_000 - 100) / 50);
    expect((placed - 1) * sizeFor(10).hoursPerTrainee + 2_000).toBeGreaterThanOrEqual(2_000_000);
  });

  it("signs the benchmark in as people who see what their scale-1 counterparts see", () => {
    const x10 = scaledOrg(10);
    expect(x10.signIns).toEqual({ admin: "coordinator@x10.wattle.example", busySupervisor: "supervisor01@x10.wattle.example", trainee: "trainee05501@x10.wattle.example" });
    // The trainee's cohort is as far back (4/9 from the newest) as trainee0501's at scale 1.
    const cohort = Math.floor(x10.traineeIndex / (10_000 / 100));
    expect((100 - 1 - cohort) / (100 - 1)).toBeCloseTo((10 - 1 - 5) / (10 - 1), 2);
    expect(x10.spec.hours?.heavy).toEqual({ index: 5_500, entries: 2_000 });
  });
});

describe("the benchmark's runs across scales", () => {
  const row = (scale: number, p95: number, runP95?: number[]): Row => ({
    name: `Route${scale > 1 ? ` (×${scale} data set)` : ""}`,
    url: "/",
    requests: 1,
    responses: 1,
    rps: 1,
    p50: p95 / 2,
    p95,
    p99: p95,
    max: p95,
    errors: 0,
    non2xx: 0,
    bytesPerResponse: 1,
    statuses: {},
    group: "route",
    scale,
    short: "Route",
    runP95,
    queriesPerRequest: 3,
    dbMsPerRequest: 1,
    blocksPerRequest: 10,
  });

  it("alternates the scales, so each round's pair of runs sits side by side", () => {
    expect(runOrder(["A", "B"], 1)).toEqual(["A", "B"]);
    expect(runOrder(["A", "B"], 2)).toEqual(["A", "B", "B", "A"]);
    expect(runOrder(["A", "B"], 6)).toEqual(["A", "B", "B", "A", "A", "B", "B", "A", "A", "B", "B", "A"]);
    expect(runOrder(["A", "B", "C"], 2)).toEqual(["A", "B", "C", "C", "B", "A"]);
  });

  it("pairs the i-th run at each scale and reports the lowest and highest ratio", () => {
    expect(roundRatios(row(1, 100, [100, 200, 100]), row(10, 120, [110, 180, 130]))).toEqual({ low: 0.9, high: 1.3 });
    expect(roundRatios(row(1, 100, [100]), row(10, 120, [110]))).toBeNull();
    expect(roundRatios(row(1, 100), row(10, 120))).toBeNull();
    expect(roundRatios(row(1, 100, [100, 100]), undefined)).toBeNull();
  });

  it("prints the pooled ratio and each round's spread beside it", () => {
    const table = scaleTable([row(1, 200, [180, 220]), row(10, 230, [200, 260])])!;
    const [head, , line] = table.split("\n");
    expect(head).toContain("ratio per round ×10/×1 (lowest–highest)");
    expect(line).toBe("| Route | 200.0 | 230.0 | 1.15 | 1.11–1.18 | 3.0 / 3.0 | 1.00 / 1.00 | 10 / 10 |");
  });
});
