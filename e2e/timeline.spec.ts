import { expect, openPlayground, runningPods, screenshot, test, virtualNow } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The timeline under the canvas: a student scales the app, deletes a pod with the failure panel, then
 * goes back to before the fault and finds the pod as it was; steps event by event; continues from
 * there, which forks the history; and a reload keeps the fork.
 */
test.use({ viewport: { width: 1280, height: 720 } });

const slider = (page: Page, name = 'Moment of the cluster to show') => page.getByRole('slider', { name });

async function podName(page: Page): Promise<string> {
  return ((await runningPods(page).first().getAttribute('aria-label')) ?? '').replace(/^Pod (\S+): .*$/, '$1');
}

test('scrub back before a fault, step, continue from there; a reload keeps the fork', async ({ page }) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline.getByText('Live')).toBeVisible();

  // The student scales the app from the console.
  await page.getByRole('button', { name: 'Console', exact: true }).click();
  const prompt = page.getByRole('region', { name: 'kubectl console' }).getByLabel('kubectl command');
  await prompt.pressSequentially('kubectl scale deployment web --replicas=4');
  await prompt.press('Enter');
  await expect(runningPods(page)).toHaveCount(4, { timeout: 45_000 });
  await page.getByRole('button', { name: 'Console', exact: true }).click();

  // ... and deletes one pod with the failure panel.
  const victim = await podName(page);
  await page.getByRole('button', { name: 'Failures' }).click();
  const panel = page.getByRole('complementary', { name: 'Failure injection' });
  await panel.getByLabel('Fault', { exact: true }).selectOption('delete-pod');
  await panel.getByLabel('Target').selectOption(`default/${victim}`);
  await panel.getByRole('button', { name: 'Inject' }).click();
  await expect(page.getByRole('button', { name: `Pod ${victim}: Running` })).toHaveCount(0, { timeout: 45_000 });
  await expect(runningPods(page)).toHaveCount(4, { timeout: 45_000 });
  await page.getByRole('button', { name: 'Failures' }).click();

  // The marks: the scale and the fault, each with a tooltip saying what and when.
  const faultMark = timeline.locator('.timeline-mark.mark-fault');
  await expect(faultMark).toHaveAttribute('title', new RegExp(`^Fault at \\d\\d:\\d\\d:\\d\\d: delete-pod default/${victim}$`));
  await expect(timeline.locator('.timeline-mark.mark-change')).toHaveAttribute('title', /scale deployment web --replicas=4/);

  // Back to the fault: the pod is going. One event earlier: it is Running again, and the page says it is the past.
  await faultMark.click();
  const banner = timeline.getByRole('status');
  await expect(banner).toContainText(/Viewing \d\d:\d\d:\d\d — the cluster is paused in the past/);
  await timeline.getByRole('button', { name: 'Previous event' }).click();
  await expect(page.getByRole('button', { name: `Pod ${victim}: Running` })).toBeVisible();
  // The event before the fault may be the second the fourth pod started in, as it was before or after its
  // status write: three or four Running, the victim among them.
  await expect.poll(() => runningPods(page).count()).toBeGreaterThanOrEqual(3);
  const runningThen = await runningPods(page).count();
  const before = Number(await slider(page).inputValue());
  await expect(slider(page)).toHaveAttribute('aria-valuetext', /^\d\d:\d\d:\d\d, \d+ (s|min) before now$/);
  const time = page.getByRole('group', { name: 'Time controls' });
  await expect(time.getByRole('button', { name: /Play|Pause/ })).toBeDisabled();
  await screenshot(page, 'timeline-1-before-the-fault');

  // The past can be read but not changed.
  await page.getByRole('button', { name: 'Console', exact: true }).click();
  await prompt.pressSequentially('kubectl get deployment web');
  await prompt.press('Enter');
  await expect(page.getByRole('region', { name: 'kubectl console' })).toContainText(/web\s+[34]\/4/);
  await prompt.pressSequentially('kubectl scale deployment web --replicas=1');
  await prompt.press('Enter');
  await expect(page.getByRole('region', { name: 'kubectl console' })).toContainText('the cluster on screen is the past');
  await page.getByRole('button', { name: 'Console', exact: true }).click();

  // Step forward event by event with the keyboard, and back.
  await page.keyboard.press(']');
  await expect.poll(async () => Number(await slider(page).inputValue())).toBeGreaterThan(before);
  await page.keyboard.press('[');
  await expect.poll(async () => Number(await slider(page).inputValue())).toBe(before);

  // The slider itself: keyboard-operable, a second per arrow.
  await slider(page).focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => Number(await slider(page).inputValue())).toBe(before - 1000);
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => Number(await slider(page).inputValue())).toBe(before);

  // Back to now and return: the live cluster is as it was left.
  await timeline.getByRole('button', { name: 'Back to now' }).click();
  await expect(timeline.getByText('Live')).toBeVisible();
  await expect(page.getByRole('button', { name: `Pod ${victim}: Running` })).toHaveCount(0);
  await faultMark.click();
  await timeline.getByRole('button', { name: 'Previous event' }).click();
  await expect(page.getByRole('button', { name: `Pod ${victim}: Running` })).toBeVisible();

  // Continue from here: asked first; then this moment is the cluster, paused, and the fault never happened.
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('will be discarded');
    void dialog.accept();
  });
  await timeline.getByRole('button', { name: 'Continue from here' }).click();
  await expect(timeline.getByText('Live')).toBeVisible();
  await expect(faultMark).toHaveCount(0);
  await expect(page.getByRole('timer', { name: 'Virtual time' })).toContainText('paused');
  const forkedAt = await virtualNow(page);
  expect(forkedAt).toBe(before);
  await screenshot(page, 'timeline-2-continued');

  // A reload brings back the fork.
  await page.reload();
  await expect(page.getByRole('button', { name: `Pod ${victim}: Running` })).toBeVisible({ timeout: 45_000 });
  await expect(runningPods(page)).toHaveCount(runningThen);
  await expect.poll(() => virtualNow(page)).toBe(forkedAt);
  await expect(page.getByRole('region', { name: 'Timeline' }).locator('.timeline-mark.mark-fault')).toHaveCount(0);
});

