/**
 * Manifest parsing as kubectl does it: multi-document YAML, each document decoded on its own, with the
 * source position of every field kept so that an API error on `spec.template.spec.containers[0].image`
 * can point at its line in the editor.
 *
 * kubectl reads YAML with go-yaml v2 (through sigs.k8s.io/yaml), which follows YAML 1.1: `yes`/`no`/`on`/
 * `off` are booleans and `0644` is octal (so `defaultMode: 0644` means 420), but timestamps stay strings.
 * It also accepts the escape `\'` inside double quotes (as `'`), which YAML 1.2 parsers reject.
 */
import { isMap, isScalar, isSeq, LineCounter, parse, parseAllDocuments, Scalar, visit, type Document, type Node, type Tags } from 'yaml';
import type { KubeObject } from '../objects';

export interface SourcePosition {
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

export interface ParsedDocument {
  /** 0-based position among the non-empty documents of the text. */
  index: number;
  object?: KubeObject;
  error?: { message: string; line?: number; column?: number };
  /** 1-based line where the document's content starts. */
  startLine: number;
  /** Source position of a field path (`spec.containers[0].image`), or of its nearest existing parent. */
  locate(fieldPath: string): SourcePosition | undefined;
}

/** go-yaml v2 resolves no timestamps and no base-60 numbers when decoding into interface{}. */
function goYamlTags(tags: Tags): Tags {
  return tags.filter((t) => {
    const tag = t as { tag?: string; format?: string };
    return tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.format !== 'TIME';
  });
}

const PARSE_OPTIONS = { version: '1.1', customTags: goYamlTags } as const;

export function parseManifests(text: string): ParsedDocument[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  const position = (offset: number): SourcePosition => {
    const p = lineCounter.linePos(offset);
    return { line: Math.max(1, p.line), column: Math.max(1, p.col) };
  };
  const out: ParsedDocument[] = [];
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    const errors = acceptSingleQuoteEscapes(doc, text);
    if (doc.contents === null && errors.length === 0) continue; // `---` alone, or only comments
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    const startLine = position(start).line;
    const base = { index: out.length, startLine, locate: (path: string) => locateField(doc, path, position) };
    if (errors.length > 0) {
      const first = errors[0]!;
      const at = position(first.pos[0]);
      const summary = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      out.push({ ...base, error: { message: `error converting YAML to JSON: yaml: line ${at.line}: ${summary}`, line: at.line, column: at.column } });
      continue;
    }
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    const at = position(start);
    if (typeof value !== 'object' || Array.isArray(value)) {
      const got = Array.isArray(value) ? 'array' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'bool' : 'string';
      out.push({ ...base, error: { message: `json: cannot unmarshal ${got} into Go value of type map[string]interface {}`, line: at.line, column: at.column } });
      continue;
    }
    const obj = value as Record<string, unknown>;
    const missing: string[] = [];
    if (typeof obj.apiVersion !== 'string' || obj.apiVersion === '') missing.push('apiVersion not set');
    if (typeof obj.kind !== 'string' || obj.kind === '') missing.push('kind not set');
    if (missing.length > 0) {
      const list = missing.length === 1 ? missing[0]! : `[${missing.join(', ')}]`;
      out.push({ ...base, error: { message: `error validating data: ${list}`, line: at.line, column: at.column } });
      continue;
    }
    if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
    out.push({ ...base, object: obj as KubeObject });
  }
  return out;
}

/**
 * Drops the parser's BAD_DQ_ESCAPE errors for `\'` and re-decodes the affected double-quoted scalars
 * with `'` in place of the escape, as go-yaml does. Returns the document's remaining errors.
 */
function acceptSingleQuoteEscapes(doc: Document.Parsed, text: string): { message: string; pos: [number, number] }[] {
  const quoteEscapes: number[] = [];
  const rest = doc.errors.filter((e) => {
    const isQuote = e.code === 'BAD_DQ_ESCAPE' && text[e.pos[0]] === '\\' && text[e.pos[0] + 1] === "'";
    if (isQuote) quoteEscapes.push(e.pos[0]);
    return !isQuote;
  });
  if (quoteEscapes.length === 0) return rest;
  visit(doc, {
    Scalar(_key, node) {
      const range = node.range;
      if (!range || node.type !== Scalar.QUOTE_DOUBLE) return;
      const inside = quoteEscapes.filter((p) => p >= range[0] && p < range[1]);
      if (inside.length === 0) return;
      let source = '';
      let from = range[0];
      for (const p of inside) {
        source += text.slice(from, p) + '\\x27';
        from = p + 2;
      }
      source += text.slice(from, range[1]);
      node.value = parse(source, PARSE_OPTIONS) as unknown;
    },
  });
  doc.errors = doc.errors.filter((e) => !quoteEscapes.includes(e.pos[0]));
  return rest;
}

/** `spec.containers[0].image` → ['spec', 'containers', 0, 'image']; `data[tls.crt]` → ['data', 'tls.crt']. */
export function splitFieldPath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  let i = 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      i++;
    } else if (ch === '[') {
      const close = path.indexOf(']', i);
      const inner = path.slice(i + 1, close < 0 ? path.length : close);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = close < 0 ? path.length : close + 1;
    } else {
      let j = i;
      while (j < path.length && path[j] !== '.' && path[j] !== '[') j++;
      out.push(path.slice(i, j));
      i = j;
    }
  }
  return out;
}

function locateField(doc: Document.Parsed, fieldPath: string, position: (offset: number) => SourcePosition): SourcePosition | undefined {
  let node: Node | null | undefined = doc.contents as Node | null;
  if (!node?.range) return undefined;
  // Where to point: a scalar value itself; for a collection reached through a key, the key.
  let best = node.range[0];
  for (const segment of splitFieldPath(fieldPath)) {
    if (typeof segment === 'number') {
      if (!isSeq(node)) break;
      const item = node.items[segment] as Node | undefined;
      if (!item?.range) break;
      node = item;
      best = item.range[0];
    } else {
      if (!isMap(node)) break;
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      const key = pair.key as Scalar;
      const value = pair.value as Node | null;
      if (isScalar(value) && value.range) best = value.range[0];
      else if (key.range) best = key.range[0];
      if (!value) break;
      node = value;
    }
  }
  return position(best);
}
