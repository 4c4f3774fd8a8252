// The dashboard in a real Chromium: edit a parameter → the run re-runs and the numbers move; an invalid value
// is refused next to its field and starts nothing; a pinned baseline gives a comparison with a verdict; no
// serious accessibility problems at desktop and phone sizes. Screenshots of the main states go to
// e2e/screenshots/ (look at them).
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { LEGACY_DEFAULTS_LINK } from './support/shareHelpers';

const RUN_TIMEOUT = 120_000;
const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };

test.describe.configure({ timeout: 240_000 });

async function runDone(page: Page): Promise<void> {
  await expect(page.getByTestId('run-status')).toHaveText('done', { timeout: RUN_TIMEOUT });
}

async function valueOf(locator: Locator): Promise<number> {
  const raw = await locator.getAttribute('data-value');
  expect(raw, 'data-value is set').not.toBeNull();
  return Number(raw);
}

const metric = (page: Page, id: string) => page.getByTestId(`metric-${id}`);

/** Types into a labelled input and leaves it (blur applies at once instead of after the debounce). */
async function setField(page: Page, label: string, text: string): Promise<void> {
  const input = page.getByLabel(label, { exact: true });
  await input.fill(text);
  await input.press('Tab');
}

/** Waits for a run to finish whose number differs from `before` (the edit started a new run). */
async function nextRun(page: Page, id: string, before: number): Promise<number> {
  await expect.poll(async () => valueOf(metric(page, id)), { timeout: RUN_TIMEOUT }).not.toBe(before);
  await runDone(page);
  return valueOf(metric(page, id));
}

async function openPage(page: Page, size = DESKTOP): Promise<void> {
  await page.setViewportSize(size);
  // The margin edits and loss checks below are written against the pre-preset defaults.
  await page.goto(`/${LEGACY_DEFAULTS_LINK}`);
  await runDone(page);
}

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}

test('raising the maintenance margin re-runs and moves the numbers', async ({ page }) => {
  await openPage(page);
  for (const id of ['pSocialized', 'socializedLoss-mean', 'badDebt-mean', 'fundDraw-mean', 'liquidations']) {
    await expect(metric(page, id), id).toHaveAttribute('data-value', /^-?\d+(\.\d+)?(e[-+]?\d+)?$/);
  }
  await expect(page.getByTestId('metrics-horizon')).toContainText('over one day of trading, across 1,000 paths');
  await page.screenshot({ path: 'e2e/screenshots/dashboard-desktop.png', fullPage: true });

  const liquidationsBefore = await valueOf(metric(page, 'liquidations'));
  const badDebtBefore = await valueOf(metric(page, 'badDebt-mean'));
  await setField(page, 'Maintenance margin (%)', '8');
  const liquidationsAfter = await nextRun(page, 'liquidations', liquidationsBefore);
  // A higher maintenance margin liquidates earlier: more liquidations, and (here) less bad debt.
  expect(liquidationsAfter).toBeGreaterThan(liquidationsBefore);
  expect(await valueOf(metric(page, 'badDebt-mean'))).toBeLessThan(badDebtBefore);
  await expect(page.getByTestId('run-progress')).toBeHidden();
});

test('a run in flight shows paths done of the total and the time left', async ({ page }) => {
  await openPage(page);
  await setField(page, 'Paths (paths)', '20000');
  const progress = page.getByTestId('run-progress');
  await expect(progress).toContainText(/[\d,]+ of 20,000 paths/, { timeout: 30_000 });
  await expect(progress).toContainText(/left/, { timeout: 30_000 });
  await expect(page.getByTestId('run-status')).toHaveText('running');
  await page.screenshot({ path: 'e2e/screenshots/dashboard-running.png' });
});

test('a larger starting insurance fund does not raise P(socialized loss > 0)', async ({ page }) => {
  await openPage(page);
  const pBefore = await valueOf(metric(page, 'pSocialized'));
  const drawBefore = await valueOf(metric(page, 'fundDraw-mean'));
  expect(pBefore, 'the defaults socialize some loss, or this test shows nothing').toBeGreaterThan(0);
  await setField(page, 'Starting balance (quote)', '5000000');
  await nextRun(page, 'fundDraw-mean', drawBefore);
  expect(await valueOf(metric(page, 'pSocialized'))).toBeLessThanOrEqual(pBefore);
});

