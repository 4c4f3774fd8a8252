import { expect, test } from './fixtures';

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

  for (const id of HEADLINE_METRICS) {
    await expect(page.getByTestId(id), id).toHaveText(/^-?[\d,]+(\.\d+)?( %)?$/);
  }
  await expect(page.getByTestId('ledger-check')).toContainText('Ledger balanced');

  // Inputs are reachable by their visible labels.
  await expect(page.getByLabel('Maintenance margin (%)')).toHaveValue('5');
  await expect(page.getByLabel('After the insurance fund')).toBeVisible();

  await page.screenshot({ path: 'e2e/screenshots/smoke.png', fullPage: true });
});

interface RunWatch {
  progressSeen: boolean;
  statuses: string[];
}

test('a run shows progress while the worker computes, then reads done', async ({ page }) => {
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

  await page.getByLabel('Paths').fill('50');
  await page.getByLabel('Seed').fill('7');
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(status).toHaveText('done', { timeout: 60_000 });
  await expect(page.getByText(/50 paths in/)).toBeVisible();

  const watch = await page.evaluate(() => (window as unknown as { runWatch: RunWatch }).runWatch);
  expect(watch.progressSeen).toBe(true);
  expect(watch.statuses.filter((s) => s !== 'idle')).toEqual(['running', 'done', 'running', 'done']);
});

test('an invalid input is refused with a message and blocks the run', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('run-status')).toHaveText('done', { timeout: 60_000 });
  await page.getByLabel('Maintenance margin (%)').fill('abc');
  await expect(page.getByText('Enter a number.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Run simulation' })).toBeDisabled();
});

test('parameters the engine refuses come back from the worker as a visible error', async ({ page }) => {
  await page.goto('/');
  const status = page.getByTestId('run-status');
  await expect(status).toHaveText('done', { timeout: 60_000 });

  // Each value parses, but maintenance margin above initial margin is refused by the engine's validation.
  await page.getByLabel('Maintenance margin (%)').fill('20');
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(status).toHaveText('error');
  const error = page.getByTestId('run-error');
  await expect(error).toBeVisible();
  await expect(error).toContainText('margin.maintenanceMarginRatio');
  await page.screenshot({ path: 'e2e/screenshots/worker-error.png', fullPage: true });

  // Fixing it runs again.
  await page.getByLabel('Maintenance margin (%)').fill('5');
  await page.getByRole('button', { name: 'Run simulation' }).click();
  await expect(status).toHaveText('done', { timeout: 60_000 });
  await expect(error).toHaveCount(0);
});
