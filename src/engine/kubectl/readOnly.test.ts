import { describe, expect, it } from 'vitest';
import { isReadOnlyKubectl } from './readOnly';

describe('isReadOnlyKubectl', () => {
  const cases = [
    { line: 'get pods -o wide', want: true },
    { line: 'kubectl describe pod web-1', want: true },
    { line: 'get pods -w', want: true },
    { line: 'kubectl rollout status deployment/web', want: true },
    { line: 'wait --for=condition=Ready pod/web-1', want: true },
    { line: 'rollout undo deployment/web', want: false },
    { line: 'scale deployment web --replicas=5', want: false },
    { line: 'delete pod web-1', want: false },
  ];
  for (const c of cases) it(`${c.line} → ${c.want ? 'read-only' : 'recorded'}`, () => expect(isReadOnlyKubectl(c.line)).toBe(c.want));
});
