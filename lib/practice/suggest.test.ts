import { describe, expect, it } from "vitest";
import { levelsByMarker, rankSuggestions, targetDifficulty } from "./suggest";
import type { Difficulty, Drill } from "./types";
import type { MarkerCode } from "@/lib/cases/codes";

function drill(key: string, markers: MarkerCode[], difficulty: Difficulty, extra: Partial<Drill> = {}): Drill {
  return {
    key,
    source: "shipped",
    versionNumber: null,
    versionId: null,
    archived: false,
    clip: null,
    title: `Drill ${key}`,
    ruptureType: markers[0].startsWith("w_") ? "withdrawal" : "confrontation",
    markers,
    difficulty,
    context: "",
    clientLines: [],
    lens: "",
    suggestedStrategies: [],
    modelResponse: "",
    pitfalls: [],
    ...extra,
  };
}

describe("the level a trainee has reached per marker", () => {
  it("is the hardest drill showing the marker whose response was rated 3.5 or more on average", () => {
    const levels = levelsByMarker([
      { drillKey: "a", difficulty: 1, markers: ["w_minimal"], mean: 4 },
      { drillKey: "b", difficulty: 2, markers: ["w_minimal", "w_denial"], mean: 3.5 },
      { drillKey: "c", difficulty: 3, markers: ["w_minimal"], mean: 3.4 },
      { drillKey: "d", difficulty: 3, markers: ["c_about_therapist"], mean: null },
    ]);
    expect(levels.get("w_minimal")).toBe(2);
    expect(levels.get("w_denial")).toBe(2);
    // Rated below the bar, or not rated yet: not reached.
    expect(levels.has("c_about_therapist")).toBe(false);
  });

  it("sets the next difficulty one above the best level on any of the markers, at most 3", () => {
    const levels = new Map([
      ["w_minimal", 1],
      ["w_denial", 3],
    ]);
    expect(targetDifficulty(levels, ["c_about_progress"])).toBe(1);
    expect(targetDifficulty(levels, ["w_minimal"])).toBe(2);
    expect(targetDifficulty(levels, ["w_minimal", "w_denial"])).toBe(3);
  });
});

describe("drills suggested after a case", () => {
  const library = [
    drill("one-marker-l1", ["w_minimal"], 1),
    drill("two-markers-l3", ["w_minimal", "w_deferential"], 3),
    drill("two-markers-l1", ["w_minimal", "w_deferential"], 1),
    drill("other-marker", ["c_about_therapist"], 1),
    drill("archived", ["w_minimal", "w_deferential", "w_denial"], 1, { archived: true }),
  ];

  it("offers only drills sharing a marker with the case, most markers shared first", () => {
    const s = rankSuggestions(library, ["w_minimal", "w_deferential"]);
    expect(s.map((x) => x.drill.key)).toEqual(["two-markers-l1", "two-markers-l3", "one-marker-l1"]);
    expect(s[0]).toMatchObject({ overlap: 2, matched: ["w_minimal", "w_deferential"] });
  });

  it("breaks ties by nearness to the trainee's next level", () => {
    const levels = new Map([["w_minimal", 2]]);
    expect(rankSuggestions(library, ["w_minimal", "w_deferential"], { levels }).map((x) => x.drill.key)).toEqual(["two-markers-l3", "two-markers-l1", "one-marker-l1"]);
  });

  it("puts drills already practised after new ones of the same fit, and respects the limit", () => {
    const attempted = new Set(["two-markers-l1"]);
    const s = rankSuggestions([...library, drill("two-markers-l1-b", ["w_deferential", "w_minimal"], 1)], ["w_minimal", "w_deferential"], { attempted, limit: 2 });
    expect(s.map((x) => x.drill.key)).toEqual(["two-markers-l1-b", "two-markers-l1"]);
  });

  it("never offers an archived drill, and offers nothing for a case without markers", () => {
    expect(rankSuggestions(library, ["w_denial"])).toEqual([]);
    expect(rankSuggestions(library, [])).toEqual([]);
  });
});
