/**
 * `kubectl rollout status (deployment|daemonset|statefulset)/NAME`: kubectl's status viewers
 * (k8s.io/kubectl/pkg/polymorphichelpers/rollout_status.go), word for word. With a watch (the
 * default) kubectl prints the status once, then again at every change of the object, until it is
 * done, the object is deleted, or --timeout passes; `--watch=false` prints it once.
 */
import type { DaemonSet, Deployment, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { WatchEvent } from '../../apiserver/apiserver';
import type { ApiServer } from '../../apiserver/apiserver';
import { fromLabelSelector } from '../../apiserver/labels';
import type { Stored } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { getOrThrow } from '../fetch';
import { BaseSession, parseTimeoutFlag } from '../session';
import { resolveSingle } from '../targets';

export interface RolloutStatus {
  message: string;
  done: boolean;
  error?: string;
}

/** DeploymentStatusViewer.Status, with appendWarning's hint when `api` is given. */
export function rolloutStatus(d: Stored<Deployment>, api?: ApiServer): RolloutStatus {
  const st = d.status ?? {};
  const name = d.metadata.name;
  const waiting = (message: string): RolloutStatus => ({ message: api ? appendWarning(api, d, message) : message, done: false });
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = st.conditions?.find((c) => c.type === 'Progressing');
    if (progressing?.reason === 'ProgressDeadlineExceeded') return { message: '', done: false, error: `error: deployment "${name}" exceeded its progress deadline` };
    const replicas = d.spec?.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0;
    if (updated < replicas) return waiting(`Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`);
    const total = st.replicas ?? 0;
    if (total > updated) return waiting(`Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...`);
    const available = st.availableReplicas ?? 0;
    if (available < updated) return waiting(`Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`);
    return { message: `deployment "${name}" successfully rolled out`, done: true };
  }
  return waiting('Waiting for deployment spec update to be observed...');
}

/** The first pod of the Deployment that cannot be scheduled or whose container is stuck waiting. */
function appendWarning(api: ApiServer, d: Stored<Deployment>, base: string): string {
  const selector = fromLabelSelector(d.spec?.selector);
  if (!selector) return base;
  const pods = api.list<Pod>('Pod', { namespace: d.metadata.namespace!, selector }).slice().sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  for (const pod of pods) {
    for (const c of pod.status?.conditions ?? []) {
      if (c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable') return `${base} (Warning: ${c.message ?? ''})`;
    }
    for (const cs of pod.status?.containerStatuses ?? []) {
      const w = cs.state?.waiting;
      if (w && ['ImagePullBackOff', 'ErrImagePull', 'CrashLoopBackOff', 'CreateContainerConfigError', 'CreateContainerError'].includes(w.reason ?? '')) {
        return `${base} (Warning: ${w.reason} - ${w.message ?? ''})`;
      }
    }
  }
  return base;
}

/** DaemonSetStatusViewer.Status. */
export function daemonSetStatus(ds: Stored<DaemonSet>): RolloutStatus {
  const name = ds.metadata.name;
  if ((ds.spec?.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return { message: '', done: true, error: 'error: rollout status is only available for RollingUpdate strategy type' };
  const st = ds.status;
  if ((ds.metadata.generation ?? 0) <= (st?.observedGeneration ?? 0)) {
    const desired = st?.desiredNumberScheduled ?? 0;
    const updated = st?.updatedNumberScheduled ?? 0;
    if (updated < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`, done: false };
    const available = st?.numberAvailable ?? 0;
    if (available < desired) return { message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`, done: false };
    return { message: `daemon set "${name}" successfully rolled out`, done: true };
  }
  return { message: 'Waiting for daemon set spec update to be observed...', done: false };
}

/** StatefulSetStatusViewer.Status. */
export function statefulSetStatus(sts: Stored<StatefulSet>): RolloutStatus {
  const strategy = sts.spec?.updateStrategy;
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return { message: '', done: true, error: 'error: rollout status is only available for RollingUpdate strategy type' };
  const st = sts.status;
  if (!st?.observedGeneration || (sts.metadata.generation ?? 0) > st.observedGeneration) return { message: 'Waiting for statefulset spec update to be observed...', done: false };
  const replicas = sts.spec?.replicas ?? 1;
  if ((st.readyReplicas ?? 0) < replicas) return { message: `Waiting for ${replicas - (st.readyReplicas ?? 0)} pods to be ready...`, done: false };
  const partition = strategy?.rollingUpdate?.partition;
  if (strategy?.rollingUpdate) {
    if (partition !== undefined && (st.updatedReplicas ?? 0) < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${replicas - partition} new pods have been updated...`, done: false };
    }
    return { message: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision ?? ''}...`, done: false };
  }
  return { message: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision ?? ''}...`, done: true };
}

const VIEWERS: Record<string, (obj: Stored, api: ApiServer) => RolloutStatus> = {
  Deployment: (o, api) => rolloutStatus(o as Stored<Deployment>, api),
  DaemonSet: (o) => daemonSetStatus(o as Stored<DaemonSet>),
  StatefulSet: (o) => statefulSetStatus(o as Stored<StatefulSet>),
};

class RolloutStatusSession extends BaseSession {
  private readonly off: () => void;

  constructor(
    ctx: CommandContext,
    private readonly obj: Stored,
    private readonly view: (obj: Stored) => RolloutStatus,
    deadline: number | undefined,
  ) {
    super(ctx.host, deadline);
    this.off = ctx.api.watchAll((e: WatchEvent) => {
      const o = e.object;
      if (o.kind !== obj.kind || o.metadata.namespace !== obj.metadata.namespace || o.metadata.name !== obj.metadata.name) return;
      if (this.finished) return;
      if (e.type === 'DELETED') {
        this.err('error: object has been deleted\n');
        this.finish(1);
        return;
      }
      this.show(o);
    });
  }

  /** Prints one status; true when the command is over. */
  show(o: Stored): boolean {
    const s = this.view(o);
    if (s.error) {
      this.err(s.error + '\n');
      this.finish(1);
      return true;
    }
    this.out(s.message + '\n');
    if (s.done) this.finish(0);
    return s.done;
  }

  protected check(): void {}
  protected timedOut(): void {
    this.err('error: timed out waiting for the condition\n');
  }
  protected override dispose(): void {
    this.off();
  }
}

export function runRolloutStatus(ctx: CommandContext): number {
  const { type, name } = resolveSingle(ctx.operands.slice(1), 'required resource not specified');
  const viewer = VIEWERS[type.kind];
  if (!viewer) throw new KubectlError(`error: no status viewer has been implemented for ${type.kind}.${type.group || 'core'}`);
  const timeoutText = ctx.flags.string('timeout');
  const timeout = timeoutText === undefined ? 0 : parseTimeoutFlag(timeoutText);
  const obj = getOrThrow(ctx, type, name);
  const view = (o: Stored) => viewer(o, ctx.api);
  const watch = ctx.flags.has('watch') ? ctx.flags.bool('watch') : true;
  if (!ctx.streaming || !watch) {
    const s = view(obj);
    if (s.error) throw new KubectlError(s.error);
    ctx.out(s.message);
    return 0;
  }
  const session = new RolloutStatusSession(ctx, obj, view, timeout > 0 ? ctx.nowMs + timeout : undefined);
  // The first status goes out with the command's own output; the session only if it is not done.
  const first = session.show(obj);
  const out = session.poll();
  if (out.stdout) ctx.write(out.stdout);
  if (out.stderr) ctx.err(out.stderr);
  if (!first) ctx.session = session;
  return out.done ? out.exitCode : 0;
}
