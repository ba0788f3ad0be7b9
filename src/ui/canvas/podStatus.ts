/**
 * How the canvas shows a pod: the STATUS, READY and RESTARTS cells of `kubectl get pods` (from the
 * engine's kubectl printer), plus the colour class for them.
 */
import type { ContainerStatus, Pod } from 'kubernetes-types/core/v1';
import { podCells } from '../../engine/kubectl/printers/podStatus';

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

/** kubectl's own cells (the engine's printer, so the canvas and `kubectl get pods` never disagree), plus a colour. */
export function podDisplay(pod: Pod): PodDisplay {
  // The time only shapes RESTARTS' "(45s ago)" suffix, which the canvas does not show.
  const cells = podCells(pod, 0);
  const [readyCount, total] = cells.ready.split('/').map(Number) as [number, number];
  const status = cells.status || 'Pending'; // the API server sets phase Pending on create
  return { status, ready: cells.ready, restarts: Number.parseInt(cells.restarts, 10) || 0, tone: toneOf(status, readyCount, total) };
}

function toneOf(reason: string, ready: number, total: number): PodTone {
  if (reason === 'Terminating') return 'terminating';
  if (reason === 'Unknown') return 'unknown';
  if (reason === 'Running') return total > 0 && ready === total ? 'ready' : 'unready';
  if (reason === 'Completed' || reason === 'Succeeded') return 'succeeded';
  if (FAILED_REASONS.test(reason)) return 'failed';
  return 'pending';
}
