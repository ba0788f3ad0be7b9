/**
 * A useful subset of kubectl's JSONPath templates (`-o jsonpath=...`, `--sort-by`): literal text,
 * `{.a.b}`, `{.items[*].metadata.name}`, `{.items[0]}`, `{['key.with.dots']}`, `{range ...}...{end}`
 * and quoted literals such as `{"\n"}`. Several results of one expression are joined by spaces;
 * maps and lists print as JSON, as kubectl does.
 */

type Step = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'all' };

function parsePath(expr: string): Step[] {
  const steps: Step[] = [];
  let rest = expr.trim();
  if (rest.startsWith('$')) rest = rest.slice(1);
  while (rest.length > 0) {
    let m: RegExpMatchArray | null;
    if ((m = rest.match(/^\.([A-Za-z0-9_\-/]+)/))) {
      steps.push({ kind: 'key', key: m[1]! });
    } else if ((m = rest.match(/^\[\*\]/))) {
      steps.push({ kind: 'all' });
    } else if ((m = rest.match(/^\[(-?\d+)\]/))) {
      steps.push({ kind: 'index', index: Number(m[1]) });
    } else if ((m = rest.match(/^\[['"]([^'"]*)['"]\]/))) {
      steps.push({ kind: 'key', key: m[1]! });
    } else if (rest === '.') {
      break;
    } else {
      throw new Error(`unrecognized character in action: ${rest}`);
    }
    rest = rest.slice(m[0].length);
  }
  return steps;
}

export function evaluatePath(root: unknown, expr: string): unknown[] {
  let current: unknown[] = [root];
  for (const step of parsePath(expr)) {
    const next: unknown[] = [];
    for (const v of current) {
      if (step.kind === 'key') {
        if (v && typeof v === 'object' && !Array.isArray(v) && step.key in v) next.push((v as Record<string, unknown>)[step.key]);
      } else if (step.kind === 'index') {
        if (Array.isArray(v)) {
          const i = step.index < 0 ? v.length + step.index : step.index;
          if (i >= 0 && i < v.length) next.push(v[i]);
        }
      } else if (Array.isArray(v)) next.push(...v);
      else if (v && typeof v === 'object') next.push(...Object.values(v));
    }
    current = next;
  }
  return current;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '';
  // kubectl prints unstructured maps through encoding/json, which writes map keys sorted.
  if (typeof v === 'object') return JSON.stringify(v, (_k, val: unknown) => (val && typeof val === 'object' && !Array.isArray(val) ? Object.fromEntries(Object.keys(val).sort().map((k) => [k, (val as Record<string, unknown>)[k]])) : val));
  return String(v);
}

type Node = { kind: 'text'; text: string } | { kind: 'expr'; expr: string } | { kind: 'range'; expr: string; body: Node[] };

function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: { body: Node[] }[] = [{ body: root }];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    const top = stack[stack.length - 1]!;
    if (open < 0) {
      top.body.push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) top.body.push({ kind: 'text', text: template.slice(i, open) });
    const close = template.indexOf('}', open);
    if (close < 0) throw new Error('unclosed action');
    const inner = template.slice(open + 1, close).trim();
    if (inner.startsWith('range ')) {
      const node: Node = { kind: 'range', expr: inner.slice(6), body: [] };
      top.body.push(node);
      stack.push(node);
    } else if (inner === 'end') {
      if (stack.length === 1) throw new Error('not in range, nothing to end');
      stack.pop();
    } else if (/^".*"$/.test(inner) || /^'.*'$/.test(inner)) {
      top.body.push({ kind: 'text', text: JSON.parse(`"${inner.slice(1, -1).replace(/"/g, '\\"')}"`) as string });
    } else top.body.push({ kind: 'expr', expr: inner });
    i = close + 1;
  }
  return root;
}

function render(nodes: Node[], data: unknown): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text') out += n.text;
    else if (n.kind === 'expr') out += evaluatePath(data, n.expr).map(show).join(' ');
    else for (const item of evaluatePath(data, n.expr)) out += render(n.body, item);
  }
  return out;
}

/** Renders a template; a bare path (`.metadata.name`) is accepted as `{.metadata.name}`. */
export function renderJsonPath(template: string, data: unknown): string {
  const t = template.includes('{') ? template : `{${template}}`;
  return render(parseTemplate(t), data);
}