test('an invalid value is refused next to its field and starts nothing', async ({ page }) => {
  await openPage(page);
  const before = await Promise.all(['pSocialized', 'badDebt-mean', 'liquidations'].map((id) => metric(page, id).getAttribute('data-value')));

  // Each value reads as a number, but maintenance above initial margin is refused by validateParams.
  const input = page.getByLabel('Maintenance margin (%)', { exact: true });
  await setField(page, 'Maintenance margin (%)', '20');
  const message = 'Must be below the initial margin (10 %), got 20 %.';
  await expect(page.locator('#param-margin-maintenanceMarginRatio-problem')).toHaveText(message);
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await expect(input).toHaveAttribute('aria-describedby', /param-margin-maintenanceMarginRatio-problem/);
  await expect(page.getByTestId('draft-problems')).toContainText('Maintenance margin: Must be below the initial margin');

  // Text that is not a number at all.
  await setField(page, 'Initial margin (%)', 'abc');
  await expect(page.locator('#param-margin-initialMarginRatio-problem')).toHaveText('Enter a number.');
  await page.screenshot({ path: 'e2e/screenshots/dashboard-invalid.png', fullPage: false });

  // Nothing ran: the status stays done and the numbers are the last valid run's.
  await page.waitForTimeout(1500);
  await expect(page.getByTestId('run-status')).toHaveText('done');
  const after = await Promise.all(['pSocialized', 'badDebt-mean', 'liquidations'].map((id) => metric(page, id).getAttribute('data-value')));
  expect(after).toEqual(before);

  // Fixing both applies the draft and runs again.
  await setField(page, 'Initial margin (%)', '25');
  await expect(page.getByTestId('draft-problems')).toHaveCount(0);
  await nextRun(page, 'liquidations', Number(before[2]));
});

test('pin a baseline, change the proposal, see the comparison and a verdict', async ({ page }) => {
  await openPage(page);
  await page.getByRole('button', { name: 'Pin as baseline', exact: true }).click();
  await expect(page.getByTestId('no-changes')).toBeVisible();
  await runDone(page);

  const liquidationsBefore = await valueOf(metric(page, 'liquidations'));
  await setField(page, 'Maintenance margin (%)', '8');
  await expect(page.getByTestId('param-changes')).toContainText('Maintenance margin: 5 % → 8 %');
  await nextRun(page, 'liquidations', liquidationsBefore);

  const verdict = page.getByTestId('verdict');
  await expect(verdict).toBeVisible({ timeout: RUN_TIMEOUT });
  await expect(verdict).toHaveAttribute('data-verdict', /^(better|worse|no clear difference)$/);
  await expect(verdict).toHaveText(/^(Better|Worse|No clear difference):/);
  for (const key of ['pSocialized', 'socializedLoss', 'badDebt', 'fundDraw', 'liquidations']) {
    await expect(page.getByTestId(`compare-${key}`)).toBeVisible();
  }
  // More liquidations under a higher maintenance margin, on the same paths: judged as "more", not better/worse.
  await expect(page.getByTestId('compare-liquidations')).toHaveAttribute('data-direction', 'more');
  await page.getByTestId('comparison').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/dashboard-comparison.png', fullPage: true });

  await page.getByRole('button', { name: 'Clear baseline' }).click();
  await expect(verdict).toHaveCount(0);
});

test('crash presets fill the crash fields and show their stylized facts', async ({ page }) => {
  await openPage(page);
  await page.getByLabel('Price model').selectOption('crash');
  await page.getByLabel('Crash preset').selectOption('mar-2020');
  await expect(page.getByLabel('Drawdown (%)', { exact: true })).toHaveValue('50');
  await expect(page.getByRole('complementary', { name: 'What this preset is based on' })).toContainText('Black Thursday');
  await expect(page.getByLabel('Horizon (steps)', { exact: true })).toHaveValue('1800');
  // A crash under finite keepers and a thinning book costs several times a calm day per path: this test is about
  // the preset's fields, so it runs 100 paths.
  await setField(page, 'Paths (paths)', '100');
  await runDone(page);
  await expect(page.getByTestId('metrics-horizon')).toContainText('over 30 hours');
  await page.screenshot({ path: 'e2e/screenshots/dashboard-crash.png', fullPage: true });

  // Editing the shape makes it a custom crash.
  await setField(page, 'Drawdown (%)', '40');
  await expect(page.getByLabel('Crash preset')).toHaveValue('custom');
});

