/**
 * `kubectl create`: from files (`-f`), or the generators kubectl ships: `create deployment NAME
 * --image=X [--replicas=N] [--port=N]`, `create namespace NAME`, `create configmap NAME
 * --from-literal=k=v`, `create secret generic NAME --from-literal=k=v`. Generated objects carry the
 * same fields kubectl's generators write (`creationTimestamp: null`, `resources: {}`, `status: {}`).
 */
import type { KubeObject } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { runApplyFiles } from './apply';
import { createAndReport } from './emit';
import { runCreateJob, runCreateService } from './createMore';

/** kubectl create deployment names the container after the image: `registry/x/nginx:1.25` → `nginx`. */
export function containerNameFromImage(image: string): string {
  let base = image.slice(image.lastIndexOf('/') + 1);
  base = base.split('@')[0]!.split(':')[0]!;
  return base.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

function literals(ctx: CommandContext): Record<string, string> {
  const data: Record<string, string> = {};
  for (const lit of ctx.flags.all('from-literal')) {
    const eq = lit.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid literal source ${lit}, expected key=value`);
    const key = lit.slice(0, eq);
    if (key in data) throw new KubectlError(`error: cannot add key ${key}, another key by that name already exists in Data for ConfigMap "${ctx.operands[1] ?? ''}"`);
    data[key] = lit.slice(eq + 1);
  }
  return data;
}

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function requireName(ctx: CommandContext, index: number): string {
  const name = ctx.operands[index];
  if (!name) throw new KubectlError('error: exactly one NAME is required, got 0');
  return name;
}

export function runCreate(ctx: CommandContext): number {
  if (ctx.flags.has('filename')) return runApplyFiles(ctx, 'create');
  const sub = ctx.operands[0];
  switch (sub) {
    case 'deployment':
    case 'deploy': {
      const name = requireName(ctx, 1);
      const image = ctx.flags.string('image');
      if (!image) throw new KubectlError('error: required flag(s) "image" not set');
      const replicas = ctx.flags.int('replicas') ?? 1;
      const port = ctx.flags.int('port');
      const labels = { app: name };
      const container: Record<string, unknown> = { image, name: containerNameFromImage(image), resources: {} };
      if (port !== undefined && port >= 0) container.ports = [{ containerPort: port }];
      const deployment: KubeObject = {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { creationTimestamp: null as unknown as string, labels, name, ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}) },
        spec: {
          replicas,
          selector: { matchLabels: labels },
          strategy: {},
          template: { metadata: { creationTimestamp: null, labels }, spec: { containers: [container] } },
        },
        status: {},
      };
      return createAndReport(ctx, withNamespace(ctx, deployment), 'created', 'deployment');
    }
    case 'namespace':
    case 'ns': {
      const name = requireName(ctx, 1);
      return createAndReport(ctx, { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null as unknown as string, name }, spec: {}, status: {} });
    }
    case 'configmap':
    case 'cm': {
      const name = requireName(ctx, 1);
      const data = literals(ctx);
      const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { creationTimestamp: null as unknown as string, name } };
      if (Object.keys(data).length > 0) cm.data = data;
      return createAndReport(ctx, withNamespace(ctx, cm), 'created', 'configmap');
    }
    case 'secret': {
      if (ctx.operands[1] !== 'generic') {
        throw new KubectlError(`error: the playground supports \`kubectl create secret generic NAME --from-literal=key=value\``);
      }
      const name = requireName(ctx, 2);
      const data = Object.fromEntries(Object.entries(literals(ctx)).map(([k, v]) => [k, base64(v)]));
      const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { creationTimestamp: null as unknown as string, name }, type: 'Opaque' };
      if (Object.keys(data).length > 0) secret.data = data;
      return createAndReport(ctx, withNamespace(ctx, secret), 'created', 'secret');
    }
    case 'service':
    case 'svc':
      return runCreateService(ctx);
    case 'job':
      return runCreateJob(ctx);
    case undefined:
      throw new KubectlError('error: must specify one of -f and -k');
    default:
      throw new KubectlError(
        `error: unknown command "${sub}" for "kubectl create"\n(the playground supports: create -f FILE, create deployment, create namespace, create configmap, create secret generic, create service, create job)`,
      );
  }
}

function withNamespace(ctx: CommandContext, obj: KubeObject): KubeObject {
  if (ctx.namespaceExplicit) obj.metadata = { ...obj.metadata, namespace: ctx.namespace };
  return obj;
}
