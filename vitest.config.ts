import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
    // A controller bug (a TypeError in a sync) fails the test instead of being retried quietly.
    setupFiles: ['src/engine/testing/failOnControllerBug.ts'],
    testTimeout: 30_000,
  },
});
