// Round-two liquidation mechanics on the page: the open deficit sits beside bad debt, every new field has a
// labelled input, the mark weight re-runs the numbers, and a tier shows its maintenance amount. Screenshots go
// to e2e/screenshots/ (look at them).
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { LEGACY_DEFAULTS_LINK } from './support/shareHelpers';

const RUN_TIMEOUT = 180_000;
test.describe.configure({ timeout: 360_000 });

async function runDone(page: Page): Promise<void> {
  await expect(page.getByTestId('run-status')).toHaveText('done', { timeout: RUN_TIMEOUT });
}

async function setField(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(text);
  await input.press('Tab');
}

const valueOf = async (page: Page, id: string) => Number(await page.getByTestId(`metric-${id}`).getAttribute('data-value'));

test('open deficit beside bad debt, inputs for every new field, and a tier table with amounts', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  // Written against the pre-preset defaults (slices on, mark weight 33 %, no tiers): opened by link.
  await page.goto(`/${LEGACY_DEFAULTS_LINK}`);
  await runDone(page);
  await setField(page, 'Paths (paths)', '100');
  await runDone(page);
  await expect(page.getByTestId('metric-openDeficit-mean')).toHaveAttribute('data-value', /^\d+(\.\d+)?(e[-+]?\d+)?$/);
  await expect(page.getByText('Open deficit at the horizon, mean per path')).toBeVisible();

  await page.locator('#section-liquidation > summary').click();
  for (const label of ['Own impact in the mark (%)', 'Book thinning (per unit drawdown)', 'Permanent impact (% of impact)', 'Slice positions above (quote)', 'Slice size (% of the position)', 'Slice cooldown (steps)']) {
    await expect(page.getByLabel(label, { exact: true }), label).toBeVisible();
  }
  await expect(page.getByLabel('Own impact in the mark (%)', { exact: true })).toHaveValue('33');
  await expect(page.getByLabel('Slice large liquidations')).toBeChecked();

  // The mark as the venue's own book (weight 100 %) lets its own sales trigger more liquidations.
  const before = await valueOf(page, 'liquidations');
  await setField(page, 'Own impact in the mark (%)', '100');
  await expect.poll(async () => valueOf(page, 'liquidations'), { timeout: RUN_TIMEOUT }).not.toBe(before);
  await runDone(page);
  await page.locator('#section-liquidation').screenshot({ path: 'e2e/screenshots/liquidation-round-two.png' });

  await page.getByRole('button', { name: 'Add tier' }).click();
  const table = page.getByTestId('tier-amounts');
  await expect(table).toBeVisible();
  // Base 5 % below 1M, tier 1 from 1M at 10 %: maintenance amount 1M × 5 % = 50k.
  await expect(table.locator('tbody tr').nth(1)).toContainText('50');
  await page.locator('#section-margin').screenshot({ path: 'e2e/screenshots/margin-tier-amounts.png' });
  await page.locator('.metrics, dl').first().screenshot({ path: 'e2e/screenshots/metrics-open-deficit.png' });
});
