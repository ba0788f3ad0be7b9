/**
 * Which canvas boxes the replay looks at: the machine (or Deployment / Service box) of the hop on show
 * and of the hop before it, so the arrow between them and the lit component fill the canvas, readable
 * from the back of a room. The canvas fits its view to these boxes while a journey is open.
 */
import type { JourneyPlace, JourneyRecord } from '../../engine/journey/journeyRecorder';
import { useJourneyStore, type JourneyState } from './journeyStore';

const CONTROL_PLANE_BOX = 'control-plane';

/** The canvas box (React Flow node id) a place is drawn in. */
export function placeBox(place: JourneyPlace, record: JourneyRecord): string | undefined {
  switch (place.part) {
    case 'kubectl':
      return `deployment:${record.namespace}/${record.name}`;
    case 'kube-apiserver':
    case 'etcd':
    case 'kube-scheduler':
    case 'controller':
      return CONTROL_PLANE_BOX;
    case 'kubelet':
    case 'kube-proxy':
    case 'runtime':
      return `node:${place.node}`;
    case 'pod': {
      // The pod's card is in its node's box: the node the kubelet hop happened on.
      const kubelet = record.hops.find((h) => h.place.part === 'kubelet')?.place;
      return kubelet && 'node' in kubelet ? `node:${kubelet.node}` : undefined;
    }
    case 'service':
      return `service:${place.namespace}/${place.name}`;
  }
}

/** `box|box` for the hop on show and the one before it ('' when no journey is on show). */
export function selectJourneyFocus(s: Pick<JourneyState, 'status' | 'record' | 'index'>): string {
  const record = s.record;
  if (s.status !== 'open' || !record) return '';
  const boxes = [s.index - 1, s.index].map((i) => record.hops[i]).flatMap((h) => (h ? [placeBox(h.place, record)] : []));
  return [...new Set(boxes.filter((b): b is string => !!b))].join('|');
}

export function useJourneyFocus(): string {
  return useJourneyStore(selectJourneyFocus);
}
