// Share links, import and export, saved proposals (issue #8): what the page writes is what the CLI reads and
// what another browser opens, with the same numbers.
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { headline, runDone, seedInput, setField, setSeed } from './support/shareHelpers';
import { HEADLINE, simulateCli } from './support/simulateCli';

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { download, text: readFileSync(path, 'utf8') };
}

test('exported parameters run in the CLI with the page seed and paths give the same headline numbers', async ({ page }) => {
  await page.goto('/');
  await runDone(page);
  // Valid under the btc-binance defaults: below the 0.8 % initial margin and the first tier's 0.5 %.
  await setField(page, 'Maintenance margin (%)', '0.3');
  await setSeed(page, 3);
  const shown = await headline(page);
  const { download, text } = await downloaded(page, () => page.getByTestId('export-params').click());
  expect(download.suggestedFilename()).toBe('haircut-params.json');
  const params = JSON.parse(text) as Record<string, unknown>;
  const cli = simulateCli(params, 1000, 3);
  for (const [id, pick] of Object.entries(HEADLINE)) expect(Number(shown[id]), id).toBe(pick(cli));
});

test('per-path CSV: one row per path, columns in quote, agreeing with the headline means', async ({ page }) => {
  await page.goto('/');
  const shown = await headline(page);
  const { download, text } = await downloaded(page, () => page.getByTestId('export-csv').click());
  expect(download.suggestedFilename()).toBe('haircut-paths-seed1-1000.csv');
  const lines = text.trim().split('\n');
  expect(lines[0]).toBe('path,badDebt,fundDraw,socializedLoss,vaultLoss,uncovered,liquidations,adlNotional,fundDepleted,ledgerBalanced,vaultPnl,adlNeeded,adlProfitClosed,openDeficit');
  expect(lines).toHaveLength(1001);
  const rows = lines.slice(1).map((l) => l.split(','));
  expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 1000 }, (_, i) => String(i + 1))); // numbered from 1, as on the page
  const mean = (col: number) => rows.reduce((s, r) => s + Number(r[col]), 0) / rows.length;
  expect(mean(3)).toBeCloseTo(Number(shown['metric-socializedLoss-mean']), 6);
  expect(mean(1)).toBeCloseTo(Number(shown['metric-badDebt-mean']), 6);
  expect(mean(6)).toBeCloseTo(Number(shown['metric-liquidations']), 9);
  expect(rows.every((r) => r[9] === 'true')).toBe(true);
});

test('importing a parameters file: errors listed by field and nothing applied; a valid file is applied', async ({ page }) => {
  await page.goto('/');
  const before = await headline(page);
  const input = page.getByTestId('import-params-input');
  const bad = { version: 1, market: { initialPrice: '-5', steps: 'many', stepSeconds: 60 } };
  await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const problems = page.getByTestId('import-problems');
  await expect(problems).toBeVisible();
  await expect(problems).toContainText('bad.json was not imported');
  await expect(problems).toContainText('market.initialPrice');
  await expect(problems).toContainText('market.steps');
  await expect(problems).toContainText('Nothing was changed');
  await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"version":') });
  await expect(problems).toContainText('not valid JSON');
  expect(await headline(page)).toEqual(before);

  const { text } = await downloaded(page, () => page.getByTestId('export-params').click());
  const params = JSON.parse(text) as { margin: { maintenanceMarginRatio: number } };
  params.margin.maintenanceMarginRatio = 0.003;
  await input.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(params)) });
  await expect(problems).toBeHidden();
  await expect(page.getByText('Imported the parameters from good.json.')).toBeVisible();
  await expect(page.getByLabel('Maintenance margin (%)', { exact: true })).toHaveValue('0.3');
  await expect.poll(async () => (await headline(page))['metric-liquidations'], { timeout: 60_000 }).not.toBe(before['metric-liquidations']);
});

test('saved proposals: save, survive a reload, open, rename, delete', async ({ page }) => {
  await page.goto('/');
  await runDone(page);
  await setSeed(page, 5);
  const panel = page.getByTestId('proposals');
  await panel.locator('summary').click();
  await panel.getByRole('button', { name: 'Save proposal' }).click();
  await expect(panel.getByText('Give the proposal a name.')).toBeVisible();
  await panel.getByLabel(/^Save the current parameters/).fill('Seed five <b>bold</b>');
  await panel.getByRole('button', { name: 'Save proposal' }).click();
  await expect(panel.getByTestId('proposal-name')).toHaveText(['Seed five <b>bold</b>']);

  await page.goto('/');
  await runDone(page);
  await expect(seedInput(page)).toHaveValue('1');
  await panel.locator('summary').click();
  await expect(panel.getByTestId('proposal-name')).toHaveText(['Seed five <b>bold</b>']);
  await panel.getByRole('button', { name: 'Open Seed five <b>bold</b>' }).click();
  await expect(seedInput(page)).toHaveValue('5');
  await expect.poll(() => page.url()).toContain('#v=2&s=');

  await panel.getByRole('button', { name: /^Rename/ }).click();
  await panel.getByLabel(/^New name for/).fill('Seed 5');
  await panel.getByRole('button', { name: 'Save name' }).click();
  await expect(panel.getByTestId('proposal-name')).toHaveText(['Seed 5']);
  await panel.getByRole('button', { name: 'Delete Seed 5' }).click();
  await expect(panel.getByTestId('proposal')).toHaveCount(0);
  await page.reload();
  await page.getByTestId('proposals').locator('summary').click();
  await expect(page.getByText('No saved proposals yet.')).toBeVisible();
});

test('copy link: the clipboard gets the link of the current state, with a visible confirmation', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.goto('/');
  await runDone(page);
  await setSeed(page, 9);
  await page.getByTestId('copy-link').click();
  await expect(page.getByTestId('copy-status')).toHaveText('Link copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/#v=2&s=.*&c=/);
  expect(copied).toBe(page.url());
});

test('copy link without a clipboard: a field with the link, selected', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
  await page.goto('/');
  await runDone(page);
  await page.getByTestId('copy-link').click();
  const field = page.getByTestId('share-link-field');
  await expect(field).toBeVisible();
  await expect(field).toHaveValue(/#v=2&s=.*&c=/);
  expect(await field.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!)).toBeGreaterThan(10);
});

test('each chart saves as SVG (styles inlined) and PNG', async ({ page }) => {
  await page.goto('/');
  await runDone(page);
  const card = page.locator('figure.chart-card').first();
  await expect(card.locator('.recharts-wrapper > svg')).toBeVisible({ timeout: 30_000 });
  const toggle = card.getByRole('button', { name: /^Save “.*”…$/ });
  const format = async (name: RegExp) => {
    const button = card.getByRole('button', { name });
    if (!(await button.isVisible())) await toggle.click();
    return button;
  };
  const svg = await downloaded(page, async () => (await format(/as SVG$/)).click());
  expect(svg.download.suggestedFilename()).toMatch(/^haircut-.+\.svg$/);
  expect(svg.text).toMatch(/^<\?xml/);
  expect(svg.text).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg.text).toMatch(/style="fill:/);
  const pngButton = await format(/as PNG$/);
  const [png] = await Promise.all([page.waitForEvent('download'), pngButton.click()]);
  expect(png.suggestedFilename()).toMatch(/^haircut-.+\.png$/);
  const bytes = readFileSync(await png.path());
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
});
