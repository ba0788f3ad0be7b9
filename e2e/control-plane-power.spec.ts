import { expect, openPlayground, runningPods, screenshot, SCREENSHOT_DIR, test } from './fixtures';

const REFUSED = 'The connection to the server 10.0.0.10:6443 was refused - did you specify the right host or port?';

/**
 * Powering off the control-plane machine: every control-plane process stops with it, kubectl is refused,
 * the workers keep running their pods; powered on, the static pods start again and the cluster answers.
 */
test('power the control-plane node off and on from its right-click menu', async ({ page }) => {
  test.setTimeout(90_000);
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3);
  await page.getByRole('checkbox', { name: /Show kube-system pods/ }).check();
  const controlPlane = page.getByRole('region', { name: 'Control plane' });
  await expect(controlPlane.getByRole('button', { name: 'Pod kube-apiserver-control-plane: Running' })).toBeVisible();

  await controlPlane.locator('.box-header').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Faults for control-plane' });
  await expect(menu).toBeVisible();
  await menu.getByRole('menuitem', { name: 'Power off node' }).click();
  await expect(controlPlane).toHaveClass(/is-powered-off/);
  for (const c of ['kube-apiserver', 'kube-scheduler', 'kube-controller-manager']) await expect(page.locator(`[data-target="cp:${c}"]`)).toHaveClass(/is-stopped/);
  await expect(page.locator('[data-target="cp:etcd"]')).toContainText('2 of 3 running');
  // The mirror pods cannot be updated with the API server gone: their cards say so instead of "Running".
  await expect(controlPlane.getByRole('button', { name: 'Pod kube-apiserver-control-plane: unknown — API server down' })).toBeVisible();
  // The workers' pods keep running.
  await expect(runningPods(page)).toHaveCount(3);

  await page.getByRole('button', { name: 'Console', exact: true }).click();
  const consolePanel = page.getByRole('region', { name: 'kubectl console' });
  const prompt = consolePanel.getByLabel('kubectl command');
  const output = consolePanel.getByTestId('console-output');
  await prompt.pressSequentially('kubectl get nodes');
  await prompt.press('Enter');
  await expect(output.locator('pre').last()).toHaveText(REFUSED);
  await screenshot(page, 'control-plane-power-1-off');
  await controlPlane.screenshot({ path: `${SCREENSHOT_DIR}/control-plane-power-1-off-node.png` });

  await controlPlane.locator('.box-header').click({ button: 'right' });
  await page.getByRole('menu', { name: 'Faults for control-plane' }).getByRole('menuitem', { name: 'Power on node' }).click();
  await expect(controlPlane).not.toHaveClass(/is-powered-off/);
  // etcd, then kube-apiserver a few seconds later, then the scheduler and the controller-manager.
  await expect(page.locator('[data-target="cp:kube-apiserver"]')).not.toHaveClass(/is-stopped/, { timeout: 20_000 });
  await expect(page.locator('[data-target="cp:kube-scheduler"]')).not.toHaveClass(/is-stopped/);
  await expect(page.locator('[data-target="cp:kube-controller-manager"]')).not.toHaveClass(/is-stopped/);
  await prompt.pressSequentially('kubectl get nodes');
  await prompt.press('Enter');
  const table = output.locator('pre').last();
  await expect(table).toContainText(/control-plane\s+Ready\s+control-plane/);
  for (const n of ['worker-1', 'worker-2', 'worker-3']) await expect(table).toContainText(new RegExp(`${n}\\s+Ready`));
  await expect(controlPlane.getByRole('button', { name: 'Pod kube-apiserver-control-plane: Running' })).toBeVisible();
  await expect(runningPods(page)).toHaveCount(3);
  await screenshot(page, 'control-plane-power-2-back');
});

test('the control-plane power cycle speaks Korean', async ({ page }) => {
  await openPlayground(page, 'ko');
  await page.getByRole('button', { name: '장애', exact: true }).click();
  const panel = page.getByRole('complementary', { name: '장애 주입' });
  await panel.getByLabel('장애', { exact: true }).selectOption('node-down');
  await panel.getByLabel('대상').selectOption('control-plane');
  await panel.getByRole('button', { name: '주입' }).click();
  await expect(panel.getByTestId('fault-outcome')).toContainText('kube-apiserver');
  await expect(panel.getByTestId('fault-outcome')).toContainText('kubectl은 연결이 거부되지만');
  await page.getByRole('checkbox', { name: /kube-system Pod 보기/ }).check();
  await expect(page.getByRole('button', { name: 'Pod kube-scheduler-control-plane: 알 수 없음 — API 서버 중지' })).toBeVisible();
  await screenshot(page, 'control-plane-power-3-ko');
  await page.getByRole('region', { name: '컨트롤 플레인' }).screenshot({ path: `${SCREENSHOT_DIR}/control-plane-power-3-ko-node.png` });
});
