import { describe, expect, it } from 'vitest';
import { SCENARIO_MENU } from './catalog';
import { CONCEPTS } from './index';

describe('scenario catalog', () => {
  it('the menu lists exactly the scenarios the worker can open', () => {
    expect([...SCENARIO_MENU].sort()).toEqual(Object.keys(CONCEPTS).sort());
  });
});
