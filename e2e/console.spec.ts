import { expect, openPlayground, runningPods, screenshot, test } from './fixtures';

/** A file the student saved in the editor on an earlier visit (the editor keeps files in localStorage). */
const SAVED_POD = {
  files: [{ name: 'pod.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\nspec:\n  containers:\n  - name: hello\n    image: nginx:1.27\n' }],
  active: 'pod.yaml',
};

test('a student scales the Deployment from the kubectl console and watches the canvas follow', async ({ page }) => {
  await page.addInitScript((saved) => {
    if (!localStorage.getItem('kube-playground.editor-files')) localStorage.setItem('kube-playground.editor-files', saved);
  }, JSON.stringify(SAVED_POD));
  await openPlayground(page);
  // Time runs faster so the new pods come up sooner (the student's "5×").
  await page.getByRole('group', { name: 'Time controls' }).getByLabel('Speed').selectOption('5');
  await page.getByRole('button', { name: 'Console', exact: true }).click();
  const consolePanel = page.getByRole('region', { name: 'kubectl console' });
  const prompt = consolePanel.getByLabel('kubectl command');
  const output = consolePanel.getByTestId('console-output');
  await expect(prompt).toBeFocused();

  // Tab completes the object's name, asked of the cluster.
  await prompt.pressSequentially('kubectl scale deployment/w');
  await prompt.press('Tab');
  await expect(prompt).toHaveValue('kubectl scale deployment/web ');
  await prompt.pressSequentially('--replicas=5');
  await prompt.press('Enter');
  await expect(output).toContainText('deployment.apps/web scaled');
  await expect(runningPods(page)).toHaveCount(5, { timeout: 45_000 });

  // The leading `kubectl` is optional; the table keeps kubectl's column alignment.
  await prompt.pressSequentially('get deploy');
  await prompt.press('Enter');
  await expect(output).toContainText(/NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE/);
  const table = output.locator('pre').last();
  const [header, row] = (await table.innerText()).split('\n');
  expect(header!.indexOf('READY')).toBe(row!.indexOf('5/5'));
  await screenshot(page, 'console-scaled');

  // History: ↑ brings the last command back.
  await prompt.press('ArrowUp');
  await expect(prompt).toHaveValue('get deploy');
  await prompt.press('ArrowUp');
  await expect(prompt).toHaveValue('kubectl scale deployment/web --replicas=5');
  await prompt.press('ArrowDown');
  await prompt.press('ArrowDown');
  await expect(prompt).toHaveValue('');

  // `kubectl apply -f` reads a file open in the editor.
  await prompt.pressSequentially('kubectl apply -f po');
  await prompt.press('Tab');
  await expect(prompt).toHaveValue('kubectl apply -f pod.yaml ');
  await prompt.press('Enter');
  await expect(output).toContainText('pod/hello created');

  await prompt.pressSequentially('clear');
  await prompt.press('Enter');
  await expect(output.locator('pre')).toHaveCount(0);

  // History survives a reload.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Node worker-1' })).toBeVisible();
  await page.getByRole('button', { name: 'Console', exact: true }).click();
  await prompt.press('ArrowUp');
  await expect(prompt).toHaveValue('clear');
  await prompt.press('ArrowUp');
  await expect(prompt).toHaveValue('kubectl apply -f pod.yaml');
  await screenshot(page, 'console-after-reload');
});
