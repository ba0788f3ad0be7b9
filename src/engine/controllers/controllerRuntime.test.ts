import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, ConnectionRefusedError } from '../apiserver/errors';
import { newControllerContext } from '../testing/controllerHarness';
import { Controller, onControllerBug } from './controllerRuntime';

/** A controller over one key whose sync throws `failure` the first `times` times. */
function failing(failure: () => unknown, times = 1) {
  const ctx = newControllerContext();
  let calls = 0;
  const controller = new Controller(
    {
      name: 'test-controller',
      watches: [],
      listKeys: () => ['default/x'],
      sync: () => {
        calls++;
        if (calls <= times) throw failure();
      },
    },
    ctx,
  );
  return { ctx, controller, calls: () => calls };
}

describe('controllerRuntime: which failed syncs are retried quietly', () => {
  let restore: (() => void) | undefined;
  afterEach(() => restore?.());

  it.each([
    { name: 'a conflict', failure: () => new ApiError('Conflict', 'the object has been modified; please apply your changes to the latest version and try again') },
    { name: 'a refusal (admission: Forbidden)', failure: () => new ApiError('Forbidden', 'pods "x" is forbidden: exceeded quota') },
    { name: 'an API server that is down', failure: () => new ConnectionRefusedError() },
  ])('$name is retried with backoff and reported as no bug', ({ failure }) => {
    const bugs: string[] = [];
    restore = onControllerBug((controller, key) => bugs.push(`${controller} ${key}`));
    const { ctx, controller, calls } = failing(failure);
    controller.boot();
    ctx.clock.advance(1_000);
    expect(calls()).toBe(2);
    expect(controller.syncCount).toBe(1);
    expect(bugs).toEqual([]);
  });

  it.each([
    { name: 'a TypeError', failure: () => new TypeError("Cannot read properties of undefined (reading 'spec')") },
    { name: 'a plain Error', failure: () => new Error('unexpected') },
  ])('$name is a bug: reported with the controller and key (and still retried)', ({ failure }) => {
    const bugs: string[] = [];
    restore = onControllerBug((controller, key, err) => bugs.push(`${controller} ${key}: ${(err as Error).message}`));
    const { ctx, controller, calls } = failing(failure);
    controller.boot();
    ctx.clock.advance(1_000);
    expect(bugs).toEqual([`test-controller default/x: ${(failure() as Error).message}`]);
    expect(calls()).toBe(2);
  });

  it('under the unit tests’ setup a bug throws out of the clock, so the test that met it fails', () => {
    const { ctx, controller } = failing(() => new TypeError('boom'));
    controller.boot();
    expect(() => ctx.clock.flush()).toThrow(/test-controller: sync of default\/x failed with a programming error: TypeError: boom/);
  });
});
