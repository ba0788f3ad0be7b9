import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createCluster, type ClusterSnapshot } from '../engine/cluster';
import { SHARE_FORMAT_VERSION, SHARE_LIMITS, crc32, decodeShareLink, encodeShareLink, sharedVirtualNow, type ShareDecoded, type SharedState } from './shareLink';

/** A fixed seed, so CI runs the same cases every time; `FC_SEED=<n>` (or `FC_SEED=random`) explores others. */
const FC_SEED = process.env.FC_SEED === 'random' ? Date.now() : Number(process.env.FC_SEED ?? 20261207);
const RUNS = { numRuns: 300, seed: FC_SEED } as const;

const WEB = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n';

function scaledCluster() {
  const c = createCluster({ seed: 7, preset: 'default' });
  c.apply(WEB);
  c.advance(20_000);
  c.kubectl('scale deployment web --replicas=5');
  c.advance(10_000);
  return c;
}

function sharedOf(snapshot: ClusterSnapshot): SharedState {
  return {
    snapshot,
    files: [
      { name: 'web.yaml', text: WEB },
      { name: '설정 파일.yaml', text: '# 한국어 주석\nkind: ConfigMap\n' },
      { name: 'constructor', text: 'a file may be called this' },
    ],
    active: 'web.yaml',
    lesson: 'self-healing',
    scenario: 'eras',
    speed: 2,
  };
}

