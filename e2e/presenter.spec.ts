import { expect, openPlayground, runningPods, screenshot, test } from './fixtures';

/** An instructor at a 1280x720 projector: presenter mode, two prepared demos stepped with the keyboard. */

test('presenter mode: the scheduler-stopped demo, stepped with N', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.getByTestId('captions')).toBeVisible();
  await screenshot(page, 'presenter-1-home-1280');

  await page.getByRole('navigation', { name: 'Prepared demos' }).getByRole('button', { name: 'Scheduler stopped' }).click();
  const demo = page.getByTestId('presenter-demo');
  await expect(demo).toContainText('Step 1 of 5');
  await expect(demo).toHaveAttribute('data-step', '0');
  await expect(demo.getByRole('button', { name: /Next step/ })).toBeEnabled();

  await page.keyboard.press('n');
  await expect(demo).toContainText('Step 2 of 5');
  await expect(page.locator('[data-target="cp:kube-scheduler"]')).toHaveClass(/is-stopped/);

  await page.keyboard.press('n');
  await expect(demo).toContainText('Step 3 of 5');
  await expect(page.getByRole('button', { name: /^Pod web-[a-z0-9-]+: Pending$/ })).toHaveCount(2);
  await expect(demo).toContainText('kubectl scale deployment/web --replicas=5');
  await screenshot(page, 'presenter-2-pending-1280');

  await page.keyboard.press('ArrowRight');
  await expect(demo).toContainText('Step 4 of 5');
  await expect(runningPods(page)).toHaveCount(5, { timeout: 20_000 });
  await page.keyboard.press('PageDown');
  await expect(demo).toContainText('Step 5 of 5');
  await expect(runningPods(page)).toHaveCount(3, { timeout: 30_000 });
  await demo.getByRole('button', { name: 'Finish' }).click();
  await expect(page.getByRole('navigation', { name: 'Prepared demos' })).toBeVisible();
});

test('presenter mode: a bad rollout and its undo, with the chosen zoom kept (Korean)', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openPlayground(page, 'ko');
  await expect(page.getByRole('button', { name: /^Pod web-[a-z0-9-]+: Running$/ })).toHaveCount(3, { timeout: 45_000 });
  // The simulation is live (the timeline under the canvas has arrived): the first frame is painted from the
  // build's snapshot, and the canvas's size settles once the timeline is there.
  await expect(page.getByRole('region', { name: '타임라인' })).toBeVisible({ timeout: 45_000 });
  await page.getByRole('button', { name: '발표 모드' }).click();

  // The presenter zooms in; opening a panel and injecting a fault keep that zoom.
  await page.getByRole('button', { name: '확대', exact: true }).click();
  await page.getByRole('button', { name: '확대', exact: true }).click();
  await page.waitForTimeout(400);
  const viewport = page.locator('.react-flow__viewport');
  const chosen = await viewport.getAttribute('style');

  await page.getByRole('navigation', { name: '준비된 데모' }).getByRole('button', { name: '잘못된 롤아웃과 되돌리기' }).click();
  const demo = page.getByTestId('presenter-demo');
  await expect(demo).toContainText('5단계 중 1단계');
  await page.keyboard.press('n');
  await expect(demo).toContainText('5단계 중 2단계');
  await expect(page.getByRole('button', { name: /^Pod web-[a-z0-9-]+: (ErrImagePull|ImagePullBackOff)$/ })).toHaveCount(1, { timeout: 20_000 });
  await expect(page.getByTestId('captions')).toContainText(/받지 못했습니다|ImagePullBackOff|ErrImagePull/);
  await page.waitForTimeout(500);
  expect(await viewport.getAttribute('style')).toBe(chosen);
  await screenshot(page, 'presenter-3-bad-rollout-ko-1280');

  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await expect(demo).toContainText('5단계 중 4단계');
  await expect(demo).toContainText('kubectl rollout undo deployment/web');
  await expect(page.getByRole('button', { name: /^Pod web-[a-z0-9-]+: (ErrImagePull|ImagePullBackOff)$/ })).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: /^Pod web-[a-z0-9-]+: Running$/ })).toHaveCount(3);
  await page.getByRole('button', { name: '클러스터를 화면에 맞추기' }).click();
  await page.waitForTimeout(400);
  await screenshot(page, 'presenter-4-undone-ko-1280');

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByRole('button', { name: '클러스터를 화면에 맞추기' }).click();
  await page.waitForTimeout(400);
  await screenshot(page, 'presenter-5-ko-1440');
});