test('in Korean: the past is named as such, with its two ways out', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page, 'ko');
  await expect(page.getByRole('button', { name: /^Pod web-[a-z0-9-]+: Running$/ })).toHaveCount(3, { timeout: 45_000 });
  await page.evaluate(() => window.kubePlayground!.kubectl('scale deployment web --replicas=5'));
  const timeline = page.getByRole('region', { name: '타임라인' });
  await expect(timeline.locator('.timeline-mark.mark-change')).toHaveCount(1);
  await timeline.locator('.timeline-mark.mark-change').click();
  await timeline.getByRole('button', { name: '이전 이벤트' }).click();
  await expect(timeline.getByRole('status')).toContainText('과거에 멈춰 있습니다');
  await expect(timeline.getByRole('button', { name: '현재로 돌아가기' })).toBeVisible();
  await expect(timeline.getByRole('button', { name: '여기서 이어 가기' })).toBeVisible();
  await expect(slider(page, '보여 줄 클러스터의 시점')).toHaveAttribute('aria-valuetext', /지금보다 .+ 전$/);
  await screenshot(page, 'timeline-3-past-ko');
  await timeline.getByRole('button', { name: '현재로 돌아가기' }).click();
  await expect(timeline.getByText('실시간')).toBeVisible();
});

test('a jump at a 30-virtual-minute session: the time it took, before and after the checkpoints are built', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  // A session of 30 virtual minutes, as the saved cluster a previous visit left: a scale, then time.
  await expect.poll(() => page.evaluate(() => localStorage.getItem('kube-playground.cluster') !== null)).toBe(true);
  const saved = await page.evaluate(() => {
    const record = JSON.parse(localStorage.getItem('kube-playground.cluster')!) as { snapshot: { inputs: unknown[] }; snapshotNow: number; clock: { now: number; running: boolean } };
    const start = Date.UTC(2026, 0, 1);
    record.snapshot.inputs = [record.snapshot.inputs[0], { op: 'advance', ms: 5 * 60_000 }, { op: 'kubectl', line: 'scale deployment web --replicas=5' }, { op: 'advance', ms: 25 * 60_000 }];
    record.snapshotNow = start + 30 * 60_000;
    record.clock = { ...record.clock, now: record.snapshotNow, running: false };
    return JSON.stringify(record);
  });
  // Written before the next load's scripts run (leaving the page saves the current cluster over it).
  await page.addInitScript((record) => {
    if (sessionStorage.getItem('seeded-30-minutes')) return;
    sessionStorage.setItem('seeded-30-minutes', '1');
    localStorage.setItem('kube-playground.cluster', record);
  }, saved);
  const reloadStarted = Date.now();
  await page.reload();
  await expect(runningPods(page)).toHaveCount(5, { timeout: 60_000 });
  const reloadMs = Date.now() - reloadStarted;
  const timeline = page.getByRole('region', { name: 'Timeline' });
  /** PageDown: one virtual minute back; the worker's replay time as the banner shows it. */
  const minuteBack = async () => {
    const from = Number(await slider(page).inputValue());
    await slider(page).focus();
    await page.keyboard.press('PageDown');
    await expect.poll(async () => Number(await slider(page).inputValue())).toBe(from - 60_000);
    return Number(((await timeline.getByTestId('timeline-replay-ms').textContent()) ?? '').replace(/\D/g, ''));
  };
  // Cold: no checkpoint yet, 29 minutes replayed from the seed.
  const cold = await minuteBack();
  await timeline.getByRole('button', { name: 'Back to now' }).click();
  // The worker builds checkpoints in its idle time (paused: up to 12 ms a frame).
  await page.waitForTimeout(15_000);
  const warm: number[] = [];
  for (let i = 0; i < 4; i++) warm.push(await minuteBack());
  const result = { session: '30 virtual minutes', reloadToFivePodsMs: reloadMs, coldJumpMs: cold, warmJumpsMs: warm };
  await testInfo.attach('timeline-jumps.json', { body: JSON.stringify(result, null, 1), contentType: 'application/json' });
  console.log(JSON.stringify(result));
  await screenshot(page, 'timeline-4-thirty-minutes');
});

