// Pure report arithmetic: how the ratings of one round spread over the scale, per competency, and
// how a trainee's ratings line up across rounds. No server-only: unit-tested directly.
import { competenciesOf, NOT_OBSERVED, type FormDefinition, type StoredCompetencyRating } from "./definition";

export type Counts = { byValue: Record<string, number>; notObserved: number; rated: number };

export type CompetencyDistribution = {
  code: string;
  title: string;
  domainTitle: string;
  supervisor: Counts;
  self: Counts;
};

function empty(def: FormDefinition): Counts {
  return { byValue: Object.fromEntries(def.scale.points.map((p) => [String(p.value), 0])), notObserved: 0, rated: 0 };
}

function add(c: Counts, r: StoredCompetencyRating | undefined) {
  if (!r?.rating) return;
  if (r.rating === NOT_OBSERVED) c.notObserved++;
  else if (r.rating in c.byValue) {
    c.byValue[r.rating]++;
    c.rated++;
  }
}

/** Per competency, how many evaluations gave each point (supervisor and self kept apart). */
export function distribution(def: FormDefinition, pairs: { self: Record<string, StoredCompetencyRating>; supervisor: Record<string, StoredCompetencyRating> }[]): CompetencyDistribution[] {
  return competenciesOf(def).map((c) => {
    const row = { code: c.code, title: c.title, domainTitle: c.domainTitle, supervisor: empty(def), self: empty(def) };
    for (const p of pairs) {
      add(row.supervisor, p.supervisor[c.code]);
      add(row.self, p.self[c.code]);
    }
    return row;
  });
}

/** The median point given (the lower middle for an even count), or null when nobody rated. */
export function median(def: FormDefinition, c: Counts): number | null {
  if (c.rated === 0) return null;
  const target = Math.ceil(c.rated / 2);
  let seen = 0;
  for (const p of def.scale.points) {
    seen += c.byValue[String(p.value)] ?? 0;
    if (seen >= target) return p.value;
  }
  return null;
}

export type HistoryRound = { key: string; definition: FormDefinition; self: Record<string, StoredCompetencyRating>; supervisor: Record<string, StoredCompetencyRating> };
export type HistoryRow = { code: string; title: string; domainTitle: string; cells: ({ self: string | null; supervisor: string | null } | null)[] };

/**
 * A trainee's competencies across rounds (oldest first), matched by code so a competency is
 * followed through form versions. Rows follow the newest form's order; competencies only older
 * forms had come after. A cell is null where that round's form had no such competency.
 */
export function history(rounds: HistoryRound[]): HistoryRow[] {
  const rows = new Map<string, HistoryRow>();
  for (const r of [...rounds].reverse()) {
    for (const c of competenciesOf(r.definition)) {
      if (!rows.has(c.code)) rows.set(c.code, { code: c.code, title: c.title, domainTitle: c.domainTitle, cells: [] });
    }
  }
  for (const row of rows.values()) {
    row.cells = rounds.map((r) =>
      competenciesOf(r.definition).some((c) => c.code === row.code) ? { self: r.self[row.code]?.rating ?? null, supervisor: r.supervisor[row.code]?.rating ?? null } : null,
    );
  }
  return [...rows.values()];
}
