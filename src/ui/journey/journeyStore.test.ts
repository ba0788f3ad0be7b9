import { beforeEach, describe, expect, it } from 'vitest';
import type { JourneyHop, JourneyRecord, JourneyStage } from '../../engine/journey/journeyRecorder';
import { selectJourneyFocus } from './journeyCamera';
import { useJourneyStore } from './journeyStore';

const hop = (stage: JourneyStage, place: JourneyHop['place']): JourneyHop => ({ stage, place, at: 0, object: { kind: 'Pod', name: 'p' }, fields: [] });

function record(id: number, stages: number, state: JourneyRecord['state'] = 'recording'): JourneyRecord {
  const all: JourneyHop[] = [
    hop('applied', { part: 'kubectl' }),
    hop('admitted', { part: 'kube-apiserver' }),
    hop('scheduled', { part: 'kube-scheduler' }),
    hop('kubelet', { part: 'kubelet', node: 'worker-2' }),
    hop('running', { part: 'pod', namespace: 'default', name: 'p' }),
  ];
  return { id, namespace: 'default', name: 'journey', hops: all.slice(0, stages), state };
}

describe('the journey player state', () => {
  beforeEach(() => {
    useJourneyStore.getState().close();
    useJourneyStore.setState({ watchedToEnd: false });
  });

  it('opens on the first hop, and stays where the student is while hops arrive', () => {
    const s = useJourneyStore.getState();
    s.opening();
    s.receive(record(1, 2));
    expect(useJourneyStore.getState().index).toBe(0);
    useJourneyStore.getState().next();
    useJourneyStore.getState().receive(record(1, 4));
    expect(useJourneyStore.getState().index).toBe(1);
  });

  it('is watched to the end only at the last hop of a complete journey', () => {
    useJourneyStore.getState().opening();
    useJourneyStore.getState().receive(record(1, 5));
    useJourneyStore.getState().goTo(4);
    expect(useJourneyStore.getState().watchedToEnd).toBe(false); // still recording
    useJourneyStore.getState().receive(record(1, 5, 'complete'));
    expect(useJourneyStore.getState().watchedToEnd).toBe(true);
  });

  it('drops a record of an older journey, and ignores records while closed', () => {
    useJourneyStore.getState().receive(record(1, 2));
    expect(useJourneyStore.getState().status).toBe('closed');
    useJourneyStore.getState().opening();
    useJourneyStore.getState().receive(record(2, 2));
    useJourneyStore.getState().receive(record(1, 5));
    expect(useJourneyStore.getState().record?.id).toBe(2);
  });

  it('clamps stepping to the recorded hops', () => {
    useJourneyStore.getState().opening();
    useJourneyStore.getState().receive(record(1, 3));
    useJourneyStore.getState().back();
    expect(useJourneyStore.getState().index).toBe(0);
    useJourneyStore.getState().goTo(99);
    expect(useJourneyStore.getState().index).toBe(2);
  });

  it.each([
    { index: 0, want: 'deployment:default/journey' },
    { index: 2, want: 'control-plane' },
    { index: 3, want: 'control-plane|node:worker-2' },
    { index: 4, want: 'node:worker-2' },
  ])('the camera looks at the boxes of hop $index and the one before: $want', ({ index, want }) => {
    expect(selectJourneyFocus({ status: 'open', record: record(1, 5), index })).toBe(want);
  });
});
