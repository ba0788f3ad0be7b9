import { describe, expect, it } from 'vitest';
import { FAULT_CODES, FAULT_TEXT_EN, faultTextEn, interpolate } from './resultText';
import { faultResultTour } from '../testing/faultCluster';

/** Codes the tour cannot reach without breaking the engine on purpose (a node without a machine, a throw). */
const UNREACHED = new Set(['usage', 'unexpected-word', 'zone-not-found-no-zones', 'pod-not-started', 'node-no-machine', 'internal-error']);

describe('structured fault results', () => {
  const tour = faultResultTour();

  it.each(tour)('$request carries a code, and its English text is the code rendered', ({ result }) => {
    expect(FAULT_CODES).toContain(result.code);
    for (const v of Object.values(result.params)) expect(['string', 'number']).toContain(typeof v);
    const text = result.ok ? result.message : result.error;
    expect(faultTextEn(result)).toBe(text);
    expect(text).not.toMatch(/\{\{/);
  });

  it('the tour reaches every code but the few listed as unreachable', () => {
    const seen = new Set(tour.map((r) => r.result.code));
    expect(FAULT_CODES.filter((c) => !seen.has(c) && !UNREACHED.has(c))).toEqual([]);
  });

  it('reads the way the CLI transcripts and the tests pinned it', () => {
    // The first answer to each request (some are sent twice to get the "already" errors).
    const byRequest = new Map([...tour].reverse().map((r) => [r.request, r.result]));
    expect(byRequest.get('{"fault":"zone-down","target":"zone-c"}')).toMatchObject({ ok: true, message: 'zone "zone-c" down: node "worker-3" powered off', code: 'zone-down', params: { zone: 'zone-c', nodes: 'worker-3' } });
    expect(byRequest.get('{"fault":"heal","target":"deployment/solo"}')).toMatchObject({ ok: true, message: 'deployment "solo" healed (1 pod)', params: { count: 1 } });
    expect(byRequest.get('{"fault":"heal","target":"deployment/web"}')).toMatchObject({ message: expect.stringMatching(/^deployment "web" healed \(\d+ pods\)$/) as unknown });
    expect(byRequest.get('{"fault":"stop","target":"etcd-1"}')).toMatchObject({
      message: 'etcd-1 (etcd-control-plane2) stopped: 1/3 etcd members running, quorum 2: writes and reads fail',
      code: 'etcd-stopped-no-quorum',
    });
  });

  it('every template names only {{placeholders}} that are words; plural pairs come as _one and _other', () => {
    for (const [key, template] of Object.entries(FAULT_TEXT_EN)) {
      expect(template.replace(/\{\{\w+\}\}/g, ''), key).not.toMatch(/\{|\}\}/);
      if (key.endsWith('_one')) expect(FAULT_TEXT_EN).toHaveProperty(key.replace(/_one$/, '_other'));
    }
    expect(interpolate('a {{x}} b {{missing}}', { x: 1 })).toBe('a 1 b {{missing}}');
  });
});
