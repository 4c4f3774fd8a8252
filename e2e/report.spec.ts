// The governance post (issue 16): pin a baseline, change two parameters, copy the post; the link in it opens the
// same numbers in a new browser context and on the command line; the bundle, the printed report and the embed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { expect, test } from './support/fixtures';
import { headline, rawLink, runDone, setField, setSeed } from './support/shareHelpers';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
// Files to look at after a run (the PDFs, the embed screenshot); .scratch is git-ignored and outlives Playwright's output folder.
const outDir = join(repoRoot, '.scratch', `report-e2e-${process.env.HAIRCUT_E2E_PORT ?? 4173}`);

/**
 * The frozen base of v1 links (maintenance margin 5 %, fund 250,000: a patch of the paths alone, so the tests keep
 * their meaning when the live defaults change), at 300 paths: these tests compare the page with itself and with the
 * CLI, so fewer paths test the same thing, and every one of their runs (page, new context, CLI) costs 70 % less.
 */
const FROZEN_BASE = rawLink('{"run":{"paths":300}}');

/** Pins the frozen base as the baseline, then raises the margin to 8 % and the fund to 300,000. */
async function proposeTwoChanges(page: Page): Promise<void> {
  await page.goto(`/${FROZEN_BASE}`);
  await runDone(page);
  await page.getByRole('button', { name: 'Pin as baseline', exact: true }).click();
  await setField(page, 'Maintenance margin (%)', '8');
  await setField(page, 'Starting balance (quote)', '300000');
  await runDone(page);
  await expect(page.getByTestId('report-panel')).toBeVisible({ timeout: 60_000 });
}

async function copiedPost(page: Page): Promise<string> {
  await page.getByTestId('copy-post').click();
  await expect(page.getByTestId('post-status')).toHaveText(/Post copied/);
  return page.evaluate(() => navigator.clipboard.readText());
}

const linkIn = (post: string) => /Share link \(opens the proposal and its baseline\): <([^>]+)>/.exec(post)?.[1] ?? '';

