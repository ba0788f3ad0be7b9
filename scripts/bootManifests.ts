/**
 * Prints the manifests the running cluster is booted from (the default preset and the starter app),
 * parsed at build time by the engine's own parser: `{ [yaml text]: documents }`, each document without
 * its `locate` function (JSON). vite.config.ts serves it to the simulation worker as
 * `virtual:boot-manifests`, so the worker boots without the YAML parser (src/worker/deferredManifests.ts).
 */
import { parseManifests } from '../src/engine/apiserver/manifests';
import { presetManifests } from '../src/engine/scenarios/presets';
import { STARTER_APP_YAML } from '../src/worker/starterApp';

export const BOOT_TEXTS = [presetManifests('default'), STARTER_APP_YAML];

export function bootManifests(): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const text of BOOT_TEXTS) out[text] = parseManifests(text).map(({ locate: _locate, ...doc }) => doc);
  return out;
}

if (process.argv[1]?.endsWith('bootManifests.ts')) process.stdout.write(JSON.stringify(bootManifests()));
