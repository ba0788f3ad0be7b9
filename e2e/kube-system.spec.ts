import type { Page } from '@playwright/test';
import { expect, openPlayground, runningPods, screenshot, test } from './fixtures';

const STATIC_PODS = ['etcd-control-plane', 'kube-apiserver-control-plane', 'kube-controller-manager-control-plane', 'kube-scheduler-control-plane'];
const systemPodCards = (page: Page) => page.getByRole('button', { name: /^Pod (etcd|kube-|coredns)[a-z0-9-]*: / });

test('kubectl shows kube-system like a kubeadm cluster; the canvas hides it until asked, then draws it', async ({ page }) => {
  await openPlayground(page);
  await expect(runningPods(page)).toHaveCount(3, { timeout: 45_000 });
  // The first scene is the student's own workload only.
  await expect(systemPodCards(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Console', exact: true }).click();
  const consolePanel = page.getByRole('region', { name: 'kubectl console' });
  const prompt = consolePanel.getByLabel('kubectl command');
  const output = consolePanel.getByTestId('console-output');
  const table = output.locator('pre').last();
  // A cluster that just booted: the static pods' startup probes wait 10 s before the first check, so
  // the student asks again until the control plane reads 1/1.
  await expect(async () => {
    await prompt.pressSequentially('kubectl get pods -A');
    await prompt.press('Enter');
    await expect(table).toContainText(/NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/, { timeout: 2000 });
    for (const name of STATIC_PODS) await expect(table).toContainText(new RegExp(`kube-system\\s+${name}\\s+1/1\\s+Running`), { timeout: 500 });
  }).toPass({ timeout: 40_000, intervals: [2000] });
  await expect(table).toContainText(/kube-system\s+coredns-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/);
  await expect(table).toContainText(/default\s+web-[a-z0-9]+-[a-z0-9]{5}\s+1\/1\s+Running/);
  const text = await table.innerText();
  expect(text.match(/kube-system\s+kube-proxy-[a-z0-9]{5}\s/g)).toHaveLength(4);
  await screenshot(page, 'kube-system-console-get-pods-A');

  // `kubectl get pods` in default is the student's pods only.
  await prompt.pressSequentially('kubectl get pods');
  await prompt.press('Enter');
  await expect(output.locator('pre').last()).not.toContainText('kube-');
  await page.getByRole('button', { name: 'Console', exact: true }).click();

  // Show the cluster's own pods: the control plane's static pods appear inside the control-plane node.
  const toggle = page.getByRole('checkbox', { name: /Show kube-system pods \(10\)/ });
  await toggle.check();
  const controlPlane = page.getByRole('region', { name: 'Control plane' });
  for (const name of STATIC_PODS) await expect(controlPlane.getByRole('button', { name: `Pod ${name}: Running` })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Pod kube-proxy-[a-z0-9]{5}: Running$/ })).toHaveCount(4);
  await expect(page.getByRole('button', { name: /^Pod coredns-[a-z0-9]+-[a-z0-9]{5}: Running$/ })).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'Deployment coredns' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Service kube-dns' })).toBeVisible();
  await screenshot(page, 'kube-system-canvas-shown');

  // The inspector works for a mirror pod: its YAML shows the kubelet's annotations.
  await controlPlane.getByRole('button', { name: 'Pod kube-scheduler-control-plane: Running' }).click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  const yaml = inspector.getByTestId('object-yaml');
  await expect(yaml).toContainText('kubernetes.io/config.mirror:');
  await expect(yaml).toContainText('kind: Node');
  await expect(yaml).toContainText('priorityClassName: system-node-critical');
  await expect(inspector.getByText(/A static pod: the kubelet on control-plane runs it from a file/)).toBeVisible();
  await screenshot(page, 'kube-system-inspector-mirror-pod');

  await toggle.uncheck();
  await expect(systemPodCards(page)).toHaveCount(0);
});

test('in Korean: the toggle and the static pod explanation', async ({ page }) => {
  await openPlayground(page, 'ko');
  const toggle = page.getByRole('checkbox', { name: /kube-system Pod 보기 \(10개\)/ });
  await expect(toggle).not.toBeChecked();
  await toggle.check();
  const controlPlane = page.getByRole('region', { name: '컨트롤 플레인' });
  await controlPlane.getByRole('button', { name: /^Pod etcd-control-plane: / }).click();
  await expect(page.getByText(/정적\(static\) Pod입니다\. control-plane의 kubelet이/)).toBeVisible();
  await screenshot(page, 'kube-system-canvas-ko');
});
