import { describe, expect, it, vi } from 'vitest';
import { BOOT_TEXTS, bootManifests } from '../../scripts/bootManifests';
// The real parser, to compare with (tests may load it up front; the worker's first script may not).
// eslint-disable-next-line no-restricted-imports
import { parseManifests as realParse } from '../engine/apiserver/manifests';

/** A fresh copy of the deferred modules (the parser not loaded), as in a new worker. */
async function freshParser() {
  vi.resetModules();
  const { bootManifestParser } = await import('./bootManifestParser');
  const deferred = await import('./deferredModules');
  // The table goes through JSON, as the build's virtual module does.
  return { parse: bootManifestParser(JSON.parse(JSON.stringify(bootManifests()))), deferred };
}

const withoutLocate = (docs: ReturnType<typeof realParse>) => docs.map(({ locate: _locate, ...doc }) => doc);

describe('the boot manifests parsed at build time', () => {
  it('give the very documents the YAML parser gives, before the parser has loaded', async () => {
    const { parse, deferred } = await freshParser();
    expect(deferred.manifestsModule.value).toBeUndefined();
    for (const text of BOOT_TEXTS) expect(withoutLocate(parse(text))).toEqual(withoutLocate(realParse(text)));
  });

  it('hand out a fresh copy each time (apply may change what it is given)', async () => {
    const { parse } = await freshParser();
    const first = parse(BOOT_TEXTS[1]!);
    (first[0]!.object!.metadata as Record<string, unknown>).name = 'changed';
    expect(parse(BOOT_TEXTS[1]!)[0]!.object!.metadata.name).not.toBe('changed');
  });

  it('any other text waits for the parser: before it has loaded that is an error, after it the real parse', async () => {
    const { parse, deferred } = await freshParser();
    const other = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mine\n';
    expect(() => parse(other)).toThrow('the YAML parser is not loaded yet');
    await deferred.manifestsModule.load();
    expect(withoutLocate(parse(other))).toEqual(withoutLocate(realParse(other)));
  });
});
