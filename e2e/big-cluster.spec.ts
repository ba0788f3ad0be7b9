/**
 * The big cluster (`#/presets/big-cluster`): 1,000 nodes in four zones on a canvas map, aggregated per
 * zone and per node when zoomed out; a node found and opened shows its pods as cards; powering it off
 * (its context menu) takes its pods away; the page keeps answering while the cluster fills.
 */
import { expect, screenshot, test } from './fixtures';
import type { Page } from '@playwright/test';

test.use({ viewport: { width: 1280, height: 720 } });

async function openBigCluster(page: Page, language: 'en' | 'ko'): Promise<void> {
  await page.addInitScript((lang) => localStorage.setItem('kube-playground.language', lang), language);
  await page.goto('./#/presets/big-cluster');
}

test('the big cluster shows zones and nodes aggregated, opens a node, and powers it off', async ({ page }) => {
  test.setTimeout(240_000);
  await openBigCluster(page, 'en');
  const map = page.getByRole('application', { name: /Cluster map: 1000 nodes in 4 zones/ });
  await expect(map).toBeVisible({ timeout: 90_000 });
  for (const zone of ['zone-a', 'zone-b', 'zone-c', 'zone-d']) await expect(page.getByRole('button', { name: `Zoom into zone ${zone}` })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Zoom into zone zone-b' })).toContainText('250 nodes');
  const totals = page.getByRole('complementary', { name: 'Whole cluster' });
  await expect(totals).toContainText('1,000 nodes');
  // Pods fill the nodes: the legend counts them Running.
  await expect(totals.getByText(/Running [1-9]/)).toBeVisible({ timeout: 90_000 });
  await screenshot(page, 'big-cluster-overview-en');

  await page.getByRole('button', { name: 'Zoom into zone zone-b' }).click();
  await screenshot(page, 'big-cluster-zone-en');

  await page.getByLabel('Find a node').fill('node-0005');
  await page.getByLabel('Find a node').press('Enter');
  const card = page.getByRole('region', { name: 'Node node-0005' });
  await expect(card).toBeVisible();
  await expect(card.getByRole('button', { name: /^Pod .+: Running$/ }).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('complementary', { name: /inspector/i }).or(page.locator('.inspector'))).toBeVisible();
  await screenshot(page, 'big-cluster-node-en');

  // Power it off from the node's context menu; at 50× the node goes NotReady and its pods are evicted.
  await card.getByRole('button', { name: /^Node node-0005/ }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Power off node' }).click();
  await expect(card).toContainText('powered off');
  await page.getByLabel('Speed').selectOption('50');
  await expect(card.getByRole('button', { name: /^Pod .+: Running$/ })).toHaveCount(0, { timeout: 150_000 });
  await screenshot(page, 'big-cluster-node-off-en');
});
