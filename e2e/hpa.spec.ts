import { readFileSync } from 'node:fs';
import { expect, openPlayground, screenshot, test } from './fixtures';

const CORPUS = 'conformance/examples/application/';
/** The docs' HPA walkthrough, saved in the editor as a student would have it: the server and its autoscaler. */
const WALKTHROUGH = `${readFileSync(`${CORPUS}php-apache.yaml`, 'utf8')}---\n${readFileSync(`${CORPUS}hpa/php-apache.yaml`, 'utf8')}`;

test('the HPA walkthrough: a load generator makes the autoscaler add php-apache pods', async ({ page }) => {
  await page.addInitScript((saved) => {
    if (!localStorage.getItem('kube-playground.editor-files')) localStorage.setItem('kube-playground.editor-files', saved);
  }, JSON.stringify({ files: [{ name: 'php-apache.yaml', text: WALKTHROUGH }], active: 'php-apache.yaml' }));
  await openPlayground(page);
  await page.getByRole('group', { name: 'Time controls' }).getByLabel('Speed').selectOption('20');
  await page.getByRole('button', { name: 'Console', exact: true }).click();
  const consolePanel = page.getByRole('region', { name: 'kubectl console' });
  const prompt = consolePanel.getByLabel('kubectl command');
  const output = consolePanel.getByTestId('console-output');

  await prompt.pressSequentially('kubectl apply -f php-apache.yaml');
  await prompt.press('Enter');
  await expect(output).toContainText('horizontalpodautoscaler.autoscaling/php-apache created');
  const deployment = page.getByRole('region', { name: 'Deployment php-apache' });
  // The autoscaler's first pass: the badge on the Deployment shows the measured CPU against the target.
  await expect(deployment.getByRole('button', { name: /HPA cpu: \d+%\/50% · 1–10 pods/ })).toBeVisible({ timeout: 30_000 });

  await prompt.pressSequentially('kubectl run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"');
  await prompt.press('Enter');
  await expect(output).toContainText('pod/load-generator created');
  // Under load the HPA scales up: 4 first (its max(2×1, 4) limit), then towards 7.
  await expect(deployment.getByText(/^\d+\/(4|5|6|7) ready$/)).toBeVisible({ timeout: 45_000 });
  await expect(deployment.getByRole('button', { name: /HPA cpu: \d{2,3}%\/50%/ })).toBeVisible();

  await prompt.pressSequentially('kubectl get hpa');
  await prompt.press('Enter');
  await expect(output).toContainText(/php-apache\s+Deployment\/php-apache\s+cpu: \d+%\/50%\s+1\s+10\s+\d+\s/);
  await screenshot(page, 'hpa-scaled-up');

  // The badge opens the HPA in the inspector, with its conditions.
  await deployment.getByRole('button', { name: /HPA/ }).click();
  await expect(page.getByRole('complementary').getByText('ValidMetricFound').first()).toBeVisible();
  await screenshot(page, 'hpa-inspector');
});
