import { expect, test } from './support/fixtures';
import type { Page } from '@playwright/test';
import { LEGACY_DEFAULTS_LINK, runAtPaths } from './support/shareHelpers';

/** A 1-minute tape falling from 50 with long lower wicks: 30 candles, generic format. */
function crashTape(): string {
  const rows = Array.from({ length: 30 }, (_, i) => {
    const open = 50 * (1 - 0.02 * i);
    const close = open * 0.98;
    return `${1_760_130_000 + 60 * i},${open.toFixed(4)},${(open * 1.002).toFixed(4)},${(close * 0.9).toFixed(4)},${close.toFixed(4)}`;
  });
  return `time,open,high,low,close\n${rows.join('\n')}\n`;
}

async function dropFile(page: Page, name: string, text: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name: fileName, text: content }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], fileName, { type: 'text/csv' }));
      return transfer;
    },
    { name, text },
  );
  await page.getByTestId('tape-drop').dispatchEvent('drop', { dataTransfer });
}

test('a candle file dropped on the page becomes the replay the run uses; bad files name the row', async ({ page }) => {
  test.setTimeout(300_000); // several full runs on a shared machine
  await page.goto(`/${LEGACY_DEFAULTS_LINK}`); // written against the pre-preset defaults (start 100, jump scenario)
  const status = page.getByTestId('run-status');
  await expect(status).toHaveText('done', { timeout: 60_000 });
  // Fewer paths: a 45 % slide with wicks liquidates most of the book on every path (the slow part), and the test is
  // about the tape being used, not precision.
  await runAtPaths(page, 200);
  const liquidationsBefore = await page.getByTestId('metric-liquidations').textContent();

  // A bad file: refused with the row and the column, nothing changes.
  await dropFile(page, 'bad.csv', 'time,open,high,low,close\n60,1,1,1,1\n120,1,1,1,1\n120,1,1,1,1\n');
  await expect(page.getByTestId('tape-problems')).toContainText('row 4, column time: duplicate time 120');
  await expect(page.getByLabel('Starting price (quote per base)')).toHaveValue('100');

  // A good file: the market starts at its first open and the horizon is 4 sub-steps per candle of 15 s.
  await dropFile(page, 'crash.csv', crashTape());
  await expect(page.getByTestId('tape-problems')).toHaveCount(0);
  await expect(page.getByTestId('tape-summary')).toContainText('Replaying crash.csv: 30 candles of 60 s → 120 steps of 15 s, starting at 50.0000');
  await expect(page.getByLabel('Starting price (quote per base)')).toHaveValue('50.0000');
  await expect(page.getByLabel('Horizon (steps)')).toHaveValue('120');
  await expect(page.locator('#param-scenario-kind')).toHaveValue('replay');

  // The run uses it: a 45 % slide with 10 % wicks liquidates far more than the default day did.
  await expect(status).toHaveText('done', { timeout: 60_000 });
  await expect(page.getByTestId('metric-liquidations')).not.toHaveText(liquidationsBefore ?? '');
  const liquidations = Number((await page.getByTestId('metric-liquidations').textContent())!.replace(/,/g, ''));
  expect(liquidations).toBeGreaterThan(1000);

  // Fit to tape: GBM and jump estimates with standard errors, computed in a worker.
  await page.getByRole('button', { name: 'Fit to tape' }).click();
  await expect(page.getByTestId('tape-fit')).toContainText('GBM (maximum likelihood, ± one standard error)', { timeout: 30_000 });
  await expect(page.getByTestId('tape-fit')).toContainText('Jump diffusion');
  await page.getByRole('button', { name: 'Bootstrap this tape' }).click();
  await expect(page.locator('#param-scenario-kind')).toHaveValue('bootstrap');
  await expect(page.getByTestId('bootstrap-summary')).toContainText('Resampling 120 historical prices.');
  await expect(status).toHaveText('done', { timeout: 60_000 });
  await page.screenshot({ path: 'e2e/screenshots/tape.png', fullPage: true });
});

/** A 1-minute slide with wicks whose volume alternates busy (1,000) and quiet (50): the median is 525. */
function volumeTape(): string {
  const rows = Array.from({ length: 30 }, (_, i) => {
    const open = 100 * (1 - 0.01 * i);
    const close = open * 0.99;
    return `${1_760_130_000 + 60 * i},${open.toFixed(4)},${(open * 1.002).toFixed(4)},${(close * 0.95).toFixed(4)},${close.toFixed(4)},${i % 2 === 0 ? 1000 : 50}`;
  });
  return `time,open,high,low,close,volume\n${rows.join('\n')}\n`;
}

