/**
 * How a machine's CPU is shared when its programs want more than it has. Linux's scheduler (CFS) gives
 * runnable entities time in proportion to their weight; an entity that wants less than its share keeps
 * only what it wants and the rest is shared again among the others (the scheduler is work-conserving).
 * A cap (a cgroup's `cpu.max`, or a VM's vCPU count) stops an entity at that amount whatever is free.
 *
 * Weights are what decide the noisy-neighbour effect: plain processes compete thread by thread (a batch
 * job with 32 busy threads outweighs a web app with one), while containers each sit in a cgroup and VMs
 * behind a fixed number of vCPUs.
 */

export interface CpuClaim {
  /** Cores the entity would use if nothing stopped it. */
  demand: number;
  /** Relative weight under contention: threads for plain processes, 1 per cgroup or VM. */
  weight: number;
  /** Most it may ever get (cgroup quota, vCPUs); Infinity when nothing caps it. */
  cap: number;
}

/** Cores each claim gets out of `capacity`, in the claims' order. */
export function shareCpu(capacity: number, claims: readonly CpuClaim[]): number[] {
  const got = claims.map(() => 0);
  const wants = claims.map((c) => Math.max(0, Math.min(c.demand, c.cap)));
  let open = claims.map((_, i) => i).filter((i) => wants[i]! > 0);
  let left = Math.max(0, capacity);
  // Each round either satisfies at least one claim or hands out everything that is left.
  while (open.length > 0 && left > 1e-9) {
    const totalWeight = open.reduce((s, i) => s + Math.max(claims[i]!.weight, 1e-9), 0);
    const satisfied = open.filter((i) => wants[i]! - got[i]! <= (left * Math.max(claims[i]!.weight, 1e-9)) / totalWeight + 1e-12);
    if (satisfied.length === 0) {
      for (const i of open) got[i] = got[i]! + (left * Math.max(claims[i]!.weight, 1e-9)) / totalWeight;
      left = 0;
      break;
    }
    for (const i of satisfied) {
      left -= wants[i]! - got[i]!;
      got[i] = wants[i]!;
    }
    open = open.filter((i) => !satisfied.includes(i));
  }
  return got;
}
