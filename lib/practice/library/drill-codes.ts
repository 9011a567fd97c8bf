// The code lists a practice drill uses. They are the case code lists (TAXONOMY.md section 2),
// re-exported rather than copied so that a drill and a logged case can never disagree about what
// a marker or a strategy code means. Only the lookups the practice studio needs are added here,
// each derived from lib/cases/codes.ts.

import { MARKERS, STRATEGIES, type MarkerCode, type RuptureType, type StrategyCode } from "@/lib/cases/codes";

export {
  RUPTURE_TYPES, // [{ code, label }]: withdrawal, confrontation, mixed
  RUPTURE_TYPE_CODES, // ["withdrawal", "confrontation", "mixed"]
  MARKERS,
  MARKER_CODES,
  STRATEGIES,
  STRATEGY_CODES,
  STRATEGY_FAMILIES,
  markerAllowed,
  markersFor,
  type RuptureType,
  type MarkerCode,
  type StrategyCode,
} from "@/lib/cases/codes";

/** A marker's own group. "mixed" is never a marker's type: a mixed rupture draws on both groups. */
export type MarkerGroup = Exclude<RuptureType, "mixed">;

export const MARKER_LABELS = Object.fromEntries(MARKERS.map((m) => [m.code, m.label])) as Record<MarkerCode, string>;

/** Which rupture type each marker belongs to (withdrawal or confrontation). */
export const MARKER_TYPE = Object.fromEntries(MARKERS.map((m) => [m.code, m.type])) as Record<MarkerCode, MarkerGroup>;

export const STRATEGY_LABELS = Object.fromEntries(STRATEGIES.map((s) => [s.code, s.label])) as Record<StrategyCode, string>;

export type StrategyFamily = (typeof STRATEGIES)[number]["family"];
export const STRATEGY_FAMILY = Object.fromEntries(STRATEGIES.map((s) => [s.code, s.family])) as Record<StrategyCode, StrategyFamily>;
