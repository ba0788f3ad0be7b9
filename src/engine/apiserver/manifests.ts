/**
 * Manifest parsing as kubectl does it: multi-document YAML, each document decoded on its own, with the
 * source position of every field kept so that an API error on `spec.template.spec.containers[0].image`
 * can point at its line in the editor.
 *
 * kubectl reads YAML with go-yaml v2 (through sigs.k8s.io/yaml), which follows YAML 1.1: `yes`/`no`/`on`/
 * `off` are booleans and `0644` is octal (so `defaultMode: 0644` means 420), but timestamps stay strings.
 * It also accepts the escape `\'` inside double quotes (as `'`), which YAML 1.2 parsers reject.
 */
import { Composer, isMap, isScalar, isSeq, Lexer, LineCounter, parse, Parser, Scalar, visit, type CST, type Document, type Node, type ScalarTag, type Tags } from 'yaml';
import type { KubeObject } from '../objects';
import { splitFieldPath } from './fieldPath';

export { splitFieldPath } from './fieldPath';

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

/**
 * A plain scalar's number, resolved as go-yaml v2 does (resolve.go), or undefined for a string. go-yaml
 * looks at the first character: a digit or sign tries strconv.ParseInt(s, 0, 64) (decimal, 0x hex, 0o
 * and leading-0 octal, 0b binary), then ParseUint, then its float pattern
 * `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`, all after dropping underscores; a leading dot
 * tries strconv.ParseFloat. Anything else (`e2`, `E0`, `.e3`, `.`) is a string, which the yaml
 * package's YAML 1.1 float patterns would read as NaN. A float that overflows is a string too (ParseFloat
 * fails). `.inf` and `.nan` are handled by the yaml package's own tag (same spellings as go-yaml's map).
 */
export function goYamlNumber(source: string): number | undefined {
  const first = source[0];
  if (first === '.') {
    if (!/^\.[0-9]+(?:[eE][-+]?[0-9]+)?$/.test(source)) return undefined;
    const n = Number(source);
    return Number.isFinite(n) ? n : undefined;
  }
  if (first === undefined || !/[-+0-9]/.test(first)) return undefined;
  const plain = source.replace(/_/g, '');
  const int = /^([-+]?)(0[xX][0-9a-fA-F]+|0[bB][01]+|0[oO][0-7]+|0[0-7]*|[1-9][0-9]*)$/.exec(plain);
  if (int) {
    const digits = int[2]!;
    const magnitude = BigInt(/^0[0-7]+$/.test(digits) ? `0o${digits.slice(1)}` : digits);
    const negative = int[1] === '-';
    // ParseInt's int64, else ParseUint's uint64 (no sign allowed there); beyond both, the float pattern.
    const fits = negative ? magnitude <= 2n ** 63n : int[1] === '+' ? magnitude < 2n ** 63n : magnitude < 2n ** 64n;
    if (fits) return Number(negative ? -magnitude : magnitude);
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(plain)) {
    const n = Number(plain);
    return Number.isFinite(n) ? n : undefined;
  }
  return undefined;
}

const goYamlNumberTag: ScalarTag = {
  identify: (value) => typeof value === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:float',
  // The yaml package only calls `test.test(source)`; a RegExp cannot express go-yaml's rules.
  test: { test: (source: string) => goYamlNumber(source) !== undefined } as unknown as RegExp,
  resolve: (source) => goYamlNumber(source) ?? source,
};

/**
 * The YAML 1.1 schema as go-yaml v2 applies it when decoding into interface{}: no timestamps and no
 * base-60 numbers (both stay strings), and numbers by goYamlNumber instead of the YAML 1.1 patterns.
 */
function goYamlTags(tags: Tags): Tags {
  const kept = tags.filter((t) => {
    const tag = t as { tag?: string; format?: string; test?: RegExp };
    if (tag.tag === 'tag:yaml.org,2002:timestamp' || tag.format === 'TIME') return false;
    // Everything numeric except `.inf`/`.nan` (floatNaN), which go-yaml spells the same way.
    if (tag.tag === 'tag:yaml.org,2002:int') return false;
    if (tag.tag === 'tag:yaml.org,2002:float') return String(tag.test).includes('nan');
    return true;
  });
  const nan = kept.findIndex((t) => (t as { tag?: string }).tag === 'tag:yaml.org,2002:float');
  kept.splice(nan < 0 ? kept.length : nan + 1, 0, goYamlNumberTag);
  return kept;
}