test('the timeline stays under the canvas beside the lesson dock and in presenter mode', async ({ page }) => {
  test.setTimeout(90_000);
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toBeVisible();
  // Layout only: the boxes of the canvas, the dock and the timeline must not overlap.
  const box = async (selector: string) => (await page.locator(selector).first().boundingBox())!;
  const apart = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
    a.x + a.width <= b.x + 1 || b.x + b.width <= a.x + 1 || a.y + a.height <= b.y + 1 || b.y + b.height <= a.y + 1;

  await page.getByRole('banner').getByRole('button', { name: 'Lessons', exact: true }).click();
  await expect(page.getByRole('complementary', { name: 'Lesson' })).toBeVisible();
  const bar = await box('.timeline');
  expect(apart(bar, await box('.lesson-dock'))).toBe(true);
  expect(apart(bar, await box('.react-flow'))).toBe(true);
  await screenshot(page, 'timeline-5-with-lesson-dock');
  await page.getByRole('banner').getByRole('button', { name: 'Lessons', exact: true }).click();

  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.getByTestId('captions')).toBeVisible();
  await expect(timeline).toBeVisible();
  const presenterBar = await box('.timeline');
  expect(apart(presenterBar, await box('.react-flow'))).toBe(true);
  expect(apart(presenterBar, await box('[data-testid="captions"]'))).toBe(true);
  await screenshot(page, 'timeline-6-presenter');
});
