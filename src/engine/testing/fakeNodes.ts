/**
 * Test-only helpers for the cluster controllers: nodes whose "kubelet" is a timer renewing the node's
 * Lease (coordination.k8s.io/v1 in kube-node-lease, every 10 s, leaseDurationSeconds 40) and posting
 * the Ready condition's heartbeat, and pods bound to nodes with a status written by hand.
 */
import type { Node, Pod, Toleration } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Stored } from '../objects';
import type { ControllerContext } from '../controllers/controllerRuntime';

export const KUBELET_HEARTBEAT_MS = 10_000;

export function ensureNamespace(ctx: ControllerContext, name: string): void {
  if (!ctx.api.peek('Namespace', undefined, name)) ctx.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
}

export function createNode(ctx: ControllerContext, name: string, opts: { zone?: string; controlPlane?: boolean; ip?: string } = {}): Stored<Node> {
  const labels: Record<string, string> = { 'kubernetes.io/hostname': name };
  if (opts.zone) labels['topology.kubernetes.io/zone'] = opts.zone;
  if (opts.controlPlane) labels['node-role.kubernetes.io/control-plane'] = '';
  ctx.api.create<Node>({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec: {} });
  return postNodeStatus(ctx, name, 'True', opts.ip);
}

/** What the kubelet's node status update writes: the Ready condition with a fresh heartbeat. */
export function postNodeStatus(ctx: ControllerContext, name: string, ready: 'True' | 'False', ip?: string): Stored<Node> {
  const node = ctx.api.peek<Node>('Node', undefined, name)!;
  const now = ctx.clock.nowRfc3339();
  const old = node.status?.conditions?.find((c) => c.type === 'Ready');
  const transition = old && old.status === ready ? old.lastTransitionTime : now;
  const conditions = [
    { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', lastHeartbeatTime: now, lastTransitionTime: now },
    {
      type: 'Ready',
      status: ready,
      reason: ready === 'True' ? 'KubeletReady' : 'KubeletNotReady',
      message: ready === 'True' ? 'kubelet is posting ready status' : 'container runtime network not ready',
      lastHeartbeatTime: now,
      lastTransitionTime: transition,
    },
  ];
  const addresses = ip ? [{ type: 'InternalIP', address: ip }] : node.status?.addresses;
  return ctx.api.updateStatus<Node>({ ...node, status: { ...node.status, conditions, ...(addresses ? { addresses } : {}) } });
}

export function renewLease(ctx: ControllerContext, name: string): void {
  ensureNamespace(ctx, 'kube-node-lease');
  const renewTime = new Date(ctx.clock.now()).toISOString().replace('Z', '000Z');
  const existing = ctx.api.peek<Lease>('Lease', 'kube-node-lease', name);
  if (existing) ctx.api.update<Lease>({ ...existing, spec: { ...existing.spec, renewTime } });
  else {
    ctx.api.create<Lease>({
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name, namespace: 'kube-node-lease' },
      spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime },
    });
  }
}

/** Kubelets for the named nodes: a Lease renewal and a status post every 10 s until killed. */
export class FakeKubelets {
  private readonly alive = new Set<string>();
  readonly lastHeartbeat = new Map<string, number>();
  readyStatus = new Map<string, 'True' | 'False'>();

  constructor(private readonly ctx: ControllerContext) {}

  start(name: string): void {
    if (this.alive.has(name)) return;
    this.alive.add(name);
    const beat = () => {
      if (!this.alive.has(name) || !this.ctx.api.peek('Node', undefined, name)) return;
      renewLease(this.ctx, name);
      postNodeStatus(this.ctx, name, this.readyStatus.get(name) ?? 'True');
      this.lastHeartbeat.set(name, this.ctx.clock.now());
      this.ctx.clock.setTimeout(beat, KUBELET_HEARTBEAT_MS);
    };
    beat();
  }

  kill(name: string): void {
    this.alive.delete(name);
  }
}

export interface PodOpts {
  labels?: Record<string, string>;
  ready?: boolean;
  ip?: string | null;
  tolerations?: Toleration[];
  ports?: { name?: string; containerPort: number }[];
  phase?: string;
  namespace?: string;
}

/** A pod bound to `node`, Running, with the readiness and IP given. */
export function createPod(ctx: ControllerContext, name: string, node: string | undefined, o: PodOpts = {}): Stored<Pod> {
  const pod = ctx.api.create<Pod>({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.namespace ?? 'default', labels: o.labels ?? { app: 'web' } },
    spec: {
      ...(node ? { nodeName: node } : {}),
      containers: [{ name: 'web', image: 'nginx:1.27', ...(o.ports ? { ports: o.ports } : {}) }],
      ...(o.tolerations ? { tolerations: o.tolerations } : {}),
    },
  });
  const now = ctx.clock.nowRfc3339();
  const ip = o.ip === null ? undefined : (o.ip ?? `10.244.1.${(ctx.api.count('Pod') % 250) + 2}`);
  return ctx.api.updateStatus<Pod>({
    ...pod,
    status: {
      phase: o.phase ?? 'Running',
      ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: now }],
    },
  });
}

export function setPodReady(ctx: ControllerContext, namespace: string, name: string, ready: boolean): void {
  const pod = ctx.api.peek<Pod>('Pod', namespace, name)!;
  const conditions = (pod.status?.conditions ?? []).map((c) => (c.type === 'Ready' ? { ...c, status: ready ? 'True' : 'False' } : c));
  ctx.api.updateStatus<Pod>({ ...pod, status: { ...pod.status, conditions } });
}

/** The 300 s tolerations the DefaultTolerationSeconds admission plugin adds to every pod. */
export const DEFAULT_TOLERATIONS: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];
