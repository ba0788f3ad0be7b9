/**
 * Writes the manifest editor's JSON Schema (see scripts/k8sSchema.ts for how it is built).
 *
 *   npm run schema      (writes src/ui/editor/schema/kubernetes.schema.json)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { generateKubernetesSchema, SCHEMA_FILE, serializeSchema } from './k8sSchema';

const started = performance.now();
const schema = generateKubernetesSchema();
mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
writeFileSync(SCHEMA_FILE, serializeSchema(schema));
const definitions = Object.keys(schema.definitions as object).length;
console.log(`wrote ${SCHEMA_FILE}: ${(schema.allOf as unknown[]).length} kinds, ${definitions} definitions in ${Math.round(performance.now() - started)} ms`);
