/**
 * Per-zone rate limiting of NoExecute tainting (pkg/controller/nodelifecycle: zoneNoExecuteTainter,
 * a RateLimitedTimedQueue per zone, and handleDisruption). Tainting a node is what starts evicting its
 * pods, so the controller paces it:
 * - a healthy zone taints at --node-eviction-rate 0.1 nodes/s (one node every 10 s, burst 1);
 * - a partially disrupted zone (more than 2 nodes and at least --unhealthy-zone-threshold 55% not Ready)
 *   slows to --secondary-node-eviction-rate 0.01/s, or stops if it has no more than
 *   --large-cluster-size-threshold 50 nodes;
 * - a fully disrupted zone (no Ready node) taints at the normal rate, unless every zone is fully
 *   disrupted: then the fault is more likely the control plane's network than every node, so all
 *   evictions stop and the NoExecute taints come off.
 */

export const NODE_EVICTION_RATE = 0.1;
export const SECONDARY_NODE_EVICTION_RATE = 0.01;
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;
export const LARGE_CLUSTER_SIZE_THRESHOLD = 50;

export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** ComputeZoneState: nodes without a Ready=True condition count as not ready. */
export function computeZoneState(readyStatuses: readonly (string | undefined)[]): { notReady: number; state: ZoneState } {
  let ready = 0;
  let notReady = 0;
  for (const s of readyStatuses) {
    if (s === 'True') ready++;
    else notReady++;
  }
  if (ready === 0 && notReady > 0) return { notReady, state: 'FullDisruption' };
  if (notReady > 2 && notReady / (notReady + ready) >= UNHEALTHY_ZONE_THRESHOLD) return { notReady, state: 'PartialDisruption' };
  return { notReady, state: 'Normal' };
}

/** setLimiterInZone: the tainting rate for a zone of `zoneSize` nodes in `state`. */
export function evictionRateFor(state: ZoneState, zoneSize: number): number {
  switch (state) {
    case 'PartialDisruption':
      return zoneSize > LARGE_CLUSTER_SIZE_THRESHOLD ? SECONDARY_NODE_EVICTION_RATE : 0;
    default:
      return NODE_EVICTION_RATE;
  }
}

/** A token bucket (flowcontrol.NewTokenBucketRateLimiter with burst 1) on the virtual clock. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    readonly qps: number,
    nowMs: number,
    private readonly burst = 1,
  ) {
    this.tokens = burst;
    this.last = nowMs;
  }

  tryAccept(nowMs: number): boolean {
    if (this.qps <= 0) return false;
    this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.last) / 1000) * this.qps);
    this.last = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** A zone's queue of nodes waiting to be tainted: unique, first in first out, drained at the bucket's pace. */
export class ZoneTaintQueue {
  private readonly queue = new Set<string>();
  private limiter: TokenBucket;

  constructor(qps: number, nowMs: number) {
    this.limiter = new TokenBucket(qps, nowMs);
  }

  /** SwapLimiter: a new rate (a fresh bucket), unless it is the same rate. */
  setRate(qps: number, nowMs: number): void {
    if (this.limiter.qps !== qps) this.limiter = new TokenBucket(qps, nowMs);
  }

  add(node: string): boolean {
    if (this.queue.has(node)) return false;
    this.queue.add(node);
    return true;
  }

  remove(node: string): void {
    this.queue.delete(node);
  }

  has(node: string): boolean {
    return this.queue.has(node);
  }

  get size(): number {
    return this.queue.size;
  }

  /** Hands out nodes while the rate allows; `process` returns false to keep a node queued for a retry. */
  drain(nowMs: number, process: (node: string) => boolean): void {
    for (const node of [...this.queue]) {
      if (!this.limiter.tryAccept(nowMs)) return;
      this.queue.delete(node);
      if (!process(node)) this.queue.add(node);
    }
  }
}
