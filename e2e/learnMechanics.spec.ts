// Learn explains issue 13's liquidation mechanics in plain words (issue 13 item 8): the price chart names the index
// and the mark and says which one liquidates; the event log says when a whale is closed in a slice, when accounts
// wait for keeper capacity and how thin the book has become. The expected lines are the engine's own trace of the
// path, computed here in Node. Screenshot: e2e/screenshots/learn-mechanics.png (look at it).
import { tracePath } from '../src/engine/index';
import { validateParams } from '../src/engine/params/validateParams';
import { encodeShareState } from '../src/share/codec';
import { defaultShareState } from '../src/share/shareState';
import { describeEvent, priceChartCaption } from '../src/ui/learn/eventText';
import { expect, test } from './support/fixtures';
import { keeperSliceThinWorld } from './support/learnMechanicsWorld';

test('slices, the keeper queue and the thinning book each get a line; the chart says the mark liquidates', async ({ page }) => {
  const checked = validateParams(keeperSliceThinWorld());
  if (!checked.ok) throw new Error('the world does not validate');
  const params = checked.params;
  const state = { ...defaultShareState(), params, run: { paths: 1, seed: 1 }, view: { ...defaultShareState().view, tab: 'learn' as const, pathIndex: 0 } };
  const t = tracePath(params, 1, 0);
  const sliceStep = t.events.find((e) => e.kind === 'slice')!.step;
  const atStep = t.events.filter((e) => e.step === sliceStep);
  // The story needs all three lines at the same step.
  expect(atStep.map((e) => e.kind)).toEqual(expect.arrayContaining(['slice', 'keeper-queue', 'book']));

  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(`/#${encodeShareState(state)}`);
  await expect(page.getByRole('tab', { name: 'Learn' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('learn-status')).toContainText('events on this path');
  await expect(page.getByTestId('learn-price-caption')).toHaveText(priceChartCaption(params.liquidation.markImpactWeight, params.liquidation.oracleDelaySteps));
  await expect(page.getByTestId('learn-price')).toContainText(/mark [\d,.]+ .*index [\d,.]+/);

  const next = page.getByTestId('learn-next-event');
  for (let i = 0; i < 40; i++) {
    if ((await page.getByTestId('learn-step').textContent())?.includes(`step ${sliceStep} of`)) break;
    await next.click();
  }
  await expect(page.getByTestId('learn-step')).toContainText(`step ${sliceStep} of`);
  const log = page.getByTestId('learn-events');
  for (const e of atStep) await expect(log).toContainText(describeEvent(e, t.ids));
  await expect(log).toContainText(/\d+ accounts queued, keeper capacity 100,000\.00\/step/);
  await expect(log).toContainText(/book at \d+ % of its depth/);
  await expect(log).toContainText(/account whale closed in a slice/);
  await page.locator('.learn').first().screenshot({ path: 'e2e/screenshots/learn-mechanics.png' });
});
