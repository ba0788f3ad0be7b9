import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/cluster';
import { clusterStateHash } from '../engine/testing/stateHash';
import { hostHarness } from './hostHarness';
import type { FromWorker } from './protocol';

/** The default namespace's pods in the last whole list the worker sent (a list may span several capped messages). */
const podNames = (sent: FromWorker[]) => {
  const start = sent.findLastIndex((m) => m.type === 'patches' && m.replace);
  if (start < 0) return [];
  const list: string[] = [];
  for (const m of sent.slice(start)) {
    if (m.type !== 'patches' || (m !== sent[start] && m.replace)) break;
    for (const c of m.changes) if (c.kind === 'Pod' && c.namespace === 'default' && c.type !== 'deleted') list.push(c.name);
  }
  return [...new Set(list)].sort();
};

describe('timeline requests (the worker side)', () => {
  it('seek shows the past and pauses; writes are refused there; back to now plays again; fork keeps the past as the new history', () => {
    const h = hostHarness();
    h.call({ type: 'init', running: true });
    for (let i = 0; i < 30; i++) h.frame(100);
    h.call({ type: 'kubectl', line: 'scale deployment web --replicas=5' });
    for (let i = 0; i < 300; i++) h.frame(100);
    const history = h.call({ type: 'history' });
    const scaleMark = history.marks.find((m) => m.label === 'scale deployment web --replicas=5');
    expect(scaleMark?.kind).toBe('change');
    expect(history.stops).toContain(scaleMark!.at);
    const liveNow = history.now;

    // Just before the scale: three replicas, paused, the live cluster untouched.
    const sentBeforeSeek = h.sent.length;
    const seek = h.call({ type: 'seek', target: { at: scaleMark!.at - 1 } });
    expect(seek).toMatchObject({ viewing: scaleMark!.at - 1, now: liveNow });
    const pods = h.sent.slice(sentBeforeSeek).find((m) => m.type === 'patches');
    expect(pods?.type === 'patches' && pods.replace).toBe(true);
    expect(podNames(h.sent)).toHaveLength(3);
    expect(h.call({ type: 'clock', command: { action: 'pause' } }).running).toBe(false);
    expect(h.sent.filter((m) => m.type === 'timeline').at(-1)).toMatchObject({ state: { viewing: scaleMark!.at - 1 } });

    // Reading the past works; changing it is refused with a reason the page can show.
    expect(h.call({ type: 'kubectl', line: 'get deployment web' }).stdout).toContain('3/3');
    for (const req of [{ type: 'kubectl', line: 'scale deployment web --replicas=1' }, { type: 'inject', fault: 'node-down', target: 'worker-1' }, { type: 'clock', command: { action: 'play' } }] as const) {
      const r = h.reply(req);
      expect(r.ok ? 'ok' : r.error.reason).toBe('ViewingPast');
    }
    // Time does not move while the past is on screen.
    h.frame(1000);
    expect(h.call({ type: 'history' }).now).toBe(liveNow);

    // Back to now: the live pods again, playing as before.
    expect(h.call({ type: 'seek', target: { now: true } }).viewing).toBeNull();
    expect(podNames(h.sent)).toHaveLength(5);
    expect(h.call({ type: 'kubectl', line: 'get deployment web' }).stdout).toContain('5/5');
    h.frame(1000);
    expect(h.call({ type: 'history' }).now).toBeGreaterThan(liveNow);

    // Continue from before the scale: the scale is gone from the new history, which is saved at once.
    h.call({ type: 'seek', target: { at: scaleMark!.at - 1 } });
    const sentBefore = h.sent.length;
    const clock = h.call({ type: 'fork' });
    expect(clock).toMatchObject({ now: scaleMark!.at - 1, running: false });
    // The page has the fork's time on its clock before the snapshot comes, so it saves the fork at that time.
    const snapAt = h.sent.findIndex((m, i) => i >= sentBefore && m.type === 'snapshot');
    const lastClock = h.sent.slice(0, snapAt).filter((m) => m.type === 'clock').at(-1);
    expect(lastClock).toMatchObject({ clock: { now: scaleMark!.at - 1, running: false } });
    const snap = h.sent[snapAt];
    if (snap?.type !== 'snapshot') throw new Error('no snapshot');
    expect(snap.now).toBe(scaleMark!.at - 1);
    expect(snap.snapshot.inputs.some((i) => i.op === 'kubectl')).toBe(false);
    expect(h.call({ type: 'history' }).marks.some((m) => m.label.startsWith('scale'))).toBe(false);
    // The saved fork replays to the cluster on screen.
    expect(clusterStateHash(createCluster({ restore: snap.snapshot }))).toBe(clusterStateHash(createCluster({ restore: h.call({ type: 'snapshot' }) })));
    // And it can be changed now.
    expect(h.reply({ type: 'kubectl', line: 'scale deployment web --replicas=2' }).ok).toBe(true);
  });

  it('fork without the past on screen is an error, not a silent no-op', () => {
    const h = hostHarness();
    h.call({ type: 'init' });
    const r = h.reply({ type: 'fork' });
    expect(r.ok).toBe(false);
  });
});
