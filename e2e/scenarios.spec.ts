/**
 * Concept scenarios, as a student meets them: open one by its address (or from the header's menu), turn
 * a knob, watch the numbers and the picture change, get a clear refusal for a bad value, and go back to
 * the cluster to find it exactly as it was.
 */
import type { Page } from '@playwright/test';
import { expect, openPlayground, screenshot, test, virtualNow } from './fixtures';

async function openScenario(page: Page, id: string, language: 'en' | 'ko' = 'en'): Promise<void> {
  await page.addInitScript((lang) => {
    try {
      localStorage.setItem('kube-playground.language', lang);
    } catch {
      /* ignore */
    }
  }, language);
  await page.goto(`./#/scenarios/${id}`);
}

// The scenarios animate a canvas while the clock runs: allow a loaded machine more time than the default.
test.describe.configure({ timeout: 120_000 });

function metric(page: Page, id: string, lane: string) {
  return page.locator(`.metric-value[data-metric="${id}"][data-lane="${lane}"]`);
}

test.describe('eras', () => {
  test('opened by its address: three eras side by side; the guest OS knob changes VM density and the picture', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openScenario(page, 'eras');
    await expect(page.getByRole('heading', { name: 'Bare metal, VMs, containers' })).toBeVisible();
    const controls = page.getByRole('region', { name: 'Scenario controls' });
    await expect(controls).toBeVisible();
    await expect(page.getByRole('region', { name: /^Lane: Virtual machines/ })).toBeVisible();
    await expect(metric(page, 'appsPerMachine', 'vms')).toHaveAttribute('data-value', '7');
    await expect(metric(page, 'appsPerMachine', 'containers')).toHaveAttribute('data-value', '15');
    await expect(page.getByRole('region', { name: /^VM: vm-4/ })).toContainText('2 vCPU · 3 GiB');
    await expect(page.getByRole('heading', { name: 'What to try' })).toBeVisible();
    await screenshot(page, 'scenario-eras-1440');

    await controls.getByLabel('Guest OS size (per VM)').fill('8');
    await controls.getByLabel('Guest OS size (per VM)').press('Enter');
    await expect(metric(page, 'appsPerMachine', 'vms')).toHaveAttribute('data-value', '6');
    await expect(metric(page, 'appsPerMachine', 'containers')).toHaveAttribute('data-value', '15');
    // Each VM now carries an 8 GiB guest OS.
    await expect(page.getByRole('region', { name: /^VM: vm-4/ })).toContainText('2 vCPU · 10 GiB');
    await expect(page.getByText('12 apps deployed again in every era').first()).toBeVisible();
  });

  test('the batch app spikes: neighbours starve on one shared server and in containers without limits', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openScenario(page, 'eras');
    const controls = page.getByRole('region', { name: 'Scenario controls' });
    await controls.getByLabel('Bare metal layout').selectOption({ label: 'All apps on one server' });
    await expect(metric(page, 'machines', 'bare-metal')).toHaveAttribute('data-value', '1');
    await controls.getByRole('button', { name: 'Start all apps again' }).click();
    // Bare metal takes a minute and a half to boot: let the clock run at 50x.
    await page.getByLabel('Speed').selectOption('50');
    const log = page.getByRole('region', { name: 'What happened' });
    await expect(log.getByRole('listitem').filter({ hasText: 'Bare metal' }).filter({ hasText: 'all 12 apps running, 90.4 s after deploying' })).toBeVisible({ timeout: 15_000 });
    await page.getByLabel('Speed').selectOption('1');
    await controls.getByRole('button', { name: 'Spike the batch app (60 s)' }).click();
    await expect(metric(page, 'neighbourCpuPct', 'bare-metal')).not.toHaveAttribute('data-value', '100');
    await expect(metric(page, 'neighbourCpuPct', 'containers')).toHaveAttribute('data-value', '100');
    const limits = controls.getByLabel('cgroup limits for containers');
    await limits.click();
    await expect(limits).not.toBeChecked();
    await expect(page.getByRole('region', { name: /^Container: shop \(Struggling\)/ })).toBeVisible();
    await expect(metric(page, 'neighbourCpuPct', 'containers')).not.toHaveAttribute('data-value', '100');
    await screenshot(page, 'scenario-eras-spike-1280');
  });

  test('bad knob values are refused with a message, and the diagram stays', async ({ page }) => {
    await openScenario(page, 'eras');
    const controls = page.getByRole('region', { name: 'Scenario controls' });
    const apps = controls.getByLabel('Number of apps');
    await expect(apps).toHaveValue('12');
    await apps.fill('');
    await apps.press('Enter');
    await expect(controls.getByRole('alert')).toHaveText(/Number of apps: enter a value/);
    await apps.fill('-3');
    await apps.press('Enter');
    await expect(controls.getByRole('alert')).toHaveText(/Number of apps must be between 1 and 60/);
    await apps.fill('100000000');
    await apps.press('Enter');
    await expect(controls.getByRole('alert')).toHaveText(/between 1 and 60/);
    await expect(apps).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('concept-canvas').getByRole('region', { name: /^Lane: Containers/ })).toBeVisible();
    await expect(metric(page, 'machines', 'bare-metal')).toHaveAttribute('data-value', '12');
    await screenshot(page, 'scenario-eras-refused');
    await apps.fill('20');
    await apps.press('Enter');
    await expect(controls.getByRole('alert')).toHaveCount(0);
    await expect(metric(page, 'machines', 'bare-metal')).toHaveAttribute('data-value', '20');
  });

  test('in Korean, from the header menu; back to the cluster finds it as it was', async ({ page }) => {
    await openPlayground(page, 'ko');
    await page.getByRole('button', { name: /일시정지/  }).click();
    const before = await virtualNow(page);
    const pods = await page.locator('.pod-card').count();
    await page.getByRole('button', { name: /시나리오/ }).click();
    await page.getByRole('link', { name: /베어메탈, VM, 컨테이너/ }).click();
    await expect(page).toHaveURL(/#\/scenarios\/eras$/);
    const controls = page.getByRole('region', { name: '시나리오 조작' });
    await expect(controls).toBeVisible();
    await expect(page.getByRole('heading', { name: '이렇게 해 보세요' })).toBeVisible();
    await page.getByRole('button', { name: /재생/ }).click();
    await controls.getByLabel('앱 개수').fill('30');
    await controls.getByLabel('앱 개수').press('Enter');
    await expect(metric(page, 'machines', 'bare-metal')).toHaveAttribute('data-value', '30');
    await expect(page.getByTestId('scenario-clock')).not.toHaveText('00:00.0');
    await page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(page, 'scenario-eras-ko-1280');
    await page.getByRole('button', { name: /일시정지/ }).click();
    await page.getByRole('link', { name: /클러스터로 돌아가기/ }).click();
    await expect(page.getByRole('region', { name: 'Node worker-1' })).toBeVisible();
    expect(await virtualNow(page)).toBe(before);
    await expect(page.locator('.pod-card')).toHaveCount(pods);
  });
});

