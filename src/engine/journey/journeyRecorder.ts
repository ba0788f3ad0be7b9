/**
 * The journey of one manifest through the cluster, recorded as it happens: each hop is a write to the
 * API server (or a runtime step the kubelet reports) by the component that made it, with the fields it
 * set as they are stored, and the resourceVersion etcd gave the write. The recorder only listens: the
 * API server's watch (each event names its writer, see ApiServer.actingAs) and the engine's cues. The
 * one thing it does itself, once kube-proxy has the pod's rule, is send a request through the Service
 * (`kubectl exec <client> -- curl`, a recorded input, so snapshots replay it).
 *
 * Order, as in Kubernetes: kubectl → kube-apiserver (defaulting and validation admission) → etcd →
 * deployment controller (ReplicaSet) → replicaset controller (Pod) → kube-scheduler (pods/binding:
 * spec.nodeName) → kubelet on that node → container runtime (image pull) → Running → Ready →
 * EndpointSlice controller → kube-proxy → traffic.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Cluster } from '../cluster';
import type { WatchEvent } from '../apiserver/apiserver';
import type { Cue } from '../cues';
import type { KubeObject, Stored } from '../objects';

export type JourneyStage =
  | 'applied'
  | 'admitted'
  | 'stored'
  | 'deployment'
  | 'replicaset'
  | 'scheduled'
  | 'kubelet'
  | 'pulled'
  | 'running'
  | 'ready'
  | 'endpoints'
  | 'proxy'
  | 'traffic';

/** Every stage in the order the journey passes them (a complete journey has one hop per stage). */
export const JOURNEY_STAGES: readonly JourneyStage[] = ['applied', 'admitted', 'stored', 'deployment', 'replicaset', 'scheduled', 'kubelet', 'pulled', 'running', 'ready', 'endpoints', 'proxy', 'traffic'];

/** Where on the canvas a hop happens. */
export type JourneyPlace =
  | { part: 'kubectl' }
  | { part: 'kube-apiserver' }
  | { part: 'etcd' }
  | { part: 'kube-scheduler' }
  | { part: 'controller'; controller: string }
  | { part: 'kubelet' | 'kube-proxy' | 'runtime'; node: string }
  | { part: 'pod'; namespace: string; name: string }
  | { part: 'service'; namespace: string; name: string };

/** One field as the hop wrote it: a path (`spec.nodeName`) and its live value, as text. */
export interface JourneyField {
  path: string;
  value: string;
}

export interface JourneyHop {
  stage: JourneyStage;
  place: JourneyPlace;
  /** Virtual time of the write (epoch ms). */
  at: number;
  /** The client that made the write, as the API server recorded it (absent for runtime steps). */
  writer?: string;
  /** The object written (`Pod journey-7c9f8d6b5d-x2k4q`). */
  object: { kind: string; name: string };
  /** metadata.resourceVersion after the write. */
  resourceVersion?: string;
  fields: JourneyField[];
}

export interface JourneyRecord {
  /** Numbered per worker, so the page tells a new journey from a replay of the last one. */
  id: number;
  namespace: string;
  /** The Deployment and Service the journey follows (they share the name). */
  name: string;
  hops: JourneyHop[];
  state: 'recording' | 'complete';
}

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
/** Defaults shown at most, so a caption stays readable from the back of a room. */
const MAX_DEFAULTS = 4;

type DeploymentObject = Stored<Deployment>;
type PodObject = Stored<Pod>;

export class JourneyRecorder {
  private readonly hops: JourneyHop[] = [];
  private readonly stop: (() => void)[] = [];
  private deploymentUid: string | undefined;
  private replicaSetUid: string | undefined;
  private pod: { name: string; uid: string } | undefined;
  private node: string | undefined;
  private image: string | undefined;
  private pullStarted = false;
  /** Set once kube-proxy has the pod's rule; the traffic is sent outside the watch (see sendTraffic). */
  private trafficDue = false;
  private changed = true;
  private done = false;

  constructor(
    private readonly cluster: Cluster,
    readonly id: number,
    readonly namespace: string,
    readonly name: string,
    /** The Deployment's spec as applied: what the API server added to it is the defaulting admission's work. */
    private readonly appliedSpec: Record<string, unknown> | undefined,
  ) {
    this.stop.push(
      cluster.api.watchAll((e) => this.onWrite(e)),
      cluster.onCue((c) => this.onCue(c)),
    );
  }

