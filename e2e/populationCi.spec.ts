import { expect, test } from './support/fixtures';
import { runAtPaths } from './support/shareHelpers';

test('population seed field and the interval that includes population resampling', async ({ page }) => {
  test.setTimeout(300_000); // several runs on a shared machine
  await page.goto('/');
  const status = page.getByTestId('run-status');
  await expect(status).toHaveText('done', { timeout: 60_000 });
  await runAtPaths(page, 100);

  // population.seed: refused with the field named, accepted as a whole number, and empty again removes it.
  await page.locator('#section-population > summary').click();
  const seedField = page.getByLabel('Population seed (optional integer)');
  await seedField.fill('1.5');
  await seedField.press('Tab');
  await expect(page.locator('#param-population-seed-problem')).toBeVisible();
  await seedField.fill('42');
  await seedField.press('Tab');
  await expect(page.locator('#param-population-seed-problem')).toHaveCount(0);
  await expect(status).toHaveText('done', { timeout: 120_000 });

  // The path-only interval is labelled as such; the population-inclusive one runs on demand, with progress.
  await expect(page.getByText(/Path-only 95 % interval \(Wilson\)/)).toBeVisible();
  const run = page.getByTestId('population-ci-run');
  await expect(run).toBeEnabled();
  await run.click();
  const result = page.getByTestId('population-ci-result');
  await expect(result).toContainText('Including population resampling: 95 % interval', { timeout: 180_000 });
  await expect(result).toContainText('batch means over 10 generated populations of 10 paths each');
  const p = Number(await page.getByTestId('metric-pSocialized').getAttribute('data-value'));
  const lo = Number(await result.getAttribute('data-lo'));
  const hi = Number(await result.getAttribute('data-hi'));
  expect(lo).toBeGreaterThanOrEqual(0);
  expect(hi).toBeLessThanOrEqual(1);
  expect(hi).toBeGreaterThan(lo);
  expect(Number.isFinite(p)).toBe(true);
  await page.getByTestId('metric-pSocialized').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/population-ci.png', fullPage: true });

  // The choice travels in the link: a page opened with it shows the same interval without being asked.
  await page.getByTestId('copy-link').click(); // settles the URL at once
  expect(page.url()).toMatch(/#v=2&s=/);
  const opened = await page.context().newPage();
  await opened.goto(page.url());
  await expect(opened.getByTestId('run-status')).toHaveText('done', { timeout: 120_000 });
  const reopened = opened.getByTestId('population-ci-result');
  await expect(reopened).toContainText('Including population resampling: 95 % interval', { timeout: 180_000 });
  expect(Number(await reopened.getAttribute('data-lo'))).toBe(lo);
  expect(Number(await reopened.getAttribute('data-hi'))).toBe(hi);
  // Hidden again, the link no longer asks for it.
  await opened.getByTestId('population-ci-off').click();
  await expect(reopened).toHaveCount(0);
  await opened.getByTestId('copy-link').click();
  const withoutIt = await page.context().newPage();
  await withoutIt.goto(opened.url());
  await expect(withoutIt.getByTestId('run-status')).toHaveText('done', { timeout: 120_000 });
  await expect(withoutIt.getByTestId('population-ci-run')).toBeEnabled();
  await expect(withoutIt.getByTestId('population-ci-result')).toHaveCount(0);
  await opened.close();
  await withoutIt.close();

  // Another population seed makes it refer to another run: the interval is withdrawn; the choice stays on (it is
  // part of the link now), so the new run gets its own interval; Hide turns it off and offers the action again.
  await seedField.fill('');
  await seedField.press('Tab');
  await expect(result).toHaveCount(0);
  await expect(status).toHaveText('done', { timeout: 120_000 });
  await expect(result).toContainText('Including population resampling: 95 % interval', { timeout: 180_000 });
  await page.getByTestId('population-ci-off').click();
  await expect(result).toHaveCount(0);
  await expect(run).toBeEnabled();
});

test('a crash preset shows what the record documents, with its sources', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByTestId('run-status')).toHaveText('done', { timeout: 60_000 });
  await page.locator('#param-scenario-kind').selectOption('crash');
  await expect(page.getByTestId('crash-preset-stylized-after')).toContainText(/^Stylized after .+https:\/\//);
  await expect(page.getByTestId('crash-preset-record')).toContainText('Worst minute: No per-minute price source found');
  await expect(page.getByTestId('crash-preset-record')).toContainText('Liquidation backlog:');
});
