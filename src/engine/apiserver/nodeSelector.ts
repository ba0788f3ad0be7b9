/**
 * Node selector terms (k8s.io/component-helpers/scheduling/corev1/nodeaffinity): the terms of
 * requiredDuringScheduling are ORed; inside a term, every matchExpressions and matchFields requirement
 * must hold. A term with no requirements matches no node.
 */
import type { NodeSelectorRequirement, NodeSelectorTerm } from 'kubernetes-types/core/v1';

type Labels = Readonly<Record<string, string>> | undefined;

function matchesRequirement(req: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      // Gt/Lt compare the label as an integer with the single value given.
      if (value === undefined || values.length !== 1) return false;
      const have = Number.parseInt(value, 10);
      const want = Number.parseInt(values[0]!, 10);
      if (Number.isNaN(have) || Number.isNaN(want)) return false;
      return req.operator === 'Gt' ? have > want : have < want;
    }
    default:
      return false;
  }
}

export function matchesNodeSelectorTerm(term: NodeSelectorTerm, labels: Labels, nodeName: string): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const e of exprs) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, e.key);
    if (!matchesRequirement(e, has ? labels![e.key] : undefined)) return false;
  }
  // The only supported field is metadata.name.
  for (const f of fields) {
    if (f.key !== 'metadata.name' || !matchesRequirement(f, nodeName)) return false;
  }
  return true;
}

export function matchesNodeSelectorTerms(terms: readonly NodeSelectorTerm[], labels: Labels, nodeName: string): boolean {
  for (const t of terms) if (matchesNodeSelectorTerm(t, labels, nodeName)) return true;
  return false;
}

const namesCache = new WeakMap<readonly NodeSelectorTerm[], ReadonlySet<string> | null>();

/**
 * The only nodes the terms can match when every term pins `metadata.name In [...]` (a DaemonSet's pods,
 * pinned to their node by the DaemonSet controller), else undefined: NodeAffinity's PreFilter node names
 * (getPreFilterNodeNames in pkg/scheduler/framework/plugins/nodeaffinity). Any other node fails every
 * term, so checking it costs one set lookup instead of a walk through the terms.
 */
export function nodeNamesOfTerms(terms: readonly NodeSelectorTerm[]): ReadonlySet<string> | undefined {
  let names = namesCache.get(terms);
  if (names === undefined) {
    names = computeNodeNames(terms);
    namesCache.set(terms, names);
  }
  return names ?? undefined;
}

function computeNodeNames(terms: readonly NodeSelectorTerm[]): ReadonlySet<string> | null {
  if (terms.length === 0) return null;
  const names = new Set<string>();
  for (const t of terms) {
    const pin = (t.matchFields ?? []).find((f) => f.key === 'metadata.name' && f.operator === 'In');
    if (!pin) return null;
    for (const v of pin.values ?? []) names.add(v);
  }
  return names;
}
