// Which drills to offer a trainee after a case, and the levels they have reached. Pure, so the
// ranking is unit-tested (suggest.test.ts) apart from the database.
import { LEVEL_REACHED_MEAN } from "./scales";
import type { Difficulty, Drill } from "./types";

export type RatedAttempt = { drillKey: string; difficulty: number; markers: readonly string[]; /** best mean of its feedback, null when not rated yet */ mean: number | null };

/**
 * The level reached per marker: the highest difficulty of a drill showing that marker whose
 * response was rated LEVEL_REACHED_MEAN or more on average. A marker never reached is absent.
 */
export function levelsByMarker(attempts: readonly RatedAttempt[]): Map<string, number> {
  const levels = new Map<string, number>();
  for (const a of attempts) {
    if (a.mean === null || a.mean < LEVEL_REACHED_MEAN) continue;
    for (const m of a.markers) levels.set(m, Math.max(levels.get(m) ?? 0, a.difficulty));
  }
  return levels;
}

/** The difficulty to offer next for these markers: one above the best level reached on any of them. */
export function targetDifficulty(levels: ReadonlyMap<string, number>, markers: readonly string[]): Difficulty {
  const best = markers.reduce((n, m) => Math.max(n, levels.get(m) ?? 0), 0);
  return Math.min(3, best + 1) as Difficulty;
}

export type Suggestion = { drill: Drill; matched: string[]; overlap: number };

/**
 * Drills whose markers match the case's, best first: by the number of markers shared, then by how
 * near the drill's difficulty is to the trainee's next level, then drills not yet tried before ones
 * already practised, then easier first, then by title. Archived drills are never offered.
 */
export function rankSuggestions(
  drills: readonly Drill[],
  caseMarkers: readonly string[],
  opts: { levels?: ReadonlyMap<string, number>; attempted?: ReadonlySet<string>; limit?: number } = {},
): Suggestion[] {
  const wanted = new Set(caseMarkers);
  if (wanted.size === 0) return [];
  const target = targetDifficulty(opts.levels ?? new Map(), [...wanted]);
  const attempted = opts.attempted ?? new Set<string>();
  const ranked = drills
    .filter((d) => !d.archived)
    .map((drill) => {
      const matched = drill.markers.filter((m) => wanted.has(m));
      return { drill, matched, overlap: matched.length };
    })
    .filter((s) => s.overlap > 0)
    .sort(
      (a, b) =>
        b.overlap - a.overlap ||
        Math.abs(a.drill.difficulty - target) - Math.abs(b.drill.difficulty - target) ||
        Number(attempted.has(a.drill.key)) - Number(attempted.has(b.drill.key)) ||
        a.drill.difficulty - b.drill.difficulty ||
        a.drill.title.localeCompare(b.drill.title),
    );
  return ranked.slice(0, opts.limit ?? 5);
}
