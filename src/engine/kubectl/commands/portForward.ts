/**
 * `kubectl port-forward (POD | TYPE/NAME) [LOCAL_PORT:]REMOTE_PORT ...`: kubectl listens on the local
 * port and tunnels each connection through the API server and the kubelet into the pod's network
 * namespace. For a Service or a workload it picks one pod (a Service's port is translated to its
 * targetPort first) and stays with that pod. It runs until Ctrl+C, or ends with `lost connection to
 * pod` when the pod goes away.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { Stored } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import type { KubectlHost } from '../host';
import { BaseSession } from '../session';
import { podFor } from './logs';

const USAGE = "error: TYPE/NAME and list of ports are required for port-forward\nSee 'kubectl port-forward -h' for help and examples";

export interface PortForward {
  namespace: string;
  pod: string;
  localPort: number;
  remotePort: number;
  address: string;
}

/** A Service port's number or name → the container port on the chosen pod (kubectl's translateServicePortToTargetPort). */
function targetPort(svc: Stored<Service>, pod: Stored<Pod>, port: number): number {
  const sp = svc.spec?.ports?.find((p) => p.port === port);
  if (!sp) throw new KubectlError(`error: Service ${svc.metadata.name} does not have a service port ${port}`);
  const t = sp.targetPort;
  if (t === undefined) return sp.port;
  if (typeof t === 'number') return t;
  if (/^\d+$/.test(t)) return Number(t);
  for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === t) return p.containerPort;
  throw new KubectlError(`error: Pod '${pod.metadata.name}' does not have a named port '${t}'`);
}

export function runPortForward(ctx: CommandContext): number {
  const [word, ...specs] = ctx.operands;
  if (!word || specs.length === 0) throw new KubectlError(USAGE);
  const pod = podFor(ctx, word, true);
  const phase = pod.status?.phase ?? 'Pending';
  if (phase !== 'Running') throw new KubectlError(`error: unable to forward port because pod is not running. Current status=${phase}`);
  const svc = /^(svc|service|services)\//.test(word) ? ctx.api.get<Service>('Service', ctx.namespace, word.slice(word.indexOf('/') + 1)) : undefined;
  const addresses = ctx.flags.all('address').flatMap((a) => a.split(',')).filter(Boolean);
  const listen = addresses.length > 0 ? addresses : ['127.0.0.1', '[::1]'];
  const forwards: PortForward[] = [];
  for (const spec of specs) {
    const m = /^(\d*)(?::(\d+))?$/.exec(spec);
    if (!m || (m[1] === '' && m[2] === undefined)) throw new KubectlError(`error: Error parsing local port '${spec}': strconv.ParseUint: parsing "${spec}": invalid syntax`);
    const remoteAsked = Number(m[2] ?? m[1]);
    const remote = svc ? targetPort(svc, pod, remoteAsked) : remoteAsked;
    // `:80` asks for any free local port; the kernel picks one from the ephemeral range.
    const local = m[2] === undefined ? Number(m[1]) : m[1] === '' ? 32768 + ((remote * 7919) % 28000) : Number(m[1]);
    for (const address of listen) {
      ctx.out(`Forwarding from ${address === 'localhost' ? '127.0.0.1' : address}:${local} -> ${remote}`);
    }
    forwards.push({ namespace: pod.metadata.namespace ?? ctx.namespace, pod: pod.metadata.name, localPort: local, remotePort: remote, address: listen[0]! });
  }
  if (ctx.streaming) ctx.session = new PortForwardSession(ctx.host, pod, forwards);
  return 0;
}

/** Holds the forwards open; the console shows them, and the page can fetch through them. */
export class PortForwardSession extends BaseSession {
  constructor(
    host: KubectlHost,
    private readonly pod: Stored<Pod>,
    readonly forwards: PortForward[],
  ) {
    super(host, undefined);
  }

  protected check(): void {
    const now = this.host.api.peek<Pod>('Pod', this.pod.metadata.namespace ?? 'default', this.pod.metadata.name);
    if (!now || now.metadata.uid !== this.pod.metadata.uid || now.status?.phase !== 'Running') {
      this.err('error: lost connection to pod\n');
      this.finish(1);
    }
  }

  protected timedOut(): void {}
}
