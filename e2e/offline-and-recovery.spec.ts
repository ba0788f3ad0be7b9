import { expect, openPlayground, runningPods, screenshot, test } from './fixtures';

test('the built site under a sub-path loads everything from the local server only', async ({ page }) => {
  const hosts = new Set<string>();
  page.on('request', (req) => hosts.add(new URL(req.url()).host));
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  expect(page.url()).toContain('/kube-playground/');
  expect([...hosts].every((h) => h.startsWith('127.0.0.1') || h.startsWith('localhost'))).toBe(true);
});

test('when the simulation crashes the UI says so and restarts it from the last snapshot', async ({ page }) => {
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  await page.waitForTimeout(2500); // let a periodic snapshot include the running pods
  await page.evaluate(() => void window.kubePlayground?.crash());
  await expect(page.getByRole('alert')).toContainText('The simulation crashed');
  await screenshot(page, 'recovery-crashed');
  await expect(page.getByRole('status')).toContainText('restarted from its last snapshot', { timeout: 30_000 });
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  await screenshot(page, 'recovery-restored');
});
