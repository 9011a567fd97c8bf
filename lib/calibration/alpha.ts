// Krippendorff's alpha (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"), pure.
// Written here rather than taken from npm: the one package on the registry ("krippendorff" 0.1.0)
// is a single unmaintained release, and the coincidence-matrix method is a few dozen lines that
// the unit tests check against the published worked examples.
//
// Reliability data: units (here, the conditions of a reference case), each with the values the
// coders (supervisors) gave it; a missing value is null. Only units with two or more values are
// pairable; a unit with one value says nothing about agreement and is left out.

export type AlphaLevel = "nominal" | "ordinal" | "interval" | "ratio";

export type AlphaResult = {
  /** null when alpha can't be computed: see `reason`. */
  alpha: number | null;
  reason?: "not_enough_ratings" | "no_variation";
  /** Values in pairable units (n in Krippendorff's notation). */
  pairable: number;
  /** Units with two or more values. */
  units: number;
};

type Delta = (c: number, k: number) => number;

function deltaFor(level: AlphaLevel, values: number[], totals: Map<number, number>): Delta {
  if (level === "nominal") return (c, k) => (c === k ? 0 : 1);
  if (level === "interval") return (c, k) => (c - k) ** 2;
  if (level === "ratio") return (c, k) => (c + k === 0 ? 0 : ((c - k) / (c + k)) ** 2);
  // Ordinal: the distance between two ranks is the number of values seen between them (the two
  // ends counted half), so it depends on how the scale was used, not on the numbers given to it.
  return (c, k) => {
    if (c === k) return 0;
    const [lo, hi] = c < k ? [c, k] : [k, c];
    let sum = 0;
    for (const g of values) if (g >= lo && g <= hi) sum += totals.get(g) ?? 0;
    return (sum - ((totals.get(lo) ?? 0) + (totals.get(hi) ?? 0)) / 2) ** 2;
  };
}

/**
 * Alpha = 1 - (n - 1) * sum(o_ck * delta_ck) / sum(n_c * n_k * delta_ck), from the coincidence
 * matrix o. Perfect agreement gives 1, agreement at chance 0; below 0 is systematic disagreement.
 * With no pairable unit, or every pairable value the same (0 / 0), alpha is null.
 */
export function krippendorffAlpha(units: readonly (readonly (number | null | undefined)[])[], level: AlphaLevel): AlphaResult {
  const coincidences = new Map<number, Map<number, number>>();
  const add = (c: number, k: number, w: number) => {
    const row = coincidences.get(c) ?? new Map<number, number>();
    row.set(k, (row.get(k) ?? 0) + w);
    coincidences.set(c, row);
  };
  let pairableUnits = 0;
  for (const unit of units) {
    const vals = unit.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
    const m = vals.length;
    if (m < 2) continue;
    pairableUnits++;
    const counts = new Map<number, number>();
    for (const v of vals) counts.set(v, (counts.get(v) ?? 0) + 1);
    for (const [c, nc] of counts) for (const [k, nk] of counts) add(c, k, (c === k ? nc * (nc - 1) : nc * nk) / (m - 1));
  }
  const totals = new Map<number, number>();
  for (const [c, row] of coincidences) totals.set(c, [...row.values()].reduce((a, b) => a + b, 0));
  const n = [...totals.values()].reduce((a, b) => a + b, 0);
  const base = { pairable: Math.round(n), units: pairableUnits };
  if (pairableUnits === 0) return { alpha: null, reason: "not_enough_ratings", ...base };
  const values = [...totals.keys()].sort((a, b) => a - b);
  const delta = deltaFor(level, values, totals);
  let observed = 0;
  let expected = 0;
  for (const c of values) {
    for (const k of values) {
      const d = delta(c, k);
      if (d === 0) continue;
      observed += (coincidences.get(c)?.get(k) ?? 0) * d;
      expected += (totals.get(c) ?? 0) * (totals.get(k) ?? 0) * d;
    }
  }
  if (expected === 0) return { alpha: null, reason: "no_variation", ...base };
  return { alpha: 1 - ((n - 1) * observed) / expected, ...base };
}
