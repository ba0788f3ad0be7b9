import { describe, expect, it } from 'vitest';
import { deploymentCommand } from './deploymentActions';

describe('deploymentCommand', () => {
  it.each([
    { name: 'scale up adds one', action: 'scale-up', ns: 'default', replicas: 3, want: 'kubectl scale deployment/web --replicas=4' },
    { name: 'scale down removes one', action: 'scale-down', ns: 'default', replicas: 3, want: 'kubectl scale deployment/web --replicas=2' },
    { name: 'no scale below zero', action: 'scale-down', ns: 'default', replicas: 0, want: undefined },
    { name: 'the menu stops at 20', action: 'scale-up', ns: 'default', replicas: 20, want: undefined },
    { name: 'restart', action: 'rollout-restart', ns: 'default', replicas: 3, want: 'kubectl rollout restart deployment/web' },
    { name: 'undo outside default names the namespace', action: 'rollout-undo', ns: 'shop', replicas: 3, want: 'kubectl rollout undo deployment/web -n shop' },
  ] as const)('$name', ({ action, ns, replicas, want }) => {
    expect(deploymentCommand(action, ns, 'web', replicas)).toBe(want);
  });
});
