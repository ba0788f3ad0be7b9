import { expect, openPlayground, runningPods, screenshot, test } from './fixtures';

/**
 * A student looks inside the cluster from a pod, as on a real one: `kubectl exec` runs a command in a
 * container, and `kubectl exec -it POD -- sh` opens a shell there whose commands see the container's
 * hostname, files and network (cluster DNS, the Service through kube-proxy).
 */
test('kubectl exec, then a shell inside a busybox pod that resolves and reaches the web Service', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Console', exact: true }).click();
  const consolePanel = page.getByRole('region', { name: 'kubectl console' });
  const prompt = consolePanel.getByLabel('kubectl command');
  const output = consolePanel.getByTestId('console-output');
  const type = async (text: string) => {
    await prompt.pressSequentially(text);
    await prompt.press('Enter');
  };

  // 1. One command in one of the Deployment's pods: nginx's own page, from inside.
  await type('kubectl exec deploy/web -- curl -s localhost');
  await expect(output).toContainText('Welcome to nginx!');

  // 2. A client pod, and a shell in it.
  await type('kubectl run client --image=busybox:1.36 -- sleep 3600');
  await type('kubectl wait --for=condition=Ready pod/client');
  await expect(output).toContainText('pod/client condition met', { timeout: 30_000 });
  await type('kubectl exec -it client -- sh');
  const shell = consolePanel.getByLabel('Command in the container');
  await expect(shell).toHaveAttribute('placeholder', /Inside the container/);
  await expect(consolePanel.locator('.console-input-row')).toContainText('/ #');

  await shell.pressSequentially('hostname');
  await shell.press('Enter');
  await expect(output).toContainText('/ # hostname');
  await expect(output.locator('pre').last()).toContainText('client');
  await shell.pressSequentially('nslookup web');
  await shell.press('Enter');
  await expect(output).toContainText(/Name:\s+web\.default\.svc\.cluster\.local/);
  await shell.pressSequentially('wget -qO- http://web | head -4');
  await shell.press('Enter');
  await expect(output.locator('pre').last()).toContainText('<title>Welcome to nginx!</title>');
  await shell.pressSequentially('nslookup nosuchsvc');
  await shell.press('Enter');
  await expect(output).toContainText("** server can't find nosuchsvc: NXDOMAIN");
  await consolePanel.click();
  await screenshot(page, 'exec-1-shell');

  // 3. exit leaves the container: the kubectl prompt is back.
  await shell.pressSequentially('exit');
  await shell.press('Enter');
  await expect(consolePanel).not.toHaveAttribute('data-streaming', 'true');
  await expect(consolePanel.getByLabel('kubectl command')).toBeVisible();

  // 4. In Korean, on a projector-sized screen.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByLabel('Language').selectOption('ko');
  const koPanel = page.getByRole('region', { name: 'kubectl 콘솔' });
  await koPanel.getByLabel('kubectl 명령').pressSequentially('kubectl exec -it client -- sh');
  await koPanel.getByLabel('kubectl 명령').press('Enter');
  const koShell = koPanel.getByLabel('컨테이너 안에서 실행할 명령');
  await expect(koShell).toHaveAttribute('placeholder', /컨테이너 안/);
  await koShell.pressSequentially('cat /etc/resolv.conf');
  await koShell.press('Enter');
  await expect(koPanel.getByTestId('console-output')).toContainText('nameserver 10.96.0.10');
  await koPanel.click();
  await screenshot(page, 'exec-2-shell-ko-1280');
  await koShell.press('Control+c');
  await expect(koPanel).not.toHaveAttribute('data-streaming', 'true');
});
