/**
 * Parts of the simulation worker the running cluster does not need to boot: the YAML parser, kubectl's
 * commands (its printers, describers, rollout and exec) and the concept scenarios. The worker's first script is the
 * cluster alone, so the first screen goes live sooner; these load by dynamic import in the background
 * once it is live (`preloadDeferredModules`), and a request that needs one before then waits for it
 * (SimulationHost queues it, in order). Loading a module changes nothing in the cluster: virtual time
 * only moves in frames, and a waiting request is applied when it is answered, as any request is.
 */
import type * as Kubectl from '../engine/kubectl';
import type * as Concepts from '../engine/concepts';
import type * as Manifests from '../engine/apiserver/manifests';

export interface DeferredModule<T> {
  readonly name: string;
  /** The module once loaded, else undefined. */
  readonly value: T | undefined;
  /** Loads it (once); later calls return the same promise. */
  load(): Promise<T>;
}

export function deferredModule<T>(name: string, importer: () => Promise<T>): DeferredModule<T> {
  let value: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    name,
    get value() {
      return value;
    },
    load() {
      loading ??= importer().then(
        (m) => (value = m),
        (err: unknown) => {
          // A failed fetch (a flaky network) may be tried again by the next request that needs it.
          loading = undefined;
          throw new Error(`the worker could not load ${name}: ${err instanceof Error ? err.message : String(err)}`);
        },
      );
      return loading;
    },
  };
}

/** kubectl's commands, printers and describers (engine/kubectl/index.ts). */
export const kubectlModule: DeferredModule<typeof Kubectl> = deferredModule('kubectl', () => import('../engine/kubectl'));

/** The YAML manifest parser (engine/apiserver/manifests.ts); the boot's own manifests come parsed (deferredManifests.ts). */
export const manifestsModule: DeferredModule<typeof Manifests> = deferredModule('the YAML parser', () => import('../engine/apiserver/manifests'));

/** The concept scenarios' models (engine/concepts). */
export const conceptsModule: DeferredModule<typeof Concepts> = deferredModule('the concept scenarios', () => import('../engine/concepts'));

export const DEFERRED_MODULES: readonly DeferredModule<unknown>[] = [manifestsModule, kubectlModule, conceptsModule];

/** The module's value; throws if it is not loaded yet (the host waits for it before it gets here). */
export function loaded<T>(module: DeferredModule<T>): T {
  const value = module.value;
  if (value === undefined) throw new Error(`${module.name} is not loaded yet`);
  return value;
}

/** Loads every deferred module (the worker calls it once the cluster is live; tests before they start). */
export function preloadDeferredModules(): Promise<unknown> {
  return Promise.all(DEFERRED_MODULES.map((m) => m.load()));
}
