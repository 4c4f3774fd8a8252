// The planner (issue #10) in a real Chromium: a small 1-D sweep draws its curves point by point on the planner
// workers; hovering shows a point's values; the share link re-opens the same sweep with the same numbers;
// clicking a point loads it into the dashboard; the ADL report shows the published totals. Screenshots go to
// e2e/screenshots/planner-*.png (look at them). One test measures a 20-point sweep at the default parameters.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
const SWEEP_TIMEOUT = 120_000;

test.describe.configure({ timeout: 240_000 });

async function openPlanner(page: Page, url = '/'): Promise<void> {
  await page.goto(url);
  await page.getByRole('tab', { name: 'Planner' }).click();
  await expect(page.getByRole('heading', { name: 'Parameter sweep' })).toBeVisible();
}

async function runSmallSweep(page: Page): Promise<void> {
  await page.getByLabel('Parameter', { exact: true }).selectOption('insuranceFund.initial');
  await page.locator('#sweep-from').fill('0');
  await page.locator('#sweep-to').fill('2000000');
  await page.locator('#sweep-points').fill('5');
  await page.locator('#sweep-paths').fill('200');
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done', { timeout: SWEEP_TIMEOUT });
}

/** The finished points as [value, P, mean socialized loss], in axis order. */
async function pointValues(page: Page): Promise<[string, string, string][]> {
  return page.getByTestId('sweep-point').evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-value') ?? '', r.getAttribute('data-p') ?? '', r.getAttribute('data-mean') ?? ''] as [string, string, string]));
}

test('a sweep draws, hovers, travels in the share link and loads a point into the dashboard', async ({ page, browser }) => {
  await page.setViewportSize(DESKTOP);
  await openPlanner(page);
  await runSmallSweep(page);

  const points = await pointValues(page);
  expect(points.map((p) => p[0])).toEqual(['0', '500000', '1000000', '1500000', '2000000']);
  // P(socialized > 0) falls (weakly) as the fund grows: every point is on the same paths.
  const ps = points.map((p) => Number(p[1]));
  for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeLessThanOrEqual(ps[i - 1]!);
  const chart = page.getByTestId('sweep-chart-p');
  await expect(chart.locator('.recharts-line-dots circle')).toHaveCount(5);
  await expect(chart.locator('.recharts-area-area')).toHaveCount(1);

  // Hover: the tooltip shows the point's value and P.
  const dots = chart.locator('.recharts-line-dots circle');
  await dots.nth(2).hover();
  const tooltip = page.getByTestId('sweep-tooltip').first();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText('1,000,000 quote');
  await expect(tooltip).toContainText('P(socialized > 0)');

  // ADL report: the published totals.
  await expect(page.getByTestId('adl-total-needed')).toHaveText('$15.08M');
  await expect(page.getByTestId('adl-total-production')).toHaveText('$60.11M');
  await expect(page.getByTestId('adl-total-overshoot')).toHaveText('$45.03M');
  await page.screenshot({ path: 'e2e/screenshots/planner-desktop.png', fullPage: true });

  // The share link (the URL carries the state) opened in a fresh context runs the same sweep, same numbers.
  await expect.poll(() => new URL(page.url()).hash, { timeout: 10_000 }).toContain('v=');
  const link = page.url();
  const other = await browser.newContext({ viewport: PHONE });
  const linked = await other.newPage();
  const problems: string[] = [];
  linked.on('pageerror', (e) => problems.push(e.message));
  await linked.goto(link);
  await expect(linked.getByRole('heading', { name: 'Parameter sweep' })).toBeVisible();
  await expect(linked.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done', { timeout: SWEEP_TIMEOUT });
  expect(await pointValues(linked)).toEqual(points);
  await expect(linked.locator('#sweep-points')).toHaveValue('5');
  await linked.getByTestId('adl-total-needed').waitFor();
  await linked.screenshot({ path: 'e2e/screenshots/planner-phone.png', fullPage: true });
  await linked.getByTestId('sweep-chart-p').screenshot({ path: 'e2e/screenshots/planner-phone-sweep.png' });
  await linked.getByTestId('adl-chart').screenshot({ path: 'e2e/screenshots/planner-phone-adl.png' });
  expect(problems).toEqual([]);
  await other.close();

  // Click the third point: its value goes into the dashboard's field, and the dashboard is shown.
  await dots.nth(2).click();
  await expect(page.getByRole('tab', { name: 'Dashboard' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#param-insuranceFund-initial')).toHaveValue('1000000');
});

test('the planner has no serious accessibility problems', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await openPlanner(page);
  await runSmallSweep(page);
  await page.getByTestId('adl-total-needed').waitFor();
  const results = await new AxeBuilder({ page }).include('.planner').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});

test('solver and grid: answer with its bracket, cells with hover values and click-to-load', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await openPlanner(page);
  await page.locator('#sweep-paths').fill('200');
  await page.locator('#sweep-paths').press('Tab');
  // Paths reach the store when a sweep runs; run a tiny one so the solver uses 200 paths too.
  await page.locator('#sweep-points').fill('2');
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done', { timeout: SWEEP_TIMEOUT });

  await page.locator('#solver-target').fill('5');
  await page.getByTestId('solver-run').click();
  await expect(page.getByTestId('solver-status')).toHaveAttribute('data-status', 'done', { timeout: SWEEP_TIMEOUT });
  const result = page.getByTestId('solver-result');
  await expect(result).toHaveAttribute('data-status', /solved|met-at-lower-bound/);
  await expect(result).toContainText('Last failing');
  await expect(result).toContainText('of open interest');

  await page.locator('#heat-points').fill('3');
  await page.locator('#heat-points2').fill('3');
  await page.getByTestId('heat-run').click();
  await expect(page.getByTestId('heat-status')).toHaveAttribute('data-status', 'done', { timeout: SWEEP_TIMEOUT });
  const cells = page.getByTestId('heat-cell');
  await expect(cells).toHaveCount(9);
  await cells.nth(4).hover();
  await expect(page.getByTestId('heat-hover')).toContainText('P(socialized > 0)');
  // The three levers side by side.
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-status', 'done', { timeout: SWEEP_TIMEOUT });
  for (const lever of ['fund', 'margin', 'throughput']) await expect(page.getByTestId(`compare-${lever}`)).toBeVisible();
  await expect(page.getByTestId('compare-result')).toContainText('A combination');
  await page.screenshot({ path: 'e2e/screenshots/planner-solver-grid.png', fullPage: true });
  await cells.nth(4).click();
  await expect(page.getByRole('tab', { name: 'Dashboard' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('#param-insuranceFund-initial')).toHaveValue('1000000');
});
