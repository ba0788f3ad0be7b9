/**
 * The failure panel's catalogue and the canvas's right-click menus, as data: which faults exist, what
 * kind of target each takes, what undoes an active fault, and which marks the canvas draws for the
 * faults the worker reports. Pure functions: the worker decides what a fault does.
 */
import type { ActiveFault, FaultName } from '../../engine/faults';
import type { FaultSubject } from '../../store/faultStore';
import type { FaultStatus } from '../../worker/protocol';

/** What a fault acts on; `stop` offers the running control-plane processes, `start` the stopped ones. */
export type TargetKind = 'pod' | 'node' | 'worker' | 'zone' | 'deployment' | 'podOrDeployment' | 'runningComponent' | 'stoppedComponent';

export interface CatalogueEntry {
  /** What the panel sends (`stop`/`start` for the control plane). */
  fault: FaultName;
  target: TargetKind;
  /** i18n key under `faults.explain`. */
  explainKey: string;
  /** cpu-load's PERCENT. */
  needsPercent?: boolean;
}

export interface CatalogueGroup {
  group: 'pods' | 'nodes' | 'rollouts' | 'controlPlane';
  entries: CatalogueEntry[];
}

export const CATALOGUE: readonly CatalogueGroup[] = [
  {
    group: 'pods',
    entries: [
      { fault: 'kill-container', target: 'pod', explainKey: 'kill-container' },
      { fault: 'crashloop', target: 'pod', explainKey: 'crashloop' },
      { fault: 'delete-pod', target: 'pod', explainKey: 'delete-pod' },
      { fault: 'liveness-fail', target: 'pod', explainKey: 'liveness-fail' },
      { fault: 'readiness-fail', target: 'pod', explainKey: 'readiness-fail' },
      { fault: 'oom', target: 'pod', explainKey: 'oom' },
      { fault: 'cpu-load', target: 'podOrDeployment', explainKey: 'cpu-load', needsPercent: true },
    ],
  },
  {
    group: 'nodes',
    entries: [
      { fault: 'node-down', target: 'node', explainKey: 'node-down' },
      { fault: 'partition', target: 'worker', explainKey: 'partition' },
      { fault: 'zone-down', target: 'zone', explainKey: 'zone-down' },
    ],
  },
  { group: 'rollouts', entries: [{ fault: 'bad-image', target: 'deployment', explainKey: 'bad-image' }] },
  {
    group: 'controlPlane',
    entries: [
      { fault: 'stop', target: 'runningComponent', explainKey: 'stop' },
      { fault: 'start', target: 'stoppedComponent', explainKey: 'start' },
    ],
  },
];

export function catalogueEntry(fault: FaultName): CatalogueEntry | undefined {
  for (const g of CATALOGUE) {
    const e = g.entries.find((x) => x.fault === fault);
    if (e) return e;
  }
  return undefined;
}

export interface FaultAction {
  fault: FaultName;
  target: string;
  options?: Record<string, string | number>;
}

/** The request that ends an active fault: `node-up` for `node-down`, `start` for `stop`, else `heal`. */
export function undoFor(active: ActiveFault): FaultAction | undefined {
  switch (active.fault) {
    case 'node-down':
      return { fault: 'node-up', target: active.target };
    case 'zone-down':
      return { fault: 'zone-up', target: active.target };
    case 'stop':
      return { fault: 'start', target: active.target };
    case 'partition':
    case 'crashloop':
    case 'liveness-fail':
    case 'readiness-fail':
    case 'oom':
    case 'cpu-load':
      return { fault: 'heal', target: active.target };
    default:
      return undefined;
  }
}

export const podKey = (namespace: string, name: string): string => `${namespace}/${name}`;

/** Canvas marks for the faults in effect, keyed as the canvas looks them up. */
export interface FaultMarks {
  /** `namespace/name` → the pod's active faults. */
  pods: ReadonlyMap<string, readonly FaultName[]>;
  nodesDown: ReadonlySet<string>;
  nodesPartitioned: ReadonlySet<string>;
  stoppedComponents: ReadonlySet<string>;
}

const POD_FAULTS: ReadonlySet<FaultName> = new Set(['crashloop', 'liveness-fail', 'readiness-fail', 'oom', 'cpu-load']);

