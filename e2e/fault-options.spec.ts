import type { Page } from '@playwright/test';
import { expect, openPlayground, screenshot, test } from './fixtures';

/** The failure panel must not hide the cluster: every worker stays fully visible beside it. */
async function expectNodesBesidePanel(page: Page): Promise<void> {
  const panel = page.getByTestId('failure-panel');
  await expect(panel).toBeVisible();
  const viewport = page.viewportSize()!;
  for (const name of ['worker-1', 'worker-2', 'worker-3']) {
    const node = page.getByRole('region', { name: `Node ${name}` });
    // The canvas re-fits (with a short animation) once the panel has taken its column.
    await expect
      .poll(async () => {
        const [n, p] = [await node.boundingBox(), await panel.boundingBox()];
        if (!n || !p) return 'not drawn';
        if (n.x + n.width > p.x) return `${name} reaches under the panel (${Math.round(n.x + n.width)} > ${Math.round(p.x)})`;
        if (n.x < 0 || n.y < 0 || n.y + n.height > viewport.height) return `${name} is off screen`;
        return 'visible';
      })
      .toBe('visible');
  }
}

for (const [width, height] of [
  [1600, 900],
  [1280, 720],
] as const) {
  for (const language of ['en', 'ko'] as const) {
    test(`the failure panel leaves every node visible at ${width}×${height} (${language})`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await openPlayground(page, language);
      await page.getByRole('button', { name: language === 'en' ? 'Failures' : '장애', exact: true }).click();
      await expectNodesBesidePanel(page);
      await screenshot(page, `fault-panel-${width}x${height}-${language}`);
      // With the inspector open as well, the canvas re-fits again: still every node in view.
      await page.getByRole('region', { name: 'Node worker-3' }).getByRole('button', { name: /^Pod web-/ }).first().click();
      await expect(page.getByRole('complementary', { name: language === 'en' ? 'Inspector' : '인스펙터' })).toBeVisible();
      await expectNodesBesidePanel(page);
      await screenshot(page, `fault-panel-${width}x${height}-${language}-inspector`);
      // Closing it gives the canvas its width back.
      await page
        .getByTestId('failure-panel')
        .getByRole('button', { name: language === 'en' ? 'Close' : '닫기' })
        .click();
      await expect(page.getByTestId('failure-panel')).toHaveCount(0);
    });
  }
}

test('a teacher kills a chosen container with exit code 137 and reads the result in Korean', async ({ page }) => {
  test.setTimeout(90_000);
  await openPlayground(page, 'ko');
  // A pod with three containers from the Kubernetes docs (a counter and two log-streaming sidecars).
  await page.getByRole('button', { name: '편집기', exact: true }).click();
  const editor = page.getByRole('region', { name: '매니페스트 편집기' });
  await editor.getByLabel('예제').selectOption({ label: 'admin/logging/two-files-counter-pod-streaming-sidecar.yaml' });
  await editor.getByRole('button', { name: '적용', exact: true }).click();
  await expect(editor.getByRole('region', { name: '결과' })).toContainText('pod/counter created');
  await page.getByRole('button', { name: '편집기', exact: true }).click();
  const counter = page.getByRole('button', { name: /^Pod counter: Running$/ });
  await expect(counter).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: '장애', exact: true }).click();
  const panel = page.getByRole('complementary', { name: '장애 주입' });
  await panel.getByLabel('장애', { exact: true }).selectOption('kill-container');
  // The teacher picks the pod by clicking it on the canvas.
  await counter.click();
  await expect(panel.getByLabel('대상')).toHaveValue('default/counter');
  const container = panel.getByLabel('컨테이너', { exact: true });
  await expect(container.locator('option')).toHaveText(['count (첫 번째)', 'count-log-1', 'count-log-2']);
  await container.selectOption('count-log-1');

  // A wrong exit code is explained next to the field, and nothing can be sent.
  const exitCode = panel.getByLabel('종료 코드', { exact: true });
  await exitCode.fill('300');
  await expect(panel.getByText('종료 코드는 0부터 255까지의 정수입니다.')).toBeVisible();
  await expect(exitCode).toHaveAttribute('aria-invalid', 'true');
  const inject = panel.getByRole('button', { name: '주입' });
  await expect(inject).toBeDisabled();
  await screenshot(page, 'fault-options-1-invalid-exit-code-ko');
  await panel.getByRole('group', { name: '자주 쓰는 종료 코드' }).getByRole('button', { name: '137 · SIGKILL' }).click();
  await expect(exitCode).toHaveValue('137');
  await expect(inject).toBeEnabled();
  await inject.click();

  await expect(panel.getByTestId('fault-outcome')).toContainText('"counter" Pod의 "count-log-1" 컨테이너를 종료했습니다 (종료 코드 137)');
  // The kubelet restarts it: the card counts one restart, the inspector says which container.
  await expect(counter).toContainText('↻1');
  const inspector = page.getByRole('complementary', { name: '인스펙터' });
  const containers = inspector.locator('.container-list > li');
  await expect(containers.filter({ hasText: 'count-log-1 busybox' })).toContainText('↻1');
  await expect(containers.filter({ hasText: /^\s*count busybox/ })).not.toContainText('↻');
  await expect(containers.filter({ hasText: 'count-log-2 busybox' })).not.toContainText('↻');
  await screenshot(page, 'fault-options-2-killed-container-ko');
});

