/**
 * The editor's schema in the page's language: a copy of the generated JSON Schema whose descriptions
 * are replaced by the Korean ones we wrote (koreanDescriptions.ts) where we have them. Pure.
 */
import { KOREAN_DESCRIPTIONS } from './koreanDescriptions';

interface SchemaNode {
  description?: string;
  properties?: Record<string, SchemaNode>;
  [key: string]: unknown;
}

interface Schema {
  definitions: Record<string, SchemaNode>;
  [key: string]: unknown;
}

export function localizeSchema<S extends Schema>(schema: S, language: string, table: Readonly<Record<string, string>> = KOREAN_DESCRIPTIONS): S {
  if (language !== 'ko') return schema;
  const definitions: Record<string, SchemaNode> = { ...schema.definitions };
  for (const [key, text] of Object.entries(table)) {
    const [def, prop] = key.split('.') as [string, string | undefined];
    const d = definitions[def];
    if (!d) continue;
    if (prop === undefined) {
      definitions[def] = { ...d, description: text };
      continue;
    }
    const p = d.properties?.[prop];
    if (!p) continue;
    definitions[def] = { ...definitions[def], properties: { ...definitions[def]!.properties, [prop]: { ...p, description: text } } };
  }
  return { ...schema, definitions };
}
