/**
 * Builds the JSON Schema the manifest editor validates against, from the real Kubernetes API types: the
 * `kubernetes-models` package (Kubernetes v1.36 OpenAPI, generated upstream with the API documentation
 * as JSDoc, which becomes each field's `description` for hovers). Its .d.ts interfaces go through
 * ts-json-schema-generator, one TypeScript program per apiVersion. Only those declarations are read, never
 * the package's JavaScript, which is why this works on Node 20 although `kubernetes-models` declares
 * Node >= 22 (npm's EBADENGINE warning on install is harmless here).
 *
 * One schema covers every kind the playground serves (RESOURCE_TYPES): monaco-yaml picks a schema by
 * file name, not by content, so the root dispatches on `kind` (and `apiVersion` where a kind has two)
 * with `if`/`then` to the kind's definition.
 *
 * Used by `npm run schema` (scripts/generate-k8s-schema.ts) and by the test that checks the committed
 * file is what this produces (src/ui/editor/schema/schemaUpToDate.test.ts).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator, type Config } from 'ts-json-schema-generator';
import { RESOURCE_TYPES } from '../src/engine/apiserver/resources';

type Json = Record<string, unknown>;

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_FILE = resolve(root, 'src/ui/editor/schema/kubernetes.schema.json');

/** `IDeploymentSpec` → `DeploymentSpec` (the package prefixes its interfaces with `I`). */
function plainName(name: string): string {
  return /^I[A-Z]/.test(name) ? name.slice(1) : name;
}

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

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * An optional field may be written with no value (`storageClassName:` in the docs' gold-vac-pvc.yaml):
 * YAML reads it as null, and the API server decodes a JSON null as "not set". So optional scalar fields
 * accept null too; required ones, objects and lists keep their type.
 */
function allowNullInOptionalScalars(def: Json): Json {
  const props = def.properties as Record<string, Json> | undefined;
  if (!props) return def;
  const required = new Set((def.required as string[] | undefined) ?? []);
  const out: Record<string, Json> = {};
  for (const [name, prop] of Object.entries(props)) {
    const type = prop.type;
    if (!required.has(name) && typeof type === 'string' && PRIMITIVES.has(type)) {
      out[name] = { ...prop, type: [type, 'null'], ...(Array.isArray(prop.enum) ? { enum: [...(prop.enum as unknown[]), null] } : {}) };
    } else out[name] = prop;
  }
  return { ...def, properties: out };
}

export function generateKubernetesSchema(): Json {
  /** Every (apiVersion, kind) the editor knows: the preferred version plus the ones the API server also accepts. */
  const entries = RESOURCE_TYPES.flatMap((t) => [t.apiVersion, ...(t.alsoAccepts ?? [])].map((apiVersion) => ({ apiVersion, kind: t.kind })));
  const definitions: Record<string, Json> = {};
  /** The definition name each (apiVersion, kind) resolves to. */
  const rootRefs = new Map<string, string>();

  const byVersion = new Map<string, string[]>();
  for (const e of entries) byVersion.set(e.apiVersion, [...(byVersion.get(e.apiVersion) ?? []), e.kind]);

  // Creating a TypeScript program is most of the time (~2 s each), so all kinds share one, except a kind
  // whose interface name is already taken there (autoscaling/v1 and v2 both export IHorizontalPodAutoscaler).
  const programs: Set<string>[] = [];
  const programOf = new Map<string, number>();
  for (const { apiVersion, kind } of entries) {
    let i = programs.findIndex((kinds) => !kinds.has(kind));
    if (i < 0) i = programs.push(new Set()) - 1;
    programs[i]!.add(kind);
    programOf.set(`${apiVersion}|${kind}`, i);
  }
  const generators = programs.map((_, i) => {
    const files = entries.filter((e) => programOf.get(`${e.apiVersion}|${e.kind}`) === i).map((e) => `${e.apiVersion}/${e.kind}`);
    const path = `${resolve(root, 'node_modules/kubernetes-models')}/${files.length === 1 ? files[0]! : `{${files.join(',')}}`}.d.ts`;
    const config: Config = { path, tsconfig: resolve(root, 'scripts/tsconfig.schema.json'), expose: 'all', topRef: false, jsDoc: 'extended', skipTypeCheck: true, additionalProperties: false };
    return createGenerator(config);
  });

  for (const [apiVersion, kinds] of byVersion) {
    const raw: Record<string, Json> = {};
    for (const kind of kinds) {
      const { definitions: defs = {}, $schema: _s, ...own } = generators[programOf.get(`${apiVersion}|${kind}`)!]!.createSchema(`I${kind}`) as Json & { definitions?: Record<string, Json> };
      Object.assign(raw, defs, { [`I${kind}`]: own });
    }
    const plain = new Map(Object.keys(raw).map((n) => [n, plainName(n)]));
    const versionDefs = new Map([...Object.entries(raw)].map(([n, def]) => [plainName(n), allowNullInOptionalScalars(rewriteRefs(def, plain) as Json)]));
    // Same name, different shape (autoscaling/v1 and v2 HorizontalPodAutoscalerSpec): this version's copy is
    // prefixed, and so is every definition that refers to a prefixed one (until nothing changes).
    const renames = new Map<string, string>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, def] of versionDefs) {
        if (renames.has(name) || !definitions[name]) continue;
        const refsRenamed = [...renames.keys()].some((r) => JSON.stringify(def).includes(`"#/definitions/${encodeURIComponent(r)}"`));
        if (refsRenamed || JSON.stringify(definitions[name]) !== JSON.stringify(def)) {
          renames.set(name, `${apiVersion.replace('/', '.')}.${name}`);
          changed = true;
        }
      }
    }
    for (const [name, def] of versionDefs) definitions[renames.get(name) ?? name] = rewriteRefs(def, renames) as Json;
    for (const kind of kinds) rootRefs.set(`${apiVersion}|${kind}`, renames.get(kind) ?? kind);
  }

  const kindsServed = [...new Set(entries.map((e) => e.kind))];
  const apiVersions = [...new Set(entries.map((e) => e.apiVersion))].sort();
  const kindCounts = new Map<string, number>();
  for (const e of entries) kindCounts.set(e.kind, (kindCounts.get(e.kind) ?? 0) + 1);

  return {
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
}

/** The committed file's exact text. */
export function serializeSchema(schema: Json): string {
  return JSON.stringify(schema) + '\n';
}
