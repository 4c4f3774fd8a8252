// Heavy runs from links (issue 18 §6): a link asking for hours of computing is held behind a prompt that says
// what it would cost; declining keeps the page as it was, accepting opens the link.
import { encodeShareState } from '../src/share/codec';
import { defaultShareState } from '../src/share/shareState';
import { expect, test } from './support/fixtures';
import { runDone, seedInput } from './support/shareHelpers';

function monsterLink(): string {
  const s = defaultShareState();
  if (s.params.population.kind === 'generated') s.params.population = { ...s.params.population, accounts: 1_000_000 };
  s.params.market = { ...s.params.market, steps: 100_000 };
  s.run = { paths: 100_000, seed: 42 };
  return `#${encodeShareState(s)}`;
}

test('a link asking for hours waits for the visitor, with its cost in words', async ({ page }) => {
  await page.goto(`/${monsterLink()}`);
  const prompt = page.getByTestId('heavy-run-prompt');
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText(/This link asks for a long run: about [\d.]+ h on this computer/);
  await expect(prompt).toContainText('1,000,000 accounts × 100,000 steps × 100,000 paths');
  // Nothing heavy started: the defaults ran instead.
  await runDone(page);
  await expect(seedInput(page)).toHaveValue('1');
  await page.screenshot({ path: test.info().outputPath('heavy-run-prompt.png') });
  await page.getByTestId('heavy-run-decline').click();
  await expect(prompt).toHaveCount(0);
  await expect(seedInput(page)).toHaveValue('1');
});

test('a light link opens without a prompt', async ({ page }) => {
  const s = defaultShareState();
  s.run = { paths: 500, seed: 42 };
  await page.goto(`/#${encodeURIComponent(encodeShareState(s))}`); // percent-encoded, as mail wrappers do
  await runDone(page);
  await expect(seedInput(page)).toHaveValue('42');
  await expect(page.getByTestId('heavy-run-prompt')).toHaveCount(0);
});
