import { writeFileSync } from 'node:fs';
import { expect, runningPods, test } from './fixtures';

test('performance: first canvas paint and frame rate of the default scene', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('kube-playground.language', 'en'));
  await page.goto('./');
  await page.getByRole('region', { name: 'Node worker-1' }).waitFor();
  const firstPaintMs = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return Math.round(performance.now() - (nav?.startTime ?? 0));
  });
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
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
  const result = { firstCanvasPaintMs: firstPaintMs, fpsAt1x: Math.round(fps * 10) / 10 };
  writeFileSync('test-results/performance.json', JSON.stringify(result, null, 2));
  console.log('performance', result);
  // ARCHITECTURE.md's budgets are 400 ms and 55 fps on an idle machine; a shared 2-core CI box can be
  // far slower, so the test fails only on a gross regression and the numbers are recorded above.
  expect(firstPaintMs).toBeLessThan(10_000);
  expect(fps).toBeGreaterThan(15);
});
