// Round-two results on the dashboard (issue #14): the ADL overshoot (adl) and the backstop vault's result
// (backstop) appear as headline metrics only where they apply, and agree with the per-path CSV's new columns.
// Screenshot: e2e/screenshots/dashboard-adl-overshoot.png (look at it).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { LEGACY_DEFAULTS_LINK } from './support/shareHelpers';

test.describe.configure({ timeout: 180_000 });

async function settled(page: Page): Promise<void> {
  await expect(page.getByTestId('run-status')).toHaveText('done', { timeout: 120_000 });
  await expect(page.locator('dl.metrics')).not.toHaveClass(/stale/, { timeout: 120_000 });
}

async function csvRows(page: Page): Promise<{ header: string[]; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
  return { header: lines[0]!.split(','), rows: lines.slice(1).map((l) => l.split(',')) };
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

test('ADL overshoot and vault result: shown where they apply, equal to the CSV columns’ means', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  // Starts from the pre-preset defaults (socialization, losses on some paths), then switches to ADL.
  await page.goto(`/${LEGACY_DEFAULTS_LINK}`);
  // Fewer paths: the machine running the suite may be shared.
  const paths = page.getByLabel('Paths (paths)', { exact: true });
  await paths.fill('200');
  await paths.press('Tab');
  await expect(page.getByTestId('metrics-horizon')).toContainText('across 200 paths', { timeout: 120_000 });
  await settled(page);
  await expect(page.getByTestId('metric-adlOvershoot-mean')).toHaveCount(0);
  await expect(page.getByTestId('metric-vaultPnl-mean')).toHaveCount(0);

  await page.getByLabel('After the insurance fund').selectOption('adl');
  await page.getByLabel('ADL size').selectOption('full');
  const overshoot = page.getByTestId('metric-adlOvershoot-mean');
  await expect(overshoot).toBeVisible({ timeout: 120_000 });
  await settled(page);
  const adl = await csvRows(page);
  const col = (name: string) => adl.header.indexOf(name);
  expect(col('adlNeeded')).toBeGreaterThan(0);
  const perPath = adl.rows.map((r) => Number(r[col('adlProfitClosed')]) - Number(r[col('adlNeeded')]));
  expect(perPath.every((x) => x >= 0), 'full-size ADL never closes less profit than needed').toBe(true);
  expect(Number(await overshoot.getAttribute('data-value'))).toBeCloseTo(mean(perPath), 6);
  await expect(page.getByText('Profit that ADL took from winners beyond what was needed')).toBeVisible();
  await page.locator('.headline').screenshot({ path: 'e2e/screenshots/dashboard-adl-overshoot.png' });

  await page.getByLabel('After the insurance fund').selectOption('backstop');
  const vault = page.getByTestId('metric-vaultPnl-mean');
  await expect(vault).toBeVisible({ timeout: 120_000 });
  await expect(overshoot).toHaveCount(0);
  await settled(page);
  const backstop = await csvRows(page);
  const vaultCol = backstop.header.indexOf('vaultPnl');
  expect(Number(await vault.getAttribute('data-value'))).toBeCloseTo(mean(backstop.rows.map((r) => Number(r[vaultCol]))), 6);
  await page.locator('.headline').screenshot({ path: 'e2e/screenshots/dashboard-vault-pnl.png' });
});