test('a bad-image rollout with an image the teacher typed; "options…" on a pod opens the panel prefilled', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Failures' }).click();
  const panel = page.getByRole('complementary', { name: 'Failure injection' });
  await panel.getByLabel('Fault', { exact: true }).selectOption('bad-image');
  await panel.getByLabel('Target').selectOption('default/web');
  const image = panel.getByLabel('Image');
  // Left empty, the engine picks a tag that does not exist; the field says which.
  await expect(image).toHaveAttribute('placeholder', 'nginx:1.27-doesnotexist');
  await image.fill('nginx 1.27');
  await expect(panel.getByText('An image is written like nginx:1.27')).toBeVisible();
  await image.fill('nginx:1.27-typo');
  await panel.getByRole('button', { name: 'Inject' }).click();
  await expect(panel.getByTestId('fault-outcome')).toHaveText(/deployment\.apps\/web image updated: container "nginx" now uses "nginx:1\.27-typo", which cannot be pulled/);
  // The new ReplicaSet's pod cannot pull it; the old pods keep serving.
  await expect(page.getByRole('button', { name: /^Pod web-[a-z0-9-]+: (ErrImagePull|ImagePullBackOff)$/ }).first()).toBeVisible({ timeout: 30_000 });
  await screenshot(page, 'fault-options-3-bad-image');

  // Right-click a pod: "options…" beside crash loop opens the panel on crash loop and that pod.
  const pod = page.getByRole('region', { name: 'Node worker-1' }).getByRole('button', { name: /^Pod web-[a-z0-9-]+: Running$/ }).first();
  const podName = ((await pod.getAttribute('aria-label')) ?? '').replace(/^Pod (\S+): .*$/, '$1');
  await pod.click({ button: 'right' });
  await expect(page.getByRole('menu')).toBeVisible();
  await screenshot(page, 'fault-options-pod-menu');
  await page.getByRole('menu').getByRole('menuitem', { name: 'Crash loop: More options…' }).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(panel.getByLabel('Fault', { exact: true })).toHaveValue('crashloop');
  await expect(panel.getByLabel('Target')).toHaveValue(`default/${podName}`);
  await expect(panel.getByLabel('Exit code', { exact: true })).toHaveValue('1');
  await panel.getByLabel('Seconds until it happens').fill('0');
  await expect(panel.getByText('Give a number of seconds from 1 to 3600.')).toBeVisible();
  await panel.getByLabel('Seconds until it happens').fill('3');
  await panel.getByRole('group', { name: 'Common exit codes' }).getByRole('button', { name: '143 · SIGTERM' }).click();
  await panel.getByRole('button', { name: 'Inject' }).click();
  await expect(panel.getByTestId('fault-outcome')).toContainText(`container "nginx" in pod "${podName}" now exits with code 143 after each start`);
  await expect(panel.getByRole('listitem').filter({ hasText: podName })).toContainText('Crash loop');
  await screenshot(page, 'fault-options-4-crashloop-prefilled');
});
