// Learn (issue #14): the ADL overshoot in money, per event and for the path, in the full-vs-needed story.
// Screenshot: e2e/screenshots/learn-adl-overshoot.png (look at it).
import { expect, test } from './support/fixtures';

test('the full-vs-needed ADL story shows the overshoot in money; needed ADL shows less', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto('/');
  await page.getByRole('tab', { name: 'Learn' }).click();
  await page.getByTestId('learn-preset-adl').click();
  await expect(page.getByTestId('learn-status')).toContainText('events on this path');
  const line = page.getByTestId('learn-adl-overshoot');
  await expect(line).toContainText('overshoot of');
  const needed = Number(await line.getAttribute('data-value'));

  await page.getByTestId('learn-preset-adl-full-vs-needed').click();
  await expect(line).not.toHaveAttribute('data-value', String(needed));
  const full = Number(await line.getAttribute('data-value'));
  expect(full).toBeGreaterThan(needed);
  await expect(line).toContainText(/closed out [\d,.]+ of winners’ profit to cover [\d,.]+ of deficits/);
  await page.locator('.learn').first().screenshot({ path: 'e2e/screenshots/learn-adl-overshoot.png' });
});
