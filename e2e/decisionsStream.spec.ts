// Issue #21, the last gaps: the lever comparison streams (progress after every probe, time left, each lever's card
// before the others are done); the accounts grid shows what ADL did to a winner; Learn on a phone puts the stepper
// and the chart before the stories; the margin lever says when it rebuilds the traders. Every test sets its own
// parameters (a story's link). Screenshots go to e2e/screenshots/stream-*.png (look at them).
import type { Page } from '@playwright/test';
import { tracePath } from '../src/engine/index';
import { validateParams } from '../src/engine/params/validateParams';
import { encodeShareState } from '../src/share/codec';
import type { ShareState } from '../src/share/shareState';
import { LEARN_PRESETS } from '../src/ui/learn/presets';
import { expect, test } from './support/fixtures';

const DESKTOP = { width: 1440, height: 900 };
const PHONE = { width: 390, height: 844 };
test.describe.configure({ timeout: 240_000 });

function story(id: string): ShareState {
  return LEARN_PRESETS.find((p) => p.id === id)!.state;
}

/** The story's parameters on the dashboard (not Learn), at `paths` paths. */
function dashboardLink(id: string, paths: number): string {
  const s = story(id);
  return `/#${encodeShareState({ ...s, run: { ...s.run, paths }, baseline: null, view: { ...s.view, tab: 'dashboard' } })}`;
}

async function runDone(page: Page): Promise<void> {
  await expect(page.getByTestId('run-status')).toHaveText('done', { timeout: 90_000 });
}

