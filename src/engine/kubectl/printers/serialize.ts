/**
 * `-o yaml` and `-o json` as kubectl prints them. kubectl decodes what the server returns into
 * generic maps, so keys come out sorted alphabetically at every level (which is why `apiVersion`,
 * `kind`, `metadata`, `spec`, `status` read in that order); YAML is go-yaml's style (sequences not
 * indented under their key, YAML 1.1 look-alikes such as "true", "1" or timestamps double-quoted),
 * JSON is Go's MarshalIndent with four spaces and HTML-safe escapes. Several objects print as a List.
 */
import YAML from 'yaml';

export function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeysDeep(v);
    }
    return out;
  }
  return value;
}

export function toYaml(value: unknown): string {
  return YAML.stringify(sortKeysDeep(value), { version: '1.1', indentSeq: false, lineWidth: 0, minContentWidth: 0 });
}

export function toJson(value: unknown): string {
  const text = JSON.stringify(sortKeysDeep(value), null, 4);
  return text.replace(/[<>&\u2028\u2029]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0')) + '\n';
}

/** What `kubectl get` returns for several objects: a v1 List. */
export function asList(items: unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