test('copy the post: both changes and the link; the link reproduces the numbers in a new context and in the CLI', async ({ page, context, browser, baseURL }) => {
  // Four full runs (two sides here, the new context, the CLI's report) on a machine that may be shared.
  test.setTimeout(360_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await proposeTwoChanges(page);
  const shown = await headline(page);
  const runId = await page.getByTestId('run-id').getAttribute('data-run-id');
  expect(runId).toMatch(/^[0-9a-f]{64}$/);

  const flags = page.getByTestId('steward-flags');
  await expect(flags).toHaveAttribute('data-outside', '1');
  await expect(flags).toContainText('margin.maintenanceMarginRatio');

  const post = await copiedPost(page);
  expect(post).toContain('| Margin: maintenance margin (%) | 5 % | 8 % | outside: full vote |');
  expect(post).toContain('| Insurance fund: starting balance (quote) | 250,000 | 300,000 | within |');
  expect(post).toContain('| Metric | Current | Proposed | Change (95 % interval) |');
  expect(post).toContain(`Run id (proposal): \`${runId}\``);
  const link = linkIn(post);
  expect(link).toContain(`run=${runId}`);
  expect(link).toMatch(/#v=2&s=.+&c=[0-9a-f]{12}/);
  expect(post).toContain(`npm run report -- --link '${link}'`);

  // A new browser context: same numbers, same run id, no notice; the address loses engine= and run=.
  const other = await browser.newContext();
  const fresh = await other.newPage();
  await fresh.goto(link);
  expect(await headline(fresh)).toEqual(shown);
  await expect(fresh.getByTestId('run-id')).toHaveAttribute('data-run-id', runId!);
  await expect(fresh.locator('.link-banner')).toHaveCount(0);
  await expect.poll(() => new URL(fresh.url()).search).toBe('');
  await expect(fresh.getByTestId('report-panel')).toBeVisible({ timeout: 60_000 });
  await other.close();

  // The command line runs the same link and prints the same numbers and run id.
  const cli = JSON.parse(execFileSync(tsx, ['src/cli/simulate.ts', '--link', link, '--json'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 })) as Record<string, unknown> & {
    pSocialized: number;
    liquidations: number;
    runId: string;
  } & Record<'socializedLoss' | 'badDebt' | 'fundDraw', { mean: number }>;
  expect(cli.runId).toBe(runId);
  expect(Number(shown['metric-pSocialized'])).toBe(cli.pSocialized);
  expect(Number(shown['metric-socializedLoss-mean'])).toBe(cli.socializedLoss.mean);
  expect(Number(shown['metric-badDebt-mean'])).toBe(cli.badDebt.mean);
  expect(Number(shown['metric-fundDraw-mean'])).toBe(cli.fundDraw.mean);
  expect(Number(shown['metric-liquidations'])).toBe(cli.liquidations);

  // `npm run report -- --link` on the posted link writes the same specification and results as the page's post.
  const cliPost = execFileSync(tsx, ['src/cli/report.ts', '--link', link], { cwd: repoRoot, encoding: 'utf8', timeout: 180_000 });
  const tables = (text: string) => text.split('\n\n').filter((block) => block.startsWith('| '));
  expect(tables(cliPost)).toHaveLength(2);
  expect(tables(cliPost)).toEqual(tables(post));
  expect(cliPost).toContain(`Run id (proposal): \`${runId}\``);
});

test('download with charts: a zip whose post refers to the chart files it holds', async ({ page }) => {
  await proposeTwoChanges(page);
  await expect(page.getByTestId('chart-fan-fund').locator('.recharts-wrapper > svg')).toBeVisible();
  await expect(page.getByTestId('chart-waterfall').locator('.recharts-wrapper > svg')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-bundle').click()]);
  expect(download.suggestedFilename()).toBe('haircut-post.zip');
  const files = unzipSync(readFileSync(await download.path()));
  const md = strFromU8(files['post.md']!);
  const referenced = [...md.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
  expect(referenced).toHaveLength(4);
  for (const name of referenced) {
    expect(Object.keys(files)).toContain(name);
    expect(Array.from(files[name]!.slice(1, 4))).toEqual([0x50, 0x4e, 0x47]); // "PNG"
    expect(Object.keys(files)).toContain(name.replace(/\.png$/, '.svg'));
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'post.md'), md);
  await page.getByTestId('report-panel').screenshot({ path: join(outDir, 'report-panel.png') });
});

test('printable report: the post, the fans and the waterfall on A4 pages', async ({ page }) => {
  await proposeTwoChanges(page);
  await expect(page.getByTestId('chart-waterfall').locator('.recharts-wrapper > svg')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-report')).toBeVisible();
  await expect(page.locator('.params-panel')).toBeHidden();
  await expect(page.getByTestId('copy-post')).toBeHidden();
  await expect(page.getByTestId('chart-histogram')).toBeHidden();
  await expect(page.getByTestId('chart-fan-socialized')).toBeVisible();
  // Back to no emulation before page.pdf (which prints with print media), as a reader's browser prints: the charts
  // keep the size they were drawn at on screen (under emulated print they would be redrawn at the window's width).
  await page.emulateMedia({ media: null });
  await expect(page.getByTestId('print-report')).toBeHidden();
  mkdirSync(outDir, { recursive: true });
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path: join(outDir, 'report-a4.pdf') });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  await page.pdf({ format: 'Letter', printBackground: true, path: join(outDir, 'report-letter.pdf') });
});

test('embed: one live chart of the link’s state; an unknown chart name is explained', async ({ page }) => {
  await page.goto(`/${FROZEN_BASE}`); // the frozen v1 base socializes on some paths: the embedded chart has lines
  await runDone(page);
  await setSeed(page, 3);
  const shown = await headline(page);
  const fragment = new URL(page.url()).hash;
  await page.goto(`/?embed=socialized${fragment}`);
  await expect(page.getByTestId('embed')).toBeVisible();
  await runDone(page);
  await expect(page.getByTestId('chart-fan-socialized').locator('.recharts-wrapper > svg')).toBeVisible();
  for (const hidden of ['chart-fan-fund', 'chart-waterfall', 'chart-histogram']) await expect(page.getByTestId(hidden)).toBeHidden();
  await expect(page.locator('.params-panel')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Open in Haircut' })).toHaveAttribute('href', `/${fragment}`);
  // The full page from the embed's link shows the numbers the embedded chart was drawn from.
  await page.goto(`/${fragment}`);
  expect(await headline(page)).toEqual(shown);
  await page.goto(`/?embed=socialized${fragment}`);
  await runDone(page);
  mkdirSync(outDir, { recursive: true });
  await page.setViewportSize({ width: 640, height: 420 });
  await page.screenshot({ path: join(outDir, 'embed.png') });

  await page.goto('/?embed=pie');
  await expect(page.getByTestId('embed-unknown')).toContainText('cannot embed a chart called “pie”');
});

test('a post link from another engine version says so on the page', async ({ page }) => {
  await page.goto('/');
  await runDone(page);
  const fragment = new URL(page.url()).hash;
  await page.goto(`/?engine=0.1.0&run=abc${fragment}`);
  await expect(page.locator('.link-banner')).toContainText('posted with Haircut engine 0.1.0');
  await expect.poll(() => new URL(page.url()).search).toBe('');
});

test('a baseline for a different market: no post, and the reason', async ({ page }) => {
  await page.goto('/');
  await runDone(page);
  await page.getByRole('button', { name: 'Pin as baseline', exact: true }).click();
  await setField(page, 'Starting price (quote per base)', '120');
  await runDone(page);
  const refused = page.getByTestId('post-refused');
  await expect(refused).toBeVisible({ timeout: 60_000 });
  await expect(refused).toContainText('simulate different markets (market.initialPrice differ): paired intervals need the same price paths');
  await expect(page.getByTestId('copy-post')).toHaveCount(0);
});
