import { describe, expect, it } from 'vitest';
import { flashesForCue } from './cueFlashes';

describe('fault cues light what they hit', () => {
  it.each([
    ['kill-container', 'default/web-1', 'injected', ['pod:default/web-1']],
    ['kill-container', 'web-1', 'injected', ['pod:default/web-1']],
    ['node-down', 'worker-1', 'injected', ['node:worker-1:kubelet']],
    ['stop', 'kube-scheduler', 'injected', ['cp:kube-scheduler']],
    ['stop', 'etcd-1', 'injected', ['cp:etcd']],
    ['heal', 'worker-2', 'healed', ['pod:default/worker-2', 'node:worker-2:kubelet']],
    ['bad-image', 'web', 'injected', []],
  ] as const)('%s %s lights %j', (fault, target, phase, targets) => {
    expect(flashesForCue({ type: 'fault', fault, target, phase }).map((f) => f.target)).toEqual(targets);
  });
});
