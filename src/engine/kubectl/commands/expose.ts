/**
 * `kubectl expose (deployment|replicaset|pod|service) NAME --port=N [--target-port=M] [--type=T]
 * [--name=S] [--protocol=P]`: a Service selecting the same pods (the object's selector, or a pod's
 * labels), labelled like the object; without --port the object's only container port is used.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Container, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { getOrThrow } from '../fetch';
import { resolveSingle } from '../targets';
import { createAndReport } from './emit';

function selectorAndPorts(obj: Stored): { selector: Record<string, string>; containers: Container[] } {
  switch (obj.kind) {
    case 'Deployment':
    case 'ReplicaSet': {
      const w = obj as Stored<Deployment | ReplicaSet>;
      const sel = w.spec?.selector;
      if (!sel?.matchLabels || (sel.matchExpressions?.length ?? 0) > 0) {
        throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind} uses a selector that is not a plain label map`);
      }
      return { selector: sel.matchLabels, containers: w.spec?.template?.spec?.containers ?? [] };
    }
    case 'Pod': {
      const p = obj as Stored<Pod>;
      if (!p.metadata.labels || Object.keys(p.metadata.labels).length === 0) {
        throw new KubectlError(`error: the pod has no labels and cannot be exposed\nSee 'kubectl expose -h' for help and examples`);
      }
      return { selector: p.metadata.labels, containers: p.spec?.containers ?? [] };
    }
    case 'Service': {
      const s = obj as Stored<Service>;
      return { selector: s.spec?.selector ?? {}, containers: [] };
    }
    default:
      throw new KubectlError(`error: cannot expose a ${obj.kind}`);
  }
}

export function runExpose(ctx: CommandContext): number {
  const { type, name } = resolveSingle(ctx.operands, 'the resource type and name are required (kubectl expose deployment NAME --port=80)');
  const obj = getOrThrow(ctx, type, name);
  const { selector, containers } = selectorAndPorts(obj);
  const protocol = ctx.flags.string('protocol') ?? 'TCP';
  let portNumbers: number[];
  const portFlag = ctx.flags.string('port');
  if (portFlag !== undefined) portNumbers = portFlag.split(',').map(Number);
  else if (obj.kind === 'Service') portNumbers = ((obj as Stored<Service>).spec?.ports ?? []).map((p) => p.port);
  else portNumbers = containers.flatMap((c) => (c.ports ?? []).map((p) => p.containerPort));
  if (portNumbers.length === 0 || portNumbers.some((p) => !Number.isInteger(p))) {
    throw new KubectlError("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples");
  }
  const targetFlag = ctx.flags.string('target-port');
  const ports = portNumbers.map((port, i) => {
    const p: Record<string, unknown> = { port, protocol };
    if (portNumbers.length > 1) p.name = `port-${i + 1}`;
    if (targetFlag !== undefined) p.targetPort = /^\d+$/.test(targetFlag) ? Number(targetFlag) : targetFlag;
    else p.targetPort = port;
    return p;
  });
  const svcName = ctx.flags.string('name') ?? name;
  const svcType = ctx.flags.string('type');
  const spec: Record<string, unknown> = { ports, selector };
  if (svcType) spec.type = svcType;
  const service: KubeObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      creationTimestamp: null as unknown as string,
      ...(obj.metadata.labels ? { labels: obj.metadata.labels } : {}),
      name: svcName,
      ...(type.namespaced ? { namespace: ctx.namespace } : {}),
    },
    spec,
    status: { loadBalancer: {} },
  };
  return createAndReport(ctx, service, 'exposed');
}
