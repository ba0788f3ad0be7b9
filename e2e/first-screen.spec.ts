import { expect, openPlayground, runningPods, screenshot, test } from './fixtures';

test('the first screen is alive: three workers, and the starter pods become Running', async ({ page }) => {
  await openPlayground(page);
  for (const worker of ['worker-1', 'worker-2', 'worker-3']) {
    await expect(page.getByRole('region', { name: `Node ${worker}` })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Control plane' })).toBeVisible();
  await expect(page.getByText('kube-scheduler', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Service web' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Deployment web' })).toBeVisible();
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  await expect(page.getByRole('region', { name: 'Events' }).getByText('Scheduled').first()).toBeVisible();
  await screenshot(page, 'first-screen');
});
