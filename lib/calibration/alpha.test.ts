import { describe, expect, it } from "vitest";
import { krippendorffAlpha } from "./alpha";

// Published worked examples with known values.

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section E (and Content
// Analysis, 4th ed., 2019, ch. 12): 4 observers (rows) x 12 units (columns), missing values as null.
const OBSERVERS = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null],
];
const units = (rows: (number | null)[][]) => rows[0].map((_, u) => rows.map((r) => r[u]));

// The three-coder, fifteen-unit example of the Wikipedia article "Krippendorff's alpha"
// (also pinned by the tests of the maintained Python package `krippendorff`).
const WIKI = [
  [null, null, null, null, null, 3, 4, 1, 2, 1, 1, 3, 3, null, 3],
  [1, null, 2, 1, 3, 3, 4, 3, null, null, null, null, null, null, null],
  [null, null, 2, 1, 3, 4, 4, null, 2, 1, 1, 3, 3, null, 4],
];

describe("Krippendorff's alpha against published worked examples", () => {
  it("gives Krippendorff's own values for his 4 x 12 reliability data", () => {
    expect(krippendorffAlpha(units(OBSERVERS), "nominal").alpha).toBeCloseTo(0.743421052631579, 10);
    expect(krippendorffAlpha(units(OBSERVERS), "ordinal").alpha!.toFixed(3)).toBe("0.815");
    expect(krippendorffAlpha(units(OBSERVERS), "interval").alpha!.toFixed(3)).toBe("0.849");
    expect(krippendorffAlpha(units(OBSERVERS), "ratio").alpha!.toFixed(3)).toBe("0.797");
  });

  it("counts only pairable values: unit 12, with one value, is left out", () => {
    const r = krippendorffAlpha(units(OBSERVERS), "ordinal");
    expect(r.units).toBe(11);
    expect(r.pairable).toBe(40);
    expect(krippendorffAlpha(units(OBSERVERS).slice(0, 11), "ordinal").alpha).toBe(r.alpha);
  });

  it("gives the published values for the three-coder example (nominal 0.691, interval 0.811)", () => {
    expect(krippendorffAlpha(units(WIKI), "nominal").alpha).toBeCloseTo(0.691358, 6);
    expect(krippendorffAlpha(units(WIKI), "interval").alpha).toBeCloseTo(0.810845, 6);
  });
});

describe("Krippendorff's alpha at the edges", () => {
  it("is 1 for perfect agreement on units that differ", () => {
    expect(krippendorffAlpha([[1, 1, 1], [2, 2, 2], [3, 3, null]], "ordinal").alpha).toBe(1);
    expect(krippendorffAlpha([[1, 1], [3, 3]], "nominal").alpha).toBe(1);
  });

  it("is null, 'not enough ratings', with fewer than two pairable values", () => {
    expect(krippendorffAlpha([], "ordinal")).toEqual({ alpha: null, reason: "not_enough_ratings", pairable: 0, units: 0 });
    expect(krippendorffAlpha([[2], [3, null], [null, null]], "ordinal")).toMatchObject({ alpha: null, reason: "not_enough_ratings" });
  });

  it("is null, 'no variation', when every pairable value is the same (0 / 0)", () => {
    expect(krippendorffAlpha([[2, 2, 2], [2, 2], [3]], "ordinal")).toMatchObject({ alpha: null, reason: "no_variation", units: 2, pairable: 5 });
  });

  it("is 0 on a single unit with any disagreement: one unit can't show agreement beyond chance", () => {
    expect(krippendorffAlpha([[1, 2, 3]], "ordinal").alpha).toBeCloseTo(0, 12);
  });

  it("goes below 0 for systematic disagreement", () => {
    expect(krippendorffAlpha([[1, 3], [3, 1], [1, 3]], "ordinal").alpha!).toBeLessThan(0);
  });

  it("ignores values that are not finite numbers", () => {
    expect(krippendorffAlpha([[1, 1, Number.NaN], [2, 2, undefined]], "interval").alpha).toBe(1);
  });
});
