/**
 * Probe workers (pkg/kubelet/prober): one per probe per container, ticking every periodSeconds once
 * initialDelaySeconds have passed since the container started. A result counts only after
 * successThreshold consecutive successes or failureThreshold consecutive failures. Defaults:
 * initialDelaySeconds 0, periodSeconds 10, timeoutSeconds 1, successThreshold 1, failureThreshold 3.
 */
import type { Probe } from 'kubernetes-types/core/v1';
import type { VirtualClock } from '../clock/virtualClock';

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

export interface ProbeOutcome {
  ok: boolean;
  /** What the handler said on failure (`HTTP probe failed with statuscode: 500`). */
  message?: string;
}

export interface ProbeCallbacks {
  run(kind: ProbeKind, probe: Probe): ProbeOutcome;
  /** A single failed attempt (the kubelet records an Unhealthy event for each). */
  failed(kind: ProbeKind, message: string): void;
  /** The result crossed its threshold. */
  changed(kind: ProbeKind, healthy: boolean): void;
}

export function probeDefaults(p: Probe): { initialDelayMs: number; periodMs: number; successThreshold: number; failureThreshold: number } {
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1000,
    periodMs: (p.periodSeconds ?? 10) * 1000,
    successThreshold: p.successThreshold ?? 1,
    failureThreshold: p.failureThreshold ?? 3,
  };
}

export class ProbeWorker {
  private timer: number | undefined;
  private successes = 0;
  private failures = 0;
  /** Last reported result; undefined until the threshold is first crossed. */
  healthy: boolean | undefined;
  private readonly settings: ReturnType<typeof probeDefaults>;

  constructor(
    readonly kind: ProbeKind,
    private readonly probe: Probe,
    private readonly clock: VirtualClock,
    private readonly callbacks: ProbeCallbacks,
  ) {
    this.settings = probeDefaults(probe);
  }

  /** Starts ticking; `sinceStartMs` is how long the container has been running already. */
  start(sinceStartMs = 0): void {
    this.stop();
    this.timer = this.clock.setTimeout(() => this.tick(), Math.max(0, this.settings.initialDelayMs - sinceStartMs));
  }

  stop(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    this.timer = this.clock.setTimeout(() => this.tick(), this.settings.periodMs);
    const outcome = this.callbacks.run(this.kind, this.probe);
    if (outcome.ok) {
      this.failures = 0;
      this.successes++;
      if (this.healthy !== true && this.successes >= this.settings.successThreshold) {
        this.healthy = true;
        this.callbacks.changed(this.kind, true);
      }
    } else {
      this.successes = 0;
      this.failures++;
      this.callbacks.failed(this.kind, outcome.message ?? '');
      if (this.healthy !== false && this.failures >= this.settings.failureThreshold) {
        // A liveness/startup failure restarts the container: the worker starts counting afresh.
        if (this.kind !== 'readiness') this.failures = 0;
        this.healthy = this.kind === 'readiness' ? false : undefined;
        this.callbacks.changed(this.kind, false);
      }
    }
  }
}

/** `http-get http://:80/ delay=0s timeout=1s period=10s #success=1 #failure=3`-style summary is kubectl's. */
export function probeTarget(p: Probe, podIP: string): string {
  if (p.httpGet) return `http://${p.httpGet.host ?? podIP}:${String(p.httpGet.port)}${p.httpGet.path ?? '/'}`;
  if (p.tcpSocket) return `${p.tcpSocket.host ?? podIP}:${String(p.tcpSocket.port)}`;
  if (p.grpc) return `${podIP}:${p.grpc.port}`;
  return (p.exec?.command ?? []).join(' ');
}
