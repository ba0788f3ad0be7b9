/**
 * The failure panel's catalogue and the canvas's right-click menus, read from the engine's fault
 * catalogue (engine/faults/catalogue.ts): which faults the panel offers, what kind of target each takes,
 * what undoes an active fault, and which marks the canvas draws for the faults the worker reports.
 * Pure functions: the worker decides what a fault does and what is in effect.
 */
import { FAULT_CATALOGUE, faultSpec, isLastingPodFault, type ActiveFault, type FaultName, type FaultSpec } from '../../engine/faults';
import type { FaultSubject } from '../../store/faultStore';
import type { FaultStatus } from '../../worker/protocol';

/**
 * What a fault acts on, as the panel lists targets: the engine's target kinds, with `component` split
 * by run state (`stop` offers the running control-plane processes, `start` the stopped ones).
 */
export type TargetKind = Exclude<FaultSpec['target'], 'component'> | 'runningComponent' | 'stoppedComponent';

export interface CatalogueEntry {
  /** What the panel sends (`stop`/`start` for the control plane). */
  fault: FaultName;
  target: TargetKind;
  /** i18n key under `faults.explain`. */
  explainKey: string;
}

export interface CatalogueGroup {
  group: FaultSpec['area'];
  entries: CatalogueEntry[];
}

const GROUP_ORDER: readonly FaultSpec['area'][] = ['pods', 'nodes', 'rollouts', 'controlPlane'];

export function targetKindOf(spec: FaultSpec): TargetKind {
  if (spec.target !== 'component') return spec.target;
  return spec.restores ? 'stoppedComponent' : 'runningComponent';
}

const entryOf = (spec: FaultSpec): CatalogueEntry => ({ fault: spec.name, target: targetKindOf(spec), explainKey: spec.name });

/** The faults the panel offers, grouped by what they break, in the engine catalogue's order. */
export const CATALOGUE: readonly CatalogueGroup[] = GROUP_ORDER.map((group) => ({
  group,
  entries: FAULT_CATALOGUE.filter((s) => s.offered && s.area === group).map(entryOf),
})).filter((g) => g.entries.length > 0);

export function catalogueEntry(fault: FaultName): CatalogueEntry | undefined {
  const spec = faultSpec(fault);
  return spec.offered ? entryOf(spec) : undefined;
}

export interface FaultAction {
  fault: FaultName;
  target: string;
  options?: Record<string, string | number>;
}

/** The request that ends an active fault (the catalogue's `undo`: `node-up` for `node-down`, `start` for `stop` ...). */
export function undoFor(active: ActiveFault): FaultAction | undefined {
  const undo = faultSpec(active.fault).undo;
  return undo ? { fault: undo, target: active.target } : undefined;
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

export function faultMarks(status: FaultStatus): FaultMarks {
  const pods = new Map<string, FaultName[]>();
  const nodesDown = new Set<string>();
  const nodesPartitioned = new Set<string>();
  for (const f of status.active) {
    if (f.fault === 'node-down') nodesDown.add(f.target);
    else if (f.fault === 'partition') nodesPartitioned.add(f.target);
    else if (isLastingPodFault(f.fault) && !f.target.startsWith('deployment/')) {
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

/** A pod's menu: the faults that take a pod (not a Deployment) as their target. */
const POD_MENU_FAULTS: readonly FaultName[] = FAULT_CATALOGUE.filter((s) => s.target === 'pod').map((s) => s.name);

/** The right-click menu of a canvas object, given what is in effect now. */
export function menuItems(subject: FaultSubject, status: FaultStatus): MenuItem[] {
  const marks = faultMarks(status);
  switch (subject.kind) {
    case 'Pod': {
      const target = podKey(subject.namespace, subject.name);
      const items: MenuItem[] = POD_MENU_FAULTS.map((fault) => ({ fault, target, labelKey: fault }));
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
