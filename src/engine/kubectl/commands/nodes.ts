/**
 * `kubectl cordon|uncordon|drain NODE` (k8s.io/kubectl/pkg/drain). Drain cordons the node, then
 * evicts its pods, refusing (unless told otherwise) pods no controller would recreate (--force),
 * DaemonSet pods (--ignore-daemonsets skips them) and pods with emptyDir data
 * (--delete-emptydir-data); mirror pods are skipped. Evictions are graceful deletions here (the
 * playground has no PodDisruptionBudget enforcement); kubectl waits for the pods to be gone, which
 * in the playground happens as virtual time passes after the command.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { controllerOf, type Stored } from '../../objects';
import { resourceForKind } from '../../apiserver/resources';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { byNamespaceAndName, getOrThrow, selectorFlag } from '../fetch';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

function nodeArg(ctx: CommandContext, command: string): Stored<Node>[] {
  const names = ctx.operands;
  if (names.length === 0 && !ctx.flags.has('selector')) throw new KubectlError(`error: USAGE: ${command} NODE [flags]\nSee 'kubectl ${command} -h' for help and examples`);
  const type = resourceForKind('Node')!;
  if (names.length === 0) {
    return ctx.api.list<Node>('Node', { selector: selectorFlag(ctx) ?? [] }).sort(byNamespaceAndName);
  }
  return names.map((n) => getOrThrow<Node>(ctx, type, n.replace(/^(node|nodes|no)\//, '')));
}

function setUnschedulable(ctx: CommandContext, node: Stored<Node>, unschedulable: boolean): void {
  const verb = unschedulable ? 'cordoned' : 'uncordoned';
  if ((node.spec?.unschedulable ?? false) === unschedulable) {
    ctx.out(`node/${node.metadata.name} already ${verb}`);
    return;
  }
  if (ctx.dryRun === 'none') {
    const spec = { ...node.spec };
    if (unschedulable) spec.unschedulable = true;
    else delete spec.unschedulable;
    ctx.api.update({ ...node, spec } as never);
  }
  ctx.out(`node/${node.metadata.name} ${verb}${ctx.dryRunSuffix}`);
}

export function runCordon(ctx: CommandContext, unschedulable: boolean): number {
  for (const node of nodeArg(ctx, unschedulable ? 'cordon' : 'uncordon')) setUnschedulable(ctx, node, unschedulable);
  return 0;
}

const podName = (p: Stored<Pod>) => `${p.metadata.namespace}/${p.metadata.name}`;

export function runDrain(ctx: CommandContext): number {
  const ignoreDaemonSets = ctx.flags.bool('ignore-daemonsets');
  const deleteEmptyDir = ctx.flags.bool('delete-emptydir-data') || ctx.flags.bool('delete-local-data');
  const force = ctx.flags.bool('force');
  const grace = ctx.flags.int('grace-period');
  for (const node of nodeArg(ctx, 'drain')) {
    setUnschedulable(ctx, node, true);
    const pods = ctx.api.list<Pod>('Pod', { nodeName: node.metadata.name }).sort(byNamespaceAndName);
    const toEvict: Stored<Pod>[] = [];
    const unmanaged: string[] = [];
    const daemonSet: string[] = [];
    const localStorage: string[] = [];
    const warnings: { daemonSet: string[]; unmanaged: string[]; localStorage: string[] } = { daemonSet: [], unmanaged: [], localStorage: [] };
    for (const pod of pods) {
      if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) continue;
      const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      const owner = controllerOf(pod);
      if (!finished && owner?.kind === 'DaemonSet') {
        if (ignoreDaemonSets) warnings.daemonSet.push(podName(pod));
        else daemonSet.push(podName(pod));
        continue;
      }
      if (!finished && !owner) {
        if (force) warnings.unmanaged.push(podName(pod));
        else unmanaged.push(podName(pod));
      }
      if (!finished && (pod.spec?.volumes ?? []).some((v) => v.emptyDir)) {
        if (deleteEmptyDir) warnings.localStorage.push(podName(pod));
        else localStorage.push(podName(pod));
      }
      toEvict.push(pod);
    }
    const errors: string[] = [];
    if (unmanaged.length > 0) errors.push(`cannot delete Pods that declare no controller (use --force to override): ${unmanaged.join(', ')}`);
    if (daemonSet.length > 0) errors.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemonSet.join(', ')}`);
    if (localStorage.length > 0) errors.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${localStorage.join(', ')}`);
    if (errors.length > 0) {
      const joined = errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`;
      throw new KubectlError(
        `error: unable to drain node "${node.metadata.name}" due to error: ${joined}, continuing command...\nThere are pending nodes to be drained:\n ${node.metadata.name}\n${errors.join('\n')}`,
      );
    }
    const warnParts: string[] = [];
    if (warnings.unmanaged.length > 0) warnParts.push(`deleting Pods that declare no controller: ${warnings.unmanaged.join(', ')}`);
    if (warnings.daemonSet.length > 0) warnParts.push(`ignoring DaemonSet-managed Pods: ${warnings.daemonSet.join(', ')}`);
    if (warnings.localStorage.length > 0) warnParts.push(`deleting Pods with local storage: ${warnings.localStorage.join(', ')}`);
    if (warnParts.length > 0) ctx.err(`Warning: ${warnParts.join('; ')}`);
    for (const pod of toEvict) ctx.out(`evicting pod ${podName(pod)}`);
    for (const pod of toEvict) {
      if (ctx.dryRun === 'none') {
        ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name, grace !== undefined && grace >= 0 ? { gracePeriodSeconds: grace } : {});
      }
      ctx.out(`pod/${pod.metadata.name} evicted`);
    }
    ctx.out(`node/${node.metadata.name} drained`);
  }
  return 0;
}
