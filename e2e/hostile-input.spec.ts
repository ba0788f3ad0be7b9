import type { Page } from '@playwright/test';
import { expect, openPlayground, screenshot, test, virtualNow } from './fixtures';

/** Saves editor files before the page loads, as a student's earlier session would have left them. */
async function withFiles(page: Page, files: { name: string; text: string }[]): Promise<void> {
  await page.addInitScript((saved) => {
    if (!localStorage.getItem('kube-playground.editor-files')) localStorage.setItem('kube-playground.editor-files', saved);
  }, JSON.stringify({ files, active: files[0]!.name }));
}

/** Records the page's long main-thread tasks (PerformanceObserver 'longtask'), in ms. */
async function recordLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
}

const POISON = `apiVersion: v1
kind: ConfigMap
metadata:
  name: poison
data:
  colour: *nope
`;

test('a manifest with an undefined alias is refused with its line; a worker crash afterwards restarts from the snapshot', async ({ page }) => {
  await withFiles(page, [{ name: 'poison.yaml', text: POISON }]);
  await openPlayground(page);
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Manifest editor' });
  await editor.getByRole('button', { name: 'Apply', exact: true }).click();
  const results = editor.getByRole('region', { name: 'Results' });
  await expect(results).toContainText("unknown anchor 'nope' referenced");
  await expect(results).not.toContainText('The request failed');
  await screenshot(page, 'hostile-poison-refused');

  await page.waitForTimeout(2_500); // a periodic snapshot
  await page.evaluate(() => void (window as unknown as { kubePlayground?: { crash(): void } }).kubePlayground?.crash());
  await expect(page.getByRole('status').filter({ hasText: 'restarted from its last snapshot' })).toBeVisible({ timeout: 30_000 });
  const after = await virtualNow(page);
  await expect.poll(() => virtualNow(page), { timeout: 10_000 }).toBeGreaterThan(after);
  await expect(page.getByRole('button', { name: /Reset/ })).toBeEnabled();
  await screenshot(page, 'hostile-poison-recovered');
});

test('100,000 replicas: pods come 500 at a time, and the page and the worker keep answering', async ({ page }) => {
  test.setTimeout(120_000);
  await recordLongTasks(page);
  await withFiles(page, [
    {
      name: 'big.yaml',
      text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: big
spec:
  replicas: 100000
  selector:
    matchLabels: {app: big}
  template:
    metadata:
      labels: {app: big}
    spec:
      containers:
      - name: app
        image: nginx:1.27
`,
    },
  ]);
  await openPlayground(page);
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Manifest editor' });
  await editor.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(editor.getByRole('region', { name: 'Results' })).toContainText('deployment.apps/big created');
  const controls = page.getByRole('group', { name: 'Time controls' });
  // At 1×, a burst of 500 every 23.5 virtual seconds (kube-controller-manager's client rate limit).
  await page.waitForTimeout(5_000);
  await screenshot(page, 'hostile-100k-replicas');

  // Keep clicking: pause answers within a second (the clock stops), play starts it again.
  for (let i = 0; i < 3; i++) {
    await controls.getByRole('button', { name: /Pause/ }).click();
    await expect(page.getByRole('timer')).toContainText(/paused/i, { timeout: 1_000 });
    const paused = await virtualNow(page);
    await page.waitForTimeout(300);
    expect(await virtualNow(page)).toBe(paused);
    await controls.getByRole('button', { name: /Play/ }).click();
    await page.waitForTimeout(1_500);
  }
  // Reset answers too: the Deployment is gone and the default cluster is back.
  page.once('dialog', (d) => void d.accept());
  const resetAt = Date.now();
  await controls.getByRole('button', { name: /Reset/ }).click();
  await expect(page.getByRole('region', { name: 'Deployment big' })).toHaveCount(0, { timeout: 5_000 });
  const resetMs = Date.now() - resetAt;
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  console.log(`100k replicas: reset answered in ${resetMs} ms; long tasks: ${longTasks.length}, longest ${Math.max(0, ...longTasks)} ms`);
  expect(resetMs).toBeLessThan(5_000);
});

test('a worker that closes itself without a word is noticed within seconds and restarted from the snapshot', async ({ page }) => {
  await openPlayground(page);
  await page.waitForTimeout(2_500); // a periodic snapshot
  await page.evaluate(() => void (window as unknown as { kubePlayground?: { silence(): void } }).kubePlayground?.silence());
  const silencedAt = Date.now();
  await expect(page.getByRole('status').filter({ hasText: 'restarted from its last snapshot' })).toBeVisible({ timeout: 20_000 });
  console.log(`watchdog: a silent worker replaced after ${Date.now() - silencedAt} ms`);
  await expect(page.getByRole('region', { name: 'Node worker-1' })).toBeVisible();
  const after = await virtualNow(page);
  await expect.poll(() => virtualNow(page), { timeout: 10_000 }).toBeGreaterThan(after);
  await screenshot(page, 'hostile-watchdog-restarted');
});

test('every saved key corrupted: the page still opens, with the welcome file', async ({ page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('corrupted')) return;
    sessionStorage.setItem('corrupted', '1');
    localStorage.setItem('kube-playground.editor-files', JSON.stringify({ files: 'not a list', active: {} }));
    localStorage.setItem('kube-playground.console-history', '{}');
    localStorage.setItem('kube-playground.language', '{"not":"a language"}');
  });
  await openPlayground(page);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Node worker-1' })).toBeVisible();
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Manifest editor' }).getByRole('tab', { name: 'my-app.yaml' })).toBeVisible();
  await screenshot(page, 'hostile-corrupted-storage');
});