test.describe('vm-vs-container', () => {
  test('opened by its address: six namespaces, the VM\'s own kernel, and cgroup limits that bite', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openScenario(page, 'vm-vs-container');
    await expect(page.getByRole('heading', { name: 'VMs vs containers, inside the box' })).toBeVisible();
    const canvas = page.getByTestId('concept-canvas');
    for (const ns of ['PID namespace', 'Network namespace', 'Mount namespace', 'UTS (hostname)', 'IPC namespace', 'User namespace']) {
      await expect(canvas.getByRole('region', { name: new RegExp(`^Namespace: ${ns.replace(/[()]/g, '\\$&')}`) })).toBeVisible();
    }
    await expect(canvas.getByRole('region', { name: /^Namespace: PID namespace/ })).toContainText('PID 48213');
    await expect(metric(page, 'kernel', 'machine')).toHaveAttribute('data-value', '6.1.0-28-amd64');
    await expect(metric(page, 'kernel', 'vm')).toHaveAttribute('data-value', '6.8.0-49-generic');
    await expect(metric(page, 'throttledPct', 'machine')).toHaveAttribute('data-value', '50');
    await screenshot(page, 'scenario-vm-vs-container-1440');

    const controls = page.getByRole('region', { name: 'Scenario controls' });
    await controls.getByLabel('CPU limit (cgroup)').fill('2');
    await controls.getByLabel('CPU limit (cgroup)').press('Enter');
    await expect(metric(page, 'throttledPct', 'machine')).toHaveAttribute('data-value', '0');
    await controls.getByLabel('Memory the app needs').fill('1024');
    await controls.getByLabel('Memory the app needs').press('Enter');
    await expect(metric(page, 'lastExit', 'machine')).toHaveAttribute('data-value', '137', { timeout: 15_000 });
    await expect(canvas.getByRole('region', { name: /^Container: kuard \(Failed\)/ })).toBeVisible();
    await expect(page.getByText(/OOMKilled, exit code 137/).first()).toBeVisible();
    await controls.getByLabel('Memory the app needs').fill('-5');
    await controls.getByLabel('Memory the app needs').press('Enter');
    await expect(controls.getByRole('alert')).toHaveText(/Memory the app needs must be between 16 and 8192/);
  });

  test('in Korean at 1280x720: the arm64 image fails with exec format error on amd64 nodes until the nodeSelector sends it to arm64', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openScenario(page, 'vm-vs-container', 'ko');
    const controls = page.getByRole('region', { name: '시나리오 조작' });
    await expect(controls).toBeVisible();
    await page.getByLabel('속도').selectOption('20');
    await expect(page.getByText(/exec \/kuard: exec format error/).first()).toBeVisible({ timeout: 20_000 });
    await expect(metric(page, 'podsCrashing', 'cluster')).not.toHaveAttribute('data-value', '0');
    await screenshot(page, 'scenario-vm-vs-container-ko-crash-1280');
    const selector = controls.getByLabel(/이미지의 CPU와 같은 노드만/);
    await selector.click();
    await expect(selector).toBeChecked();
    await expect(metric(page, 'podsRunning', 'cluster')).toHaveAttribute('data-value', '3', { timeout: 30_000 });
    await expect(metric(page, 'podsCrashing', 'cluster')).toHaveAttribute('data-value', '0');
    await expect(page.getByTestId('concept-canvas').getByRole('region', { name: /^서버: arm64-a/ })).toBeVisible();
    await page.getByLabel('속도').selectOption('1');
    await screenshot(page, 'scenario-vm-vs-container-ko-fixed-1280');
  });
});

test('the scenario list links every scenario; an unknown address says so', async ({ page }) => {
  await openScenario(page, 'teleport');
  await expect(page.getByRole('alert')).toHaveText('There is no scenario called "teleport".');
  await expect(page.getByRole('link', { name: /Bare metal, VMs, containers/ })).toBeVisible();
  await page.getByRole('link', { name: /VMs vs containers, inside the box/ }).click();
  await expect(page).toHaveURL(/#\/scenarios\/vm-vs-container$/);
  await expect(page.getByRole('region', { name: 'Scenario controls' })).toBeVisible();
  await screenshot(page, 'scenario-vm-vs-container-from-list');
});