const PARSE_OPTIONS = { version: '1.1', customTags: goYamlTags } as const;

/**
 * How deep collections may nest. go-yaml stops at 10,000 levels ("exceeded max depth of 10000"); a
 * browser's stack does not reach that far through the YAML composer and the engine's recursive walks,
 * so the playground stops sooner, at a depth no Kubernetes object comes near (a Deployment's deepest
 * field is about 12 levels down).
 */
export const MAX_NESTING_DEPTH = 128;

/**
 * The most manifest text one apply reads: kube-apiserver refuses request bodies over 3 MiB
 * (MaxRequestBodyBytes, the CVE-2019-11253 fix), so no manifest that a real cluster accepts is larger.
 */
export const MAX_MANIFEST_BYTES = 3 * 1024 * 1024;

/** Lexer tokens that are not source text (document mode, flow-error end, scalar marker). */
const CONTROL_LEXEMES = new Set(['\x02', '\x18', '\x1f']);

/** One YAML document decoded to plain data, or why it could not be. */
export interface DecodedDocument {
  value?: unknown;
  error?: { message: string; line?: number; column?: number };
  /** 1-based line where the document's content starts. */
  startLine: number;
  doc?: Document.Parsed;
  /** Source position of a character offset. */
  position(offset: number): SourcePosition;
}

/**
 * Decodes a YAML stream document by document, as sigs.k8s.io/yaml's YAMLToJSON does (go-yaml v2 rules,
 * see goYamlNumber), and never throws: every failure is a document with a located `error` whose text is
 * what kubectl prints after "error converting YAML to JSON: ". Empty documents are left out.
 */
export function decodeYamlStream(text: string): DecodedDocument[] {
  const lineCounter = new LineCounter();
  const position = (offset: number): SourcePosition => {
    const p = lineCounter.linePos(offset);
    return { line: Math.max(1, p.line), column: Math.max(1, p.col) };
  };
  const failAll = (message: string, offset: number): DecodedDocument[] => {
    const at = position(offset);
    return [{ error: { message, line: at.line, column: at.column }, startLine: at.line, position }];
  };
  if (text.length > MAX_MANIFEST_BYTES) {
    return [{ error: { message: `the manifest is ${text.length} characters long; the playground reads at most ${MAX_MANIFEST_BYTES} (3 MiB, the API server's request limit)`, line: 1, column: 1 }, startLine: 1, position }];
  }
  // The CST parser keeps its nesting on an explicit stack, so depth is checked there, lexeme by
  // lexeme, before anything recursive (the composer, toJS) sees the document.
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0);
  const tokens: CST.Token[] = [];
  let offset = 0;
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The stack holds the document and each open collection (and at most one scalar being read).
    if (parser.stack.length > MAX_NESTING_DEPTH + 2) {
      const at = position(offset);
      return failAll(`yaml: line ${at.line}: exceeded max depth of ${MAX_NESTING_DEPTH} (collections nested more than ${MAX_NESTING_DEPTH} levels deep)`, offset);
    }
    if (!CONTROL_LEXEMES.has(lexeme)) offset += lexeme.length;
  }
  for (const token of parser.end()) tokens.push(token);

  const out: DecodedDocument[] = [];
  // The yaml package compares each key with every earlier one (quadratic: a ConfigMap of 100,000 keys
  // took over a minute); findDuplicateKey does the same check with a set.
  const composer = new Composer({ ...PARSE_OPTIONS, uniqueKeys: false });
  for (const doc of [...composer.compose(tokens), ...composer.end()]) {
    const errors = acceptSingleQuoteEscapes(doc, text);
    if (doc.contents === null && errors.length === 0) continue; // `---` alone, or only comments
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    const base = { startLine: position(start).line, doc, position };
    if (errors.length > 0) {
      const first = errors[0]!;
      const at = position(first.pos[0]);
      const summary = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      out.push({ ...base, error: { message: `yaml: line ${at.line}: ${summary}`, line: at.line, column: at.column } });
      continue;
    }
    const duplicate = findDuplicateKey(doc);
    if (duplicate !== undefined) {
      const at = position(duplicate);
      out.push({ ...base, error: { message: `yaml: line ${at.line}: Map keys must be unique`, line: at.line, column: at.column } });
      continue;
    }
    const aliasProblem = findAliasProblem(doc);
    if (aliasProblem) {
      const at = position(aliasProblem.offset);
      out.push({ ...base, error: { message: aliasProblem.message, line: at.line, column: at.column } });
      continue;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      const at = position(start);
      out.push({ ...base, error: { message: toJsFailure(e), line: at.line, column: at.column } });
      continue;
    }
    if (value === null || value === undefined) continue;
    // Aliases give shared JS objects; go-yaml gives each use its own copy, and the engine mutates.
    if (hasAlias(doc)) value = JSON.parse(JSON.stringify(value)) as unknown;
    const unsupported = findNonFiniteNumber(doc);
    if (unsupported) {
      // JSON has no NaN or infinities: encoding/json refuses them (json.UnsupportedValueError).
      const at = position(unsupported.offset);
      out.push({ ...base, error: { message: `json: unsupported value: ${unsupported.text}`, line: at.line, column: at.column } });
      continue;
    }
    out.push({ ...base, value });
  }
  return out;
}

