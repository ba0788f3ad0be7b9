import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../engine/cluster';
import { clusterStateHash } from '../../engine/testing/stateHash';
import { bootRunningCluster } from '../runningCluster';
import { cursorAtOffset, HISTORY_START, replayBetween } from './historyCursor';
import { TimeTravel } from './timeTravel';

const SECOND = 1000;
const MINUTE = 60_000;

/** Advances as the worker's frames do: in short slices. */
function run(cluster: Cluster, ms: number): void {
  for (let left = ms; left > 0; left -= 100) cluster.advance(Math.min(100, left));
}

function webPods(cluster: Cluster): string[] {
  return cluster.api
    .peekList<{ metadata: { name: string; labels?: Record<string, string>; deletionTimestamp?: string } }>('Pod', { namespace: 'default' })
    .filter((p) => p.metadata.labels?.app === 'web' && !p.metadata.deletionTimestamp)
    .map((p) => p.metadata.name)
    .sort();
}

/**
 * A session as a student makes it (scale, a rollout, a fault), with the cluster's state hash taken
 * live at chosen moments: what a seek to each moment must show again.
 */
function session(): { live: Cluster; seen: Map<number, string>; faultAt: number; podsBeforeFault: string[] } {
  const live = bootRunningCluster(1);
  const seen = new Map<number, string>();
  const look = () => seen.set(live.clock.now(), clusterStateHash(live));
  run(live, 20 * SECOND);
  look();
  live.kubectl('scale deployment web --replicas=5');
  look();
  run(live, 90 * SECOND);
  look();
  live.kubectl('set image deployment/web web=nginx:1.27');
  run(live, 2 * MINUTE + 500);
  look();
  const podsBeforeFault = webPods(live);
  const victim = podsBeforeFault[0]!;
  const faultAt = live.clock.now();
  expect(live.inject({ fault: 'delete-pod', target: victim }).ok).toBe(true);
  look();
  run(live, 3 * MINUTE + 250);
  look();
  run(live, 4 * MINUTE);
  look();
  return { live, seen, faultAt, podsBeforeFault };
}

describe('TimeTravel: seeking replays the history exactly', () => {
  const { live, seen, faultAt, podsBeforeFault } = session();
  const times = [...seen.keys()];

  it('a seek to each moment shows the state the live cluster had then (same hash), in any order, with or without checkpoints', () => {
    const tt = new TimeTravel(live);
    const liveHash = clusterStateHash(live);
    // Backward, forward, backward again: from the view, from checkpoints, from the seed.
    // Moments taken at the same time as an input (the scale, the fault) show the cluster after it.
    expect(times).toHaveLength(5);
    const order = [times[3]!, times[1]!, times[4]!, times[0]!, times[2]!, times[4]! - 1, times[4]!];
    for (const at of order.slice(0, 4)) expect(clusterStateHash(tt.seek({ at })), `at ${at}`).toBe(at >= live.clock.now() ? liveHash : seen.get(at));
    // Build every checkpoint, then seek again.
    while (tt.work(() => false));
    expect(tt.checkpointInfo.ready).toBeGreaterThan(3);
    for (const at of order) {
      const shown = tt.seek({ at });
      if (seen.has(at)) expect(clusterStateHash(shown), `at ${at}`).toBe(seen.get(at));
    }
    // The live cluster was never touched.
    expect(clusterStateHash(live)).toBe(liveHash);
  });

  it('the state at t equals a fresh replay from the seed to t', () => {
    const tt = new TimeTravel(live);
    while (tt.work(() => false));
    for (const at of [tt.start + 37_123, faultAt - 1, faultAt + 61_000, tt.start + 4 * MINUTE + 1]) {
      const fresh = createCluster({ seed: live.seed, preset: 'default' });
      replayBetween(fresh, live.recordedInputs, HISTORY_START, cursorAtOffset(live.recordedInputs, at - tt.start));
      expect(clusterStateHash(tt.seek({ at })), `at ${at}`).toBe(clusterStateHash(fresh));
    }
  });

  it('before the fault the deleted pod is still there; at the fault it is going', () => {
    const tt = new TimeTravel(live);
    expect(webPods(tt.seek({ at: faultAt - 1 }))).toEqual(podsBeforeFault);
    expect(webPods(tt.seek({ at: faultAt }))).not.toContain(podsBeforeFault[0]);
    expect(tt.viewing).toBe(faultAt);
    tt.seek({ now: true });
    expect(tt.viewing).toBeUndefined();
    expect(tt.shown).toBe(live);
  });

  it('marks the scale, the rollout and the fault; steps go from stop to stop and past the last one back to now', () => {
    const tt = new TimeTravel(live);
    const marks = tt.marks();
    expect(marks.map((m) => m.kind)).toEqual(expect.arrayContaining(['apply', 'change', 'rollout', 'fault']));
    expect(marks.find((m) => m.kind === 'fault')).toMatchObject({ at: faultAt, label: `delete-pod ${podsBeforeFault[0]}` });
    expect(marks.find((m) => m.kind === 'change')?.label).toBe('scale deployment web --replicas=5');
    const stops = tt.history().stops;
    expect(stops).toContain(faultAt);
    tt.seek({ at: faultAt });
    tt.seek({ step: 'previous' });
    const previous = stops[stops.indexOf(faultAt) - 1]!;
    expect(tt.viewing).toBe(previous);
    tt.seek({ step: 'next' });
    expect(tt.viewing).toBe(faultAt);
    tt.seek({ at: stops[stops.length - 1]! });
    tt.seek({ step: 'next' });
    expect(tt.viewing).toBeUndefined();
  });
});

describe('TimeTravel: continue from here', () => {
  it('forks: the later inputs are gone, the new live cluster replays from its own snapshot to the same state', () => {
    const { live, faultAt, podsBeforeFault } = session();
    const tt = new TimeTravel(live);
    while (tt.work(() => false));
    tt.seek({ at: faultAt - 10 * SECOND });
    const forked = tt.fork();
    expect(forked).not.toBe(live);
    expect(tt.live).toBe(forked);
    expect(forked.clock.now()).toBe(faultAt - 10 * SECOND);
    expect(forked.recordedInputs.some((i) => i.op === 'inject')).toBe(false);
    expect(webPods(forked)).toEqual(podsBeforeFault);
    // The new history goes on; a restore of its snapshot (what a reload does) gives the same cluster.
    forked.kubectl('scale deployment web --replicas=2');
    run(forked, 45 * SECOND);
    expect(clusterStateHash(createCluster({ restore: forked.snapshot() }))).toBe(clusterStateHash(forked));
    // Checkpoints kept from before the fork still serve the new history.
    const at = faultAt - 3 * MINUTE;
    const viaTimeline = clusterStateHash(tt.seek({ at }));
    const replayed = createCluster({ seed: 1, preset: 'default' });
    replayBetween(replayed, forked.recordedInputs, HISTORY_START, cursorAtOffset(forked.recordedInputs, at - tt.start));
    expect(viaTimeline).toBe(clusterStateHash(replayed));
  });
});
