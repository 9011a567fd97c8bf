import { describe, expect, it } from "vitest";
import { conditionAlphaAcrossRounds, describeDeviation, describeMedian, deviation, median, pooledAlpha, readAlpha, roundResults, scaleValue } from "./agreement";

describe("ratings on the ordinal scale", () => {
  it("maps the three graded ratings in order and treats not assessable as missing", () => {
    expect(["not_evident", "partly_evident", "clearly_evident", "not_assessable", undefined].map(scaleValue)).toEqual([1, 2, 3, null, null]);
  });

  it("takes the median, halfway between the middle two for an even count", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([2, 3])).toBe(2.5);
    expect(median([3, 3, 1, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });

  it("measures each rating against the median in steps, and says so in words", () => {
    expect(deviation(3, 2)).toBe(1);
    expect(deviation(2, 2.5)).toBe(-0.5);
    expect(deviation(null, 2)).toBeNull();
    expect(describeDeviation(1)).toBe("One step above the group's median");
    expect(describeDeviation(-0.5)).toBe("Half a step below the group's median");
    expect(describeDeviation(0)).toBe("Same as the group's median");
    expect(describeMedian(2.5)).toBe("Between partly evident and clearly evident");
    expect(describeMedian(1)).toBe("Not evident");
  });
});

const A = { membershipId: "a", name: "Ash", ratings: { c3_congruence: "partly_evident", c5_empathy: "clearly_evident", c6_perceived: "not_evident" } } as const;
const B = { membershipId: "b", name: "Bo", ratings: { c3_congruence: "partly_evident", c5_empathy: "partly_evident", c6_perceived: "not_evident" } } as const;
const C = { membershipId: "c", name: "Cy", ratings: { c3_congruence: "clearly_evident", c5_empathy: "partly_evident", c4_upr: "not_assessable" } } as const;

describe("a round's results", () => {
  const r = roundResults([C, A, B], { c3_congruence: "partly_evident", c5_empathy: "partly_evident" });

  it("gives each condition its median, range and the reference rating", () => {
    const c5 = r.conditions.find((c) => c.code === "c5_empathy")!;
    expect(c5).toMatchObject({ graded: 3, median: 2, min: 2, max: 3, reference: 2 });
    const c4 = r.conditions.find((c) => c.code === "c4_upr")!;
    expect(c4).toMatchObject({ graded: 0, notAssessable: 1, median: null });
  });

  it("shows each supervisor's deviation per condition, alphabetically and not ranked", () => {
    expect(r.people.map((p) => p.name)).toEqual(["Ash", "Bo", "Cy"]);
    const cy = r.people[2];
    expect(cy.conditions.c3_congruence).toEqual({ rating: "clearly_evident", deviation: 1 });
    expect(cy.conditions.c4_upr).toEqual({ rating: "not_assessable", deviation: null });
    expect(cy.meanAbsDeviation).toBe(0.5);
    expect(r.people[0].conditions.c5_empathy?.deviation).toBe(1);
  });

  it("computes overall agreement with the conditions as units", () => {
    expect(r.overall.units).toBe(3);
    expect(r.overall.alpha).not.toBeNull();
    expect(readAlpha(r.overall)).toMatch(/agreement|chance/);
  });

  it("says 'not enough ratings' when only one supervisor graded", () => {
    const one = roundResults([A]);
    expect(one.overall).toMatchObject({ alpha: null, reason: "not_enough_ratings" });
    expect(readAlpha(one.overall)).toMatch(/^Not enough ratings/);
  });

  it("reads perfect agreement as high and never states thresholds as standards", () => {
    const same = roundResults([A, { ...A, membershipId: "z", name: "Zed" }]);
    expect(same.overall.alpha).toBe(1);
    expect(readAlpha(same.overall)).toMatch(/^High agreement/);
  });
});

describe("agreement across rounds", () => {
  it("uses rounds as the units of each condition", () => {
    const rounds = [[A, B], [A, { ...B, ratings: { ...B.ratings, c5_empathy: "clearly_evident" } }]];
    const per = conditionAlphaAcrossRounds(rounds);
    expect(per.c3_congruence).toMatchObject({ alpha: null, reason: "no_variation" });
    expect(per.c4_upr).toMatchObject({ alpha: null, reason: "not_enough_ratings" });
    expect(per.c5_empathy.units).toBe(2);
    expect(pooledAlpha(rounds).units).toBe(6);
  });
});
