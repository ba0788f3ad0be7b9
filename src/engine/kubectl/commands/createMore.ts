/**
 * More of kubectl's `create` generators: `create service clusterip|nodeport NAME --tcp=80:8080`
 * (create_service.go: ports named `<port>-<targetPort>`, selector `app: NAME`) and `create job NAME
 * --from=cronjob/X` (create_job.go: the CronJob's jobTemplate, annotated
 * `cronjob.kubernetes.io/instantiate: manual` and owned by the CronJob) or `create job NAME
 * --image=IMAGE [-- COMMAND]`.
 */
import type { CronJob } from 'kubernetes-types/batch/v1';
import { notFound } from '../../apiserver/errors';
import type { KubeObject } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { createAndReport } from './emit';

function nameArg(ctx: CommandContext, index: number): string {
  const name = ctx.operands[index];
  if (!name) throw new KubectlError('error: exactly one NAME is required, got 0');
  if (ctx.operands.length > index + 1) throw new KubectlError(`error: exactly one NAME is required, got ${ctx.operands.length - index}`);
  return name;
}

function withNamespace(ctx: CommandContext, obj: KubeObject): KubeObject {
  if (ctx.namespaceExplicit) obj.metadata = { ...obj.metadata, namespace: ctx.namespace };
  return obj;
}

export function runCreateService(ctx: CommandContext): number {
  const kind = ctx.operands[1];
  const types: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer' };
  const type = kind ? types[kind] : undefined;
  if (!type) throw new KubectlError('error: the playground supports `kubectl create service clusterip|nodeport|loadbalancer NAME --tcp=port:targetPort`');
  const name = nameArg(ctx, 2);
  const clusterIP = ctx.flags.string('clusterip');
  const specs = ctx.flags.all('tcp').flatMap((v) => v.split(','));
  if (specs.length === 0 && clusterIP !== 'None') throw new KubectlError('error: at least one tcp port specifier must be provided');
  const nodePort = ctx.flags.int('node-port');
  const ports = specs.map((spec) => {
    const [portText, targetText] = spec.split(':');
    const port = Number(portText);
    if (!/^\d+$/.test(portText ?? '') || port < 1 || port > 65535) throw new KubectlError(`error: invalid port "${portText}" in "${spec}"`);
    const target = targetText === undefined || targetText === '' ? port : /^\d+$/.test(targetText) ? Number(targetText) : targetText;
    const p: Record<string, unknown> = { name: `${port}-${target}`, port, protocol: 'TCP', targetPort: target };
    if (type === 'NodePort' && nodePort !== undefined && nodePort > 0) p.nodePort = nodePort;
    return p;
  });
  const labels = { app: name };
  const spec: Record<string, unknown> = { ports, selector: labels, type };
  if (clusterIP) spec.clusterIP = clusterIP;
  const svc: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { creationTimestamp: null as unknown as string, labels, name }, spec, status: { loadBalancer: {} } };
  return createAndReport(ctx, withNamespace(ctx, svc), 'created', 'service');
}

export function runCreateJob(ctx: CommandContext): number {
  const name = nameArg(ctx, 1);
  const from = ctx.flags.string('from');
  const image = ctx.flags.string('image');
  if (from && image) throw new KubectlError('error: either --image or --from must be specified');
  if (from) {
    const m = /^(cronjob|cronjobs|cj|cronjob\.batch|cronjobs\.batch)\/(.+)$/.exec(from);
    if (!m) throw new KubectlError(`error: from must be an existing cronjob: ${from.includes('/') ? `unknown object type ${from.split('/')[0]}` : `resource type not specified`}`);
    const cj = ctx.api.get<CronJob>('CronJob', ctx.namespace, m[2]!);
    if (!cj) throw notFound('cronjobs.batch', m[2]!);
    const tmpl = cj.spec?.jobTemplate;
    const job: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        creationTimestamp: null as unknown as string,
        annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(tmpl?.metadata?.annotations ?? {}) },
        ...(tmpl?.metadata?.labels ? { labels: tmpl.metadata.labels } : {}),
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid, controller: true }],
      },
      spec: structuredClone(tmpl?.spec ?? {}),
      status: {},
    };
    return createAndReport(ctx, withNamespace(ctx, job), 'created', 'job');
  }
  if (!image) throw new KubectlError('error: either --image or --from must be specified');
  const container: Record<string, unknown> = { image, name, resources: {} };
  if (ctx.args.passthrough.length > 0) container.command = ctx.args.passthrough;
  const job: KubeObject = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { creationTimestamp: null as unknown as string, name },
    spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: 'Never' } } },
    status: {},
  };
  return createAndReport(ctx, withNamespace(ctx, job), 'created', 'job');
}