export function faultMarks(status: FaultStatus): FaultMarks {
  const pods = new Map<string, FaultName[]>();
  const nodesDown = new Set<string>();
  const nodesPartitioned = new Set<string>();
  for (const f of status.active) {
    if (f.fault === 'node-down') nodesDown.add(f.target);
    else if (f.fault === 'partition') nodesPartitioned.add(f.target);
    else if (POD_FAULTS.has(f.fault) && !f.target.startsWith('deployment/')) {
      const list = pods.get(f.target) ?? [];
      list.push(f.fault);
      pods.set(f.target, list);
    }
  }
  const stoppedComponents = new Set(status.components.filter((c) => !c.running).map((c) => c.name));
  return { pods, nodesDown, nodesPartitioned, stoppedComponents };
}

export interface MenuItem extends FaultAction {
  /** i18n key under `faults.menu`. */
  labelKey: string;
}

/** The right-click menu of a canvas object, given what is in effect now. */
export function menuItems(subject: FaultSubject, status: FaultStatus): MenuItem[] {
  const marks = faultMarks(status);
  switch (subject.kind) {
    case 'Pod': {
      const target = podKey(subject.namespace, subject.name);
      const items: MenuItem[] = (['kill-container', 'crashloop', 'delete-pod', 'liveness-fail', 'readiness-fail', 'oom'] as const).map((fault) => ({ fault, target, labelKey: fault }));
      if ((marks.pods.get(target) ?? []).length > 0) items.push({ fault: 'heal', target, labelKey: 'heal' });
      return items;
    }
    case 'Node': {
      const target = subject.name;
      if (marks.nodesDown.has(target)) return [{ fault: 'node-up', target, labelKey: 'node-up' }];
      const items: MenuItem[] = [{ fault: 'node-down', target, labelKey: 'node-down' }];
      items.push(marks.nodesPartitioned.has(target) ? { fault: 'heal', target, labelKey: 'heal-partition' } : { fault: 'partition', target, labelKey: 'partition' });
      return items;
    }
    case 'Component': {
      // The etcd row stands for every member: one entry per member.
      const names = subject.name === 'etcd' ? status.components.map((c) => c.name).filter((n) => n.startsWith('etcd-')) : [subject.name];
      return names.map((name) => {
        const stopped = marks.stoppedComponents.has(name);
        return { fault: stopped ? 'start' : 'stop', target: name, labelKey: stopped ? 'start' : 'stop' };
      });
    }
  }
}

/** Zones of the nodes (`topology.kubernetes.io/zone`), sorted. */
export function zonesOf(nodes: readonly { metadata: { labels?: Record<string, string> } }[]): string[] {
  const zones = new Set<string>();
  for (const n of nodes) {
    const z = n.metadata.labels?.['topology.kubernetes.io/zone'];
    if (z) zones.add(z);
  }
  return [...zones].sort();
}

/** The container's last run ended (killed, crashed, OOMKilled) and it is not running again yet. */
export function containerDown(cs: { state?: { running?: unknown; terminated?: unknown; waiting?: unknown }; lastState?: { terminated?: unknown } } | undefined): boolean {
  if (!cs?.state || cs.state.running) return false;
  return cs.state.terminated !== undefined || (cs.state.waiting !== undefined && cs.lastState?.terminated !== undefined);
}

/**
 * A control-plane static pod whose process is stopped (as the worker reports it) while kube-apiserver is
 * down: its mirror pod still says Running, because nobody can update it, so the card says "unknown".
 */
export function staleStaticPod(pod: { metadata: { annotations?: Record<string, string>; labels?: Record<string, string> } }, stopped: ReadonlySet<string>): boolean {
  if (!stopped.has('kube-apiserver') || pod.metadata.annotations?.['kubernetes.io/config.mirror'] === undefined) return false;
  const component = pod.metadata.labels?.component;
  if (!component) return false;
  return stopped.has(component === 'etcd' ? 'etcd-0' : component);
}

/** How the etcd row reads: members running, and whether a majority (quorum) still runs. */
export function etcdSummary(components: FaultStatus['components']): { running: number; total: number; quorum: boolean } | undefined {
  const members = components.filter((c) => c.name.startsWith('etcd-'));
  if (members.length === 0) return undefined;
  const running = members.filter((c) => c.running).length;
  return { running, total: members.length, quorum: running > members.length / 2 };
}
