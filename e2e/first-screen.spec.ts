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

test('the cluster opens already running, and Reset starts it from scratch to watch the pods come up', async ({ page }) => {
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Events' }).getByText('Pulled').first()).toBeVisible();
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: /Reset/ }).click();
  // From scratch: the starter app's pods are created again and wait for their image.
  await expect(runningPods(page)).toHaveCount(0);
  await screenshot(page, 'first-screen-from-scratch');
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
});