  get record(): JourneyRecord {
    return { id: this.id, namespace: this.namespace, name: this.name, hops: this.hops.map((h) => ({ ...h, fields: [...h.fields] })), state: this.done ? 'complete' : 'recording' };
  }

  get isComplete(): boolean {
    return this.done;
  }

  /** Whether the record changed since the last call (the worker posts it then). */
  takeChanged(): boolean {
    const c = this.changed;
    this.changed = false;
    return c;
  }

  dispose(): void {
    for (const off of this.stop) off();
    this.stop.length = 0;
  }

  private add(hop: Omit<JourneyHop, 'at'>): void {
    if (this.hops.some((h) => h.stage === hop.stage)) return;
    this.hops.push({ ...hop, at: this.cluster.clock.now() });
    this.changed = true;
  }

  private onWrite(e: WatchEvent): void {
    const obj = e.object;
    if ((obj.metadata.namespace ?? 'default') !== this.namespace || e.type === 'DELETED') return;
    const writer = e.writer !== undefined ? { writer: e.writer } : {};
    const rv = obj.metadata.resourceVersion;
    switch (obj.kind) {
      case 'Deployment':
        if (e.type === 'ADDED' && obj.metadata.name === this.name && !this.deploymentUid) this.deploymentCreated(obj as DeploymentObject, e.writer);
        return;
      case 'Service':
        if (e.type === 'ADDED' && obj.metadata.name === this.name) this.serviceCreated(obj as Stored<Service>);
        return;
      case 'ReplicaSet': {
        const rs = obj as Stored<ReplicaSet>;
        if (e.type !== 'ADDED' || this.replicaSetUid || !ownedBy(rs, this.deploymentUid)) return;
        this.replicaSetUid = rs.metadata.uid;
        this.add({
          stage: 'deployment',
          place: { part: 'controller', controller: 'deployment' },
          ...writer,
          object: { kind: 'ReplicaSet', name: rs.metadata.name },
          resourceVersion: rv,
          fields: [
            { path: 'metadata.name', value: rs.metadata.name },
            { path: 'metadata.ownerReferences[0]', value: `Deployment/${this.name}` },
            { path: 'spec.replicas', value: String(rs.spec?.replicas ?? 1) },
            { path: 'metadata.resourceVersion', value: rv },
          ],
        });
        return;
      }
      case 'Pod':
        this.podWritten(e as unknown as WatchEvent<Pod>);
        return;
      case 'EndpointSlice':
        this.sliceWritten(obj as Stored<EndpointSlice>, e.writer);
        return;
    }
  }

  private deploymentCreated(d: DeploymentObject, writer: string | undefined): void {
    this.deploymentUid = d.metadata.uid;
    this.image = d.spec?.template.spec?.containers[0]?.image;
    const by = writer !== undefined ? { writer } : {};
    const object = { kind: 'Deployment', name: d.metadata.name };
    this.add({
      stage: 'applied',
      place: { part: 'kubectl' },
      ...by,
      object,
      fields: [
        { path: 'POST', value: `/apis/apps/v1/namespaces/${this.namespace}/deployments` },
        { path: 'spec.replicas', value: String(d.spec?.replicas ?? 1) },
        { path: 'spec.template.spec.containers[0].image', value: this.image ?? '' },
      ],
    });
    // The shallowest first: `spec.revisionHistoryLimit` says more to a student than a probe's timeoutSeconds.
    const defaults = addedLeaves(this.appliedSpec, d.spec, 'spec')
      .sort((a, b) => depth(a.path) - depth(b.path))
      .slice(0, MAX_DEFAULTS);
    this.add({
      stage: 'admitted',
      place: { part: 'kube-apiserver' },
      ...by,
      object,
      fields: [...defaults, { path: 'metadata.uid', value: d.metadata.uid ?? '' }, { path: 'metadata.creationTimestamp', value: d.metadata.creationTimestamp ?? '' }],
    });
    this.add({
      stage: 'stored',
      place: { part: 'etcd' },
      ...by,
      object,
      resourceVersion: d.metadata.resourceVersion,
      fields: [
        { path: 'key', value: `/registry/deployments/${this.namespace}/${d.metadata.name}` },
        { path: 'metadata.resourceVersion', value: d.metadata.resourceVersion },
        { path: 'metadata.generation', value: String(d.metadata.generation ?? 1) },
      ],
    });
  }

