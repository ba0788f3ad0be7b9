/**
 * The failure-injection catalogue, as data: each fault is what an instructor asks for (`node-down
 * worker-1`), typed so the UI, the kubectl console's `fault` command and `npm run sim` scripts all send
 * the same thing. Targets name objects as kubectl does: a pod as `name` or `namespace/name` (namespace
 * `default`), a Deployment as `name`, `deployment/name` or `namespace/name`, a node by its name.
 */

import type { FaultFailure, FaultSuccess } from './resultText';

/** The control-plane processes that `stop` and `start` act on (etcd members are `etcd-0` .. `etcd-2`). */
export type ComponentName = 'kube-scheduler' | 'kube-controller-manager' | 'kube-apiserver' | `etcd-${number}`;

export type Fault =
  /** The container's process dies (kill -9 or a crash): the kubelet restarts it per restartPolicy. */
  | { fault: 'kill-container'; target: string; container?: string; exitCode?: number }
  /** The container exits every time it starts: CrashLoopBackOff, until `heal`. */
  | { fault: 'crashloop'; target: string; container?: string; exitCode?: number; afterMs?: number }
  /** `kubectl delete pod`: the pod's controller replaces it. */
  | { fault: 'delete-pod'; target: string }
  /** The liveness (or readiness) probe fails from now on, until `heal`. */
  | { fault: 'liveness-fail'; target: string; container?: string }
  | { fault: 'readiness-fail'; target: string; container?: string }
  /** Memory grows past the limit over `afterMs`: OOMKilled (exit 137), then a restart. */
  | { fault: 'oom'; target: string; container?: string; afterMs?: number }
  /** CPU use of a pod, or of every pod of `deployment/NAME`, as a percentage of the CPU request. */
  | { fault: 'cpu-load'; target: string; percent: number }
  /** The machine stops (`node-down`) or boots again (`node-up`). */
  | { fault: 'node-down'; target: string }
  | { fault: 'node-up'; target: string }
  /** The network between the node and the control plane is cut; `heal` restores it. */
  | { fault: 'partition'; target: string }
  /** Undoes a pod's probe/crash/load faults, or a node's partition. */
  | { fault: 'heal'; target: string }
  /** `kubectl set image` to a tag that does not exist: the rollout stalls. */
  | { fault: 'bad-image'; target: string; container?: string; image?: string }
  | { fault: 'stop'; target: ComponentName }
  | { fault: 'start'; target: ComponentName }
  /** Every node of a `topology.kubernetes.io/zone` stops (`zone-down`) or boots again (`zone-up`). */
  | { fault: 'zone-down'; target: string }
  | { fault: 'zone-up'; target: string };

export type FaultName = Fault['fault'];

export { FAULT_NAMES, FAULT_OPTIONS } from './catalogue';

/**
 * What an injection did, or why it could not. `message`/`error` is the English text (what the CLI and
 * the console print); `code` and `params` (and `cause`) say the same for the UI to translate
 * (`resultText.ts`).
 */
export type FaultResult = FaultSuccess | FaultFailure;

/** A fault that is in effect now (for the failure panel): what, on what, since when. */
export interface ActiveFault {
  fault: FaultName;
  target: string;
  sinceMs: number;
}
