// Words for the practice studio's codes (server and client).
import { APPROACHES, labelOf } from "@/lib/cases/codes";
import { DIFFICULTY_LABELS, type Difficulty } from "@/lib/practice/types";

export const markerLabel = (code: string) => labelOf("marker", code);
export const strategyLabel = (code: string) => labelOf("strategy", code);
export const ruptureLabel = (code: string) => labelOf("ruptureType", code);
export const levelLabel = (d: number) => DIFFICULTY_LABELS[d as Difficulty] ?? `Level ${d}`;

/**
 * A drill's lens: the approach it is set in (Rapport's drills: "cbt", "person_centred" or
 * "either") or, in an organisation's own drill, a sentence on what to attend to.
 */
export function lensOf(lens: string): { kind: "approach" | "focus"; text: string } {
  if (lens === "either") return { kind: "approach", text: "Any approach (CBT or person-centred)" };
  const approach = APPROACHES.find((a) => a.code === lens);
  return approach ? { kind: "approach", text: approach.label } : { kind: "focus", text: lens };
}
