// The shapes the practice studio works with, shared by the data layer, the pages and the pure
// helpers (ranking, levels). A drill is either one of Rapport's own (in code, named by its stable
// slug) or one an organisation wrote (rows in practice_drills / practice_drill_versions).
import type { MarkerCode, RuptureType, StrategyCode } from "@/lib/cases/codes";

export type Difficulty = 1 | 2 | 3;

export type DrillContent = {
  title: string;
  ruptureType: RuptureType;
  markers: MarkerCode[];
  difficulty: Difficulty;
  /** Where we are in the session: a few sentences, in the third person. */
  context: string;
  /** What the client says, one line each. */
  clientLines: string[];
  /** What to attend to in this moment (a therapeutic lens or focus). */
  lens: string;
  suggestedStrategies: StrategyCode[];
  modelResponse: string;
  pitfalls: string[];
};

export type DrillClip = { type: string; bytes: number };

export type Drill = DrillContent & {
  /** The drill's address: a shipped drill's slug, or an organisation's drill id. */
  key: string;
  source: "shipped" | "custom";
  /** Custom drills: the version shown (new attempts answer the current one). */
  versionNumber: number | null;
  versionId: string | null;
  archived: boolean;
  clip: DrillClip | null;
};

/** How a row refers to a drill: a shipped slug, or a custom drill's id. */
export type DrillRef = { drillSlug: string | null; drillId: string | null };

export function refOf(key: string, isCustom: boolean): DrillRef {
  return isCustom ? { drillSlug: null, drillId: key } : { drillSlug: key, drillId: null };
}

export function keyOf(ref: DrillRef): string {
  return ref.drillSlug ?? ref.drillId ?? "";
}

export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  1: "Level 1: a clear marker",
  2: "Level 2: a subtler marker",
  3: "Level 3: mixed or charged",
};

/** A drill's title in quotation marks, unless it is already a quotation (“No, I’m not upset”). */
export function quoted(title: string): string {
  return /^[“"‘']/.test(title) ? title : `“${title}”`;
}
