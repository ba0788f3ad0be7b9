import { describe, expect, it } from 'vitest';
import { PatchBatcher, listAsChanges, type WatchEventType, type WatchedObject } from './patchBatcher';

function pod(name: string, rv: number, uid = `uid-${name}`, phase = 'Pending'): WatchedObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', resourceVersion: String(rv), uid }, status: { phase } };
}

type Step = [WatchEventType, WatchedObject];

const cases: { name: string; events: Step[]; want: { type: string; name: string; rv: string; phase?: string }[] }[] = [
  { name: 'an object written many times in a frame is sent once, latest version', events: [['ADDED', pod('a', 2)], ['MODIFIED', pod('a', 3, 'uid-a', 'Running')], ['MODIFIED', pod('a', 4, 'uid-a', 'Running')]], want: [{ type: 'added', name: 'a', rv: '4', phase: 'Running' }] },
  { name: 'created and deleted within one frame is not sent', events: [['ADDED', pod('a', 2)], ['DELETED', pod('a', 3)]], want: [] },
  { name: 'modified then deleted is sent as deleted', events: [['MODIFIED', pod('a', 5)], ['DELETED', pod('a', 6)]], want: [{ type: 'deleted', name: 'a', rv: '6' }] },
  { name: 'modified only is sent as modified', events: [['MODIFIED', pod('a', 5, 'uid-a', 'Running')]], want: [{ type: 'modified', name: 'a', rv: '5', phase: 'Running' }] },
  { name: 'deleted and recreated under the same name is sent as added (new uid)', events: [['DELETED', pod('a', 5, 'old')], ['ADDED', pod('a', 6, 'new')]], want: [{ type: 'added', name: 'a', rv: '6' }] },
  { name: 'existing, deleted, recreated, deleted again is sent as deleted', events: [['MODIFIED', pod('a', 5, 'old')], ['DELETED', pod('a', 6, 'old')], ['ADDED', pod('a', 7, 'new')], ['DELETED', pod('a', 8, 'new')]], want: [{ type: 'deleted', name: 'a', rv: '8' }] },
  { name: 'order of first appearance is kept across objects', events: [['ADDED', pod('b', 2)], ['ADDED', pod('a', 3)], ['MODIFIED', pod('b', 4)]], want: [{ type: 'added', name: 'b', rv: '4' }, { type: 'added', name: 'a', rv: '3' }] },
];

describe('PatchBatcher', () => {
  for (const c of cases) {
    it(c.name, () => {
      const b = new PatchBatcher();
      for (const [type, obj] of c.events) b.record(type, obj);
      const got = b.drain().map((ch, i) => ({
        type: ch.type,
        name: ch.name,
        rv: ch.resourceVersion,
        ...(c.want[i]?.phase ? { phase: (ch.object?.status as { phase?: string } | undefined)?.phase } : {}),
      }));
      expect(got).toEqual(c.want);
    });
  }

  it('drain empties the batch', () => {
    const b = new PatchBatcher();
    b.record('ADDED', pod('a', 2));
    expect(b.drain()).toHaveLength(1);
    expect(b.size).toBe(0);
    expect(b.drain()).toEqual([]);
  });

  it('cluster-scoped objects carry no namespace', () => {
    const b = new PatchBatcher();
    b.record('MODIFIED', { apiVersion: 'v1', kind: 'Node', metadata: { name: 'worker-1', resourceVersion: '9' } });
    const [change] = b.drain();
    expect(change).toMatchObject({ kind: 'Node', name: 'worker-1', type: 'modified' });
    expect(change && 'namespace' in change).toBe(false);
  });

  it('the initial list is every object as added', () => {
    expect(listAsChanges([pod('a', 2), pod('b', 3)]).map((c) => `${c.type} ${c.namespace}/${c.name}`)).toEqual(['added default/a', 'added default/b']);
  });

  it('a capped drain sends the oldest changes and keeps the rest, still coalescing, for the next one', () => {
    const b = new PatchBatcher();
    for (let i = 0; i < 5; i++) b.record('ADDED', pod(`p${i}`, 10 + i));
    expect(b.drain(2).map((ch) => ch.name)).toEqual(['p0', 'p1']);
    // p3 changes again while it waits: it is sent once, latest version, still as added (the page never had it).
    b.record('MODIFIED', pod('p3', 20, 'uid-p3', 'Running'));
    b.record('MODIFIED', pod('p0', 21, 'uid-p0', 'Running'));
    expect(b.drain(3).map((ch) => [ch.type, ch.name, ch.resourceVersion])).toEqual([
      ['added', 'p2', '12'],
      ['added', 'p3', '20'],
      ['added', 'p4', '14'],
    ]);
    expect(b.drain(3).map((ch) => [ch.type, ch.name])).toEqual([['modified', 'p0']]);
    expect(b.size).toBe(0);
  });
});
