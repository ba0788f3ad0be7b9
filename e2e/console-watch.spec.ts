import { expect, openPlayground, runningPods, screenshot, test } from './fixtures';

/**
 * Commands that wait, as in a real terminal: `kubectl get pods -w` prints a row each time a pod
 * changes until Ctrl+C; `kubectl rollout status` follows a rolling update to its end; the simulation
 * keeps running at the chosen speed meanwhile.
 */
test('get -w streams new rows until Ctrl+C; rollout status follows a rolling update to the end', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 30_000 });
  await page.getByRole('group', { name: 'Time controls' }).getByLabel('Speed').selectOption('5');
  await page.getByRole('button', { name: 'Console', exact: true }).click();
  const consolePanel = page.getByRole('region', { name: 'kubectl console' });
  const prompt = consolePanel.getByLabel('kubectl command');
  const output = consolePanel.getByTestId('console-output');

  // 1. The watch: the table at once, and the prompt busy.
  await prompt.pressSequentially('kubectl get pods -w');
  await prompt.press('Enter');
  await expect(output).toContainText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/);
  await expect(consolePanel).toHaveAttribute('data-streaming', 'true');
  await expect(prompt).toHaveAttribute('placeholder', /Ctrl\+C/);
  // The watch's output is one growing entry: pin it by position (later commands add entries after it).
  const watch = output.locator('pre').nth((await output.locator('pre').count()) - 1);
  const lines = async () => (await watch.innerText()).split('\n');
  expect(await lines()).toHaveLength(4);

  // 2. Meanwhile a pod is deleted from the failure panel: its Terminating rows and its replacement's
  //    Pending → ContainerCreating → Running rows arrive under the same header.
  await page.getByRole('button', { name: 'Failures' }).click();
  const panel = page.getByRole('complementary', { name: 'Failure injection' });
  await panel.getByLabel('Fault', { exact: true }).selectOption('delete-pod');
  const victim = ((await runningPods(page).first().getAttribute('aria-label')) ?? '').replace(/^Pod (\S+): .*$/, '$1');
  await panel.getByLabel('Target').selectOption(`default/${victim}`);
  await panel.getByRole('button', { name: 'Inject' }).click();
  await expect(watch).toContainText(new RegExp(`${victim}\\s+1/1\\s+Terminating`));
  await expect(watch).toContainText(/ContainerCreating/);
  await expect.poll(async () => (await lines()).filter((l) => /\sRunning\s/.test(l)).length, { timeout: 30_000 }).toBeGreaterThan(3);
  const all = await lines();
  expect(all.filter((l) => l.startsWith('NAME'))).toHaveLength(1);
  // Every row's READY sits under the header's READY (web pods' names are all the same length).
  for (const row of all.slice(1)) expect(row.search(/\d\/\d/)).toBe(all[0]!.indexOf('READY'));
  await consolePanel.click();
  await screenshot(page, 'console-watch-1-rows');

  // 3. Ctrl+C: ^C is echoed, no more rows, the prompt is free.
  await prompt.press('Control+c');
  await expect(consolePanel).not.toHaveAttribute('data-streaming', 'true');
  expect((await lines()).pop()).toBe('^C');
  const stopped = (await lines()).length;

  // 4. A rolling update, followed to its end by rollout status while time runs (at 1×, to watch it).
  await page.getByRole('group', { name: 'Time controls' }).getByLabel('Speed').selectOption('1');
  await prompt.focus();
  await prompt.pressSequentially('kubectl set image deployment/web nginx=nginx:1.26');
  await prompt.press('Enter');
  await expect(output).toContainText('deployment.apps/web image updated');
  await prompt.pressSequentially('kubectl rollout status deployment/web');
  await prompt.press('Enter');
  await expect(output).toContainText('Waiting for deployment "web" rollout to finish:');
  await expect(consolePanel).toHaveAttribute('data-streaming', 'true');
  await screenshot(page, 'console-watch-2-rollout-waiting');
  await expect(output).toContainText('deployment "web" successfully rolled out', { timeout: 45_000 });
  await expect(consolePanel).not.toHaveAttribute('data-streaming', 'true');
  await expect(prompt).toBeFocused();
  // The cancelled watch printed nothing after its ^C, though the rollout changed every pod.
  expect(await lines()).toHaveLength(stopped);
  await screenshot(page, 'console-watch-3-rolled-out');

  // 5. kubectl wait answers "condition met"; the next command runs as usual.
  await prompt.pressSequentially('kubectl wait --for=condition=Available deployment/web --timeout=30s');
  await prompt.press('Enter');
  await expect(output).toContainText('deployment.apps/web condition met');
  await expect(consolePanel).not.toHaveAttribute('data-streaming', 'true');
});

test('Korean: the busy prompt and a wait that times out in virtual time', async ({ page }) => {
  await openPlayground(page, 'ko');
  await page.getByRole('group', { name: '시간 제어' }).getByLabel('속도').selectOption('50');
  await page.getByRole('button', { name: '콘솔', exact: true }).click();
  const consolePanel = page.getByRole('region', { name: 'kubectl 콘솔' });
  const prompt = consolePanel.getByLabel('kubectl 명령');
  const output = consolePanel.getByTestId('console-output');
  await prompt.pressSequentially('kubectl wait --for=condition=Ready=false deployment/web --timeout=20s');
  await prompt.press('Enter');
  await expect(consolePanel).toHaveAttribute('data-streaming', 'true');
  await expect(prompt).toHaveAttribute('placeholder', /Ctrl\+C/);
  await screenshot(page, 'console-watch-4-ko-busy');
  await expect(output).toContainText('error: timed out waiting for the condition on deployments.apps/web', { timeout: 30_000 });
  await expect(consolePanel).not.toHaveAttribute('data-streaming', 'true');
});