  /** The Service of the same manifest is stored just after the Deployment: its ClusterIP joins etcd's hop. */
  private serviceCreated(s: Stored<Service>): void {
    const stored = this.hops.find((h) => h.stage === 'stored');
    if (!stored) return;
    stored.fields.push({ path: `Service/${s.metadata.name} spec.clusterIP`, value: s.spec?.clusterIP ?? '' }, { path: `Service/${s.metadata.name} metadata.resourceVersion`, value: s.metadata.resourceVersion });
    this.changed = true;
  }

  private podWritten(e: WatchEvent<Pod>): void {
    const pod = e.object as PodObject;
    const writer = e.writer !== undefined ? { writer: e.writer } : {};
    const rv = pod.metadata.resourceVersion;
    const object = { kind: 'Pod', name: pod.metadata.name };
    if (!this.pod) {
      if (e.type !== 'ADDED' || !ownedBy(pod, this.replicaSetUid)) return;
      this.pod = { name: pod.metadata.name, uid: pod.metadata.uid ?? '' };
      this.add({
        stage: 'replicaset',
        place: { part: 'controller', controller: 'replicaset' },
        ...writer,
        object,
        resourceVersion: rv,
        fields: [
          { path: 'metadata.name', value: pod.metadata.name },
          { path: 'spec.nodeName', value: pod.spec?.nodeName ?? '—' },
          { path: 'status.phase', value: pod.status?.phase ?? 'Pending' },
          { path: 'metadata.resourceVersion', value: rv },
        ],
      });
      return;
    }
    if (pod.metadata.uid !== this.pod.uid || !e.writer?.startsWith('kubelet/')) return;
    const node = pod.spec?.nodeName ?? '';
    const status = pod.status ?? {};
    const container = status.containerStatuses?.[0];
    if (!this.hops.some((h) => h.stage === 'kubelet')) {
      const waiting = container?.state?.waiting?.reason;
      this.add({
        stage: 'kubelet',
        place: { part: 'kubelet', node },
        ...writer,
        object,
        resourceVersion: rv,
        fields: [
          { path: 'status.hostIP', value: status.hostIP ?? '' },
          { path: 'status.phase', value: status.phase ?? '' },
          ...(waiting ? [{ path: 'status.containerStatuses[0].state', value: `waiting (${waiting})` }] : []),
          { path: 'metadata.resourceVersion', value: rv },
        ],
      });
    }
    if (status.phase === 'Running' && container?.state?.running) {
      this.add({
        stage: 'running',
        place: { part: 'pod', namespace: this.namespace, name: pod.metadata.name },
        ...writer,
        object,
        resourceVersion: rv,
        fields: [
          { path: 'status.phase', value: 'Running' },
          { path: 'status.podIP', value: status.podIP ?? '' },
          { path: 'status.containerStatuses[0].state.running.startedAt', value: container.state.running.startedAt ?? '' },
          { path: 'metadata.resourceVersion', value: rv },
        ],
      });
    }
    const ready = (status.conditions ?? []).find((c) => c.type === 'Ready');
    if (ready?.status === 'True' && this.hops.some((h) => h.stage === 'running')) {
      this.add({
        stage: 'ready',
        place: { part: 'pod', namespace: this.namespace, name: pod.metadata.name },
        ...writer,
        object,
        resourceVersion: rv,
        fields: [
          { path: 'status.conditions[Ready]', value: 'True' },
          { path: 'status.containerStatuses[0].ready', value: String(container?.ready ?? false) },
          { path: 'metadata.resourceVersion', value: rv },
        ],
      });
    }
  }

