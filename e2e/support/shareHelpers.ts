// Helpers for the share specs: reading the headline numbers, editing a field, building (hostile) links in Node.
import type { Page } from '@playwright/test';
import { deflateSync } from 'fflate';
import { V1_DICTIONARY_TEXT } from '../../src/share/linkFormatV1';
import { expect } from './fixtures';
import { HEADLINE } from './simulateCli';

export const RUN_TIMEOUT = 60_000;

/**
 * A v2 link to the page's defaults before they became the btc-binance preset (issue 15): a volatile 100-quote
 * market, margins 10 %/5 %, fund 250k, socialization, which socializes on ~5 % of paths. Made with encodeShareState
 * before the switch (src/share/presetDefaultsLinks.test.ts pins what it opens). Specs that edit those margins or
 * need losses open it instead of relying on the defaults.
 */
export const LEGACY_DEFAULTS_LINK =
  '#v=2&s=Q86FaDGHLQ5gaRVoEyLMSzIy8_LARaoR0PiC1KLcxDxg8oOlY0gCy_YEqw9PzUzPAOoy0DMGpshiYCEELgpyM_NgdkFyOjTQgZENcY6BnhGosMnPAdVIsIivBQIA&c=3ca9f6429df5';

export async function runDone(page: Page): Promise<void> {
  await expect(page.getByTestId('run-status')).toHaveText('done', { timeout: RUN_TIMEOUT });
}

/** Sets the run's paths and waits for the run at that count to finish: its summary reads "N paths in …". */
export async function runAtPaths(page: Page, paths: number): Promise<void> {
  await setField(page, 'Paths (paths)', String(paths));
  await expect(page.getByText(new RegExp(`${paths.toLocaleString('en-US')} paths in`))).toBeVisible({ timeout: 120_000 });
}

/** data-value of every headline metric, after the run is done. */
export async function headline(page: Page): Promise<Record<string, string | null>> {
  await runDone(page);
  const read: Record<string, string | null> = {};
  for (const id of Object.keys(HEADLINE)) read[id] = await page.getByTestId(id).getAttribute('data-value');
  return read;
}

/** Types into a labelled input and leaves it. */
export async function setField(page: Page, label: string | RegExp, text: string): Promise<void> {
  const input = typeof label === 'string' ? page.getByLabel(label, { exact: true }) : page.getByLabel(label);
  await input.fill(text);
  await input.press('Tab');
}

export const seedInput = (page: Page) => page.getByLabel(/^Seed/);

/** Sets the seed, waits until the URL carries the new state and the new run is done. */
export async function setSeed(page: Page, seed: number): Promise<void> {
  const before = page.url();
  await setField(page, /^Seed/, String(seed));
  await expect.poll(() => page.url()).not.toBe(before);
  await runDone(page);
}

const dictionary = new TextEncoder().encode(V1_DICTIONARY_TEXT);

/** A v1 fragment (with '#') whose patch is exactly `patchText` (any text: it need not be valid JSON). */
export function rawLink(patchText: string, version = '1'): string {
  const packed = deflateSync(new TextEncoder().encode(patchText), { level: 9, dictionary });
  return `#v=${version}&s=${Buffer.from(packed).toString('base64url')}`;
}
