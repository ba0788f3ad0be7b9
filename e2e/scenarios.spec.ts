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
    await expect(page.getByRole('region', { name: /^VM: vm-7/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'What to try' })).toBeVisible();
    await screenshot(page, 'scenario-eras-1440');

    await controls.getByLabel('Guest OS size (per VM)').fill('8');
    await controls.getByLabel('Guest OS size (per VM)').press('Enter');
    await expect(metric(page, 'appsPerMachine', 'vms')).toHaveAttribute('data-value', '5');
    await expect(metric(page, 'appsPerMachine', 'containers')).toHaveAttribute('data-value', '15');
    // Five VMs on the first machine now: the sixth app's VM went to the second machine.
    await expect(page.getByRole('region', { name: /^VM: vm-6/ })).toBeVisible();
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
    await expect(page.getByRole('region', { name: /^Process: shop \(OK\)/ })).toBeVisible({ timeout: 15_000 });
    await page.getByLabel('Speed').selectOption('1');
    await controls.getByRole('button', { name: 'Spike the batch app (60 s)' }).click();
    await expect(metric(page, 'neighbourCpuPct', 'bare-metal')).not.toHaveAttribute('data-value', '100');
    await expect(metric(page, 'neighbourCpuPct', 'containers')).toHaveAttribute('data-value', '100');
    await controls.getByLabel('cgroup limits for containers').uncheck();
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
