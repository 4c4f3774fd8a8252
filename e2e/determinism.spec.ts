// The page's numbers are the command line's numbers: same engine, same paths, whatever the number of workers
// or the size of their chunks (path i depends only on params, seed and i; the pool reduces index-ordered arrays).
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { defaultParamsFile, HEADLINE, readShown, simulateCli, type CliSummary } from './support/simulateCli';

const DEFAULT_PATHS = 1000;
const DEFAULT_SEED = 1;

let cli: CliSummary | null = null;
/** The CLI on the defaults file (computed once per test worker: about a second). */
function cliDefaults(): CliSummary {
  cli ??= simulateCli(defaultParamsFile(), DEFAULT_PATHS, DEFAULT_SEED);
  return cli;
}

/** Opens the page, waits for its first run to finish, and reads every headline metric (raw and shown). */
async function headline(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByTestId('run-status')).toHaveText('done', { timeout: 60_000 });
  const read: Record<string, { raw: string | null; text: string }> = {};
  for (const id of Object.keys(HEADLINE)) {
    const metric = page.getByTestId(id);
    read[id] = { raw: await metric.getAttribute('data-value'), text: (await metric.textContent()) ?? '' };
  }
  return read;
}

test('the headline numbers for the default parameters and seed equal `npm run simulate --json`, exactly', async ({ page }) => {
  const want = cliDefaults();
  expect(want.paths).toBe(DEFAULT_PATHS);
  // The defaults (btc-binance) rarely socialize; the day still liquidates, so the engine's work is compared.
  expect(want.liquidations, 'the default day liquidates some accounts').toBeGreaterThan(0);

  const shown = await headline(page, '/');
  await expect(page.getByTestId('ledger-check')).toContainText('Ledger balanced');
  for (const [id, pick] of Object.entries(HEADLINE)) {
    const { raw, text } = shown[id]!;
    expect(raw, `${id} data-value`).not.toBeNull();
    expect(Number(raw), `${id} raw`).toBe(pick(want));
    const { value, tolerance } = readShown(text);
    expect(Math.abs(value - pick(want)), `${id} shows "${text}" for ${pick(want)}`).toBeLessThanOrEqual(tolerance);
  }
});

test('one worker and two workers give identical numbers (?workers=N)', async ({ page }) => {
  const one = await headline(page, '/?workers=1');
  // One simulation worker plus the aggregator.
  expect(page.workers()).toHaveLength(2);
  const two = await headline(page, '/?workers=2');
  expect(page.workers()).toHaveLength(3);
  expect(two).toEqual(one);
  for (const [id, pick] of Object.entries(HEADLINE)) expect(Number(one[id]!.raw), id).toBe(pick(cliDefaults()));
});
