import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, runningPods, test } from './fixtures';

// Tracing records DOM snapshots and a screencast, which costs the page most of its frames.
test.use({ trace: 'off' });

declare global {
  interface Window {
    __firstCanvasMs?: number;
  }
}

/** Milliseconds from navigation start until a worker node is in the DOM, recorded by the page itself. */
async function firstCanvasMs(page: Page): Promise<number> {
  await page.getByRole('region', { name: 'Node worker-1' }).waitFor();
  return page.evaluate(() => Math.round(window.__firstCanvasMs ?? -1));
}

test('performance: first canvas paint and frame rate of the default scene', async ({ page }) => {
  await page.addInitScript(() => {
    localStorage.setItem('kube-playground.language', 'en');
    const observer = new MutationObserver(() => {
      if (document.querySelector('.worker-node')) {
        // The next frame is the one that paints it.
        requestAnimationFrame(() => (window.__firstCanvasMs ??= performance.now()));
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
  await page.goto('./');
  const cold = await firstCanvasMs(page);
  await page.reload();
  const warm = await firstCanvasMs(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  await page.waitForTimeout(2000);
  const fps = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let frames = 0;
        const start = performance.now();
        const tick = (t: number) => {
          frames++;
          if (t - start < 3000) requestAnimationFrame(tick);
          else resolve((frames * 1000) / (t - start));
        };
        requestAnimationFrame(tick);
      }),
  );
  const result = { firstCanvasPaintColdMs: cold, firstCanvasPaintWarmMs: warm, fpsAt1x: Math.round(fps * 10) / 10 };
  writeFileSync('test-results/performance.json', JSON.stringify(result, null, 2));
  console.log('performance', result);
  // ARCHITECTURE.md's budgets are 400 ms and 55 fps on an idle machine; a shared 2-core CI box can be
  // far slower, so the test fails only on a gross regression and the numbers are recorded above.
  expect(warm).toBeGreaterThan(0);
  expect(warm).toBeLessThan(10_000);
  expect(fps).toBeGreaterThan(15);
});
