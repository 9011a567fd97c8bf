// Rapport's own drills, served from code by their stable slug (see docs/ARCHITECTURE.md, "Practice
// studio"): the same for every organisation, read-only, reviewed with the code. Attempts and
// assignments store the slug and a snapshot of what the drill was, so a later rewording never
// rewrites an old attempt.
import { SHIPPED_DRILLS } from "./library/shipped-drills";
import type { Difficulty, Drill } from "./types";

type Shipped = (typeof SHIPPED_DRILLS)[number];

function toDrill(d: Shipped): Drill {
  return {
    key: d.slug,
    source: "shipped",
    versionNumber: null,
    versionId: null,
    archived: false,
    clip: null,
    title: d.title,
    ruptureType: d.ruptureType,
    markers: [...d.markers],
    difficulty: d.difficulty as Difficulty,
    context: d.context,
    clientLines: [...d.clientLines],
    lens: d.lens,
    suggestedStrategies: [...d.suggestedStrategies],
    modelResponse: d.modelResponse,
    pitfalls: [...d.pitfalls],
  };
}

let cached: Drill[] | null = null;

export function shippedDrills(): readonly Drill[] {
  cached ??= SHIPPED_DRILLS.map(toDrill);
  return cached;
}

export function shippedDrill(slug: string): Drill | undefined {
  return shippedDrills().find((d) => d.key === slug);
}
