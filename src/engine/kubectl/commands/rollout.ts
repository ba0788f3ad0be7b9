/**
 * `kubectl rollout status|history|undo|restart|pause|resume` for Deployments, as kubectl's
 * polymorphic helpers do it (k8s.io/kubectl/pkg/polymorphichelpers): status is in rolloutStatus.ts; undo copies the chosen ReplicaSet's
 * template (minus pod-template-hash) back into the Deployment, client-side; restart stamps the
 * template with kubectl.kubernetes.io/restartedAt.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { Stored } from '../../objects';
import { equalIgnoreHash, listReplicaSetsOf, POD_TEMPLATE_HASH_LABEL, revisionOf, type StoredReplicaSet } from '../../controllers/deployment/util';
import type { CommandContext } from '../context';
import { describePodTemplate } from '../describe/common';
import { PrefixWriter } from '../describe/prefixWriter';
import { KubectlError } from '../errors';
import { getOrThrow } from '../fetch';
import { alignTabs, DESCRIBE_TABWRITER } from '../printers/tabwriter';
import { resolveSingle } from '../targets';
import { runRolloutStatus } from './rolloutStatus';

export { rolloutStatus } from './rolloutStatus';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';
/** Annotations rollback leaves on the Deployment (deploymentutil annotationsToSkip). */
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

function deploymentArg(ctx: CommandContext): Stored<Deployment> {
  const { type, name } = resolveSingle(ctx.operands.slice(1), 'required resource not specified');
  if (type.kind !== 'Deployment') {
    throw new KubectlError(`error: the playground supports rollouts of deployments (got ${type.plural})`);
  }
  return getOrThrow<Deployment>(ctx, type, name);
}

function history(ctx: CommandContext, d: Stored<Deployment>): number {
  const rss = listReplicaSetsOf(ctx.api, d);
  const byRevision = new Map<number, StoredReplicaSet>();
  for (const rs of rss) {
    const rev = revisionOf(rs);
    if (rev > 0) byRevision.set(rev, rs);
  }
  const revision = ctx.flags.int('revision') ?? 0;
  if (revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`);
  let body: string;
  if (revision > 0) {
    const rs = byRevision.get(revision);
    if (!rs) throw new KubectlError(`error: unable to find the specified revision`);
    const w = new PrefixWriter();
    describePodTemplate(w, templateWithChangeCause(rs));
    body = w.toString();
  } else {
    let text = 'REVISION\tCHANGE-CAUSE\n';
    for (const rev of [...byRevision.keys()].sort((a, b) => a - b)) {
      text += `${rev}\t${byRevision.get(rev)!.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}\n`;
    }
    body = alignTabs(text, DESCRIBE_TABWRITER);
  }
  const withRevision = revision > 0 ? `with revision #${revision}` : '';
  ctx.write(`deployment.apps/${d.metadata.name} ${withRevision}\n${body}\n`);
  return 0;
}

/** kubectl shows the revision's change-cause among the template's annotations. */
function templateWithChangeCause(rs: StoredReplicaSet): PodTemplateSpec | undefined {
  const t = rs.spec?.template;
  const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
  if (!t || !cause) return t;
  return { ...t, metadata: { ...t.metadata, annotations: { ...t.metadata?.annotations, [CHANGE_CAUSE]: cause } } };
}

function undo(ctx: CommandContext, d: Stored<Deployment>): number {
  if (d.spec?.paused) throw new KubectlError("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  const toRevision = ctx.flags.int('to-revision') ?? 0;
  const rss = listReplicaSetsOf(ctx.api, d);
  let target: StoredReplicaSet | undefined;
  if (toRevision > 0) {
    target = rss.find((rs) => revisionOf(rs) === toRevision);
    if (!target) throw new KubectlError(`error: unable to find specified revision ${toRevision} in history`);
  } else {
    // The previous revision: the second-highest one.
    const sorted = rss.filter((rs) => revisionOf(rs) > 0).sort((a, b) => revisionOf(b) - revisionOf(a));
    target = sorted[1];
    if (!target) throw new KubectlError(`error: no rollout history found for deployment "${d.metadata.name}"`);
  }
  const name = `deployment.apps/${d.metadata.name}`;
  if (equalIgnoreHash(target.spec?.template, d.spec?.template)) {
    ctx.out(`${name} skipped rollback (current template already matches revision ${toRevision})`);
    return 0;
  }
  const template = structuredClone(target.spec!.template!);
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  if (ctx.dryRun === 'none') {
    ctx.api.update({ ...d, metadata: { ...d.metadata, annotations }, spec: { ...d.spec!, template } } as never);
  }
  ctx.out(`${name} rolled back${ctx.dryRunSuffix}`);
  return 0;
}

function restart(ctx: CommandContext, d: Stored<Deployment>): number {
  if (d.spec?.paused) throw new KubectlError(`error: deployments.apps "${d.metadata.name}" can't restart paused deployment (run rollout resume first)`);
  const template = d.spec!.template;
  const next = {
    ...d,
    spec: {
      ...d.spec!,
      template: {
        ...template,
        metadata: { ...template.metadata, annotations: { ...template.metadata?.annotations, 'kubectl.kubernetes.io/restartedAt': ctx.host.clock.nowRfc3339() } },
      },
    },
  };
  if (ctx.dryRun === 'none') ctx.api.update(next as never);
  ctx.out(`deployment.apps/${d.metadata.name} restarted${ctx.dryRunSuffix}`);
  return 0;
}

function setPaused(ctx: CommandContext, d: Stored<Deployment>, paused: boolean): number {
  const name = `deployment.apps/${d.metadata.name}`;
  if ((d.spec?.paused ?? false) === paused) {
    if (paused) ctx.out(`${name} already paused`);
    else throw new KubectlError(`error: deployments.apps "${d.metadata.name}" is not paused`);
    return 0;
  }
  if (ctx.dryRun === 'none') ctx.api.update({ ...d, spec: { ...d.spec!, paused: paused || undefined } } as never);
  ctx.out(`${name} ${paused ? 'paused' : 'resumed'}${ctx.dryRunSuffix}`);
  return 0;
}

export function runRollout(ctx: CommandContext): number {
  const sub = ctx.operands[0];
  if (!sub) throw new KubectlError('error: the rollout subcommands are: history, pause, restart, resume, status, undo');
  if (sub === 'status') return runRolloutStatus(ctx);
  const d = deploymentArg(ctx);
  switch (sub) {
    case 'history':
      return history(ctx, d);
    case 'undo':
      return undo(ctx, d);
    case 'restart':
      return restart(ctx, d);
    case 'pause':
      return setPaused(ctx, d, true);
    case 'resume':
      return setPaused(ctx, d, false);
    default:
      throw new KubectlError(`error: unknown command "${sub}" for "kubectl rollout"`);
  }
}
