/**
 * What a DaemonSet's pod for one node looks like, and whether a node should run one
 * (pkg/controller/daemon/util and daemon_controller.go nodeShouldRunDaemonPod).
 *
 * Since Kubernetes 1.12 the default scheduler binds daemon pods: the controller pins each pod to its
 * node with a required node affinity `matchFields metadata.name In [<node>]`, replacing any required
 * node affinity of the template (the node was already checked against it).
 */
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { OwnerReference, Stored } from '../../objects';
import { podFromTemplate } from '../controllerutils/podTemplate';
import { matchesNodeSelectorTerms } from '../../apiserver/nodeSelector';
import { tolerationsTolerateTaint } from '../../apiserver/tolerations';

export type StoredDaemonSet = Stored<DaemonSet>;

export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';
/** The deprecated label DaemonSet pods still carry (extensions.DaemonSetTemplateGenerationKey). */
export const POD_TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/**
 * AddOrUpdateDaemonPodTolerations: daemon pods keep running on nodes that are not ready, unreachable,
 * under pressure or cordoned (NoExecute ones without tolerationSeconds: never evicted), and host-network
 * pods also on nodes whose network is not set up yet.
 */
export function daemonPodTolerations(hostNetwork: boolean): Toleration[] {
  const tolerations: Toleration[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) tolerations.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return tolerations;
}

/** The template's tolerations plus the daemon defaults it does not already have. */
function withDaemonTolerations(own: readonly Toleration[] | undefined, hostNetwork: boolean): Toleration[] {
  const out = [...(own ?? [])];
  for (const t of daemonPodTolerations(hostNetwork)) {
    if (!out.some((o) => o.key === t.key && o.effect === t.effect && o.operator === t.operator)) out.push(t);
  }
  return out;
}

export interface NodeVerdict {
  /** The node should run a daemon pod (a new one may be created there). */
  shouldRun: boolean;
  /** A daemon pod already there may stay (only untolerated NoExecute taints or a mismatch evict it). */
  shouldContinueRunning: boolean;
}

/**
 * nodeShouldRunDaemonPod: the node's name (if the template pins one), nodeSelector and required node
 * affinity must match, and the pod (with the daemon tolerations) must tolerate the node's NoSchedule
 * and NoExecute taints. Cordoning and resources do not matter: the scheduler checks resources.
 */
export function nodeShouldRunDaemonPod(node: Stored<Node>, ds: StoredDaemonSet): NodeVerdict {
  return daemonNodePredicate(ds)(node);
}

/**
 * nodeShouldRunDaemonPod with the DaemonSet's side (tolerations with the daemon defaults, nodeSelector,
 * affinity terms) worked out once, so a sync over every node costs the node's own labels and taints only.
 */
export function daemonNodePredicate(ds: StoredDaemonSet): (node: Stored<Node>) => NodeVerdict {
  const spec = ds.spec?.template?.spec;
  const pinned = spec?.nodeName;
  const selector = Object.entries(spec?.nodeSelector ?? {});
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  const tolerations = withDaemonTolerations(spec?.tolerations, spec?.hostNetwork === true);
  const no: NodeVerdict = { shouldRun: false, shouldContinueRunning: false };
  return (node) => {
    const name = node.metadata.name;
    const labels = node.metadata.labels;
    if (pinned && pinned !== name) return no;
    for (const [k, v] of selector) if (labels?.[k] !== v) return no;
    if (terms && !matchesNodeSelectorTerms(terms, labels, name)) return no;
    const taints = node.spec?.taints;
    if (!taints || taints.length === 0) return { shouldRun: true, shouldContinueRunning: true };
    const untolerated = (effect: Taint['effect']) => taints.some((t) => t.effect === effect && !tolerationsTolerateTaint(tolerations, t));
    const noExecute = untolerated('NoExecute');
    return { shouldRun: !noExecute && !untolerated('NoSchedule'), shouldContinueRunning: !noExecute };
  };
}

/** The node a daemon pod is for: where it runs, or the node its matchFields affinity pins it to. */
export function targetNodeName(pod: Stored<Pod>): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
    }
  }
  return undefined;
}

/** The pod the DaemonSet creates for `nodeName`, named `<ds>-<5 chars>` by the API server. */
export function newDaemonPod(ds: StoredDaemonSet, nodeName: string, hash: string, controllerRef: OwnerReference): Pod {
  const template = ds.spec?.template;
  const pod = podFromTemplate(template, ds.metadata.namespace ?? 'default', controllerRef, { generateName: `${ds.metadata.name}-` });
  const spec = pod.spec!;
  const affinity = spec.affinity ?? {};
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      labels: {
        ...pod.metadata?.labels,
        [CONTROLLER_REVISION_HASH_LABEL]: hash,
        [POD_TEMPLATE_GENERATION_LABEL]: String(ds.metadata.generation ?? 1),
      },
    },
    spec: {
      ...spec,
      tolerations: withDaemonTolerations(spec.tolerations, spec.hostNetwork === true),
      affinity: {
        ...affinity,
        nodeAffinity: {
          ...affinity.nodeAffinity,
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
          },
        },
      },
    },
  };
}
