/**
 * A fingerprint of a cluster's whole state, for tests that check that a refused request changed
 * nothing: every stored object, the virtual time, the resourceVersion counter and the random streams
 * (so a refused object that drew a generated name or a uid would show).
 */
import type { Cluster } from '../cluster';

export function clusterStateHash(cluster: Cluster): string {
  let h = 0x811c9dc5;
  const add = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  };
  add(`${cluster.clock.now()}|${cluster.api.consumptionMark()}|${cluster.random.getState()}|${cluster.chaos.status().running}`);
  for (const kind of [...cluster.api.kinds()].sort()) {
    for (const obj of cluster.api.peekList(kind)) add(JSON.stringify(obj));
  }
  return h.toString(16);
}
