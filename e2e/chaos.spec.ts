import { expect, openPlayground, runningPods, screenshot, test } from './fixtures';

/**
 * An instructor's chaos demo: seed 42, chaos on at a high rate, time sped up; faults appear in the log,
 * the in-effect list and on the canvas; chaos off, and the Deployment heals. Then the console's
 * companion command: `fault delete-pod NAME`, a bad target, Tab completion, `chaos status`.
 */
test('chaos mode injects seeded faults that show like manual ones, and the cluster heals after it stops', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'Failures' }).click();
  const panel = page.getByRole('complementary', { name: 'Failure injection' });
  const chaos = panel.getByRole('region', { name: 'Chaos mode' });
  await expect(chaos.getByTestId('chaos-state')).toHaveText('Off');
  // The seed defaults to the cluster's (1); the instructor types the one to replay.
  await expect(chaos.getByLabel('Seed')).toHaveValue('1');
  await chaos.getByLabel('Seed').fill('42');
  await chaos.getByLabel('Rate').selectOption('8');
  const toggle = chaos.getByRole('switch', { name: 'Chaos mode' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(chaos.getByTestId('chaos-state')).toContainText('On: 8 faults per minute, seed 42');
  await expect(chaos.getByLabel('Seed')).toBeDisabled();

  const controls = page.getByRole('group', { name: 'Time controls' });
  await controls.getByLabel('Speed').selectOption('10');
  // A fault with a lasting effect (crash loop, failing probe, node off or cut off) is in effect and marked on the canvas.
  const inEffect = panel.getByRole('region', { name: 'In effect' }).getByRole('listitem');
  await expect(inEffect.first()).toBeVisible({ timeout: 60_000 });
  const marks = page.locator('.pod-card.has-fault, .worker-node.is-powered-off, .worker-node.is-partitioned');
  await expect(marks.first()).toBeVisible({ timeout: 5_000 });
  await screenshot(page, 'chaos-1-faults-in-effect');
  const log = chaos.getByRole('list', { name: 'What chaos did' }).getByRole('listitem');
  await expect.poll(() => log.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(4);
  await expect(log.first()).toContainText(/injected|healed|skipped/);
  await expect(chaos.getByTestId('chaos-state')).toContainText(/faults injected so far/);

  // Off: nothing new is injected; the heals chaos scheduled still happen, and the Deployment is whole again.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(chaos.getByTestId('chaos-state')).toContainText(/^Off/);
  await expect(chaos.getByLabel('Seed')).toHaveValue('42');
  await controls.getByLabel('Speed').selectOption('50');
  const deployment = page.getByRole('region', { name: 'Deployment web' });
  await expect(deployment).toContainText('3/3 ready', { timeout: 60_000 });
  await expect(inEffect).toHaveCount(0, { timeout: 60_000 });
  await expect(chaos.getByTestId('chaos-state')).not.toContainText('scheduled', { timeout: 30_000 });
  await expect(deployment).toContainText('3/3 ready', { timeout: 30_000 });
  await screenshot(page, 'chaos-2-healed');
});

test('the console runs fault and chaos commands with completion and clear errors', async ({ page }) => {
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'Console', exact: true }).click();
  const consolePanel = page.getByRole('region', { name: 'kubectl console' });
  const prompt = consolePanel.getByLabel('kubectl command');
  const output = consolePanel.getByTestId('console-output');

  await prompt.pressSequentially('help');
  await prompt.press('Enter');
  await expect(output).toContainText('"fault NAME TARGET [key=value]" injects a failure');

  // Tab completes the fault name, then the target among the cluster's nodes.
  await prompt.pressSequentially('fault node-d');
  await prompt.press('Tab');
  await expect(prompt).toHaveValue('fault node-down ');
  await prompt.pressSequentially('wor');
  await prompt.press('Tab');
  await expect(prompt).toHaveValue('fault node-down worker-');
  await prompt.fill('');

  const podName = ((await runningPods(page).first().getAttribute('aria-label')) ?? '').replace(/^Pod (\S+): .*$/, '$1');
  await prompt.pressSequentially(`fault delete-pod ${podName.slice(0, -3)}`);
  await prompt.press('Tab');
  await expect(prompt).toHaveValue(`fault delete-pod ${podName} `);
  await prompt.press('Enter');
  await expect(output).toContainText(`pod "${podName}" deleted`);
  // Its ReplicaSet replaces it on the canvas.
  await expect(page.getByRole('button', { name: new RegExp(`^Pod ${podName}: `) })).toHaveCount(0, { timeout: 30_000 });
  await expect(runningPods(page)).toHaveCount(3, { timeout: 30_000 });

  await prompt.pressSequentially('fault delete-pod nope');
  await prompt.press('Enter');
  await expect(output.locator('pre.is-stderr').last()).toHaveText('error: pod "nope" not found in namespace "default"');
  await prompt.pressSequentially('fault meteor worker-1');
  await prompt.press('Enter');
  await expect(output.locator('pre.is-stderr').last()).toContainText('error: unknown fault "meteor"');

  await prompt.pressSequentially('chaos on rate=2 seed=7');
  await prompt.press('Enter');
  await expect(output).toContainText('chaos on: 2 faults per minute on average, seed 7');
  await prompt.pressSequentially('chaos status');
  await prompt.press('Enter');
  await expect(output.locator('pre.is-stdout').last()).toContainText(/chaos on: 2 faults per minute on average, seed 7 .*next fault at \d\d:\d\d:\d\d/);
  await prompt.pressSequentially('chaos off');
  await prompt.press('Enter');
  await expect(output.locator('pre.is-stdout').last()).toContainText(/^chaos off/);
  await screenshot(page, 'chaos-3-console');

  // The failure panel shows the same chaos state, in Korean too.
  await page.getByRole('button', { name: 'Failures' }).click();
  await expect(page.getByTestId('chaos-state')).toHaveText('Off');
  await expect(page.getByRole('region', { name: 'Chaos mode' }).getByLabel('Seed')).toHaveValue('7');
});

