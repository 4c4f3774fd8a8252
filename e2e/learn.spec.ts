// Learn mode end to end: open a story's share link, step to the first bankruptcy, and check that the event
// text and the running waterfall on the page agree with the engine's own trace of that path (computed here in
// Node), then scrub, use the keys, and take screenshots at desktop and phone sizes.
import { tracePath } from '../src/engine/index';
import { validateParams } from '../src/engine/params/validateParams';
import { encodeShareState } from '../src/share/codec';
import { describeEvent, money } from '../src/ui/learn/eventText';
import { LEARN_PRESETS } from '../src/ui/learn/presets';
import { expect, test } from './support/fixtures';

const dry = LEARN_PRESETS.find((p) => p.id === 'fund-runs-dry')!;
const link = `/#${encodeShareState(dry.state)}`;

function expected() {
  const checked = validateParams(dry.state.params);
  if (!checked.ok) throw new Error('preset does not validate');
  const t = tracePath(checked.params, dry.state.run.seed, dry.state.view.pathIndex);
  const firstEventStep = t.events[0]!.step;
  const bankruptcy = t.events.find((e) => e.kind === 'deficit')!;
  return { t, firstEventStep, bankruptcyStep: bankruptcy.step };
}

test('a story link: step to the first bankruptcy, read the events and the waterfall, scrub, keys', async ({ page }) => {
  const { t, firstEventStep, bankruptcyStep } = expected();
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(link);
  await expect(page.getByRole('tab', { name: 'Learn' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: /Learn: watch one path/ })).toBeVisible();
  await expect(page.getByTestId('learn-step')).toContainText('step 0 of 39');

  const next = page.getByTestId('learn-next-event');
  await next.click();
  await expect(page.getByTestId('learn-step')).toContainText(`step ${firstEventStep} of`);
  await next.click();
  await expect(page.getByTestId('learn-step')).toContainText(`step ${bankruptcyStep} of`);

  // Every event of that step, in the engine's words and numbers.
  const log = page.getByTestId('learn-events');
  for (const e of t.events.filter((x) => x.step === bankruptcyStep)) await expect(log).toContainText(describeEvent(e, t.ids));
  await expect(log).toContainText('fund now 0.00');
  await expect(log).toContainText(/socialized: haircut \d+\.\d% on 10 profitable accounts/);

  // The waterfall up to this step, to the cent.
  const s = bankruptcyStep;
  await expect(page.getByTestId('learn-badDebt')).toHaveText(money(t.cumBadDebtQuote[s]!));
  await expect(page.getByTestId('learn-fundDraw')).toHaveText(money(t.cumFundDrawQuote[s]!));
  await expect(page.getByTestId('learn-socialized')).toHaveText(money(t.cumSocializedLossQuote[s]!));
  await expect(page.getByTestId('learn-uncovered')).toHaveText(money(t.cumUncoveredQuote[s]!));
  await expect(page.getByTestId('learn-fund')).toHaveText(money(t.fundQuote[s]!));
  // The bankrupt account is closed; a winning short is not.
  await expect(page.getByTestId('learn-account-t1')).toHaveAttribute('data-state', 'closed');
  await expect(page.getByTestId('learn-account-t11')).toHaveAttribute('data-state', 'healthy');
  await page.screenshot({ path: 'e2e/screenshots/learn-1440.png', fullPage: true });

  // One step back: nothing owed yet.
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByTestId('learn-badDebt')).toHaveText('0.00');

  // Scrub with the labelled range.
  const scrubber = page.getByLabel('Step', { exact: true });
  await scrubber.fill('30');
  await expect(page.getByTestId('learn-step')).toContainText('step 30 of 39');
  await expect(page.getByTestId('learn-socialized')).toHaveText(money(t.cumSocializedLossQuote[30]!));

  // Keys, with focus on the page (not in a field).
  await page.getByRole('heading', { name: /Learn: watch one path/ }).click();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('learn-step')).toContainText('step 29 of 39');
  await page.keyboard.press('Home');
  await expect(page.getByTestId('learn-step')).toContainText('step 0 of 39');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('learn-step')).toContainText('step 1 of 39');
  await page.keyboard.press('End');
  await expect(page.getByTestId('learn-step')).toContainText('step 39 of 39');
  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('learn-play')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('learn-step')).not.toContainText('step 0 of');
  await page.keyboard.press(' ');
  await expect(page.getByTestId('learn-play')).toHaveAttribute('aria-pressed', 'false');

  // An event is a link to its step.
  await page.getByRole('button', { name: /fund paid/ }).click();
  await expect(page.getByTestId('learn-step')).toContainText(`step ${bankruptcyStep} of`);
});

test('every story opens from the learn tab; the comparison story shows the baseline', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await page.getByRole('tab', { name: 'Learn' }).click();
  for (const p of LEARN_PRESETS) {
    await page.getByTestId(`learn-preset-${p.id}`).click();
    await expect(page.getByTestId('learn-status')).toContainText('events on this path');
  }
  await expect(page.getByTestId('learn-baseline-socialized')).toBeVisible();
  await page.getByTestId('learn-next-event').click();
  await page.getByTestId('learn-next-event').click();
  await page.getByTestId('learn-next-event').click();
  await expect(page.getByTestId('learn-socialized')).toHaveText('0.00');
  await page.getByLabel('Step', { exact: true }).fill('20');
  await expect(page.getByTestId('learn-baseline-socialized')).not.toHaveText('0.00');
  await page.screenshot({ path: 'e2e/screenshots/learn-390.png', fullPage: true });
});
