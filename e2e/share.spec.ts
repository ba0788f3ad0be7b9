import type { Browser, BrowserContext, Page } from '@playwright/test';
import { WELCOME_SEEN_KEY, expect, isOffHost, openPlayground, runningPods, screenshot, test, virtualNow } from './fixtures';

/**
 * An instructor builds a starting point (a scaled Deployment, a ConfigMap, a file in the editor, a lesson
 * open), presses Share and copies the link; a student opens it in a fresh browser and gets the same
 * cluster at the same virtual time, the same file and the same lesson. A tampered or cut link is refused
 * with a message and changes nothing; a student with work of their own is asked first.
 */

/** A browser of its own (nothing saved), as a student's: welcome seen, in the given language, and no request off the host. */
async function freshStudent(browser: Browser, language: 'en' | 'ko' = 'en'): Promise<{ context: BrowserContext; page: Page; offHost: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(
    ([key, lang]) => {
      localStorage.setItem(key!, '1');
      localStorage.setItem('kube-playground.language', lang!);
    },
    [WELCOME_SEEN_KEY, language],
  );
  const page = await context.newPage();
  const offHost: string[] = [];
  page.on('request', (req) => {
    if (isOffHost(req.url())) offHost.push(req.url());
  });
  return { context, page, offHost };
}

/** Everything the cluster holds, as kubectl prints it (read-only: it changes nothing). */
const listEverything = (page: Page) =>
  page.evaluate(async () => {
    const reply = (await window.kubePlayground!.kubectl('get deployments,replicasets,pods,services,configmaps -A -o wide')) as { stdout: string };
    return reply.stdout;
  });