test('chaos mode speaks Korean, and survives a worker crash (the snapshot replays it)', async ({ page }) => {
  await openPlayground(page, 'ko');
  await page.getByRole('button', { name: '장애', exact: true }).click();
  const chaos = page.getByRole('region', { name: '카오스 모드' });
  await chaos.getByLabel('빈도').selectOption('4');
  await chaos.getByRole('switch', { name: '카오스 모드' }).click();
  await expect(chaos.getByTestId('chaos-state')).toContainText('켜짐: 분당 4회, 시드 1');
  await screenshot(page, 'chaos-4-ko');
  await page.getByRole('group', { name: '시간 제어' }).getByLabel('속도').selectOption('10');
  await expect(chaos.getByRole('list', { name: '카오스 기록' }).getByRole('listitem').first()).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(2500); // a periodic snapshot
  await page.evaluate(() => void window.kubePlayground?.crash());
  await expect(page.getByRole('status').filter({ hasText: '마지막 스냅샷에서 다시 시작했습니다' })).toBeVisible({ timeout: 30_000 });
  await expect(chaos.getByTestId('chaos-state')).toContainText('켜짐: 분당 4회, 시드 1');
  await expect(chaos.getByRole('list', { name: '카오스 기록' }).getByRole('listitem').first()).toBeVisible();
  await chaos.getByRole('switch', { name: '카오스 모드' }).click();
  await expect(chaos.getByTestId('chaos-state')).toContainText('꺼짐');
});

test('the instructor narrows chaos to one kind of fault: every injection is that kind', async ({ page }) => {
  test.setTimeout(90_000);
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'Failures' }).click();
  const chaos = page.getByRole('complementary', { name: 'Failure injection' }).getByRole('region', { name: 'Chaos mode' });
  const kinds = chaos.getByRole('group', { name: 'Faults chaos may inject' });
  for (const name of ['Delete pod', 'Crash loop', 'Fail liveness probe', 'Fail readiness probe', 'Power off node', 'Network partition']) {
    await kinds.getByLabel(name).uncheck();
  }
  await expect(kinds.getByLabel('Kill container')).toBeChecked();
  // The last kind cannot be unchecked: chaos needs at least one.
  await kinds.getByLabel('Kill container').click();
  await expect(kinds.getByLabel('Kill container')).toBeChecked();
  await chaos.getByLabel('Rate').selectOption('8');
  await chaos.getByRole('switch', { name: 'Chaos mode' }).click();
  await page.getByRole('group', { name: 'Time controls' }).getByLabel('Speed').selectOption('10');
  const injected = chaos.getByRole('list', { name: 'What chaos did' }).getByRole('listitem').filter({ hasText: 'injected' });
  await expect.poll(() => injected.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  for (const text of await injected.allInnerTexts()) expect(text).toContain('Kill container');
  await screenshot(page, 'chaos-5-one-kind');
});