/** Builds a link's data from any JSON text, with a correct checksum: what a hand-made (hostile) link looks like. */
function linkOfJson(json: string, version = SHARE_FORMAT_VERSION): string {
  const bytes = strToU8(json);
  const packed = deflateSync(bytes);
  const out = new Uint8Array(4 + packed.length);
  new DataView(out.buffer).setUint32(0, crc32(bytes));
  out.set(packed, 4);
  let binary = '';
  for (const b of out) binary += String.fromCharCode(b);
  return `${version}.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

function refusal(result: ShareDecoded): { reason: string; detail: string } {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('accepted');
  expect(result.detail.length).toBeGreaterThan(0);
  return result;
}

describe('share link codec', () => {
  it('round trip: the same files, lesson, scenario and speed, and a snapshot that replays to the same cluster at the same time', () => {
    const c = scaledCluster();
    const encoded = encodeShareLink(sharedOf(c.snapshot()));
    if (!encoded.ok) throw new Error(encoded.detail);
    expect(encoded.data).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    const decoded = decodeShareLink(encoded.data);
    if (!decoded.ok) throw new Error(`${decoded.reason}: ${decoded.detail}`);
    expect(decoded.shared).toEqual(sharedOf(c.snapshot()));
    const again = createCluster({ restore: decoded.shared.snapshot });
    expect(again.clock.now()).toBe(c.clock.now());
    expect(sharedVirtualNow(decoded.shared.snapshot)).toBe(c.clock.now());
    expect(again.kubectl('get deployment web').stdout).toBe(c.kubectl('get deployment web').stdout);
    expect(again.kubectl('get pods').stdout).toBe(c.kubectl('get pods').stdout);
  });

  it('a typical link (starter-sized cluster and a file) is short: under 2,000 characters', () => {
    const encoded = encodeShareLink({ ...sharedOf(scaledCluster().snapshot()), lesson: undefined, scenario: undefined } as SharedState);
    if (!encoded.ok) throw new Error(encoded.detail);
    expect(encoded.data.length).toBeLessThan(2_000);
  });

  it('optional fields stay absent, and a file edit link (edits) is not carried', () => {
    const snapshot = createCluster({ seed: 1 }).snapshot();
    const encoded = encodeShareLink({ snapshot, files: [{ name: 'a.yaml', text: 'x', edits: { kind: 'Pod', name: 'p' } } as never], speed: 1 });
    if (!encoded.ok) throw new Error(encoded.detail);
    const decoded = decodeShareLink(encoded.data);
    expect(decoded).toEqual({ ok: true, shared: { snapshot, files: [{ name: 'a.yaml', text: 'x' }], speed: 1 } });
  });

  it('a snapshot with an interactive exec line (recorded by kubectl exec -it) is accepted', () => {
    const snapshot = createCluster({ seed: 1 }).snapshot();
    snapshot.inputs.push({ op: 'exec', req: { namespace: 'default', pod: 'web-1', container: 'nginx', command: ['touch', '/tmp/x'], interactive: true } });
    const encoded = encodeShareLink({ snapshot, files: [], speed: 1 });
    if (!encoded.ok) throw new Error(encoded.detail);
    expect(decodeShareLink(encoded.data).ok).toBe(true);
  });
});

describe('share link limits', () => {
  const snapshot = createCluster({ seed: 1 }).snapshot();

  it('a link longer than the limit is refused before anything is decompressed', () => {
    expect(refusal(decodeShareLink(`1.${'A'.repeat(SHARE_LIMITS.linkChars)}`)).reason).toBe('too-large');
  });

  it('a small link that inflates past 1 MiB (a decompression bomb) is refused, and quickly', () => {
    const bomb = linkOfJson(`{"files":[],"speed":1,"snapshot":${JSON.stringify(snapshot)},"pad":"${'a'.repeat(8 << 20)}"}`);
    expect(bomb.length).toBeLessThan(SHARE_LIMITS.linkChars);
    const started = performance.now();
    expect(refusal(decodeShareLink(bomb)).reason).toBe('too-large');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('encoding refuses what a link could not carry, instead of making a link that will be refused', () => {
    const big = Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.yaml`, text: Array.from({ length: 4_000 }, (_, j) => `k${(i * 7919 + j * 104729) % 1_000_003}: v${j}`).join('\n') }));
    const encoded = encodeShareLink({ snapshot, files: big, speed: 1 });
    expect(encoded.ok).toBe(false);
  });

  it('encoding reads the link back: a state the opening side would refuse gives no link', () => {
    const encoded = encodeShareLink({ snapshot, files: [{ name: 'a/b.yaml', text: '' }], speed: 1 });
    expect(encoded).toEqual({ ok: false, reason: 'invalid', detail: 'file 1: the name contains a slash' });
  });

  it('more files than allowed, too many inputs, or too much virtual time to replay: too large', () => {
    const files = Array.from({ length: SHARE_LIMITS.files + 1 }, (_, i) => ({ name: `f${i}.yaml`, text: '' }));
    expect(refusal(decodeShareLink(linkOfJson(JSON.stringify({ snapshot, files, speed: 1 })))).reason).toBe('too-large');
    const inputs = Array.from({ length: SHARE_LIMITS.inputs + 1 }, () => ({ op: 'kubectl', line: 'get pods' }));
    expect(refusal(decodeShareLink(linkOfJson(JSON.stringify({ snapshot: { ...snapshot, inputs }, files: [], speed: 1 })))).reason).toBe('too-large');
    const long = { ...snapshot, inputs: [{ op: 'advance', ms: SHARE_LIMITS.virtualMs + 1 }] };
    expect(refusal(decodeShareLink(linkOfJson(JSON.stringify({ snapshot: long, files: [], speed: 1 })))).reason).toBe('too-large');
  });
});

