// Intervals on every headline number (issue 21 item 3) and on every change in the forum post (issue 16): the
// cards show a 95 % interval under each number, the precision planner proposes the paths and their time for a
// target and runs them, the sweep states its time before it starts, and the printed report's results table has
// an interval on every change (VaR/ES by the paired bootstrap). Parameters come from a v1 link (a patch on the
// FROZEN base), so the test does not depend on the live defaults.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './support/fixtures';
import { rawLink, runDone, setField } from './support/shareHelpers';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(repoRoot, '.scratch', `intervals-e2e-${process.env.HAIRCUT_E2E_PORT ?? 4173}`);
/** The frozen base with 1,000 accounts, 300 paths, seed 3. */
const LINK = `/${rawLink(JSON.stringify({ params: { population: { accounts: 1000 } }, run: { paths: 300, seed: 3 } }))}`;

const CI_IDS = ['metric-socializedLoss-mean', 'metric-badDebt-mean', 'metric-fundDraw-mean', 'metric-liquidations', 'metric-adlNotional', 'metric-openDeficit-mean', 'metric-fundDepleted'];

test('every headline number has a 95 % interval that brackets it', async ({ page }) => {
  await page.goto(LINK);
  await runDone(page);
  for (const id of CI_IDS) {
    const ci = page.getByTestId(`${id}-ci`);
    await expect(ci, id).toBeVisible();
    const lo = Number(await ci.getAttribute('data-lo'));
    const hi = Number(await ci.getAttribute('data-hi'));
    const value = Number(await page.getByTestId(id).getAttribute('data-value'));
    expect(lo, id).toBeLessThanOrEqual(value + 1e-9);
    expect(hi, id).toBeGreaterThanOrEqual(value - 1e-9);
  }
  mkdirSync(outDir, { recursive: true });
  await page.locator('section.headline').screenshot({ path: join(outDir, 'headline-cards.png') });
});

test('precision planner: paths and time for a target, a warning before a long run, and the run at those paths', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(LINK);
  await runDone(page);
  const panel = page.getByTestId('precision-panel');
  // Liquidations always happen on this market; the fund draw too unless no account went bankrupt: use the one that is non-zero.
  const fundDraw = Number(await page.getByTestId('metric-fundDraw-mean').getAttribute('data-value'));
  await panel.getByTestId('precision-metric').selectOption(fundDraw > 0 ? 'fundDraw.mean' : 'pSocialized');
  if (fundDraw === 0) await panel.getByTestId('precision-kind').selectOption('absolute');

  // A target far out of reach: the proposal is long, and the page says how long before anything runs.
  await panel.getByTestId('precision-target').fill(fundDraw > 0 ? '0.5' : '0.05');
  const plan = panel.getByTestId('precision-plan');
  await expect(plan).toHaveAttribute('data-met', 'false');
  const seconds = Number(await plan.getAttribute('data-seconds'));
  expect(seconds).toBeGreaterThan(0);
  if (seconds > 30) await expect(panel.getByTestId('precision-long-run')).toContainText('A long run');
  else await expect(panel.getByTestId('precision-long-run')).toHaveCount(0);
  await expect(plan).toContainText('ms per path');

  // A reachable target: the page proposes more paths than now; running them gives an interval near the target.
  await panel.getByTestId('precision-kind').selectOption('relative');
  await panel.getByTestId('precision-target').fill('25');
  const met = await plan.getAttribute('data-met');
  if (met === 'false') {
    const proposed = Number(await plan.getAttribute('data-paths'));
    expect(proposed).toBeGreaterThan(300);
    await panel.getByTestId('precision-apply').click();
    await expect(page.getByLabel(/^Paths/)).toHaveValue(String(proposed));
    await expect(page.getByTestId('run-status')).toHaveText('done', { timeout: 180_000 });
    await expect(page.getByTestId('metrics-horizon')).toContainText(proposed.toLocaleString('en-US'));
    const id = fundDraw > 0 ? 'metric-fundDraw-mean' : 'metric-socializedLoss-mean';
    const ci = page.getByTestId(`${id}-ci`);
    const value = Number(await page.getByTestId(id).getAttribute('data-value'));
    if (value > 0) {
      const half = (Number(await ci.getAttribute('data-hi')) - Number(await ci.getAttribute('data-lo'))) / 2;
      // 1/√n is an estimate from one run: within half again of the target.
      expect(half / value).toBeLessThan(0.25 * 1.5);
    }
  }
  mkdirSync(outDir, { recursive: true });
  await panel.screenshot({ path: join(outDir, 'precision-panel.png') });
});

test('the sweep states its expected time before it runs', async ({ page }) => {
  await page.goto(LINK);
  await runDone(page);
  await page.getByRole('tab', { name: 'Planner' }).click();
  const expected = page.getByTestId('sweep-expected');
  await expect(expected).toContainText('simulated paths: expected');
  await page.locator('#sweep-points').fill('40');
  await page.locator('#sweep-paths').fill('100000');
  await expect(expected).toHaveAttribute('data-long', 'true');
  await expect(expected).toContainText('A long run');
});

test('the report view: every change in the results table has its 95 % interval, VaR and ES included', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(LINK);
  await runDone(page);
  await page.getByRole('button', { name: 'Pin as baseline', exact: true }).click();
  await setField(page, 'Maintenance margin (%)', '7');
  await setField(page, 'Starting balance (quote)', '600000');
  await runDone(page);
  await expect(page.getByTestId('report-panel')).toBeVisible({ timeout: 60_000 });
  await page.emulateMedia({ media: 'print' });
  const report = page.getByTestId('print-report');
  await expect(report).toBeVisible();
  const rows = report.locator('table').nth(1).locator('tbody tr');
  const count = await rows.count();
  expect(count).toBeGreaterThanOrEqual(12);
  const texts = await rows.allInnerTexts();
  for (const row of texts) expect(row, row).not.toContain('—');
  expect(texts.some((r) => r.includes('VaR 99 %'))).toBe(true);
  expect(texts.some((r) => r.includes('ES 99 %'))).toBe(true);
  await expect(report).toContainText('paired percentile Poisson bootstrap over path indices');
  mkdirSync(outDir, { recursive: true });
  await report.screenshot({ path: join(outDir, 'report-view.png') });
});
