/**
 * Client-side rate limiting of kube-controller-manager, where it matters: a controller that hits its
 * per-sync cap (burstReplicas, MaxPodCreateDeletePerSync: 500 pods) goes on creating through a client
 * limited to --kube-api-qps=20 requests a second with --kube-api-burst=30 (the defaults). The engine's
 * API calls take no time, so without this a ReplicaSet of 100,000 replicas would create them all in one
 * instant of virtual time, one sync after another; with it, each full batch of 500 is followed by the
 * time the real client needs to send it, and big numbers spread over virtual minutes. Small changes
 * (under the cap) are unaffected: their pods appear at once, as before.
 */

/** kube-controller-manager --kube-api-qps default. */
export const KUBE_API_QPS = 20;
/** kube-controller-manager --kube-api-burst default. */
export const KUBE_API_BURST = 30;

/** Virtual time a client limited to KUBE_API_QPS with KUBE_API_BURST needs to send `requests` requests. */
export function rateLimitedDurationMs(requests: number): number {
  return Math.max(0, Math.ceil(((requests - KUBE_API_BURST) / KUBE_API_QPS) * 1000));
}

/** Per controller key: when the next capped batch may start. */
export class BurstPacer {
  private readonly notBefore = new Map<string, number>();

  /** Records a batch of `requests` that filled the per-sync cap, at `now`. */
  capped(key: string, requests: number, now: number): void {
    this.notBefore.set(key, now + rateLimitedDurationMs(requests));
  }

  /** Milliseconds until `key` may act again (0: now). */
  waitMs(key: string, now: number): number {
    const at = this.notBefore.get(key);
    if (at === undefined) return 0;
    if (at <= now) {
      this.notBefore.delete(key);
      return 0;
    }
    return at - now;
  }

  forget(key: string): void {
    this.notBefore.delete(key);
  }
}
