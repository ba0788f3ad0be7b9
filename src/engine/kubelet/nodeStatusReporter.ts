/**
 * The kubelet's node status updates (pkg/kubelet/kubelet_node_status.go): the default labels once
 * (updateDefaultLabels), and the full status posted when something in it changed or, at the latest,
 * every nodeStatusReportFrequency. Unreachable API server: retried at the next heartbeat.
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/apiserver';
import { isApiFailure } from '../apiserver/errors';
import type { VirtualClock } from '../clock/virtualClock';
import type { CueBus } from '../cues';
import type { Stored } from '../objects';
import type { ContainerRuntime } from '../runtime/containerRuntime';
import { buildNodeStatus, statusFingerprint, type NodeIdentity, type NodePressure } from './nodeStatus';
import { rfc3339 } from './timestamps';

/** nodeStatusReportFrequency: the full status is posted on change, or at least this often. */
export const NODE_STATUS_REPORT_MS = 5 * 60_000;

export interface NodeStatusSource {
  readonly api: ApiServer;
  readonly clock: VirtualClock;
  readonly cues: CueBus;
  readonly nodeName: string;
  readonly runtime: ContainerRuntime;
  readonly identity: NodeIdentity;
  readonly pressure: NodePressure;
}

export class NodeStatusReporter {
  private lastStatusReportMs = -Infinity;
  private lastWrittenNode: Stored<Node> | undefined;
  private reportedImagesVersion = -1;
  private reportedPressure = '';
  private defaultLabelsSet = false;

  constructor(private readonly src: NodeStatusSource) {}

  /**
   * The labels every kubelet puts on its Node (kubelet_node_status.go updateDefaultLabels): hostname,
   * OS and architecture, so that nodeSelectors such as kube-proxy's `kubernetes.io/os: linux` match.
   */
  ensureDefaultLabels(): void {
    if (this.defaultLabelsSet) return;
    const { api, nodeName } = this.src;
    const node = api.peek<Node>('Node', undefined, nodeName);
    if (!node) return;
    const labels = node.metadata.labels ?? {};
    const wanted: Record<string, string> = { 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': nodeName, 'kubernetes.io/os': 'linux' };
    const missing = Object.entries(wanted).filter(([k]) => labels[k] === undefined);
    try {
      if (missing.length > 0) api.update<Node>({ ...node, metadata: { ...node.metadata, labels: { ...labels, ...Object.fromEntries(missing) } } });
      this.defaultLabelsSet = true;
    } catch (err) {
      if (!isApiFailure(err)) throw err;
    }
  }

  /** Posts node status when it changed or nodeStatusReportFrequency has passed (`force`: always). */
  report(force: boolean): void {
    const { api, clock, cues, nodeName, runtime } = this.src;
    const node = api.peek<Node>('Node', undefined, nodeName);
    if (!node) return;
    const now = clock.now();
    const due = force || now - this.lastStatusReportMs >= NODE_STATUS_REPORT_MS;
    // Cheap test first: the Node is still the object this kubelet last wrote and nothing it reports moved.
    const untouched = node === this.lastWrittenNode && runtime.imagesVersion === this.reportedImagesVersion && this.pressureKey() === this.reportedPressure;
    if (!due && untouched) return;
    const status = buildNodeStatus(node, this.src.identity, runtime.imageList(), this.src.pressure, rfc3339(now));
    const changed = !node.status?.nodeInfo || statusFingerprint(status) !== statusFingerprint(node.status);
    if (!due && !changed) {
      this.lastWrittenNode = node;
      return;
    }
    try {
      this.lastWrittenNode = api.updateStatus<Node>({ apiVersion: 'v1', kind: 'Node', metadata: { name: nodeName }, status });
      this.reportedImagesVersion = runtime.imagesVersion;
      this.reportedPressure = this.pressureKey();
      this.lastStatusReportMs = now;
      if (changed && cues.hasListeners) cues.emit({ type: 'node-condition', node: nodeName, ready: 'True' });
    } catch (err) {
      if (!isApiFailure(err)) throw err;
    }
  }

  private pressureKey(): string {
    const p = this.src.pressure;
    return `${p.memory}${p.disk}${p.pid}`;
  }
}
