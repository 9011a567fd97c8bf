import { describe, expect, it } from "vitest";
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
