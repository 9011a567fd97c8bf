/** How many of each outcome, every listed outcome present (0 when none). */
export function countOutcomes<K extends string>(results: readonly { outcome: K }[], outcomes: readonly K[]): Record<K, number> {
  const out = Object.fromEntries(outcomes.map((k) => [k, 0])) as Record<K, number>;
  for (const r of results) out[r.outcome] += 1;
  return out;
}
