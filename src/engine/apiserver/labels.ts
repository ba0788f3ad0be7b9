/** Label selectors: metav1.LabelSelector objects and the string form `kubectl -l` takes. */
import type { LabelSelector, LabelSelectorRequirement } from 'kubernetes-types/meta/v1';

export type Labels = Record<string, string> | undefined;

export interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/** A parsed selector: every requirement must hold. An empty selector matches everything. */
export type Selector = Requirement[];

export function matchesSelector(selector: Selector, labels: Labels): boolean {
  for (const req of selector) {
    const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, req.key);
    const value = has ? labels![req.key]! : undefined;
    switch (req.operator) {
      case 'In':
        if (value === undefined || !req.values.includes(value)) return false;
        break;
      case 'NotIn':
        if (value !== undefined && req.values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** A map selector (Service.spec.selector, nodeSelector): every pair must match. */
export function matchesLabelMap(selector: Record<string, string> | undefined, labels: Labels): boolean {
  if (!selector) return true;
  for (const k in selector) if (labels?.[k] !== selector[k]) return false;
  return true;
}

/**
 * metav1.LabelSelectorAsSelector. Note the asymmetry Kubernetes has: a nil LabelSelector matches
 * nothing, an empty one (`{}`) matches everything.
 */
export function fromLabelSelector(ls: LabelSelector | undefined | null): Selector | null {
  if (!ls) return null;
  const out: Selector = [];
  for (const [key, value] of Object.entries(ls.matchLabels ?? {})) out.push({ key, operator: 'In', values: [value] });
  for (const e of ls.matchExpressions ?? []) out.push(fromExpression(e));
  return out;
}

function fromExpression(e: LabelSelectorRequirement): Requirement {
  const op = e.operator as Requirement['operator'];
  return { key: e.key, operator: op, values: e.values ?? [] };
}

export function matchesLabelSelector(ls: LabelSelector | undefined | null, labels: Labels): boolean {
  const sel = fromLabelSelector(ls);
  return sel !== null && matchesSelector(sel, labels);
}

/**
 * Parses kubectl's `-l` syntax: `app=web,tier!=db`, `env in (prod,staging)`, `notin`, `key`, `!key`.
 * Throws with a message like kubectl's on malformed input.
 */
export function parseSelector(text: string): Selector {
  const out: Selector = [];
  const parts = splitTopLevel(text.trim());
  for (const raw of parts) {
    const part = raw.trim();
    if (part === '') continue;
    let m: RegExpMatchArray | null;
    if ((m = part.match(/^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      const values = m[3]!.split(',').map((v) => v.trim()).filter((v) => v !== '');
      out.push({ key: m[1]!, operator: m[2] === 'in' ? 'In' : 'NotIn', values });
    } else if ((m = part.match(/^([\w./-]+)\s*!=\s*([\w.-]*)$/))) {
      out.push({ key: m[1]!, operator: 'NotIn', values: [m[2]!] });
    } else if ((m = part.match(/^([\w./-]+)\s*==?\s*([\w.-]*)$/))) {
      out.push({ key: m[1]!, operator: 'In', values: [m[2]!] });
    } else if ((m = part.match(/^!([\w./-]+)$/))) {
      out.push({ key: m[1]!, operator: 'DoesNotExist', values: [] });
    } else if ((m = part.match(/^([\w./-]+)$/))) {
      out.push({ key: m[1]!, operator: 'Exists', values: [] });
    } else {
      throw new Error(`unable to parse requirement: ${JSON.stringify(part)}`);
    }
  }
  return out;
}

function splitTopLevel(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** `app=web,tier=db`: the printed form of a map selector (kubectl's describe and -o wide). */
export function formatLabelMap(labels: Labels): string {
  if (!labels || Object.keys(labels).length === 0) return '<none>';
  return Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]}`)
    .join(',');
}