test('imported positions: problems with line and column, then a table of accounts', async ({ page }) => {
  await openPage(page);
  await page.locator('#section-population > summary').click();
  await page.getByLabel('Positions', { exact: true }).selectOption('explicit');
  await expect(page.locator('table.accounts caption')).toContainText('10 accounts');

  const csv = page.getByLabel(/^Positions CSV/);
  await csv.fill('id,side,size,entryPrice,collateral\na1,long,10,100,100\na2,sell,5,abc,50\n');
  await page.getByRole('button', { name: 'Import pasted CSV' }).click();
  const problems = page.locator('#param-population-csv-problem');
  await expect(problems).toContainText('Line 3, column side: must be long or short');
  await expect(problems).toContainText('Line 3, column entryPrice');
  await expect(page.locator('table.accounts caption')).toContainText('10 accounts');

  await csv.fill('id,side,size,entryPrice,collateral\na1,long,1000,100,10000\na2,short,1000,100,10000\na3,long,50,100,400\n');
  await page.getByRole('button', { name: 'Import pasted CSV' }).click();
  await expect(page.locator('table.accounts caption')).toContainText('3 accounts');
  await expect(problems).toHaveCount(0);
  await runDone(page);
});

test('tiers, ADL, keeper capacity, replay and the log-scale histogram', async ({ page }) => {
  await openPage(page);
  await page.getByRole('button', { name: 'Add tier' }).click();
  await expect(page.getByLabel('Tier 1 from notional (quote)', { exact: true })).toHaveValue('1000000');
  await expect(page.getByLabel('Tier 1 maintenance (%)', { exact: true })).toHaveValue('10');
  await setField(page, 'Tier 1 maintenance (%)', '3');
  await expect(page.locator('#param-margin-tiers-0-maintenanceMarginRatio-problem')).toHaveText(
    'Must be at least the base maintenance margin (5 %), got 3 %.',
  );
  await setField(page, 'Tier 1 maintenance (%)', '10');
  await expect(page.getByTestId('draft-problems')).toHaveCount(0);

  await page.getByLabel('After the insurance fund').selectOption('adl');
  await page.getByLabel('ADL order').selectOption('random');
  await page.locator('#section-liquidation > summary').click();
  // Keepers are finite by default (dYdX v4's per-block limits, scaled): the box is unchecked and shows the cap.
  await expect(page.getByRole('checkbox', { name: 'Unlimited' })).not.toBeChecked();
  await expect(page.getByLabel('Keeper capacity (quote per step)', { exact: true })).toHaveValue('5000000');
  await runDone(page);
  await page.getByRole('checkbox', { name: 'Log scale' }).check();
  await expect(page.getByTestId('chart-waterfall')).toContainText('ADL losses');
  await page.screenshot({ path: 'e2e/screenshots/dashboard-adl-tiers.png', fullPage: true });

  await page.getByLabel('Price model').selectOption('replay');
  await expect(page.getByLabel(/^Prices/)).toHaveValue(/^\d+(\.\d+)?\n/);
  await page.getByLabel(/^Prices/).fill('price\n100\n98\nabc\n97');
  await page.getByLabel(/^Prices/).press('Tab');
  await expect(page.locator('#param-scenario-prices-problem')).toContainText('Line 4: Must be a positive decimal');
  await expect(page.getByLabel('Horizon (steps)', { exact: true })).toHaveValue('4');
  await page.getByLabel(/^Prices/).fill('price\n100\n98\n90\n97');
  await page.getByLabel(/^Prices/).press('Tab');
  await expect(page.getByTestId('draft-problems')).toHaveCount(0);
  await runDone(page);
  await expect(page.getByTestId('metrics-horizon')).toContainText('over four minutes');
  await page.screenshot({ path: 'e2e/screenshots/dashboard-replay.png' });
});

test('no serious accessibility violations at desktop and phone sizes, with screenshots', async ({ page }) => {
  await openPage(page, DESKTOP);
  expect(await seriousViolations(page)).toEqual([]);

  await page.setViewportSize(PHONE);
  await page.goto(`/${LEGACY_DEFAULTS_LINK}`);
  await runDone(page);
  await page.screenshot({ path: 'e2e/screenshots/dashboard-phone.png' });
  await page.locator('#results').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: 'e2e/screenshots/dashboard-phone-results.png' });
  await page.getByTestId('chart-fan-fund').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: 'e2e/screenshots/dashboard-phone-charts.png' });
  await page.getByTestId('chart-waterfall').evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: 'e2e/screenshots/dashboard-phone-charts-2.png' });
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await seriousViolations(page)).toEqual([]);

  // Keyboard: the first tab stop is the skip link, which moves focus to the results.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to results' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#results')).toBeFocused();

  await page.getByRole('button', { name: 'Pin as baseline', exact: true }).click();
  await setField(page, 'Maintenance margin (%)', '8');
  await expect(page.getByTestId('verdict')).toBeVisible({ timeout: RUN_TIMEOUT });
  await runDone(page);
  await page.getByTestId('comparison').screenshot({ path: 'e2e/screenshots/dashboard-phone-comparison.png' });
  expect(await seriousViolations(page)).toEqual([]);
});
