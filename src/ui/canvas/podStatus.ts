/**
 * The STATUS, READY and RESTARTS columns of `kubectl get pods`, computed as kubectl's printer does
 * (printPod in pkg/printers/internalversion/printers.go), plus the colour class the canvas uses.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';

export type PodTone = 'ready' | 'unready' | 'pending' | 'failed' | 'succeeded' | 'terminating' | 'unknown';

export interface PodDisplay {
  status: string;
  ready: string;
  restarts: number;
  tone: PodTone;
}

export type ContainerTone = 'running' | 'ready' | 'waiting' | 'terminated' | 'error';

export function containerTone(cs: ContainerStatus | undefined): ContainerTone {
  if (!cs?.state) return 'waiting';
  if (cs.state.running) return cs.ready ? 'ready' : 'running';
  if (cs.state.terminated) return cs.state.terminated.exitCode === 0 ? 'terminated' : 'error';
  const reason = cs.state.waiting?.reason ?? '';
  return /BackOff|Err|Invalid/.test(reason) ? 'error' : 'waiting';
}

const FAILED_REASONS = /BackOff|Err|Error|OOMKilled|Failed|Evicted|ContainerCannotRun|DeadlineExceeded|Invalid|Signal:|ExitCode:/;

export function podDisplay(pod: Pod): PodDisplay {
  const status = pod.status ?? {};
  let reason = status.reason ?? status.phase ?? 'Pending';
  const specContainers = pod.spec?.containers?.length ?? 0;
  let restarts = 0;
  let readyCount = 0;

  // Init containers: kubectl shows Init:N/M while they run, Init:<reason> when one fails.
  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i]!;
    restarts += c.restartCount ?? 0;
    const t = c.state?.terminated;
    if (t && t.exitCode === 0) continue;
    if (t) reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${pod.spec?.initContainers?.length ?? inits.length}`;
    initializing = true;
    break;
  }

  if (!initializing) {
    let hasRunning = false;
    const containers = status.containerStatuses ?? [];
    for (let i = containers.length - 1; i >= 0; i--) {
      const c = containers[i]!;
      restarts += c.restartCount ?? 0;
      const waiting = c.state?.waiting;
      const terminated = c.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyCount++;
      }
    }
    // A completed sidecar next to a running container still reads Running (or NotReady).
    if (reason === 'Completed' && hasRunning) {
      const readyCond = status.conditions?.find((c) => c.type === 'Ready');
      reason = readyCond?.status === 'True' ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';

  return { status: reason, ready: `${readyCount}/${specContainers}`, restarts, tone: toneOf(reason, readyCount, specContainers) };
}

function toneOf(reason: string, ready: number, total: number): PodTone {
  if (reason === 'Terminating') return 'terminating';
  if (reason === 'Unknown') return 'unknown';
  if (reason === 'Running') return total > 0 && ready === total ? 'ready' : 'unready';
  if (reason === 'Completed' || reason === 'Succeeded') return 'succeeded';
  if (FAILED_REASONS.test(reason)) return 'failed';
  return 'pending';
}
