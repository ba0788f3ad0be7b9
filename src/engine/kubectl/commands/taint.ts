/**
 * `kubectl taint nodes (NAME | -l label | --all) KEY[=VALUE]:EFFECT ... [KEY[:EFFECT]-]`: adds taints
 * (`node/worker-1 tainted`), removes them with a trailing `-` (`node/worker-1 untainted`), and
 * replaces one with the same key and effect only with `--overwrite` (`node/worker-1 modified`).
 * Effects: NoSchedule, PreferNoSchedule, NoExecute (k8s.io/kubectl/pkg/cmd/taint).
 */
import type { Node, Taint } from 'kubernetes-types/core/v1';
import { resourceForKind } from '../../apiserver/resources';
import type { Stored } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { byNamespaceAndName, getOrThrow, selectorFlag } from '../fetch';

const EFFECTS = new Set(['NoSchedule', 'PreferNoSchedule', 'NoExecute']);
const USAGE = "error: at least one taint update is required\nSee 'kubectl taint -h' for help and examples";

interface Change {
  key: string;
  value?: string;
  effect?: string;
  remove: boolean;
}

function parseChange(spec: string): Change {
  const remove = spec.endsWith('-');
  const body = remove ? spec.slice(0, -1) : spec;
  const colon = body.lastIndexOf(':');
  const keyValue = colon >= 0 ? body.slice(0, colon) : body;
  const effect = colon >= 0 ? body.slice(colon + 1) : undefined;
  const eq = keyValue.indexOf('=');
  const key = eq >= 0 ? keyValue.slice(0, eq) : keyValue;
  const value = eq >= 0 ? keyValue.slice(eq + 1) : undefined;
  if (!remove && effect === undefined) throw new KubectlError(`error: invalid taint spec: ${spec}, unknown taint spec: ${spec}`);
  if (effect !== undefined && effect !== '' && !EFFECTS.has(effect)) {
    throw new KubectlError(`error: invalid taint effect: ${effect}, unsupported taint effect`);
  }
  if (!/^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(key)) {
    throw new KubectlError(`error: invalid taint spec: ${spec}, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`);
  }
  return { key, ...(value !== undefined ? { value } : {}), ...(effect ? { effect } : {}), remove };
}

export function runTaint(ctx: CommandContext): number {
  const [typeWord, ...rest] = ctx.operands;
  if (!typeWord) throw new KubectlError(USAGE);
  const slash = typeWord.indexOf('/');
  const type = slash >= 0 ? typeWord.slice(0, slash) : typeWord;
  if (!['node', 'nodes', 'no'].includes(type)) throw new KubectlError(`error: invalid resource type ${type}, only node types are supported`);
  const names = slash >= 0 ? [typeWord.slice(slash + 1)] : [];
  const specs: string[] = [];
  for (const w of rest) {
    if (names.length === 0 && slash < 0 && !w.includes(':') && !w.endsWith('-') && !w.includes('=')) names.push(w);
    else specs.push(w);
  }
  if (specs.length === 0) throw new KubectlError(USAGE);
  const changes = specs.map(parseChange);
  const nodeType = resourceForKind('Node')!;
  let nodes: Stored<Node>[];
  if (names.length > 0) nodes = names.map((n) => getOrThrow<Node>(ctx, nodeType, n));
  else if (ctx.flags.bool('all') || ctx.flags.has('selector')) nodes = ctx.api.list<Node>('Node', { selector: selectorFlag(ctx) ?? [] }).sort(byNamespaceAndName);
  else throw new KubectlError("error: resource(s) were provided, but no name was specified\nSee 'kubectl taint -h' for help and examples");
  const overwrite = ctx.flags.bool('overwrite');
  for (const node of nodes) {
    let taints: Taint[] = [...(node.spec?.taints ?? [])];
    let added = false;
    let removed = false;
    let modified = false;
    for (const c of changes) {
      if (c.remove) {
        const keep = taints.filter((t) => !(t.key === c.key && (c.effect === undefined || t.effect === c.effect)));
        if (keep.length === taints.length) throw new KubectlError(`error: taint "${c.key}${c.effect ? `:${c.effect}` : ''}" not found`);
        taints = keep;
        removed = true;
        continue;
      }
      const same = taints.findIndex((t) => t.key === c.key && t.effect === c.effect);
      const taint: Taint = { key: c.key, ...(c.value ? { value: c.value } : {}), effect: c.effect! };
      if (same >= 0) {
        if (!overwrite) throw new KubectlError(`error: node ${node.metadata.name} already has ${c.key} taint(s) with same effect(s) and --overwrite is false`);
        taints[same] = taint;
        modified = true;
      } else {
        taints.push(taint);
        added = true;
      }
    }
    const verb = modified || (added && removed) ? 'modified' : removed ? 'untainted' : 'tainted';
    if (ctx.dryRun === 'none') {
      const spec = { ...node.spec };
      if (taints.length > 0) spec.taints = taints;
      else delete spec.taints;
      ctx.api.update({ ...node, spec });
    }
    ctx.out(`node/${node.metadata.name} ${verb}${ctx.dryRunSuffix}`);
  }
  return 0;
}