test("a tape with volume: the book depth can follow it, the numbers change, and a link reproduces them", async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(`/${LEGACY_DEFAULTS_LINK}`); // thin enough a book (2 M depth) for depth to matter
  const status = page.getByTestId('run-status');
  await expect(status).toHaveText('done', { timeout: 60_000 });
  await runAtPaths(page, 100);

  await dropFile(page, 'volume.csv', volumeTape());
  await expect(page.getByTestId('tape-summary')).toContainText('Replaying volume.csv: 30 candles of 60 s → 120 steps of 15 s');
  const follow = page.getByTestId('tape-volume-depth');
  await expect(follow).toBeEnabled();
  await expect(follow).not.toBeChecked();
  await expect(status).toHaveText('done', { timeout: 120_000 });
  const read = async () => ({
    liquidatedBadDebt: await page.getByTestId('metric-badDebt-mean').getAttribute('data-value'),
    liquidations: await page.getByTestId('metric-liquidations').getAttribute('data-value'),
    p: await page.getByTestId('metric-pSocialized').getAttribute('data-value'),
  });
  const off = await read();

  /** The headline once a run is done (polled, so a read before the rerun starts is simply retried). */
  const settled = async () => {
    await expect(status).toHaveText('done', { timeout: 120_000 });
    return read();
  };
  await follow.check();
  await expect(follow).toBeChecked();
  await expect.poll(settled, { timeout: 180_000 }).not.toEqual(off);
  const on = await settled();

  // The link carries the field and the volumes: a fresh page opened with it shows the same numbers.
  await page.getByTestId('copy-link').click();
  const opened = await page.context().newPage();
  await opened.goto(page.url());
  await expect(opened.getByTestId('run-status')).toHaveText('done', { timeout: 120_000 });
  expect({
    liquidatedBadDebt: await opened.getByTestId('metric-badDebt-mean').getAttribute('data-value'),
    liquidations: await opened.getByTestId('metric-liquidations').getAttribute('data-value'),
    p: await opened.getByTestId('metric-pSocialized').getAttribute('data-value'),
  }).toEqual(on);
  await opened.close();

  // Off again: back to the numbers of the constant book.
  await follow.uncheck();
  await expect.poll(settled, { timeout: 180_000 }).toEqual(off);
});

test('a market preset loads in one step, says what it replaced, and can be undone', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto(`/${LEGACY_DEFAULTS_LINK}`); // written against the pre-preset defaults (start 100, jump scenario)
  await expect(page.getByTestId('run-status')).toHaveText('done', { timeout: 60_000 });
  // Fewer paths: the stress market's run is the slow part, and the test is about loading, not precision.
  await runAtPaths(page, 100);
  await page.getByTestId('market-preset').selectOption('thin-alt-oct-2025');
  const note = page.getByTestId('preset-note');
  await expect(note).toContainText('Stylized after 10 Oct 2025');
  await expect(note).toContainText('Replaced: jump scenario, start 100, 10,000 accounts');
  await expect(page.getByLabel('Starting price (quote per base)')).toHaveValue('1');
  await expect(page.locator('#param-scenario-kind')).toHaveValue('crash');
  await expect(page.getByTestId('run-status')).toHaveText('done', { timeout: 180_000 });
  await expect(page.getByTestId('metric-pSocialized')).not.toHaveText('0.0 %');
  // Every value names its basis: how many entries a source states, derives, calibrates, or assumes.
  await note.getByText(/^Sources \(/).click();
  await expect(page.getByTestId('preset-sources-summary')).toHaveText(/^Sources \(\d+ entries: \d+ stated by a source, \d+ derived, 1 calibrated, \d+ assumptions\)$/);
  await expect(note.locator('li[data-basis="assumption"]').first()).toContainText('[assumption]: Assumption');
  await page.screenshot({ path: 'e2e/screenshots/preset.png', fullPage: true });
  await note.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByLabel('Starting price (quote per base)')).toHaveValue('100');
  await expect(page.locator('#param-scenario-kind')).toHaveValue('jump');
});
