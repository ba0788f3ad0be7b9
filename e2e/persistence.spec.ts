import { readFile } from 'node:fs/promises';
import { expect, openPlayground, runningPods, screenshot, test, virtualNow } from './fixtures';

/**
 * The cluster survives a reload: what the student did, the virtual time, and whether the clock was
 * playing. Only Reset starts over, and it asks first. A damaged saved cluster is set aside with a
 * message. Export hands the student's objects over as YAML for a real cluster.
 */
test('a scaled Deployment comes back after a reload at the same virtual time; Reset asks, then starts over', async ({ page }) => {
  test.setTimeout(150_000);
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  await page.getByRole('button', { name: 'Console', exact: true }).click();
  const prompt = page.getByRole('region', { name: 'kubectl console' }).getByLabel('kubectl command');
  await prompt.pressSequentially('kubectl scale deployment web --replicas=5');
  await prompt.press('Enter');
  await expect(runningPods(page)).toHaveCount(5, { timeout: 45_000 });
  const time = page.getByRole('group', { name: 'Time controls' });
  await time.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toContainText('paused');
  const pausedAt = await virtualNow(page);

  await page.reload();
  await expect(page.getByRole('region', { name: 'Node worker-1' })).toBeVisible();
  await expect(runningPods(page)).toHaveCount(5, { timeout: 45_000 });
  await expect.poll(() => virtualNow(page)).toBe(pausedAt);
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toContainText('paused');
  await screenshot(page, 'persistence-1-reloaded-paused');

  // Playing goes on playing after a reload.
  await time.getByRole('button', { name: 'Play' }).click();
  // The worker's clock message says it plays; the saved record is written with that message.
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toContainText('running');
  await page.reload();
  await expect(runningPods(page)).toHaveCount(5, { timeout: 45_000 });
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toContainText('running');
  expect(await virtualNow(page)).toBeGreaterThanOrEqual(pausedAt);

  // Reset asks; "cancel" keeps everything.
  page.once('dialog', (dialog) => void dialog.dismiss());
  await time.getByRole('button', { name: 'Reset' }).click();
  await expect(runningPods(page)).toHaveCount(5);
  page.once('dialog', (dialog) => void dialog.accept());
  await time.getByRole('button', { name: 'Reset' }).click();
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  // ... and the fresh cluster is what a reload brings back now.
  await page.reload();
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  expect(await virtualNow(page)).toBeLessThan(pausedAt);
});

test('a damaged saved cluster is set aside with a message in Korean, and a fresh cluster runs', async ({ page }) => {
  await page.addInitScript(() => {
    // Only before the first load: the reload below must find what the page itself saved.
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('kube-playground.cluster', '{"kind":"kube-playground/saved-cluster","version":1,"snapsh');
  });
  await openPlayground(page, 'ko');
  const notice = page.getByRole('status').filter({ hasText: '새 클러스터로 시작했습니다' });
  await expect(notice).toContainText('손상되어');
  await expect(page.getByRole('button', { name: /^Pod web-[a-z0-9-]+: Running$/ })).toHaveCount(3, { timeout: 45_000 });
  expect(await page.evaluate(() => localStorage.getItem('kube-playground.cluster.set-aside'))).toContain('kube-playground/saved-cluster');
  await screenshot(page, 'persistence-2-set-aside-ko');
  await notice.getByRole('button', { name: '닫기' }).click();
  await expect(notice).toHaveCount(0);
});

test.describe('at 1280×720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test('Export downloads the objects the student made, ready for kubectl apply -f', async ({ page }) => {
    await openPlayground(page);
    await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
    await page.getByRole('button', { name: 'Editor', exact: true }).click();
    const editor = page.getByRole('region', { name: 'Manifest editor' });
    const download = page.waitForEvent('download');
    await editor.getByRole('button', { name: 'Export cluster' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('kube-playground-cluster.yaml');
    const yaml = await readFile((await file.path())!, 'utf8');
    expect(yaml).toContain('kind: Deployment');
    expect(yaml).toContain('kind: Service');
    expect(yaml).toContain('replicas: 3');
    for (const serverSet of ['status:', 'uid:', 'resourceVersion:', 'creationTimestamp:', 'clusterIP:', 'kind: ReplicaSet', 'kind: Pod\n']) expect(yaml).not.toContain(serverSet);
    await expect(editor.getByText('Exported 2 objects to kube-playground-cluster.yaml')).toBeVisible();
    await screenshot(page, 'persistence-3-exported');
  });
});
