/**
 * `kubectl logs POD [-c CONTAINER] [--previous] [--tail=N] [-f] [-l SELECTOR] [--prefix]`, also `deploy/NAME` (or any workload:
 * the first of its pods, with kubectl's `Found N pods, using pod/...` note). A pod with several
 * containers and no -c uses the first one and says so (`Defaulted container ...`).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { fromLabelSelector } from '../../apiserver/labels';
import { resourceForKind } from '../../apiserver/resources';
import type { Stored } from '../../objects';
import { ApiError } from '../../apiserver/errors';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { byNamespaceAndName, getOrThrow, selectorFlag } from '../fetch';
import type { ContainerLogRequest, KubectlHost } from '../host';
import { BaseSession } from '../session';
import { resolveType } from '../targets';

export function podFor(ctx: CommandContext, word: string, quiet = false): Stored<Pod> {
  const podType = resourceForKind('Pod')!;
  const slash = word.indexOf('/');
  if (slash < 0) return getOrThrow<Pod>(ctx, podType, word);
  const type = resolveType(word.slice(0, slash));
  const name = word.slice(slash + 1);
  if (type.kind === 'Pod') return getOrThrow<Pod>(ctx, podType, name);
  const owner = getOrThrow<{ spec?: { selector?: Parameters<typeof fromLabelSelector>[0] } }>(ctx, type, name);
  const selector = type.kind === 'Service' ? undefined : fromLabelSelector(owner.spec?.selector);
  const svcSelector = type.kind === 'Service' ? (owner.spec as { selector?: Record<string, string> } | undefined)?.selector : undefined;
  const sel = selector ?? Object.entries(svcSelector ?? {}).map(([key, v]) => ({ key, operator: 'In' as const, values: [v] }));
  const pods = ctx.api.list<Pod>('Pod', { namespace: ctx.namespace, selector: sel }).sort(byNamespaceAndName);
  if (pods.length === 0) throw new KubectlError(`error: timed out waiting for the condition`);
  if (pods.length > 1 && !quiet) ctx.err(`Found ${pods.length} pods, using pod/${pods[0]!.metadata.name}`);
  return pods[0]!;
}

function containerFor(ctx: CommandContext, pod: Stored<Pod>, explicit: string | undefined, note: boolean): string | undefined {
  const containers = pod.spec?.containers ?? [];
  if (explicit) {
    if (![...containers, ...(pod.spec?.initContainers ?? [])].some((c) => c.name === explicit)) {
      throw new KubectlError(`error: container ${explicit} is not valid for pod ${pod.metadata.name}`);
    }
    return explicit;
  }
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const chosen = annotated ?? containers[0]?.name;
  if (note && !annotated && containers.length > 1) {
    ctx.err(`Defaulted container "${chosen}" out of: ${[...containers, ...(pod.spec?.initContainers ?? [])].map((c) => c.name).join(', ')}`);
  }
  return chosen;
}

function readLogs(ctx: CommandContext, req: ContainerLogRequest): string[] {
  try {
    return ctx.host.logs(req);
  } catch (e) {
    if (e instanceof KubectlError) throw e;
    if (e instanceof ApiError) throw new KubectlError(e.toKubectlMessage());
    const message = (e as Error).message;
    throw new KubectlError(/^(error|Error from server)/.test(message) ? message : `error: ${message}`);
  }
}

interface Source {
  pod: Stored<Pod>;
  container: string;
  prefix: string;
}

export function runLogs(ctx: CommandContext): number {
  const word = ctx.operands[0];
  const selector = selectorFlag(ctx);
  if (!word && !selector) throw new KubectlError("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
  if (word && selector) throw new KubectlError("error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples");
  const follow = ctx.flags.bool('follow');
  const explicit = ctx.flags.string('container') ?? ctx.operands[1];
  const allContainers = ctx.flags.bool('all-containers');
  let tail = ctx.flags.int('tail');
  const sources: Source[] = [];
  const add = (pod: Stored<Pod>, note: boolean) => {
    const names = allContainers ? [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c) => c.name) : [containerFor(ctx, pod, explicit, note) ?? ''];
    for (const container of names) sources.push({ pod, container, prefix: `[pod/${pod.metadata.name}/${container}] ` });
  };
  if (selector) {
    // With a selector kubectl shows the last 10 lines of each pod unless --tail says otherwise.
    if (tail === undefined) tail = 10;
    const pods = ctx.api.list<Pod>('Pod', { namespace: ctx.namespace, selector }).slice().sort(byNamespaceAndName);
    if (pods.length === 0) {
      ctx.err(`No resources found in ${ctx.namespace} namespace.`);
      return 0;
    }
    const max = ctx.flags.int('max-log-requests') ?? 5;
    if (follow && pods.length > max) {
      throw new KubectlError(`error: you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
    }
    for (const pod of pods) add(pod, false);
  } else {
    add(podFor(ctx, word!), true);
  }
  const prefix = ctx.flags.bool('prefix');
  const previous = ctx.flags.bool('previous');
  const now = ctx.nowMs;
  for (const src of sources) {
    const lines = readLogs(ctx, {
      namespace: src.pod.metadata.namespace ?? ctx.namespace,
      pod: src.pod.metadata.name,
      container: src.container,
      ...(previous ? { previous: true } : {}),
      ...(tail !== undefined && tail >= 0 ? { tail } : {}),
    });
    const shown = tail !== undefined && tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines;
    for (const line of shown) ctx.out(prefix ? src.prefix + line : line);
  }
  if (follow && ctx.streaming && !previous) ctx.session = new FollowSession(ctx.host, sources, now, prefix);
  return 0;
}

/**
 * `logs -f`: the lines each container writes from now on, as they are written. It ends when every
 * followed container has stopped (kubectl's stream closes with the container), or at Ctrl+C.
 */
class FollowSession extends BaseSession {
  private readonly open: Set<Source>;

  constructor(
    host: KubectlHost,
    private readonly sources: Source[],
    private lastMs: number,
    private readonly prefix: boolean,
  ) {
    super(host, undefined);
    this.open = new Set(sources);
    for (const src of sources) this.ids.set(src, this.status(src)?.containerID);
  }

  /** The container instance each source started on (its status' containerID). */
  private readonly ids = new Map<Source, string | undefined>();

  private status(src: Source) {
    const pod = this.host.api.peek<Pod>('Pod', src.pod.metadata.namespace ?? 'default', src.pod.metadata.name);
    if (!pod || pod.metadata.uid !== src.pod.metadata.uid) return undefined;
    return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])].find((c) => c.name === src.container);
  }

  protected check(): void {
    const now = this.host.clock.now();
    for (const src of this.sources) {
      if (!this.open.has(src)) continue;
      if (!this.ids.has(src)) this.ids.set(src, this.status(src)?.containerID);
      const status = this.status(src);
      // The followed instance is gone (restarted): read the rest of its lines, then the stream closes.
      const replaced = status?.containerID !== this.ids.get(src);
      let lines: string[];
      try {
        lines = this.host.logs({ namespace: src.pod.metadata.namespace ?? 'default', pod: src.pod.metadata.name, container: src.container, afterMs: this.lastMs, ...(replaced ? { previous: true } : {}) });
      } catch {
        lines = [];
      }
      for (const line of lines) this.out(`${this.prefix ? src.prefix : ''}${line}\n`);
      if (!status || replaced || !status.state?.running) this.open.delete(src);
    }
    this.lastMs = now;
    if (this.open.size === 0) this.finish(0);
  }

  protected timedOut(): void {}
}
