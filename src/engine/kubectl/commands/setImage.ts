/**
 * `kubectl set image deployment/web nginx=nginx:1.25 [c2=img2]` (`*=img` sets every container):
 * `deployment.apps/web image updated`. Works on the pod template of workloads and on bare pods.
 */
import type { Container, PodSpec } from 'kubernetes-types/core/v1';
import type { Stored } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { getOrThrow } from '../fetch';
import { kindPrefix } from '../printers/format';
import { resolveTargets } from '../targets';

function podSpecOf(obj: Stored): PodSpec | undefined {
  const o = obj as { spec?: { template?: { spec?: PodSpec }; jobTemplate?: { spec?: { template?: { spec?: PodSpec } } } } & PodSpec };
  if (obj.kind === 'Pod') return o.spec;
  if (obj.kind === 'CronJob') return o.spec?.jobTemplate?.spec?.template?.spec;
  return o.spec?.template?.spec;
}

export function runSetImage(ctx: CommandContext): number {
  if (ctx.operands[0] !== 'image') throw new KubectlError('error: the playground supports `kubectl set image`');
  const words = ctx.operands.slice(1);
  const assignments = words.filter((w) => w.includes('='));
  const resources = words.filter((w) => !w.includes('='));
  if (assignments.length === 0) throw new KubectlError('error: at least one image update is required');
  const images = new Map(assignments.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
  const { targets } = resolveTargets(resources);
  for (const t of targets) {
    for (const name of t.names) {
      const obj = structuredClone(getOrThrow(ctx, t.type, name));
      const spec = podSpecOf(obj);
      if (!spec) throw new KubectlError(`error: ${t.type.plural} do not have containers`);
      const all: Container[] = [...(spec.initContainers ?? []), ...spec.containers];
      for (const [container, image] of images) {
        const matches = container === '*' ? all : all.filter((c) => c.name === container);
        if (matches.length === 0) throw new KubectlError(`error: unable to find container named "${container}"`);
        for (const c of matches) c.image = image;
      }
      if (ctx.dryRun === 'none') ctx.api.update(obj);
      ctx.out(`${kindPrefix(t.type)}/${name} image updated${ctx.dryRunSuffix}`);
    }
  }
  return 0;
}
