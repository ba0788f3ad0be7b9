import { expect, openPlayground, runningPods, screenshot, test } from './fixtures';

/**
 * An instructor's self-healing demo: kill a container (the kubelet restarts it), power off a node (the
 * control plane notices, evicts, and the Deployment is whole again elsewhere), stop the scheduler.
 */
test('failure panel and right-click menu inject faults and the cluster heals', async ({ page }) => {
  test.setTimeout(90_000);
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3);

  // 1. kill-container from the panel: RESTARTS becomes 1.
  await page.getByRole('button', { name: 'Failures' }).click();
  const panel = page.getByRole('complementary', { name: 'Failure injection' });
  await expect(panel).toBeVisible();
  await panel.getByLabel('Fault', { exact: true }).selectOption('kill-container');
  await expect(panel.getByText('RESTARTS goes up by one')).toBeVisible();
  const podName = ((await runningPods(page).first().getAttribute('aria-label')) ?? '').replace(/^Pod (\S+): .*$/, '$1');
  await panel.getByLabel('Target').selectOption(`default/${podName}`);
  await panel.getByRole('button', { name: 'Inject' }).click();
  await expect(panel.getByTestId('fault-outcome')).toContainText(`container "nginx" in pod "${podName}" killed`);
  const card = page.getByRole('button', { name: new RegExp(`^Pod ${podName}: `) });
  await expect(card).toHaveAttribute('title', /· 1 restarts$/);
  await expect(card).toContainText('↻1');
  await screenshot(page, 'faults-1-kill-container');

  // A probe fault is listed as in effect, with its undo (the starter app has a liveness probe).
  await panel.getByLabel('Fault', { exact: true }).selectOption('liveness-fail');
  await panel.getByLabel('Target').selectOption(`default/${podName}`);
  await panel.getByRole('button', { name: 'Inject' }).click();
  await expect(panel.getByTestId('fault-outcome')).toContainText(`liveness probe of container "nginx" in pod "${podName}" now fails`);
  await panel.getByRole('button', { name: new RegExp(`^Heal .*${podName}$`) }).click();
  await expect(panel.getByText('No fault in effect.')).toBeVisible();

  // 2. node-down worker-1 from the right-click menu, at 50×.
  const controls = page.getByRole('group', { name: 'Time controls' });
  await controls.getByLabel('Speed').selectOption('50');
  const worker1 = page.getByRole('region', { name: 'Node worker-1' });
  await worker1.getByRole('button', { name: /^Node worker-1/ }).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Faults for worker-1' });
  await expect(menu).toBeVisible();
  await screenshot(page, 'faults-2-node-menu');
  await menu.getByRole('menuitem', { name: 'Power off node' }).click();
  await expect(worker1).toHaveClass(/is-powered-off/);
  await expect(panel.getByRole('listitem').filter({ hasText: 'worker-1' })).toContainText('Power off node');
  // Node monitor grace period (50 s): the node controller marks it Unknown → NotReady on the canvas.
  await expect(worker1.getByRole('button', { name: 'Node worker-1: NotReady' })).toBeVisible({ timeout: 15_000 });
  await screenshot(page, 'faults-3-node-notready');
  // Eviction after the 300 s not-ready toleration, replacements on the other workers: 3/3 ready again.
  const deployment = page.getByRole('region', { name: 'Deployment web' });
  await expect(deployment).toContainText('3/3 ready', { timeout: 30_000 });
  const elsewhere = page.getByRole('region', { name: /^Node worker-[23]$/ }).getByRole('button', { name: /^Pod web-[a-z0-9-]+: Running$/ });
  await expect(elsewhere).toHaveCount(3, { timeout: 30_000 });
  await screenshot(page, 'faults-4-healed-elsewhere');

  // 3. stop kube-scheduler from the panel: the component is shown stopped; start it from the active list.
  await controls.getByLabel('Speed').selectOption('1');
  await panel.getByLabel('Fault', { exact: true }).selectOption('stop');
  await panel.getByLabel('Target').selectOption('kube-scheduler');
  await panel.getByRole('button', { name: 'Inject' }).click();
  const scheduler = page.locator('[data-target="cp:kube-scheduler"]');
  await expect(scheduler).toHaveClass(/is-stopped/);
  await expect(scheduler).toContainText('stopped');
  await screenshot(page, 'faults-5-scheduler-stopped');
  await panel.getByRole('button', { name: 'Start component kube-scheduler' }).click();
  await expect(scheduler).not.toHaveClass(/is-stopped/);
  await panel.getByRole('button', { name: 'Power on node worker-1' }).click();
  await expect(worker1).not.toHaveClass(/is-powered-off/);
});

test('the failure panel speaks Korean, and a partitioned node is drawn cut off', async ({ page }) => {
  await openPlayground(page, 'ko');
  await page.getByRole('button', { name: '장애', exact: true }).click();
  const panel = page.getByRole('complementary', { name: '장애 주입' });
  await panel.getByLabel('장애', { exact: true }).selectOption('partition');
  await expect(panel.getByText('컨트롤 플레인과 연결이 끊깁니다')).toBeVisible();
  await panel.getByLabel('대상').selectOption('worker-2');
  await panel.getByRole('button', { name: '주입' }).click();
  const worker2 = page.getByRole('region', { name: 'Node worker-2' });
  await expect(worker2).toHaveClass(/is-partitioned/);
  await expect(worker2).toContainText('단절됨');
  await screenshot(page, 'faults-6-partition-ko');
  await panel.getByRole('button', { name: '복구 worker-2' }).click();
  await expect(worker2).not.toHaveClass(/is-partitioned/);

  // Right-click a pod: crash loop → the card is marked, its container drawn down, CrashLoopBackOff; heal from the menu.
  const pod = page.getByRole('region', { name: 'Node worker-1' }).getByRole('button', { name: /^Pod web-/ }).first();
  await pod.click({ button: 'right' });
  await page.getByRole('menu').getByRole('menuitem', { name: '크래시 루프', exact: true }).click();
  await expect(pod).toHaveClass(/has-fault/);
  await expect(pod).toHaveAttribute('aria-label', /CrashLoopBackOff|Error/, { timeout: 15_000 });
  await expect(pod.locator('.container-badge.is-down')).toHaveCount(1);
  await screenshot(page, 'faults-7-crashloop-ko');
  await pod.click({ button: 'right' });
  await page.getByRole('menu').getByRole('menuitem', { name: 'Pod 복구' }).click();
  await expect(pod).not.toHaveClass(/has-fault/);
});
