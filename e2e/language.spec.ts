import { expect, openPlayground, screenshot, test } from './fixtures';

test('switching the language to Korean changes the UI, and back', async ({ page }) => {
  await openPlayground(page);
  await expect(page.getByRole('button', { name: 'Step' })).toBeVisible();
  await page.getByLabel('Language').selectOption('ko');
  await expect(page.getByRole('button', { name: '한 단계' })).toBeVisible();
  await expect(page.getByRole('group', { name: '시간 제어' })).toBeVisible();
  await expect(page.getByText('가상 시간', { exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await screenshot(page, 'language-korean');
  await page.getByLabel('언어').selectOption('en');
  await expect(page.getByRole('button', { name: 'Step' })).toBeVisible();
});

test('the browser’s Korean locale is the default language', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ko-KR', viewport: { width: 1600, height: 900 } });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByRole('button', { name: '한 단계' })).toBeVisible();
  await context.close();
});
