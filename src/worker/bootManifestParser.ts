/**
 * parseManifests for the worker's first script (see deferredManifests.ts): the boot manifests from a
 * table parsed at build time, any other text by the real parser once it has loaded.
 */
import type { ParsedDocument } from '../engine/apiserver/manifests';
import { loaded, manifestsModule } from './deferredModules';

export type StoredDocument = Omit<ParsedDocument, 'locate'>;

export function bootManifestParser(table: Record<string, StoredDocument[]>): (text: string) => ParsedDocument[] {
  const boot = new Map(Object.entries(table));
  return (text) => {
    const parser = manifestsModule.value;
    if (parser) return parser.parseManifests(text);
    const known = boot.get(text);
    if (!known) return loaded(manifestsModule).parseManifests(text);
    // A fresh copy each time, as a parse would give: apply may change the objects it is handed.
    return known.map((doc) => ({ ...structuredClone(doc), locate: () => undefined }));
  };
}
