import { expect, openPlayground, runningPods, screenshot, test } from './fixtures';

test('clicking a pod opens its live YAML, status, events and the scheduler’s reasoning', async ({ page }) => {
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  const pod = runningPods(page).first();
  const label = (await pod.getAttribute('aria-label')) ?? '';
  const name = label.replace(/^Pod /, '').replace(/: Running$/, '');
  await pod.click();

  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector).toBeVisible();
  const yaml = inspector.getByTestId('object-yaml');
  await expect(yaml).toContainText('kind: Pod');
  await expect(yaml).toContainText(`name: ${name}`);
  await expect(yaml).toContainText('phase: Running');
  await expect(inspector.getByText('Why this node')).toBeVisible();
  await expect(inspector.getByRole('rowheader', { name: 'nginx' })).toBeVisible();
  await expect(inspector.getByText('Scheduled', { exact: true }).first()).toBeVisible();
  await screenshot(page, 'inspector-pod');

  await page.getByRole('region', { name: 'Node worker-2' }).getByRole('button', { name: /^Node worker-2/ }).click();
  await expect(inspector.getByTestId('object-yaml')).toContainText('kind: Node');
  await screenshot(page, 'inspector-node');
});