test('a shared link opens the same cluster, virtual time, files and lesson in a fresh browser; a tampered one is refused', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });

  // The instructor's starting point.
  await page.getByRole('button', { name: 'Console', exact: true }).click();
  const prompt = page.getByRole('region', { name: 'kubectl console' }).getByLabel('kubectl command');
  for (const line of ['kubectl scale deployment web --replicas=4', 'kubectl create configmap class-settings --from-literal=greeting=hello']) {
    await prompt.pressSequentially(line);
    await prompt.press('Enter');
  }
  await expect(runningPods(page)).toHaveCount(4, { timeout: 45_000 });
  await page.getByRole('button', { name: 'Editor', exact: true }).click();
  const editor = page.getByRole('region', { name: 'Manifest editor' });
  await editor.getByRole('button', { name: /New file/ }).click();
  await expect(editor.getByRole('tab', { name: 'untitled.yaml' })).toHaveAttribute('aria-selected', 'true');
  await editor.getByTestId('monaco-host').locator('.view-lines').click();
  await page.keyboard.type('# notes for the class');
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const dock = page.getByRole('complementary', { name: 'Lesson' });
  await dock.getByRole('link', { name: /Self-healing/ }).click();
  await expect(dock.getByRole('heading', { level: 2, name: 'Self-healing' })).toBeVisible();
  await page.getByRole('group', { name: 'Time controls' }).getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toContainText('paused');
  const sharedAt = await virtualNow(page);
  const objects = await listEverything(page);
  expect(objects).toContain('class-settings');

  // Share: a dialog with the link in a field labelled "Share link", and Copy.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this cluster' });
  const field = dialog.getByLabel('Share link');
  await expect(field).toHaveValue(/#\/share\/1\.[A-Za-z0-9_-]+$/);
  await expect(dialog).toContainText('the lesson “Self-healing”');
  const link = await field.inputValue();
  console.log(`share link: ${link.length} characters`);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await dialog.getByRole('button', { name: 'Copy' }).click();
  await expect(dialog.getByRole('status')).toContainText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await screenshot(page, 'share-1-dialog');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);

  // A student's fresh browser: nothing of their own there, so the link opens at once.
  const student = await freshStudent(browser);
  await student.page.goto(link);
  await expect(student.page.getByRole('status').filter({ hasText: 'Opened from a share link' })).toBeVisible({ timeout: 45_000 });
  await expect(runningPods(student.page)).toHaveCount(4, { timeout: 45_000 });
  await expect.poll(() => virtualNow(student.page)).toBe(sharedAt);
  await expect(student.page.getByRole('timer', { name: 'Virtual time' })).toContainText('paused');
  expect(await listEverything(student.page)).toBe(objects);
  await expect(student.page.getByRole('complementary', { name: 'Lesson' }).getByRole('heading', { level: 2, name: 'Self-healing' })).toBeVisible();
  await expect(student.page).toHaveURL(/#\/lessons\/self-healing$/);
  await student.page.getByRole('button', { name: 'Editor', exact: true }).click();
  const studentEditor = student.page.getByRole('region', { name: 'Manifest editor' });
  await expect(studentEditor.getByRole('tab', { name: 'untitled.yaml' })).toHaveAttribute('aria-selected', 'true');
  await expect(studentEditor.getByTestId('monaco-host').locator('.view-lines')).toContainText('# notes for the class');
  await screenshot(student.page, 'share-2-opened-1280');

  // A reload keeps the shared cluster and does not import the link again.
  await student.page.reload();
  await expect(runningPods(student.page)).toHaveCount(4, { timeout: 45_000 });
  await expect.poll(() => virtualNow(student.page)).toBe(sharedAt);
  await expect(student.page.getByRole('status').filter({ hasText: 'Opened from a share link' })).toHaveCount(0);

  // One character changed in the middle of the link: refused, with a message; nothing changes.
  const middle = link.indexOf('/share/') + 7 + Math.floor((link.length - link.indexOf('/share/') - 7) / 2);
  const tampered = link.slice(0, middle) + (link[middle] === 'A' ? 'B' : 'A') + link.slice(middle + 1);
  await student.page.goto(tampered);
  const refused = student.page.getByRole('alertdialog', { name: 'This share link cannot be opened' });
  await expect(refused).toContainText(/damaged on the way|not a share link|incomplete/, { timeout: 45_000 });
  await expect(refused).toContainText('Your own cluster and files were not changed.');
  await screenshot(student.page, 'share-3-tampered-refused');
  await refused.getByRole('button', { name: 'OK' }).click();
  await expect(refused).toHaveCount(0);
  await expect(student.page).toHaveURL(/#\/$/);
  await expect(runningPods(student.page)).toHaveCount(4);
  expect(await virtualNow(student.page)).toBe(sharedAt);

  // Cut short, as a chat app might: refused as incomplete.
  await student.page.goto(link.slice(0, link.length - 40));
  await expect(student.page.getByRole('alertdialog', { name: 'This share link cannot be opened' })).toContainText('incomplete', { timeout: 45_000 });
  await student.page.getByRole('button', { name: 'OK' }).click();

  // The instructor's own browser has work in it: opening a link asks first, and "Keep mine" keeps it.
  await page.goto(link);
  const ask = page.getByRole('dialog', { name: 'Open the shared cluster?' });
  await expect(ask).toContainText('replaces the cluster and the editor files', { timeout: 45_000 });
  await screenshot(page, 'share-4-asks-first');
  await ask.getByRole('button', { name: 'Keep mine' }).click();
  await expect(ask).toHaveCount(0);
  await expect(page).toHaveURL(/#\/$/);
  await expect(runningPods(page)).toHaveCount(4, { timeout: 45_000 });
  // Asked again, the instructor opens it: the shared moment, paused, replaces the cluster that had run on.
  await page.getByRole('group', { name: 'Time controls' }).getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => virtualNow(page)).toBeGreaterThan(sharedAt);
  await page.goto(link);
  await page.getByRole('dialog', { name: 'Open the shared cluster?' }).getByRole('button', { name: 'Open shared cluster' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Opened from a share link' })).toBeVisible({ timeout: 45_000 });
  await expect.poll(() => virtualNow(page), { timeout: 45_000 }).toBe(sharedAt);
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toContainText('paused');
  expect(await listEverything(page)).toBe(objects);

  expect(student.offHost, 'requests to hosts other than the local server').toEqual([]);
  await student.context.close();
});

test('in Korean: the Share dialog and a refused link speak Korean', async ({ page, browser }) => {
  await openPlayground(page, 'ko');
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: '공유', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '이 클러스터 공유하기' });
  const link = await dialog.getByLabel('공유 링크').inputValue();
  expect(link).toMatch(/#\/share\/1\./);
  await expect(dialog).toContainText('클러스터 화면');
  // Where the clipboard API is refused (a page over plain http), the link is selected for Ctrl+C.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('not allowed', 'NotAllowedError'));
  });
  await dialog.getByRole('button', { name: '복사' }).click();
  await expect(dialog.getByRole('status')).toContainText(/클립보드에 복사했습니다|Ctrl\+C/);
  const selected = await dialog.getByLabel('공유 링크').evaluate((el: HTMLInputElement) => [el.selectionStart, el.selectionEnd]);
  expect(selected).toEqual([0, link.length]);
  await screenshot(page, 'share-5-dialog-ko-1280');

  const student = await freshStudent(browser, 'ko');
  await student.page.goto(link.replace(/#\/share\/1\./, '#/share/9.'));
  const refused = student.page.getByRole('alertdialog', { name: '이 공유 링크를 열 수 없습니다' });
  await expect(refused).toContainText('더 새로운 버전', { timeout: 45_000 });
  await screenshot(student.page, 'share-6-too-new-ko-1280');
  await refused.getByRole('button', { name: '확인' }).click();
  await expect(student.page.getByRole('region', { name: /worker-1/ })).toBeVisible();
  await student.context.close();
});
