/**
 * Vitest setup (vitest.config.ts setupFiles): a controller sync that fails for another reason than the
 * API server (a TypeError, a plain Error) throws out of the clock that ran it, so the test fails there.
 */
import { onControllerBug } from '../controllers/controllerRuntime';

onControllerBug((controller, key, err) => {
  throw new Error(`${controller}: sync of ${key} failed with a programming error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`, { cause: err });
});
