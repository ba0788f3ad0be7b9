/**
 * `kubectl logs POD [-c CONTAINER] [--previous] [--tail=N]`, also `deploy/NAME` (or any workload:
 * the first of its pods, with kubectl's `Found N pods, using pod/...` note). A pod with several
 * containers and no -c uses the first one and says so (`Defaulted container ...`).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { fromLabelSelector } from '../../apiserver/labels';
import { resourceForKind } from '../../apiserver/resources';
import type { Stored } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { byNamespaceAndName, getOrThrow } from '../fetch';
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

export function runLogs(ctx: CommandContext): number {
  const word = ctx.operands[0];
  if (!word) throw new KubectlError("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
  if (ctx.flags.bool('watch')) ctx.err('note: following logs (-f) is not available in the playground; these are the lines so far.');
  const pod = podFor(ctx, word);
  let container = ctx.flags.string('container') ?? ctx.operands[1];
  const containers = pod.spec?.containers ?? [];
  if (!container) {
    const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
    container = annotated ?? containers[0]?.name;
    if (!annotated && containers.length > 1) {
      ctx.err(`Defaulted container "${container}" out of: ${[...containers, ...(pod.spec?.initContainers ?? [])].map((c) => c.name).join(', ')}`);
    }
  } else if (![...containers, ...(pod.spec?.initContainers ?? [])].some((c) => c.name === container)) {
    throw new KubectlError(`error: container ${container} is not valid for pod ${pod.metadata.name}`);
  }
  const tail = ctx.flags.int('tail');
  let lines: string[];
  try {
    lines = ctx.host.logs({
      namespace: pod.metadata.namespace ?? ctx.namespace,
      pod: pod.metadata.name,
      ...(container ? { container } : {}),
      ...(ctx.flags.bool('previous') ? { previous: true } : {}),
      ...(tail !== undefined && tail >= 0 ? { tail } : {}),
    });
  } catch (e) {
    if (e instanceof KubectlError) throw e;
    const message = (e as Error).message;
    throw new KubectlError(/^(error|Error from server)/.test(message) ? message : `error: ${message}`);
  }
  const shown = tail !== undefined && tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines;
  for (const line of shown) ctx.out(line);
  return 0;
}
