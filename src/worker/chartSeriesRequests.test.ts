import { describe, expect, it } from 'vitest';
import { hostHarness } from './hostHarness';

describe('chartSeries requests (the inspector\'s charts)', () => {
  it('a scaled Deployment answers its desired and Ready series, in step with the clock', () => {
    const h = hostHarness();
    h.call({ type: 'init' });
    const deployments = h.call({ type: 'names', resource: 'deployments' });
    const name = deployments[0]!;
    h.call({ type: 'kubectl', line: `scale deployment ${name} --replicas=4` });
    h.call({ type: 'clock', command: { action: 'step', ms: 30_000 } });
    const s = h.call({ type: 'chartSeries', kind: 'Deployment', namespace: 'default', name })!;
    expect(s.kind).toBe('Deployment');
    expect(s.fields).toEqual(['desired', 'ready', 'available', 'updated']);
    expect(s.values[0]!.at(-1)).toBe(4);
    expect(s.values[1]!.at(-1)).toBe(4);
    expect(s.times.at(-1)).toBeLessThanOrEqual(h.call({ type: 'clock', command: { action: 'pause' } }).now);
  });

  it('an object without history answers null; a kind without charts is a clear error', () => {
    const h = hostHarness();
    h.call({ type: 'init' });
    expect(h.call({ type: 'chartSeries', kind: 'Service', namespace: 'default', name: 'absent' })).toBeNull();
    const reply = h.reply({ type: 'chartSeries', kind: 'ConfigMap', namespace: 'default', name: 'x' });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(/no charts for kind "ConfigMap"/);
  });
});
