// Hostile and broken links (DESIGN.md §5): a clear message, the defaults, no console error, nothing executed.
// And the point of links: another browser opening one sees exactly the same numbers; back/forward restore.
import type { Page } from '@playwright/test';
import { deflateSync } from 'fflate';
import { expect, test } from './support/fixtures';
import { headline, rawLink, runDone, seedInput, setSeed } from './support/shareHelpers';

const XSS = '<img src=x onerror=window.__pwned=1>';
/** Fields of the base's generated population that an explicit one does not have (the patch deletes them). */
const GENERATED_ONLY = ['openInterest', 'longShare', 'leverageMedian', 'leverageSigma', 'paretoAlpha', 'entrySpread', 'marketMakerLeverage'];

const randomBytes = Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7919 + 13) % 256)).toString('base64url');
const bomb = `#v=1&s=${Buffer.from(deflateSync(new Uint8Array(30_000_000), { level: 9 })).toString('base64url')}`;

const HOSTILE: [string, string, RegExp][] = [
  ['random bytes', `#v=1&s=${randomBytes}`, /damaged/],
  ['random characters', '#v=1&s=%00%ff<script>alert(1)</script>', /damaged|not/],
  ['a huge payload', `#v=1&s=${'A'.repeat(1_900_000)}`, /./],
  ['a deflate bomb', bomb, /unpacks to more than/],
  ['a wrong version', '#v=abc&s=xyz', /whole number/],
  ['a future version', '#v=3&s=xyz', /newer version/],
  ['no state', '#v=1', /no state/],
  ['an unknown part', `${rawLink('{}')}&evil=1`, /unknown part/],
  ['Infinity paths', rawLink('{"run":{"paths":1e999}}'), /run\.paths/],
  ['negative paths', rawLink('{"run":{"paths":-5}}'), /run\.paths/],
  ['NaN as a ratio', rawLink('{"params":{"margin":{"maintenanceMarginRatio":"NaN"}}}'), /maintenanceMarginRatio/],
  ['an absurd price', rawLink('{"params":{"market":{"initialPrice":"1e400"}}}'), /initialPrice/],
  ['an absurd account count', rawLink('{"params":{"population":{"accounts":1e12}}}'), /population/],
  ['a __proto__ key', rawLink('{"__proto__":{"polluted":1}}'), /forbidden key/],
  ['a nested __proto__ key', rawLink('{"params":{"margin":{"__proto__":{"polluted":1}}}}'), /forbidden key/],
  ['a constructor key', rawLink('{"params":{"constructor":{"prototype":{"polluted":1}}}}'), /forbidden key|unknown/],
  ['script in the tab', rawLink(JSON.stringify({ view: { tab: XSS } })), /tab/],
  ['script in a sweep', rawLink(JSON.stringify({ view: { sweep: { param: XSS, from: 0, to: 1, points: 3 } } })), /sweep/],
];

/** A valid link whose explicit account id is markup: it opens, and the id is shown as text, never run. */
const XSS_ACCOUNT_LINK = rawLink(
  JSON.stringify({
    params: {
      population: {
        ...Object.fromEntries(GENERATED_ONLY.map((key) => [key, { $delete: true }])),
        kind: 'explicit',
        accounts: [
          { id: XSS, side: 'long', size: '10', entryPrice: '100', collateral: '100' },
          { id: 'b', side: 'short', size: '10', entryPrice: '100', collateral: '100' },
        ],
      },
    },
  }),
);

/**
 * The run id of the default page: a sha-256 of the engine version, parameters, seed and paths, so an equal id means
 * the page shows exactly the defaults (the numbers follow from it; determinism.spec checks that). Reading it, not
 * the headline, spares each hostile link a full default run it does not test.
 */
let defaultId: string | null = null;
const runIdOfPage = (page: Page) => page.getByTestId('run-id').getAttribute('data-run-id');
async function defaultRunId(page: Page) {
  if (!defaultId) {
    await page.goto('/');
    defaultId = await runIdOfPage(page);
    await page.goto('about:blank');
  }
  return defaultId;
}

for (const [name, hash, problem] of HOSTILE) {
  test(`a link with ${name} shows a clear message and the defaults, and runs nothing`, async ({ page }) => {
    const want = await defaultRunId(page);
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.goto(`/${hash}`);
    const banner = page.getByTestId('link-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute('role', 'alert');
    await expect(banner).toContainText('This link could not be opened, so the page shows the default parameters.');
    await expect(banner).toContainText(problem);
    expect(await page.locator('.link-banner img').count()).toBe(0);
    expect(want).toMatch(/^[0-9a-f]{64}$/);
    expect(await runIdOfPage(page)).toBe(want);
    await expect(seedInput(page)).toHaveValue('1');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => ({} as Record<string, unknown>).polluted)).toBeUndefined();
    expect(dialogs).toBe(0);
    await banner.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect(banner).toBeHidden();
  });
}

test('an account id that is markup is shown as text and never runs', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await page.goto(`/${XSS_ACCOUNT_LINK}`);
  await runDone(page);
  await expect(page.getByTestId('link-banner')).toBeHidden();
  const shownAsText = await page.evaluate((xss) => {
    const fields = Array.from(document.querySelectorAll('textarea, input')).map((el) => (el as HTMLInputElement).value);
    return (document.body.textContent ?? '').includes(xss) || fields.some((v) => v.includes(xss));
  }, XSS);
  expect(shownAsText, 'the id appears as text').toBe(true);
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
});

test('a fragment that is not a Haircut link (the skip link) is left alone', async ({ page }) => {
  await page.goto('/#results');
  await runDone(page);
  await expect(page.getByTestId('link-banner')).toBeHidden();
});

test('a link opened in a fresh browser context reproduces the same headline numbers exactly', async ({ page, browser }) => {
  await page.goto('/');
  await runDone(page);
  await page.getByLabel('Maintenance margin (%)', { exact: true }).fill('0.3');
  await page.getByLabel('Maintenance margin (%)', { exact: true }).press('Tab');
  await setSeed(page, 12);
  const made = await headline(page);
  await page.getByTestId('copy-link').click(); // settles the URL at once
  const link = page.url();
  expect(link).toMatch(/#v=2&s=[A-Za-z0-9_-]+&c=[0-9a-f]{12}$/);

  const context = await browser.newContext();
  try {
    const fresh = await context.newPage();
    const errors: string[] = [];
    fresh.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    await fresh.goto(link);
    await expect(seedInput(fresh)).toHaveValue('12');
    expect(await headline(fresh)).toEqual(made);
    await expect(fresh.getByTestId('link-banner')).toBeHidden();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('back and forward restore earlier states', async ({ page }) => {
  // Four full default runs (seed 1, 7, 8, then back): allow for a slow machine.
  test.setTimeout(240_000);
  await page.goto('/');
  const first = await headline(page);
  await setSeed(page, 7);
  const seven = await headline(page);
  await page.waitForTimeout(1200); // the edit settles into its own history entry
  await setSeed(page, 8);
  await page.waitForTimeout(1200);

  await page.goBack();
  await expect(seedInput(page)).toHaveValue('7');
  expect(await headline(page)).toEqual(seven);
  await page.goBack();
  await expect(seedInput(page)).toHaveValue('1');
  expect(await headline(page)).toEqual(first);
  await page.goForward();
  await page.goForward();
  await expect(seedInput(page)).toHaveValue('8');
  await expect(page.getByTestId('link-banner')).toBeHidden();
});