  private sliceWritten(slice: Stored<EndpointSlice>, writer: string | undefined): void {
    if (!this.pod || slice.metadata.labels?.[SERVICE_NAME_LABEL] !== this.name) return;
    const ep = (slice.endpoints ?? []).find((x) => x.targetRef?.name === this.pod?.name);
    if (!ep || ep.conditions?.ready === false) return;
    const rv = slice.metadata.resourceVersion;
    this.add({
      stage: 'endpoints',
      place: { part: 'controller', controller: 'endpointslice' },
      ...(writer !== undefined ? { writer } : {}),
      object: { kind: 'EndpointSlice', name: slice.metadata.name },
      resourceVersion: rv,
      fields: [
        { path: 'endpoints[0].addresses', value: `[${ep.addresses.join(', ')}]` },
        { path: 'endpoints[0].conditions.ready', value: 'true' },
        { path: 'endpoints[0].targetRef', value: `Pod/${this.pod.name}` },
        { path: 'metadata.resourceVersion', value: rv },
      ],
    });
    // kube-proxy watches EndpointSlices too (its handler ran before ours): its rules now hold the pod.
    const svc = this.cluster.api.peek<Service>('Service', this.namespace, this.name);
    const backend = this.cluster.proxy.backends(this.namespace, this.name).find((b) => b.podName === this.pod?.name && b.ready);
    if (!svc || !backend) return;
    const port = svc.spec?.ports?.[0]?.port ?? 80;
    this.add({
      stage: 'proxy',
      place: { part: 'kube-proxy', node: this.node ?? backend.nodeName ?? '' },
      object: { kind: 'Service', name: this.name },
      fields: [
        { path: 'rule', value: `${svc.spec?.clusterIP ?? ''}:${port} → ${backend.ip}:${backend.port}` },
        { path: 'ready endpoints', value: String(this.cluster.proxy.backends(this.namespace, this.name).filter((b) => b.ready).length) },
      ],
    });
    this.trafficDue = true;
  }

  private onCue(cue: Cue): void {
    if (!this.pod) return;
    if (cue.type === 'scheduled' && cue.pod === this.pod.name && cue.namespace === this.namespace) {
      this.node = cue.node;
      const pod = this.cluster.api.peek<Pod>('Pod', this.namespace, this.pod.name);
      const diagnosis = this.cluster.scheduler.explain(this.namespace, this.pod.name);
      const fields: JourneyField[] = [];
      if (diagnosis) {
        fields.push({ path: 'filter', value: `${diagnosis.feasibleNodes}/${diagnosis.numAllNodes}` });
        if (diagnosis.scores.length > 0) fields.push({ path: 'score', value: diagnosis.scores.slice(0, 3).map((s) => `${s.node} ${Math.round(s.total)}`).join(' · ') });
      }
      fields.push({ path: 'spec.nodeName', value: cue.node }, { path: 'metadata.resourceVersion', value: pod?.metadata.resourceVersion ?? '' });
      this.add({
        stage: 'scheduled',
        place: { part: 'kube-scheduler' },
        writer: 'default-scheduler',
        object: { kind: 'Pod', name: this.pod.name },
        ...(pod ? { resourceVersion: pod.metadata.resourceVersion } : {}),
        fields,
      });
      return;
    }
    if (!this.node) return;
    if (cue.type === 'image-pull' && cue.node === this.node && sameImage(cue.image, this.image)) {
      if (cue.phase === 'start') this.pullStarted = true;
      if (cue.phase === 'done' || cue.phase === 'failed') {
        this.add({
          stage: 'pulled',
          place: { part: 'runtime', node: this.node },
          object: { kind: 'Pod', name: this.pod.name },
          fields: [
            { path: 'image', value: cue.image },
            { path: cue.phase === 'done' ? 'pulled in' : 'pull', value: cue.phase === 'done' ? `${((cue.durationMs ?? 0) / 1000).toFixed(1)} s` : 'failed' },
          ],
        });
      }
      return;
    }
    // The image was already on the node: the runtime creates the container without a pull.
    if (cue.type === 'container' && cue.phase === 'created' && cue.pod === this.pod.name && !this.pullStarted) {
      this.add({
        stage: 'pulled',
        place: { part: 'runtime', node: this.node },
        object: { kind: 'Pod', name: this.pod.name },
        fields: [
          { path: 'image', value: this.image ?? '' },
          { path: 'pull', value: 'already present' },
        ],
      });
    }
  }

