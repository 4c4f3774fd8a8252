// Issue 14 in a real Chromium: every loss-mechanism option has an input, the link carries it (a reload of the
// link shows the same options), and an ADL link made before the change opens with a notice that it was upgraded.
import { encodeShareState } from '../src/share/codec';
import { defaultShareState } from '../src/share/shareState';
import { expect, test } from './support/fixtures';

test.describe.configure({ timeout: 240_000 });

test('ADL options: inputs, carried by the link through a reload', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 1100 });
  await page.goto('/');
  await page.getByLabel('After the insurance fund').selectOption('adl');
  await page.getByLabel('ADL order').selectOption('hyperliquid');
  await page.getByLabel('ADL size').selectOption('full');
  await page.getByLabel('Counterparties closed at').selectOption('mark');
  await page.getByLabel('ADL starts').selectOption('fund-drawdown');
  await expect(page.getByLabel(/^ADL after a fund drawdown of/)).toHaveValue('30');
  await expect(page.getByLabel(/^Drawdown window/)).toHaveValue('480');
  await page.locator('#section-mechanism').screenshot({ path: 'e2e/screenshots/loss-mechanism-adl.png' });
  await expect.poll(() => page.url(), { timeout: 10_000 }).toMatch(/#v=2&s=.+&c=[0-9a-f]{12}/);
  const link = page.url();
  await page.goto('about:blank');
  await page.goto(link);
  await expect(page.getByLabel('ADL order')).toHaveValue('hyperliquid');
  await expect(page.getByLabel('ADL size')).toHaveValue('full');
  await expect(page.getByLabel('Counterparties closed at')).toHaveValue('mark');
  await expect(page.getByLabel('ADL starts')).toHaveValue('fund-drawdown');
  await expect(page.getByTestId('link-banner')).toHaveCount(0);
});

test('backstop and socialize options have inputs', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('After the insurance fund').selectOption('backstop');
  await expect(page.getByLabel(/^Vault takes over below/)).toHaveValue(/^66\.666/);
  await expect(page.getByLabel(/^Vault sells its inventory over/)).toHaveValue('60');
  await page.locator('#section-mechanism').screenshot({ path: 'e2e/screenshots/loss-mechanism-backstop.png' });
  await page.getByLabel('After the insurance fund').selectOption('socialize');
  await page.getByLabel('Who pays').selectOption('open-interest');
  await expect(page.getByLabel('Who pays')).toHaveValue('open-interest');
});

test('an ADL link made before the change opens with a notice that it was upgraded', async ({ page }) => {
  const old = defaultShareState();
  // A link made before issue 14 has only kind and ranking.
  old.params.lossMechanism = { kind: 'adl', ranking: 'pnl-leverage' } as unknown as typeof old.params.lossMechanism;
  await page.goto(`/#${encodeShareState(old).replace(/^#/, '')}`);
  await expect(page.getByTestId('link-banner')).toContainText('made before ADL replaced the book sale');
  await expect(page.getByLabel('ADL size')).toHaveValue('needed');
  await page.getByTestId('link-banner').screenshot({ path: 'e2e/screenshots/loss-mechanism-upgrade-notice.png' });
});
