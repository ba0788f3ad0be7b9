import { expect, openPlayground, screenshot, test, virtualNow } from './fixtures';

test('pause stops the clock, step advances it by one second, speed changes it', async ({ page }) => {
  await openPlayground(page);
  const controls = page.getByRole('group', { name: 'Time controls' });

  await controls.getByRole('button', { name: 'Pause' }).click();
  await expect(controls.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = await virtualNow(page);
  await page.waitForTimeout(1200);
  expect(await virtualNow(page)).toBe(paused);

  await controls.getByRole('button', { name: 'Step' }).click();
  await expect.poll(() => virtualNow(page)).toBe(paused + 1000);
  await screenshot(page, 'time-paused-after-step');

  await controls.getByLabel('Speed').selectOption('20');
  await controls.getByRole('button', { name: 'Play' }).click();
  const start = await virtualNow(page);
  await page.waitForTimeout(1000);
  // 1 s of real time at 20× is about 20 s of virtual time; allow for a slow machine.
  expect(await virtualNow(page)).toBeGreaterThan(start + 8000);
  await screenshot(page, 'time-running-20x');
});

test('keyboard: space pauses and plays, "." steps, "?" shows the shortcuts', async ({ page }) => {
  await openPlayground(page);
  const controls = page.getByRole('group', { name: 'Time controls' });
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press(' ');
  await expect(controls.getByRole('button', { name: 'Play' })).toBeVisible();
  const paused = await virtualNow(page);
  await page.keyboard.press('.');
  await expect.poll(() => virtualNow(page)).toBe(paused + 1000);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Help' });
  await expect(help).toBeVisible();
  await expect(help.getByText('Play / pause the clock')).toBeVisible();
  await screenshot(page, 'help-overlay');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});
