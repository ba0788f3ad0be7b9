/**
 * `kubectl run NAME --image=X [--restart=Always|OnFailure|Never] [--port=N] [--labels=k=v,...]
 * [--env=K=V] [--command] [-- ARGS...]`: one Pod labelled `run=NAME`, as kubectl's run generator
 * builds it.
 */
import type { KubeObject } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { createAndReport } from './emit';

function parseLabels(text: string): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid label spec: ${pair}`);
    labels[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return labels;
}

export function runRun(ctx: CommandContext): number {
  const name = ctx.operands[0];
  if (!name) throw new KubectlError('error: NAME is required for run\nSee \'kubectl run -h\' for help and examples');
  const image = ctx.flags.string('image');
  if (!image) throw new KubectlError('error: required flag(s) "image" not set');
  if (ctx.flags.bool('stdin') || ctx.flags.bool('tty') || ctx.flags.bool('rm')) {
    throw new KubectlError('error: interactive sessions (-i, -t, --rm) are not available in the playground; run the pod, then use `kubectl logs`');
  }
  const restart = ctx.flags.string('restart') ?? 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw new KubectlError(`error: invalid restart policy: ${restart}`);
  const labelsFlag = ctx.flags.string('labels');
  const labels = labelsFlag ? parseLabels(labelsFlag) : { run: name };
  const container: Record<string, unknown> = { image, name, resources: {} };
  const passthrough = ctx.args.passthrough;
  if (passthrough.length > 0) {
    if (ctx.flags.bool('command')) container.command = passthrough;
    else container.args = passthrough;
  }
  const env = ctx.flags.all('env').map((kv) => {
    const eq = kv.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid env: ${kv}`);
    return { name: kv.slice(0, eq), value: kv.slice(eq + 1) };
  });
  if (env.length > 0) container.env = env;
  const port = ctx.flags.int('port');
  if (port !== undefined && port >= 0) container.ports = [{ containerPort: port }];
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { creationTimestamp: null as unknown as string, labels, name, ...(ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}) },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    status: {},
  };
  return createAndReport(ctx, pod);
}
