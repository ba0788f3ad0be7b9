/**
 * `kubectl top pods|nodes` from metrics-server's figures (k8s.io/kubectl/pkg/metricsutil): CPU in
 * millicores (`12m`), memory in MiB (`5Mi`); nodes add CPU% and MEMORY% of allocatable (kubectl
 * 1.31 headers).
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { byNamespaceAndName, selectorFlag } from '../fetch';
import { renderTable } from '../printers/table';
import { cpuMillis, memoryBytes } from '../quantity';

const MiB = 1024 * 1024;

function topPods(ctx: CommandContext): number {
  const name = ctx.operands[1];
  const selector = selectorFlag(ctx);
  const listed = ctx.api.list<Pod>('Pod', { ...(ctx.allNamespaces ? {} : { namespace: ctx.namespace }), ...(selector ? { selector } : {}) });
  let pods = listed.filter((p) => p.status?.phase === 'Running').sort(byNamespaceAndName);
  if (name) {
    pods = pods.filter((p) => p.metadata.name === name);
    if (pods.length === 0) throw new KubectlError(`Error from server (NotFound): podmetrics.metrics.k8s.io "${ctx.namespace}/${name}" not found`);
  }
  const withContainers = ctx.flags.bool('containers');
  const rows: string[][] = [];
  for (const pod of pods) {
    const m = ctx.host.podMetrics(pod.metadata.namespace ?? ctx.namespace, pod.metadata.name);
    if (!m) continue;
    const ns = ctx.allNamespaces ? [pod.metadata.namespace ?? ''] : [];
    if (withContainers) {
      for (const c of m.containers) rows.push([...ns, pod.metadata.name, c.name, `${Math.round(c.cpuMilli)}m`, `${Math.floor(c.memoryBytes / MiB)}Mi`]);
    } else {
      const cpu = m.containers.reduce((s, c) => s + c.cpuMilli, 0);
      const mem = m.containers.reduce((s, c) => s + c.memoryBytes, 0);
      rows.push([...ns, pod.metadata.name, `${Math.round(cpu)}m`, `${Math.floor(mem / MiB)}Mi`]);
    }
  }
  if (rows.length === 0) {
    // kubectl's verifyEmptyMetrics: pods exist but metrics-server has not scraped them yet.
    if (name || listed.length > 0) throw new KubectlError('error: metrics not available yet');
    ctx.err(ctx.allNamespaces ? 'No resources found' : `No resources found in ${ctx.namespace} namespace.`);
    return 0;
  }
  const headers = [...(ctx.allNamespaces ? ['NAMESPACE'] : []), ...(withContainers ? ['POD', 'NAME'] : ['NAME']), 'CPU(cores)', 'MEMORY(bytes)'];
  ctx.write(renderTable(ctx.flags.bool('no-headers') ? null : headers, rows));
  return 0;
}

function topNodes(ctx: CommandContext): number {
  const name = ctx.operands[1];
  const selector = selectorFlag(ctx);
  let nodes = ctx.api.list<Node>('Node', selector ? { selector } : {}).sort(byNamespaceAndName);
  if (name) {
    nodes = nodes.filter((n) => n.metadata.name === name);
    if (nodes.length === 0) throw new KubectlError(`Error from server (NotFound): nodemetrics.metrics.k8s.io "${name}" not found`);
  }
  const rows: string[][] = [];
  const missing: string[][] = [];
  for (const node of nodes) {
    const m = ctx.host.nodeMetrics(node.metadata.name);
    if (!m) {
      missing.push([node.metadata.name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
      continue;
    }
    const alloc = node.status?.allocatable ?? node.status?.capacity ?? {};
    const cpuAlloc = cpuMillis(alloc.cpu as string);
    const memAlloc = memoryBytes(alloc.memory as string);
    const pct = (v: number, total: number) => (total > 0 ? `${Math.trunc((v / total) * 100)}%` : '<unknown>');
    rows.push([node.metadata.name, `${Math.round(m.cpuMilli)}m`, pct(m.cpuMilli, cpuAlloc), `${Math.floor(m.memoryBytes / MiB)}Mi`, pct(m.memoryBytes, memAlloc)]);
  }
  if (rows.length === 0 && missing.length === 0) throw new KubectlError('error: metrics not available yet');
  const headers = ['NAME', 'CPU(cores)', 'CPU%', 'MEMORY(bytes)', 'MEMORY%'];
  ctx.write(renderTable(ctx.flags.bool('no-headers') ? null : headers, [...rows, ...missing]));
  return 0;
}

export function runTop(ctx: CommandContext): number {
  const what = ctx.operands[0];
  if (what === 'pod' || what === 'pods' || what === 'po') return topPods(ctx);
  if (what === 'node' || what === 'nodes' || what === 'no') return topNodes(ctx);
  throw new KubectlError('error: the top subcommands are: node, pod\nSee \'kubectl top -h\' for help and examples');
}