describe('share link: hand-made content is checked field by field', () => {
  const snapshot = createCluster({ seed: 1 }).snapshot();
  const good = { snapshot, files: [{ name: 'a.yaml', text: 'x' }], speed: 1 };
  const cases: { name: string; json: string; reason: string; detail: RegExp }[] = [
    { name: 'a newer format', json: JSON.stringify(good), reason: 'too-new', detail: /format 2/ },
    { name: 'not JSON', json: '{"files": [', reason: 'malformed', detail: /not JSON/ },
    { name: 'an array', json: '[]', reason: 'invalid', detail: /not an object/ },
    { name: 'an unexpected field', json: JSON.stringify({ ...good, script: 'alert(1)' }), reason: 'invalid', detail: /unexpected field "script"/ },
    { name: 'a __proto__ key', json: `{"files":[],"speed":1,"snapshot":${JSON.stringify(snapshot)},"__proto__":{"polluted":true}}`, reason: 'invalid', detail: /__proto__/ },
    { name: 'a constructor key deep in the snapshot', json: JSON.stringify({ ...good, snapshot: { ...snapshot, inputs: [{ op: 'apply', text: '', options: { constructor: { prototype: 1 } } }] } }), reason: 'invalid', detail: /snapshot\.inputs\.0\.options has a field named constructor/ },
    { name: 'nesting past the limit', json: JSON.stringify({ ...good, snapshot: { ...snapshot, inputs: [{ op: 'apply', text: '', options: JSON.parse('{"a":'.repeat(100) + '1' + '}'.repeat(100)) }] } }), reason: 'invalid', detail: /nested more than 64/ },
    { name: 'a snapshot of another version', json: JSON.stringify({ ...good, snapshot: { ...snapshot, version: 9 } }), reason: 'invalid', detail: /snapshot: snapshot version 9/ },
    { name: 'a snapshot input of an unknown op', json: JSON.stringify({ ...good, snapshot: { ...snapshot, inputs: [{ op: 'format-disk' }] } }), reason: 'invalid', detail: /input 1 has an unknown op/ },
    { name: 'an advance of NaN (null in JSON)', json: JSON.stringify({ ...good, snapshot: { ...snapshot, inputs: [{ op: 'advance', ms: null }] } }), reason: 'invalid', detail: /input 1 advance/ },
    { name: 'files not a list', json: JSON.stringify({ ...good, files: { 'a.yaml': 'x' } }), reason: 'invalid', detail: /files is not a list/ },
    { name: 'a file without text', json: JSON.stringify({ ...good, files: [{ name: 'a.yaml' }] }), reason: 'invalid', detail: /file 1 \(a\.yaml\) has no text/ },
    { name: 'a file name with a slash', json: JSON.stringify({ ...good, files: [{ name: '../etc/passwd', text: '' }] }), reason: 'invalid', detail: /slash/ },
    { name: 'a blank file name', json: JSON.stringify({ ...good, files: [{ name: '  ', text: '' }] }), reason: 'invalid', detail: /blank/ },
    { name: 'a file name with a control character', json: JSON.stringify({ ...good, files: [{ name: 'a\u0007.yaml', text: '' }] }), reason: 'invalid', detail: /control/ },
    { name: 'a file name too long', json: JSON.stringify({ ...good, files: [{ name: `${'a'.repeat(200)}.yaml`, text: '' }] }), reason: 'invalid', detail: /longer than 128/ },
    { name: 'a file name used twice', json: JSON.stringify({ ...good, files: [{ name: 'a.yaml', text: '1' }, { name: 'a.yaml', text: '2' }] }), reason: 'invalid', detail: /used twice/ },
    { name: 'a file with an extra field', json: JSON.stringify({ ...good, files: [{ name: 'a.yaml', text: '', html: '<b>' }] }), reason: 'invalid', detail: /file 1 has an unexpected field "html"/ },
    { name: 'active names no file', json: JSON.stringify({ ...good, active: 'b.yaml' }), reason: 'invalid', detail: /active/ },
    { name: 'a lesson id with markup', json: JSON.stringify({ ...good, lesson: '<img src=x onerror=alert(1)>' }), reason: 'invalid', detail: /lesson/ },
    { name: 'an unknown concept scenario', json: JSON.stringify({ ...good, scenario: 'mainframes' }), reason: 'invalid', detail: /scenario/ },
    { name: 'a speed out of range', json: JSON.stringify({ ...good, speed: 1e9 }), reason: 'invalid', detail: /speed/ },
    { name: 'no speed', json: JSON.stringify({ snapshot, files: [] }), reason: 'invalid', detail: /speed/ },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.reason}`, () => {
      const r = refusal(decodeShareLink(linkOfJson(c.json, c.reason === 'too-new' ? 2 : SHARE_FORMAT_VERSION)));
      expect(r.reason).toBe(c.reason);
      expect(r.detail).toMatch(c.detail);
    });
  }

  it('the well-formed base accepted (so each case above fails for its own reason)', () => {
    expect(decodeShareLink(linkOfJson(JSON.stringify(good))).ok).toBe(true);
  });

  it('a __proto__ key never reaches Object.prototype', () => {
    decodeShareLink(linkOfJson(`{"__proto__":{"polluted":true}}`));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  const shapes: { name: string; data: string; reason: string }[] = [
    { name: 'empty', data: '', reason: 'malformed' },
    { name: 'no version', data: 'eJzLSM3JyQcABiwCFQ', reason: 'malformed' },
    { name: 'characters outside base64url', data: '1.abc+def/ghi=', reason: 'malformed' },
    { name: 'markup', data: '1.<script>alert(1)</script>', reason: 'malformed' },
    { name: 'version 0', data: '0.AAAAAAAA', reason: 'malformed' },
    { name: 'a version from the future', data: '7.AAAAAAAA', reason: 'too-new' },
    { name: 'nothing after the version', data: '1.', reason: 'truncated' },
  ];
  for (const s of shapes) {
    it(`link data ${s.name}: ${s.reason}`, () => {
      expect(refusal(decodeShareLink(s.data)).reason).toBe(s.reason);
    });
  }
});

describe('share link fuzzing (fast-check): refused with a reason, never a throw', () => {
  const c = scaledCluster();
  const encoded = encodeShareLink(sharedOf(c.snapshot()));
  if (!encoded.ok) throw new Error(encoded.detail);
  const link = encoded.data;

  it('garbage strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.base64String({ maxLength: 400 }).map((s) => `1.${s.replace(/=/g, '')}`)), (data) => {
        const r = decodeShareLink(data);
        if (!r.ok) expect(r.detail.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('a real link cut short anywhere: refused (truncated, or damaged where the cut lands on a boundary)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: link.length - 1 }), (cut) => {
        const r = refusal(decodeShareLink(link.slice(0, cut)));
        expect(['truncated', 'damaged', 'malformed']).toContain(r.reason);
      }),
      RUNS,
    );
  });

  it('a real link with one bit flipped in its bytes: refused, or (a bit DEFLATE does not read) the very same content', () => {
    const body = link.slice(2);
    const bytes = Uint8Array.from(atob(body.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (body.length % 4)) % 4)), (ch) => ch.charCodeAt(0));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bytes.length * 8 - 1 }), (bit) => {
        const flipped = bytes.slice();
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        let binary = '';
        for (const b of flipped) binary += String.fromCharCode(b);
        const data = `1.${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
        const r = decodeShareLink(data);
        if (r.ok) expect(r.shared).toEqual(sharedOf(c.snapshot()));
        else expect(['truncated', 'damaged', 'malformed', 'too-large']).toContain(r.reason);
      }),
      RUNS,
    );
  });

  it('a real link with one character replaced: refused, or (when it only touched padding bits) the same content', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.integer({ min: 0, max: link.length - 1 }), fc.constantFrom(...alphabet), (at, ch) => {
        const data = link.slice(0, at) + ch + link.slice(at + 1);
        const r = decodeShareLink(data);
        if (r.ok) expect(r.shared).toEqual(sharedOf(c.snapshot()));
        else expect(r.detail.length).toBeGreaterThan(0);
      }),
      RUNS,
    );
  });

  it('random JSON values with a valid checksum: refused as invalid (or accepted only if they are a valid share)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const r = decodeShareLink(linkOfJson(JSON.stringify(value)));
        expect(r.ok).toBe(false);
      }),
      RUNS,
    );
  });
});
