/**
 * Probe workers (pkg/kubelet/prober): one per probe per container, ticking every periodSeconds once
 * initialDelaySeconds have passed since the container started. A result counts only after
 * successThreshold consecutive successes or failureThreshold consecutive failures. Defaults:
 * initialDelaySeconds 0, periodSeconds 10, timeoutSeconds 1, successThreshold 1, failureThreshold 3.
 */
import type { Probe } from 'kubernetes-types/core/v1';
import type { VirtualClock } from '../clock/virtualClock';
import type { ExecOutcome } from '../runtime/containerExec';
import type { HttpAnswer } from '../runtime/serving';

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

/** What a probe reaches: the pod's network namespace and, for exec probes, the container itself. */
export interface ProbeTargets {
  podIP: string;
  /** A named container port (`port: http`). */
  namedPort(name: string): number | undefined;
  listensOn(port: number): boolean;
  answer(port: number, path: string): HttpAnswer | undefined;
  exec(argv: string[]): ExecOutcome | undefined;
}

/**
 * One probe attempt, as pkg/probe/{http,tcp,exec,grpc} judge it: an HTTP status in [200, 400) is a
 * success; a refused connection fails with Go's dial error; an exec probe succeeds on exit status 0
 * and otherwise reports the command's combined output.
 */
export function runContainerProbe(probe: Probe, t: ProbeTargets): ProbeOutcome {
  const port = (p: number | string | undefined): number | undefined => (typeof p === 'number' ? p : p && /^\d+$/.test(p) ? Number(p) : p ? t.namedPort(p) : undefined);
  if (probe.exec) {
    const argv = probe.exec.command ?? [];
    const outcome = t.exec(argv);
    if (!outcome) return { ok: true };
    if (outcome.kind === 'not-found') return { ok: false, message: outcome.message };
    if (outcome.durationMs > (probe.timeoutSeconds ?? 1) * 1000) {
      return { ok: false, message: `command ${JSON.stringify(argv.join(' '))} timed out` };
    }
    if (outcome.exitCode === 0) return { ok: true };
    return { ok: false, message: outcome.output.map((o) => o.text).join('\n') };
  }
  if (probe.httpGet) {
    const g = probe.httpGet;
    const n = port(g.port);
    const host = g.host ?? t.podIP;
    const scheme = (g.scheme ?? 'HTTP').toLowerCase();
    const path = g.path ?? '/';
    const url = `${scheme}://${host}:${n ?? String(g.port)}${path.startsWith('/') ? path : `/${path}`}`;
    if (n === undefined) return { ok: false, message: `Get "${url}": dial tcp: address ${String(g.port)}: invalid port` };
    const answer = t.answer(n, path);
    if (!answer) return { ok: false, message: `Get "${url}": dial tcp ${host}:${n}: connect: connection refused` };
    if (answer.protocolError) return { ok: false, message: `Get "${url}": ${answer.protocolError}` };
    if (answer.status >= 200 && answer.status < 400) return { ok: true };
    return { ok: false, message: `HTTP probe failed with statuscode: ${answer.status}` };
  }
  if (probe.tcpSocket) {
    const n = port(probe.tcpSocket.port);
    const host = probe.tcpSocket.host ?? t.podIP;
    if (n === undefined || !t.listensOn(n)) return { ok: false, message: `dial tcp ${host}:${n ?? String(probe.tcpSocket.port)}: connect: connection refused` };
    return { ok: true };
  }
  if (probe.grpc) {
    if (!t.listensOn(probe.grpc.port)) return { ok: false, message: `timeout: failed to connect service "${t.podIP}:${probe.grpc.port}" within 1s: context deadline exceeded` };
    return { ok: true };
  }
  return { ok: true };
}
