// The planner's ADL report (issue #14): the published range of overshoot estimates with their sources, the method
// in words, and queue vs pro-rata vs full-size on the wave books, for all waves and for one wave.
// Screenshot: e2e/screenshots/planner-adl-compare.png (look at it).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';

test('the ADL report shows the published range with sources and compares queue, pro-rata and full-size', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await page.getByRole('tab', { name: 'Planner' }).click();
  await expect(page.getByTestId('adl-total-overshoot')).toHaveText('$45.03M');

  const estimates = page.getByTestId('adl-estimates');
  await expect(estimates.getByTestId('adl-estimate-chitra-v2-queue')).toContainText('$653.55M');
  await expect(estimates.getByTestId('adl-estimate-chitra-v3-fills')).toContainText('$45.03M–$51.67M');
  await expect(estimates.getByTestId('adl-estimate-hyperreplay')).toContainText('$45.00M–$52.00M');
  await expect(estimates.locator('a[href="https://arxiv.org/abs/2602.15182"]')).toBeVisible();
  await expect(page.getByTestId('adl-method')).toContainText('Approximated');

  await expect(page.getByTestId('adl-compare-needed')).toHaveText('$15.08M');
  await expect(page.getByTestId('adl-compare-queue-needed-overshoot')).toHaveText('$0.00M');
  await expect(page.getByTestId('adl-compare-pro-rata-overshoot')).toHaveText('$0.00M');
  await expect(page.getByTestId('adl-compare-full-size-overshoot')).toHaveText('$653.55M');
  await expect(page.getByTestId('adl-compare-production-overshoot')).toHaveText('$45.03M');

  // One wave: wave 13 needed $5.58M, production took $38.45M; full-size per wave is not computable.
  await page.getByTestId('adl-scope').selectOption('13');
  await expect(page.getByTestId('adl-compare-needed')).toHaveText('$5.58M');
  await expect(page.getByTestId('adl-compare-production-overshoot')).toHaveText('$32.86M');
  await expect(page.getByTestId('adl-compare-full-size-overshoot')).toHaveText('—');
  await expect(page.getByTestId('adl-compare-pro-rata')).toContainText('0.9 %');
  await page.getByTestId('adl-scope').selectOption('all');
  const axe = await new AxeBuilder({ page }).include('.adl-comparison').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.locator('.adl-comparison').screenshot({ path: 'e2e/screenshots/planner-adl-compare.png' });
});
