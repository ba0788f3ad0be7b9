/**
 * `kubectl apply -f` and `kubectl create -f` (also `replace -f`): every `-f` file in order, each
 * document's result on its own line; the manifests are handled by ../apply (applyManifests).
 */
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { applyManifests } from '../apply';

export function readManifests(ctx: CommandContext): { path: string; text: string }[] {
  const paths = ctx.flags.all('filename');
  if (paths.length === 0) throw new KubectlError('error: must specify one of -f and -k');
  return paths.map((path) => {
    if (path === '-') throw new KubectlError('error: reading from stdin (-f -) is not available in the playground; put the manifest in a file');
    if (!ctx.host.readFile) throw new KubectlError(`error: the path "${path}" does not exist`);
    try {
      return { path, text: ctx.host.readFile(path) };
    } catch (e) {
      const message = (e as Error).message;
      throw new KubectlError(message.startsWith('error: ') ? message : `error: ${message}`);
    }
  });
}

export function runApplyFiles(ctx: CommandContext, mode: 'apply' | 'create' | 'replace'): number {
  const files = readManifests(ctx);
  const dryRun = ctx.dryRun;
  let failed = false;
  for (const { path, text } of files) {
    const results = applyManifests(ctx.host, text, {
      mode,
      source: path,
      ...(dryRun !== 'none' ? { dryRun } : {}),
      ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}),
      ...(ctx.host.kubeconfig?.namespace ? { defaultNamespace: ctx.host.kubeconfig.namespace } : {}),
    });
    for (const r of results) {
      if (r.warning) ctx.err(r.warning);
      if (r.action === 'error') {
        failed = true;
        ctx.err(r.message);
      } else ctx.out(r.message);
    }
  }
  return failed ? 1 : 0;
}
