/** topologyKey → topology value → count (or score): InterPodAffinity's per-domain tallies (topologyToMatchedTermCount). */
export type TopologyCounts = Map<string, Map<string, number>>;

export function addCount(m: TopologyCounts, key: string, value: string, n: number): void {
  let values = m.get(key);
  if (!values) m.set(key, (values = new Map()));
  values.set(value, (values.get(value) ?? 0) + n);
}

export function countIn(m: TopologyCounts, key: string, value: string): number {
  return m.get(key)?.get(value) ?? 0;
}
