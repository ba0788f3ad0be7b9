/**
 * Shared fixtures: every spec fails if the page asks any host other than the local preview server,
 * and saves its screenshots under test-results/screenshots/ (gitignored) for a human to look at.
 */
import { mkdirSync } from 'node:fs';
import { test as base, expect, type Page } from '@playwright/test';

export const SCREENSHOT_DIR = 'test-results/screenshots';
mkdirSync(SCREENSHOT_DIR, { recursive: true });

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

export function isOffHost(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url.startsWith('about:')) return false;
  try {
    return !LOCAL_HOSTS.has(new URL(url).hostname);
  } catch {
    return true;
  }
}

/** The first-visit welcome's memory (src/store/guideStore.ts). */
export const WELCOME_SEEN_KEY = 'kube-playground.welcome-seen';

export const test = base.extend<{ offHostRequests: string[]; firstVisit: boolean }>({
  /**
   * Specs see the playground as a returning visitor (no welcome dialog in the way) unless they ask for a
   * first visit with `test.use({ firstVisit: true })`.
   */
  firstVisit: [false, { option: true }],
  page: async ({ page, firstVisit }, use) => {
    if (!firstVisit) {
      await page.addInitScript((key) => {
        try {
          localStorage.setItem(key, '1');
        } catch {
          /* ignore */
        }
      }, WELCOME_SEEN_KEY);
    }
    await use(page);
  },
  offHostRequests: [
    async ({ page }, use) => {
      const offHost: string[] = [];
      page.on('request', (req) => {
        if (isOffHost(req.url())) offHost.push(req.url());
      });
      page.on('requestfailed', (req) => {
        if (isOffHost(req.url())) offHost.push(`${req.url()} (failed)`);
      });
      await use(offHost);
      expect(offHost, 'requests to hosts other than the local server').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}

/** Opens the playground in English and waits until the cluster is drawn. */
export async function openPlayground(page: Page, language: 'en' | 'ko' = 'en'): Promise<void> {
  await page.addInitScript((lang) => {
    try {
      localStorage.setItem('kube-playground.language', lang);
    } catch {
      /* ignore */
    }
  }, language);
  await page.goto('./');
  await expect(page.getByRole('region', { name: 'Node worker-1' })).toBeVisible();
}

/** The virtual clock in epoch ms, read from the readout. */
export async function virtualNow(page: Page): Promise<number> {
  return Number(await page.getByTestId('virtual-clock').getAttribute('data-now'));
}

export const runningPods = (page: Page) => page.getByRole('button', { name: /^Pod web-[a-z0-9-]+: Running$/ });
