/**
 * Stands in for engine/apiserver/manifests.ts where kubectl's apply imports it, in the worker's build
 * only (vite.config.ts). The manifests the running cluster boots from (the default preset and the starter
 * app) come parsed by the build (`virtual:boot-manifests`, made by the engine's own parser), so the
 * worker's first script has no YAML parser; any other text waits for the real parser, which loads with
 * kubectl after the first screen is live (SimulationHost makes apply, kubectl and replays wait for it).
 * The boot manifests never fail to apply (the boot throws if they did), so their documents' `locate`,
 * which only places an apply error, is never asked; it answers undefined (the document's first line).
 */
import bootManifests from 'virtual:boot-manifests';
import type { ParsedDocument } from '../engine/apiserver/manifests';
import { bootManifestParser, type StoredDocument } from './bootManifestParser';

export const parseManifests: (text: string) => ParsedDocument[] = bootManifestParser(bootManifests as Record<string, StoredDocument[]>);