  /**
   * Called between clock slices, never inside a watch handler (a handler must not write): once kube-proxy
   * routes to the pod, one request goes through the Service from a client pod, and the hop records where
   * it landed and what answered.
   */
  sendTraffic(): void {
    if (!this.trafficDue || this.done || !this.pod) return;
    this.trafficDue = false;
    const client = this.clientPod();
    const url = `http://${this.name}/`;
    const result = this.cluster.kubectl(`exec ${client.name} -n ${this.namespace} -- curl -s ${url}`);
    // The server's access log, as `kubectl logs --tail=1` shows it.
    const accessLine = this.cluster.nodes.logs({ namespace: this.namespace, pod: this.pod.name, tail: 1 }).at(-1)?.trim() ?? '';
    const pod = this.cluster.api.peek<Pod>('Pod', this.namespace, this.pod.name);
    const svc = this.cluster.api.peek<Service>('Service', this.namespace, this.name);
    // nginx's access log: `... "GET / HTTP/1.1" 200 615 ...` (status, then bytes).
    const status = /" (\d{3}) \d+/.exec(accessLine)?.[1];
    const title = /<title>([^<]*)<\/title>/.exec(result.stdout)?.[1];
    const answer = result.exitCode === 0 ? [status, title].filter(Boolean).join(' · ') : result.stderr.trim() || `exit ${result.exitCode}`;
    this.add({
      stage: 'traffic',
      place: { part: 'service', namespace: this.namespace, name: this.name },
      object: { kind: 'Service', name: this.name },
      fields: [
        { path: 'from', value: `${client.name} (${client.ip})` },
        { path: 'GET', value: `${url} → ${svc?.spec?.clusterIP ?? ''}:${svc?.spec?.ports?.[0]?.port ?? 80}` },
        { path: 'to', value: `${this.pod.name} (${pod?.status?.podIP ?? ''}:80)` },
        { path: 'HTTP', value: answer },
        ...(accessLine ? [{ path: 'access log', value: accessLine }] : []),
      ],
    });
    this.done = true;
    this.dispose();
  }

  /** A Ready pod of another app (a request between two apps), or the journey's own pod. */
  private clientPod(): { name: string; ip: string } {
    const own = this.pod!;
    const others = this.cluster.api
      .peekList<Pod>('Pod', { namespace: this.namespace })
      .filter((p) => p.metadata.name !== own.name && !p.metadata.deletionTimestamp && p.status?.podIP && hasCurl(p) && isReady(p))
      .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
    const chosen = others[0] ?? this.cluster.api.peek<Pod>('Pod', this.namespace, own.name);
    return { name: chosen?.metadata.name ?? own.name, ip: chosen?.status?.podIP ?? '' };
  }
}

function depth(path: string): number {
  return path.split(/[.[]/).length;
}

function ownedBy(o: { metadata: { ownerReferences?: KubeObject['metadata']['ownerReferences'] } }, uid: string | undefined): boolean {
  return !!uid && (o.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.controller === true);
}

function isReady(p: Pick<Pod, 'status'>): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** Images known to carry curl (nginx's Debian and alpine images, httpd has none). */
function hasCurl(p: Pick<Pod, 'spec'>): boolean {
  return (p.spec?.containers ?? []).some((c) => /(^|\/)nginx(:|$)/.test(c.image ?? ''));
}

function sameImage(a: string, b: string | undefined): boolean {
  if (!b) return false;
  const bare = (s: string) => s.replace(/^docker\.io\/(library\/)?/, '');
  return bare(a) === bare(b);
}

/**
 * Leaves the stored object has and the manifest did not: what defaulting admission filled in
 * (`spec.strategy.type: RollingUpdate`), in document order. Lists count as leaves by index.
 */
export function addedLeaves(given: unknown, stored: unknown, path: string): { path: string; value: string }[] {
  if (stored === null || stored === undefined) return [];
  if (given === undefined) {
    if (typeof stored !== 'object') return [{ path, value: String(stored) }];
    const out: { path: string; value: string }[] = [];
    for (const [k, v] of Object.entries(stored)) out.push(...addedLeaves(undefined, v, Array.isArray(stored) ? `${path}[${k}]` : `${path}.${k}`));
    return out;
  }
  if (typeof stored !== 'object' || typeof given !== 'object' || given === null) return [];
  const out: { path: string; value: string }[] = [];
  for (const [k, v] of Object.entries(stored)) {
    out.push(...addedLeaves((given as Record<string, unknown>)[k], v, Array.isArray(stored) ? `${path}[${k}]` : `${path}.${k}`));
  }
  return out;
}
