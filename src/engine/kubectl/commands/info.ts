/** `kubectl version`, `cluster-info`, `api-resources` and `config current-context`. */
import { RESOURCE_TYPES } from '../../apiserver/resources';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { renderTable } from '../printers/table';
import { toJson, toYaml } from '../printers/serialize';
import { API_SERVER_URL, KUBERNETES_VERSION, KUSTOMIZE_VERSION } from '../version';

function versionInfo() {
  const [major, minor] = KUBERNETES_VERSION.slice(1).split('.');
  return {
    major,
    minor,
    gitVersion: KUBERNETES_VERSION,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2024-12-10T11:36:41Z',
    goVersion: 'go1.22.9',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function runVersion(ctx: CommandContext): number {
  const output = ctx.flags.string('output');
  const clientOnly = ctx.flags.bool('client');
  if (output === 'json' || output === 'yaml') {
    const data: Record<string, unknown> = { clientVersion: versionInfo(), kustomizeVersion: KUSTOMIZE_VERSION };
    if (!clientOnly) {
      ctx.api.list('Namespace');
      data.serverVersion = versionInfo();
    }
    ctx.write(output === 'json' ? toJson(data) : toYaml(data));
    return 0;
  }
  ctx.out(`Client Version: ${KUBERNETES_VERSION}`);
  ctx.out(`Kustomize Version: ${KUSTOMIZE_VERSION}`);
  if (clientOnly) return 0;
  // Asking the server for its version fails like any request while the API server is down.
  ctx.api.list('Namespace');
  ctx.out(`Server Version: ${KUBERNETES_VERSION}`);
  return 0;
}

export function runClusterInfo(ctx: CommandContext): number {
  if (ctx.operands[0] === 'dump') throw new KubectlError('error: `kubectl cluster-info dump` is not available in the playground');
  const services = ctx.api.list('Service', { namespace: 'kube-system' }).filter((s) => s.metadata.labels?.['kubernetes.io/cluster-service'] === 'true');
  ctx.out(`Kubernetes control plane is running at ${API_SERVER_URL}`);
  for (const svc of services) {
    const name = svc.metadata.labels?.['kubernetes.io/name'] ?? svc.metadata.name;
    const port = (svc as { spec?: { ports?: { name?: string }[] } }).spec?.ports?.[0]?.name;
    ctx.out(`${name} is running at ${API_SERVER_URL}/api/v1/namespaces/kube-system/services/${svc.metadata.name}${port ? `:${port}` : ''}/proxy`);
  }
  ctx.out('');
  ctx.out("To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
  return 0;
}

export function runApiResources(ctx: CommandContext): number {
  ctx.api.list('Namespace');
  const group = ctx.flags.string('api-group');
  const namespaced = ctx.flags.string('namespaced');
  const types = [...RESOURCE_TYPES]
    .filter((t) => group === undefined || t.group === group)
    .filter((t) => namespaced === undefined || String(t.namespaced) === namespaced)
    .sort((a, b) => (a.group === b.group ? (a.plural < b.plural ? -1 : 1) : a.group < b.group ? -1 : 1));
  if (ctx.flags.string('output') === 'name') {
    for (const t of types) ctx.out(t.group ? `${t.plural}.${t.group}` : t.plural);
    return 0;
  }
  const rows = types.map((t) => [t.plural, t.shortNames.join(','), t.apiVersion, String(t.namespaced), t.kind]);
  ctx.write(renderTable(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'], rows));
  return 0;
}

const CONTEXT = 'kubernetes-admin@kubernetes';

export function runConfig(ctx: CommandContext): number {
  const sub = ctx.operands[0];
  if (sub === 'current-context') {
    ctx.out(CONTEXT);
    return 0;
  }
  if (sub === 'get-contexts') {
    ctx.write(renderTable(['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'], [['*', CONTEXT, 'kubernetes', 'kubernetes-admin', ctx.host.kubeconfig?.namespace ?? '']]));
    return 0;
  }
  if (sub === 'set-context') {
    // set-context.go: --current names the current context; the playground has only that one.
    const named = ctx.operands[1];
    if (!ctx.flags.bool('current') && !named) throw new KubectlError('error: you must specify a non-empty context name or --current');
    if (ctx.flags.bool('current') && named) throw new KubectlError('error: you cannot specify both a context name and --current');
    if (named && named !== CONTEXT) throw new KubectlError(`error: the playground's kubeconfig has one context, ${CONTEXT}`);
    const ns = ctx.flags.string('namespace');
    if (ns !== undefined && ctx.host.kubeconfig) {
      if (ns === '') delete ctx.host.kubeconfig.namespace;
      else ctx.host.kubeconfig.namespace = ns;
    }
    ctx.out(`Context "${CONTEXT}" modified.`);
    return 0;
  }
  throw new KubectlError('error: the playground supports `kubectl config current-context`, `config get-contexts` and `config set-context --current --namespace=NAME`');
}
