import { expect, openPlayground, runningPods, screenshot, test } from './fixtures';

/**
 * The browser's storage going wrong never costs the page: saved work of the wrong shape is set aside
 * with a notice that says what (and the page opens with the rest), and a browser that refuses to store
 * anything (quota exceeded) gets a warning that the work will not survive a reload.
 */

test('corrupted saved keys: after a reload a notice says what was set aside, and the page works with the rest', async ({ page }) => {
  test.setTimeout(120_000);
  // Armed by the test just before the reload: the next load finds these values in storage.
  await page.addInitScript(() => {
    if (sessionStorage.getItem('corrupt') !== 'armed') return;
    sessionStorage.setItem('corrupt', 'done');
    localStorage.setItem('kube-playground.editor-files', JSON.stringify({ files: [{ name: 'kept.yaml', text: '# still here' }, { name: 5 }, null], active: {} }));
    localStorage.setItem('kube-playground.console-history', '{"not": "a list"}');
    localStorage.setItem('kube-playground.cluster', '{"kind":"kube-playground/saved-cluster","version":1,"snap');
  });
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  await page.evaluate(() => sessionStorage.setItem('corrupt', 'armed'));
  await page.reload();

  const notice = page.getByRole('status').filter({ hasText: 'could not be read, so the page opened without it' });
  await expect(notice).toContainText('2 editor files, the console history');
  await expect(notice).toContainText('kept aside');
  // The cluster's own record gets its own notice, and a fresh cluster runs.
  await expect(page.getByRole('status').filter({ hasText: 'a fresh cluster was started' })).toBeVisible();
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Manifest editor' }).getByRole('tab', { name: 'kept.yaml' })).toBeVisible();
  const keptAside = await page.evaluate(() => [localStorage.getItem('kube-playground.editor-files.set-aside'), localStorage.getItem('kube-playground.console-history.set-aside')]);
  expect(keptAside[0]).toContain('"name":5');
  expect(keptAside[1]).toBe('{"not": "a list"}');
  await screenshot(page, 'storage-1-set-aside');

  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  // The good part was saved again: the next visit opens without a notice.
  await page.reload();
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toHaveCount(0);
});

test('a browser whose storage is full warns that the work will not survive a reload (in Korean too), and the page works', async ({ page }) => {
  // localStorage refuses every write, as a full one does (sessionStorage still works for the test's own note).
  await page.addInitScript(() => {
    localStorage.setItem('kube-playground.language', sessionStorage.getItem('lang') ?? 'en');
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if (this === window.localStorage) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, key, value);
    };
  });
  await page.goto('./');
  await expect(page.getByRole('region', { name: 'Node worker-1' })).toBeVisible();
  const warning = page.getByRole('status').filter({ hasText: 'This browser is not saving your work' });
  await expect(warning).toContainText('your cluster will not survive a reload');
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });

  // A console command: its history cannot be stored either, and the warning says so.
  await page.getByRole('button', { name: 'Console', exact: true }).click();
  const prompt = page.getByRole('region', { name: 'kubectl console' }).getByLabel('kubectl command');
  await prompt.pressSequentially('kubectl get pods');
  await prompt.press('Enter');
  await expect(warning).toContainText('your cluster and editor files will not survive a reload');
  await expect(page.getByRole('region', { name: 'kubectl console' })).toContainText('web-');
  await screenshot(page, 'storage-2-not-saved');
  await warning.getByRole('button', { name: 'Dismiss' }).click();
  await expect(warning).toHaveCount(0);

  await page.evaluate(() => sessionStorage.setItem('lang', 'ko'));
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.reload();
  const warningKo = page.getByRole('status').filter({ hasText: '이 브라우저가 작업을 저장하지 못하고 있습니다' });
  await expect(warningKo).toContainText('새로고침하면 클러스터가 사라집니다');
  await screenshot(page, 'storage-3-not-saved-ko-1280');
});
