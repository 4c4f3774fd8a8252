// Rare-event mode on the page: on a calm market plain sampling sees fewer than 20 socialized paths, so the page
// switches to importance sampling by itself, says so, and shows the estimate `simulate --estimator importance`
// computes for the same parameters, seed and paths (computed here in Node from the engine), with 1 or 2 workers.
import type { Page } from '@playwright/test';
import { simulateImportance } from '../src/engine/importance';
import { RARE_EVENT_THRESHOLD } from '../src/engine/importance/rareEventChoice';
import { createSimulator, defaultParams, summarizeRun, type RiskParams } from '../src/engine/index';
import { encodeShareState } from '../src/share/codec';
import { freshPageState } from '../src/share/shareState';
import { expect, test } from './support/fixtures';
import { runDone } from './support/shareHelpers';

const RUN = { paths: 600, seed: 4 };

/** A calm market set explicitly (not the defaults, which change): narrow jumps, 2,000 accounts, 6 hours. */
function calmMarket(): RiskParams {
  const params = defaultParams();
  params.market = { ...params.market, steps: 360 };
  if (params.population.kind === 'generated') params.population = { ...params.population, accounts: 2000 };
  params.scenario = { kind: 'jump', driftAnnual: 0, volAnnual: 0.8, jumpIntensityAnnual: 365, jumpMean: 0, jumpStdev: 0.03 };
  return params;
}

function linkTo(params: RiskParams, estimator: 'auto' | 'plain' = 'auto'): string {
  const state = freshPageState();
  state.params = params;
  state.run = { ...RUN, estimator };
  return `#${encodeShareState(state)}`;
}

const params = calmMarket();
const plainSocialized = Math.round(summarizeRun(createSimulator(params, RUN.seed).run(0, RUN.paths), { explicit: false }).pSocialized * RUN.paths);
const expected = simulateImportance(params, RUN);

async function rareEventShown(page: Page) {
  const panel = page.getByTestId('rare-event-panel');
  await expect(panel).toHaveAttribute('data-status', 'done', { timeout: 90_000 });
  const p = page.getByTestId('rare-event-pSocialized');
  const loss = page.getByTestId('rare-event-socializedLoss-mean');
  return {
    note: (await page.getByTestId('rare-event-note').textContent()) ?? '',
    p: [await p.getAttribute('data-value'), await p.getAttribute('data-lo'), await p.getAttribute('data-hi')].map(Number),
    ess: Number(await page.getByTestId('rare-event-ess').getAttribute('data-value')),
    loss: [await loss.getAttribute('data-value'), await loss.getAttribute('data-lo'), await loss.getAttribute('data-hi')].map(Number),
  };
}

test('few socialized paths: the page switches to rare-event mode and shows the CLI importance estimate exactly', async ({ page }) => {
  test.setTimeout(180_000);
  expect(plainSocialized, 'the calm market must socialize on fewer than the threshold of plain paths').toBeLessThan(RARE_EVENT_THRESHOLD);
  expect(expected.pSocialized, 'importance sampling finds the rare socialized paths').toBeGreaterThan(0);

  await page.goto(`/?workers=2${linkTo(params)}`);
  await runDone(page);
  expect(Number(await page.getByTestId('metric-pSocialized').getAttribute('data-value'))).toBe(plainSocialized / RUN.paths);
  const two = await rareEventShown(page);
  expect(two.note).toContain(`Few paths socialized (${plainSocialized} of ${RUN.paths}`);
  expect(two.note).toContain('switched to rare-event mode — importance-sampled, effective sample size');
  expect(two.p).toEqual([expected.pSocialized, ...expected.pSocializedCI]);
  expect(two.ess).toBe(expected.effectiveSampleSize);
  // Exact: the engine computes no Math.pow/log1p/… whose last bit depends on the JavaScript engine (the population's
  // Pareto weights once did, and moved one tilted path's loss by a money unit in Chromium).
  expect(two.loss).toEqual([expected.socializedLoss.mean, ...expected.intervals.socializedLossMean]);
  await expect(page.getByTestId('run-estimator')).toHaveValue('auto');
  await page.getByTestId('rare-event-panel').screenshot({ path: test.info().outputPath('rare-event-panel.png') });
  await page.screenshot({ path: test.info().outputPath('rare-event-page.png'), fullPage: false });

  await page.goto(`/?workers=1${linkTo(params)}`);
  await runDone(page);
  expect(await rareEventShown(page)).toEqual(two);
});

test('rare-event mode is a run setting and travels in the link; off shows plain sampling only', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`/${linkTo(params, 'plain')}`);
  await runDone(page);
  await expect(page.getByTestId('run-estimator')).toHaveValue('plain');
  await expect(page.getByTestId('rare-event-panel')).toHaveCount(0);
  await page.getByTestId('run-estimator').selectOption('importance');
  const shown = await rareEventShown(page);
  expect(shown.note).toContain('Rare-event mode is on — importance-sampled');
  expect(shown.p[0]).toBe(expected.pSocialized);
  await expect.poll(() => page.url(), { timeout: 10_000 }).not.toContain(linkTo(params, 'plain'));
});
