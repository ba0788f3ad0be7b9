/**
 * Generates the JSON Schema the manifest editor validates against, from the real Kubernetes API types:
 * the `kubernetes-types` package's .d.ts files (generated upstream from the Kubernetes OpenAPI spec, with
 * the API documentation as JSDoc, which becomes each field's `description` for hovers).
 *
 * One schema covers every kind the playground serves (RESOURCE_TYPES): monaco-yaml picks a schema by
 * file name, not by content, so the root dispatches on `kind` (and `apiVersion` where a kind has two)
 * with `if`/`then` to the kind's definition.
 *
 *   npm run schema      (writes src/ui/editor/schema/kubernetes.schema.json)
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator, type Config } from 'ts-json-schema-generator';
import { RESOURCE_TYPES } from '../src/engine/apiserver/resources';

type Json = Record<string, unknown>;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = resolve(root, 'src/ui/editor/schema/kubernetes.schema.json');

/** `apps/v1` → `apps/v1.d.ts`; `networking.k8s.io/v1` → `networking/v1.d.ts`; `v1` → `core/v1.d.ts`. */
function typesFile(apiVersion: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['core', apiVersion];
  const dir = group!.split('.')[0]!;
  return resolve(root, 'node_modules/kubernetes-types', dir, `${version!}.d.ts`);
}

/** Every (apiVersion, kind) the editor knows: the preferred version plus the ones the API server also accepts. */
const entries = RESOURCE_TYPES.flatMap((t) => [t.apiVersion, ...(t.alsoAccepts ?? [])].map((apiVersion) => ({ apiVersion, kind: t.kind })));

const definitions: Record<string, Json> = {};
/** The definition name each (apiVersion, kind) resolves to. */
const rootRefs = new Map<string, string>();

function rewriteRefs(node: unknown, renames: Map<string, string>): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, renames));
  if (!node || typeof node !== 'object') return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) {
    if (k === '$ref' && typeof v === 'string') {
      const name = decodeURIComponent(v.replace('#/definitions/', ''));
      out[k] = `#/definitions/${encodeURIComponent(renames.get(name) ?? name)}`;
    } else out[k] = rewriteRefs(v, renames);
  }
  return out;
}

const byFile = new Map<string, { apiVersion: string; kind: string }[]>();
for (const e of entries) {
  const file = typesFile(e.apiVersion);
  byFile.set(file, [...(byFile.get(file) ?? []), e]);
}

for (const [file, kinds] of byFile) {
  const config: Config = { path: file, tsconfig: resolve(root, 'scripts/tsconfig.schema.json'), expose: 'all', topRef: false, jsDoc: 'extended', skipTypeCheck: true, additionalProperties: false };
  const generator = createGenerator(config);
  const fileDefs: Record<string, Json> = {};
  for (const { apiVersion, kind } of kinds) {
    const schema = generator.createSchema(kind) as Json;
    const { definitions: defs = {}, $schema: _s, ...own } = schema as Json & { definitions?: Record<string, Json> };
    Object.assign(fileDefs, defs, { [kind]: own });
    rootRefs.set(`${apiVersion}|${kind}`, kind);
  }
  // Same name, different shape (autoscaling/v1 and v2 HorizontalPodAutoscalerSpec): prefix this file's copy.
  const prefix = `${file.split('/').slice(-2).join('.').replace(/\.d\.ts$/, '')}.`;
  const renames = new Map<string, string>();
  for (const [name, def] of Object.entries(fileDefs)) {
    const existing = definitions[name];
    if (existing && JSON.stringify(existing) !== JSON.stringify(def)) renames.set(name, prefix + name);
  }
  for (const [name, def] of Object.entries(fileDefs)) definitions[renames.get(name) ?? name] = rewriteRefs(def, renames) as Json;
  for (const { apiVersion, kind } of kinds) rootRefs.set(`${apiVersion}|${kind}`, renames.get(kind) ?? kind);
}

// A Quantity is a string in the Go types but YAML users write `cpu: 1` and `replicas`-like numbers; the
// API server accepts both (resource.Quantity unmarshals JSON numbers).
if (definitions.Quantity) definitions.Quantity = { ...definitions.Quantity, type: ['string', 'number'] };

const kindsServed = [...new Set(entries.map((e) => e.kind))];
const apiVersions = [...new Set(entries.map((e) => e.apiVersion))].sort();
const kindCounts = new Map<string, number>();
for (const e of entries) kindCounts.set(e.kind, (kindCounts.get(e.kind) ?? 0) + 1);

const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  description: 'A Kubernetes object of a kind the playground serves.',
  type: 'object',
  required: ['apiVersion', 'kind'],
  properties: {
    apiVersion: { type: 'string', enum: apiVersions, description: 'APIVersion defines the versioned schema of this representation of an object.' },
    kind: { type: 'string', enum: [...kindsServed, 'List'], description: 'Kind is a string value representing the REST resource this object represents. The playground serves these kinds.' },
  },
  allOf: entries.map(({ apiVersion, kind }) => {
    const byKindOnly = kindCounts.get(kind) === 1;
    const condition = byKindOnly
      ? { properties: { kind: { const: kind } }, required: ['kind'] }
      : { properties: { kind: { const: kind }, apiVersion: { const: apiVersion } }, required: ['kind', 'apiVersion'] };
    return { if: condition, then: { $ref: `#/definitions/${encodeURIComponent(rootRefs.get(`${apiVersion}|${kind}`)!)}` } };
  }),
  definitions: Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b))),
};

mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(schema) + '\n');
console.log(`wrote ${OUT}: ${entries.length} kinds, ${Object.keys(definitions).length} definitions`);
