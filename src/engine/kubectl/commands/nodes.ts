/** `kubectl cordon|uncordon NODE` (k8s.io/kubectl/pkg/drain's CordonHelper); drain is in drain.ts. */
import type { Node } from 'kubernetes-types/core/v1';
import type { Stored } from '../../objects';
import { resourceForKind } from '../../apiserver/resources';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { byNamespaceAndName, getOrThrow, selectorFlag } from '../fetch';

export function nodeArg(ctx: CommandContext, command: string): Stored<Node>[] {
  const names = ctx.operands;
  if (names.length === 0 && !ctx.flags.has('selector')) throw new KubectlError(`error: USAGE: ${command} NODE [flags]\nSee 'kubectl ${command} -h' for help and examples`);
  const type = resourceForKind('Node')!;
  if (names.length === 0) {
    return ctx.api.list<Node>('Node', { selector: selectorFlag(ctx) ?? [] }).sort(byNamespaceAndName);
  }
  return names.map((n) => getOrThrow<Node>(ctx, type, n.replace(/^(node|nodes|no)\//, '')));
}

export function setUnschedulable(ctx: CommandContext, node: Stored<Node>, unschedulable: boolean): void {
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
