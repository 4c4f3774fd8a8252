import { expect, test } from './support/fixtures';

const HEADLINE_METRICS = [
  'metric-pSocialized',
  'metric-socializedLoss-mean',
  'metric-badDebt-mean',
  'metric-fundDraw-mean',
  'metric-liquidations',
];

test('the page runs the default parameters in the engine worker and shows the headline numbers', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveTitle('Haircut');
  await expect(page.getByRole('heading', { level: 1, name: 'Haircut' })).toBeVisible();

  // The boot run goes main thread → Comlink → engine worker → engine and back.
  const status = page.getByTestId('run-status');
  await expect(status).toHaveText('done', { timeout: 60_000 });
  await expect(page.getByTestId('run-progress')).toBeHidden();
  await expect(page.getByTestId('run-error')).toHaveCount(0);
  // The defaults are the major-market preset, and the menu says so.
  await expect(page.getByTestId('market-preset')).toHaveValue('btc-binance');

  for (const id of HEADLINE_METRICS) {
    await expect(page.getByTestId(id), id).toHaveText(/^-?[\d,]+(\.\d+)?( %)?$/);
  }
  await expect(page.getByTestId('ledger-check')).toContainText('Ledger balanced');

  // Inputs are reachable by their visible labels.
  // The defaults are the btc-binance preset: Binance BTCUSDT's base maintenance margin of 0.4 %.
  await expect(page.getByLabel('Maintenance margin (%)')).toHaveValue('0.4');
  await expect(page.getByLabel('After the insurance fund')).toBeVisible();

  await page.screenshot({ path: 'e2e/screenshots/smoke.png', fullPage: true });
});

interface RunWatch {
  progressSeen: boolean;
  statuses: string[];
}

test('a run shows progress while the pool computes, then reads done; a new paths count re-runs by itself', async ({ page }) => {
  // Watch the DOM from before the app starts, so a fast run cannot slip between two polls.
  await page.addInitScript(() => {
    const watch: RunWatch = { progressSeen: false, statuses: [] };
    (window as unknown as { runWatch: RunWatch }).runWatch = watch;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="run-progress"]')) watch.progressSeen = true;
      const status = document.querySelector('[data-testid="run-status"]')?.textContent ?? '';
      if (status && watch.statuses.at(-1) !== status) watch.statuses.push(status);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto('/');
  const status = page.getByTestId('run-status');
  await expect(status).toHaveText('done', { timeout: 60_000 });

  // No run button: a committed change (here on leaving the field) cancels any run in flight and starts a new one.
  const paths = page.getByLabel('Paths (paths)', { exact: true });
  await paths.fill('50');
  await paths.press('Tab');
  await expect(page.getByText(/50 paths in/)).toBeVisible({ timeout: 60_000 });
  await expect(status).toHaveText('done');

  const watch = await page.evaluate(() => (window as unknown as { runWatch: RunWatch }).runWatch);
  expect(watch.progressSeen).toBe(true);
  expect(watch.statuses.filter((s) => s !== 'idle')).toEqual(['running', 'done', 'running', 'done']);
});

test('an invalid input is refused with a message and starts nothing', async ({ page }) => {
  await page.goto('/');
  const status = page.getByTestId('run-status');
  await expect(status).toHaveText('done', { timeout: 60_000 });
  const before = await page.getByTestId('metric-badDebt-mean').getAttribute('data-value');
  const margin = page.getByLabel('Maintenance margin (%)', { exact: true });
  await margin.fill('abc');
  await margin.press('Tab');
  await expect(page.getByText('Enter a number.')).toBeVisible();
  await page.waitForTimeout(1000);
  await expect(status).toHaveText('done');
  await expect(page.getByTestId('metric-badDebt-mean')).toHaveAttribute('data-value', before ?? '');
});

// Parameters the engine would refuse never reach a worker now: the params slice validates every edit with the
// same validateParams first (see the test above and e2e/dashboard.spec.ts). A worker that fails — and the
// visible error with a Retry that follows — is tested in e2e/pool.spec.ts.
