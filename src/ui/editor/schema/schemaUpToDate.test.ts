/**
 * The committed schema is exactly what the generator makes from the installed Kubernetes types: editing
 * the JSON by hand, or updating kubernetes-models or the served kinds without `npm run schema`, fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateKubernetesSchema, SCHEMA_FILE, serializeSchema } from '../../../../scripts/k8sSchema';

describe('kubernetes.schema.json', () => {
  it('matches the generator (otherwise run `npm run schema`)', () => {
    const fresh = serializeSchema(generateKubernetesSchema());
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (fresh !== committed) {
      const at = [...fresh].findIndex((c, i) => c !== committed[i]);
      expect.fail(`src/ui/editor/schema/kubernetes.schema.json is out of date (first difference at character ${at}: ` + `"${committed.slice(Math.max(0, at - 40), at + 40)}"); run \`npm run schema\` and commit the result`);
    }
  }, 60_000);
});
