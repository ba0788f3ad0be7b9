import { describe, expect, it } from 'vitest';
import type { ToWorker } from '../protocol';
import { changesTheCluster, ViewingPastError } from './pastGuard';

describe('what the past on screen refuses', () => {
  it.each<{ name: string; msg: ToWorker; want: boolean }>([
    { name: 'an apply changes the cluster', msg: { id: 1, type: 'apply', yaml: 'x' }, want: true },
    { name: 'a dry run does not', msg: { id: 1, type: 'apply', yaml: 'x', dryRun: 'server' }, want: false },
    { name: 'kubectl scale does', msg: { id: 1, type: 'kubectl', line: 'kubectl scale deployment web --replicas=2' }, want: true },
    { name: 'kubectl get does not', msg: { id: 1, type: 'kubectl', line: 'get pods -o wide' }, want: false },
    { name: 'rollout status does not', msg: { id: 1, type: 'kubectl', line: 'rollout status deployment/web' }, want: false },
    { name: 'a fault does', msg: { id: 1, type: 'inject', fault: 'node-down', target: 'worker-1' }, want: true },
    { name: 'chaos status does not', msg: { id: 1, type: 'chaos', action: 'status' }, want: false },
    { name: 'play moves time', msg: { id: 1, type: 'clock', command: { action: 'play' } }, want: true },
    { name: 'pause does not', msg: { id: 1, type: 'clock', command: { action: 'pause' } }, want: false },
    { name: 'reset leaves the past for a new cluster', msg: { id: 1, type: 'reset' }, want: false },
    { name: 'a seek does not', msg: { id: 1, type: 'seek', target: { now: true } }, want: false },
  ])('$name', ({ msg, want }) => {
    expect(changesTheCluster(msg)).toBe(want);
  });

  it('says which moment is on screen and how to go on', () => {
    expect(new ViewingPastError(Date.UTC(2026, 0, 1, 0, 12, 3, 400)).message).toBe(
      'the cluster on screen is the past (00:12:03), paused: go back to now, or continue from here, to change it',
    );
  });
});
