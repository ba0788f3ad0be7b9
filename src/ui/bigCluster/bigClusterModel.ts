/**
 * What the big-cluster view draws, derived from the mirror: the machines grouped by zone, and for each
 * machine its pods' states (tones) and their counts. Memoised on the identity of the kind's map, so a
 * batch of Lease or Event patches costs nothing here, and a pod's tone is worked out once per version
 * of the pod object (the kubectl printer's cells are not free at 10,000 pods).
 */
import type { ObjectsOfKind } from '../../store/mirror';
import { isControlPlaneNode, sortedNodes, visiblePodsByNode, type NodeObject, type PodObject } from '../../store/selectors';
import { podDisplay, type PodTone } from '../canvas/podStatus';

/** Bar and legend order: healthy first, then what needs a look. */
export const TONES: readonly PodTone[] = ['ready', 'unready', 'pending', 'failed', 'terminating', 'succeeded', 'unknown'];

export type ToneCounts = Record<PodTone, number>;

export function emptyCounts(): ToneCounts {
  return { ready: 0, unready: 0, pending: 0, failed: 0, terminating: 0, succeeded: 0, unknown: 0 };
}

export function addCounts(into: ToneCounts, from: ToneCounts): void {
  for (const t of TONES) into[t] += from[t];
}

export function totalOf(counts: ToneCounts): number {
  let n = 0;
  for (const t of TONES) n += counts[t];
  return n;
}

export type NodeReadiness = 'True' | 'False' | 'Unknown';

export interface MachineTile {
  name: string;
  zone: string;
  controlPlane: boolean;
  ready: NodeReadiness;
  /** Cordoned (`spec.unschedulable`). */
  cordoned: boolean;
}

export interface ZoneGroup {
  name: string;
  machines: MachineTile[];
}

/** Nodes without the well-known zone label share one group. */
export const NO_ZONE = '';

const ZONE_LABEL = 'topology.kubernetes.io/zone';

function readiness(node: NodeObject): NodeReadiness {
  const c = node.status?.conditions?.find((x) => x.type === 'Ready');
  return c?.status === 'True' ? 'True' : c?.status === 'False' ? 'False' : 'Unknown';
}

const zonesCache = new WeakMap<ObjectsOfKind, ZoneGroup[]>();

/** The machines by zone (zones and machines in name order, the unzoned last). */
export function machinesByZone(nodes: ObjectsOfKind): ZoneGroup[] {
  let zones = zonesCache.get(nodes);
  if (zones) return zones;
  const byZone = new Map<string, MachineTile[]>();
  for (const n of sortedNodes(nodes)) {
    const zone = n.metadata.labels?.[ZONE_LABEL] ?? NO_ZONE;
    let list = byZone.get(zone);
    if (!list) byZone.set(zone, (list = []));
    list.push({ name: n.metadata.name ?? '', zone, controlPlane: isControlPlaneNode(n), ready: readiness(n), cordoned: n.spec?.unschedulable === true });
  }
  zones = [...byZone.entries()]
    .sort(([a], [b]) => (a === NO_ZONE ? 1 : b === NO_ZONE ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([name, machines]) => ({ name, machines }));
  zonesCache.set(nodes, zones);
  return zones;
}

/** The zones' names and machine names only: the layout changes when this string does, not on a heartbeat. */
export function layoutSignature(zones: readonly ZoneGroup[]): string {
  return zones.map((z) => `${z.name}:${z.machines.map((m) => m.name).join(',')}`).join('|');
}

const toneCache = new WeakMap<PodObject, PodTone>();

/** The pod's tone, once per version of the pod object. */
export function podTone(pod: PodObject): PodTone {
  let tone = toneCache.get(pod);
  if (tone === undefined) toneCache.set(pod, (tone = podDisplay(pod).tone));
  return tone;
}

export interface MachinePods {
  /** Tones in pod-name order (the order of the cards when the machine is opened). */
  tones: PodTone[];
  counts: ToneCounts;
}

const EMPTY_MACHINE: MachinePods = Object.freeze({ tones: [], counts: Object.freeze(emptyCounts()) }) as MachinePods;

const podsCache = { system: new WeakMap<ObjectsOfKind, Map<string, MachinePods>>(), user: new WeakMap<ObjectsOfKind, Map<string, MachinePods>>() };

/** Each machine's pods as tones and counts (kube-system's only when the student shows them). */
export function podsPerMachine(pods: ObjectsOfKind, showSystem: boolean): Map<string, MachinePods> {
  const cache = showSystem ? podsCache.system : podsCache.user;
  let out = cache.get(pods);
  if (out) return out;
  out = new Map();
  for (const [node, list] of visiblePodsByNode(pods, showSystem)) {
    const counts = emptyCounts();
    const tones = list.map((p) => {
      const t = podTone(p);
      counts[t]++;
      return t;
    });
    out.set(node, { tones, counts });
  }
  cache.set(pods, out);
  return out;
}

export function machinePods(perMachine: Map<string, MachinePods>, name: string): MachinePods {
  return perMachine.get(name) ?? EMPTY_MACHINE;
}

export interface ZoneTotals {
  machines: number;
  notReady: number;
  pods: ToneCounts;
}

/** A zone's totals: machines, machines not Ready, pods by state. */
export function zoneTotals(zone: ZoneGroup, perMachine: Map<string, MachinePods>): ZoneTotals {
  const pods = emptyCounts();
  let notReady = 0;
  for (const m of zone.machines) {
    if (m.ready !== 'True') notReady++;
    addCounts(pods, machinePods(perMachine, m.name).counts);
  }
  return { machines: zone.machines.length, notReady, pods };
}
