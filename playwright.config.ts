import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against the production build served by `vite preview` under a sub-path (the way a
 * course site would host dist/). Debian's /usr/bin/chromium is used when present (browser downloads
 * are blocked on our machines); elsewhere Playwright's own Chromium (`npx playwright install chromium`).
 */
const PORT = Number(process.env.E2E_PORT ?? 4173);
export const BASE_PATH = '/kube-playground/';
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const useSystemChromium = existsSync(SYSTEM_CHROMIUM) && !process.env.PLAYWRIGHT_OWN_BROWSER;

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/artifacts',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    viewport: { width: 1600, height: 900 },
    trace: 'retain-on-failure',
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1600, height: 900 },
        launchOptions: {
          ...(useSystemChromium ? { executablePath: SYSTEM_CHROMIUM } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
            // Without this Chromium itself calls Google hosts, which Playwright's request events never show.
            '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --base ${BASE_PATH}`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
  },
});