test('the three-lever comparison streams: progress and time left after every probe, each lever’s card as its search ends', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto(dashboardLink('fund-runs-dry', 1000));
  await runDone(page);
  await page.getByRole('tab', { name: 'Planner' }).click();
  await page.locator('#solver-target').fill('5');
  // Record what the page showed while the comparison ran (it may be quick: a mutation observer misses no frame).
  await page.evaluate(() => {
    const seen = { probesDone: [] as number[], eta: [] as string[], cardsWhileRunning: [] as string[], lastProbe: [] as string[] };
    (window as unknown as { __seen: typeof seen }).__seen = seen;
    new MutationObserver(() => {
      const progress = document.querySelector('[data-testid="compare-progress"]');
      if (!progress) return;
      const done = Number(progress.getAttribute('data-probes-done'));
      if (seen.probesDone.at(-1) !== done) seen.probesDone.push(done);
      const eta = document.querySelector('[data-testid="compare-eta"]')?.textContent ?? '';
      if (eta && seen.eta.at(-1) !== eta) seen.eta.push(eta);
      const last = document.querySelector('[data-testid="compare-last-probe"]')?.textContent ?? '';
      if (last && seen.lastProbe.at(-1) !== last) seen.lastProbe.push(last);
      for (const kind of ['fund', 'margin', 'throughput']) {
        if (progress.querySelector(`[data-testid="compare-${kind}"]`) && !seen.cardsWhileRunning.includes(kind)) seen.cardsWhileRunning.push(kind);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  await page.getByTestId('compare-run').click();
  await expect(page.getByTestId('compare-progress')).toBeVisible();
  // A picture of the stream part-way (a page shot: the element itself may be gone by the time it is taken).
  await page.locator('#solver-heading').evaluate((h) => h.scrollIntoView({ block: 'start' }));
  // Read without waiting for the element: a quick comparison may end (and remove it) between two polls, and a
  // locator read would then wait for an element that never comes back.
  await expect
    .poll(() => page.evaluate(() => {
      const progress = document.querySelector('[data-testid="compare-progress"]');
      return progress ? Number(progress.getAttribute('data-probes-done')) : 99;
    }))
    .toBeGreaterThan(10);
  await page.screenshot({ path: 'e2e/screenshots/stream-compare-progress.png' });
  await expect(page.getByTestId('compare-status')).toHaveAttribute('data-status', 'done', { timeout: 180_000 });
  await expect(page.getByTestId('compare-progress')).toHaveCount(0);
  const seen = await page.evaluate(() => (window as unknown as { __seen: { probesDone: number[]; eta: string[]; cardsWhileRunning: string[]; lastProbe: string[] } }).__seen);
  console.log(`probes seen: ${seen.probesDone.join(',')}; last ETA: ${seen.eta.at(-1)}`);
  // Progress rose probe by probe (several distinct counts, never down), with time left in words.
  expect(seen.probesDone.length).toBeGreaterThan(3);
  expect(seen.probesDone).toEqual([...seen.probesDone].sort((a, b) => a - b));
  expect(seen.eta.some((t) => / to go \(/.test(t))).toBe(true);
  expect(seen.lastProbe.some((t) => /^Starting insurance fund: .* gives P\(socialized\) = .* paths — (does not )?meet(s)? the target\.$/.test(t))).toBe(true);
  expect(seen.lastProbe.join(' ')).not.toMatch(/insuranceFund|λ/);
  // The first lever's card was on the page before the comparison ended.
  expect(seen.cardsWhileRunning).toContain('fund');
  await expect(page.getByTestId('compare-fund')).toBeVisible();
  await page.getByTestId('compare-result').screenshot({ path: 'e2e/screenshots/stream-compare-done.png' });
});

test('after ADL the accounts grid shows the deleveraged winner closed or with the size it has left', async ({ page }) => {
  const s = story('adl');
  const checked = validateParams(s.params);
  if (!checked.ok) throw new Error('the ADL story does not validate');
  const t = tracePath(checked.params, s.run.seed, s.view.pathIndex);
  const adl = t.events.find((e) => e.kind === 'adl');
  if (!adl || adl.kind !== 'adl') throw new Error('the ADL story has no ADL event');
  const id = t.ids[adl.account]!;
  await page.setViewportSize(DESKTOP);
  await page.goto(`/#${encodeShareState(s)}`);
  await expect(page.getByTestId('learn-status')).toContainText('events on this path');
  const tile = page.getByTestId(`learn-account-${id}`);
  await page.getByLabel('Step', { exact: true }).fill(String(adl.step - 1));
  await expect(tile).toHaveAttribute('data-change', '');
  const opening = Number(await tile.getAttribute('data-opening-size'));
  expect(Number(await tile.getAttribute('data-size'))).toBe(opening);
  await page.getByLabel('Step', { exact: true }).fill(String(adl.step));
  await expect(tile).toHaveAttribute('data-change', 'deleveraged');
  const state = await tile.getAttribute('data-state');
  const size = Number(await tile.getAttribute('data-size'));
  if (state === 'closed') expect(size).toBe(0);
  else {
    expect(size).toBeLessThan(opening);
    await expect(tile).toContainText('ADL');
    await expect(tile).toHaveAttribute('title', /left .* auto-deleveraged at step/);
  }
  await page.locator('.learn-accounts').screenshot({ path: 'e2e/screenshots/stream-accounts-after-adl.png' });
});

test('Learn on a phone: the stepper and the chart come first, the stories after them and reachable by a link', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto(`/#${encodeShareState(story('fund-runs-dry'))}`);
  await expect(page.getByTestId('learn-status')).toContainText('events on this path');
  const top = async (testid: string) => (await page.getByTestId(testid).boundingBox())!.y;
  const play = await top('learn-play');
  expect(play + 40).toBeLessThanOrEqual(PHONE.height); // the stepper is on the first screen
  const chart = await top('learn-price');
  const stories = await top('learn-preset-fund-absorbs');
  expect(play).toBeLessThan(stories);
  expect(chart).toBeLessThan(stories);
  await page.screenshot({ path: 'e2e/screenshots/stream-learn-phone.png' });
  await page.getByRole('link', { name: 'Stories and how it works' }).click();
  await expect(page.getByTestId('learn-preset-fund-absorbs')).toBeInViewport();
  await page.screenshot({ path: 'e2e/screenshots/stream-learn-phone-stories.png' });
  // Wide: the stories stay in the introduction, above the stepper.
  await page.setViewportSize(DESKTOP);
  await expect(page.getByRole('link', { name: 'Stories and how it works' })).toHaveCount(0);
  expect(await top('learn-preset-fund-absorbs')).toBeLessThan(await top('learn-play'));
});

test('a sweep over maintenance margin says, before it runs, from which value on it also moves initial margin and rebuilds the traders', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  const s = story('fund-runs-dry'); // initial margin 10 % here (the test reads it from the story, not the defaults)
  const initial = s.params.margin.initialMarginRatio;
  await page.goto(dashboardLink('fund-runs-dry', 100));
  await runDone(page);
  await page.getByRole('tab', { name: 'Planner' }).click();
  await page.locator('#sweep-param').selectOption('margin.maintenanceMarginRatio');
  await page.locator('#sweep-from').fill((initial / 4).toFixed(4));
  await page.locator('#sweep-to').fill((initial / 2).toFixed(4));
  await expect(page.getByTestId('sweep-population-note')).toHaveCount(0);
  await page.locator('#sweep-to').fill((initial * 1.5).toFixed(4));
  const note = page.getByTestId('sweep-population-note');
  await expect(note).toContainText('moves initial margin up with it');
  await expect(note).toContainText(s.params.population.kind === 'generated' ? 'rebuild the simulated traders' : 'imported positions stay as they are');
  await page.locator('#sweep-heading').locator('xpath=ancestor::section[1]').screenshot({ path: 'e2e/screenshots/stream-sweep-margin-note.png' });
});