export function parseManifests(text: string): ParsedDocument[] {
  const out: ParsedDocument[] = [];
  for (const decoded of decodeYamlStream(text)) {
    const { doc, position, startLine } = decoded;
    const base = { index: out.length, startLine, locate: (path: string) => (doc ? locateField(doc, path, position) : undefined) };
    if (decoded.error) {
      out.push({ ...base, error: { ...decoded.error, message: `error converting YAML to JSON: ${decoded.error.message}` } });
      continue;
    }
    const value = decoded.value;
    const at = { line: startLine, column: position(doc?.contents?.range?.[0] ?? 0).column };
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
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

/** The offset of the first key that repeats an earlier key of its map (merge keys `<<` may repeat). */
function findDuplicateKey(doc: Document.Parsed): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (key === '<<') continue;
        if (seen.has(key)) {
          found = (pair.key as Node | null)?.range?.[0] ?? map.range?.[0] ?? 0;
          return visit.BREAK;
        }
        seen.add(key);
      }
      return undefined;
    },
  });
  return found;
}

function hasAlias(doc: Document.Parsed): boolean {
  let found = false;
  visit(doc, {
    Alias() {
      found = true;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * go-yaml's alias failures: an alias to an anchor not (yet) defined ("unknown anchor 'x' referenced"),
 * and an alias inside the node its anchor names ("anchor 'x' value contains itself"), which would
 * otherwise decode to a cyclic object.
 */
function findAliasProblem(doc: Document.Parsed): { message: string; offset: number } | undefined {
  let problem: { message: string; offset: number } | undefined;
  visit(doc, {
    Alias(_key, node, path) {
      const target = node.resolve(doc);
      if (!target) problem = { message: `yaml: unknown anchor '${node.source}' referenced`, offset: node.range?.[0] ?? 0 };
      else if (path.includes(target as never)) problem = { message: `yaml: anchor '${node.source}' value contains itself`, offset: node.range?.[0] ?? 0 };
      return problem ? visit.BREAK : undefined;
    },
  });
  return problem;
}

function toJsFailure(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  // The yaml package's guard against alias bombs; go-yaml's own guard says this.
  if (/excessive alias count/i.test(message)) return 'yaml: document contains excessive aliasing';
  return `yaml: ${message.split('\n')[0]}`;
}

function findNonFiniteNumber(doc: Document.Parsed): { text: string; offset: number } | undefined {
  let found: { text: string; offset: number } | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== 'number' || Number.isFinite(node.value)) return undefined;
      found = { text: Number.isNaN(node.value) ? 'NaN' : node.value > 0 ? '+Inf' : '-Inf', offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  return found;
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
