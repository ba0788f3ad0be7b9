import { describe, expect, it } from 'vitest';
import schema from './kubernetes.schema.json';
import { KOREAN_DESCRIPTIONS } from './koreanDescriptions';
import { localizeSchema } from './localizeSchema';

type Node = { description?: string; properties?: Record<string, Node> };
const defs = (schema as unknown as { definitions: Record<string, Node> }).definitions;

describe('Korean field docs', () => {
  it('every entry names a definition or field the schema has (a regenerated schema cannot silently drop them)', () => {
    for (const key of Object.keys(KOREAN_DESCRIPTIONS)) {
      const [def, prop] = key.split('.') as [string, string | undefined];
      expect(defs[def], key).toBeDefined();
      if (prop) expect(defs[def]!.properties?.[prop], key).toBeDefined();
    }
  });

  it('in Korean the hovers of the common fields are Korean, the rest stays as generated', () => {
    const ko = localizeSchema(schema as never, 'ko') as unknown as { definitions: Record<string, Node> };
    expect(ko.definitions['Container']!.properties!['image']!.description).toMatch(/^실행할 컨테이너 이미지/);
    expect(ko.definitions['DeploymentSpec']!.properties!['replicas']!.description).toBe('유지할 Pod 수. 기본 1.');
    expect(ko.definitions['Container']!.properties!['stdinOnce']!.description).toBe(defs['Container']!.properties!['stdinOnce']!.description);
    // The generated schema itself is untouched (English stays English).
    expect(defs['Container']!.properties!['image']!.description).toMatch(/^Container image name/);
  });

  it('in English the schema is the generated one', () => {
    expect(localizeSchema(schema as never, 'en')).toBe(schema);
  });
});
