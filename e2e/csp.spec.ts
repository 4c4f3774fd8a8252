// The shipped Content-Security-Policy under a real HTTP header (issue 18 §1): the built site is served by a tiny
// Node server that sends the headers of dist/_headers (public/_headers, the Netlify/Cloudflare file) on every
// response — so workers get the policy too, which a meta tag cannot give them — plus a report-uri that counts
// every violation report. A run, Learn, a Planner sweep, every export and a hostile link must cause none. A
// deliberate violation (a foreign image) in a separate page proves the detector is live.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { runDone } from './support/shareHelpers';

const DIST = process.env.HAIRCUT_E2E_DIST ?? 'dist';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.map': 'application/json',
  '.png': 'image/png',
};

/** The `/*` rule of a _headers file. */
function headersFile(): Record<string, string> {
  const headers: Record<string, string> = {};
  let inRoot = false;
  for (const line of readFileSync(join(DIST, '_headers'), 'utf8').split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!/^\s/.test(line)) {
      inRoot = line.trim() === '/*';
      continue;
    }
    if (inRoot) headers[line.slice(0, line.indexOf(':')).trim()] = line.slice(line.indexOf(':') + 1).trim();
  }
  return headers;
}

let server: Server;
let origin = '';
const reports: string[] = [];
const HEADERS = headersFile();

test.beforeAll(async () => {
  const csp = `${HEADERS['Content-Security-Policy']}; report-uri /__csp-report`;
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/__csp-report') {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        reports.push(body);
        response.writeHead(204).end();
      });
      return;
    }
    const path = normalize(join(DIST, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)));
    if (!path.startsWith(normalize(DIST)) || !statSync(path, { throwIfNoEntry: false })?.isFile()) {
      response.writeHead(404, { ...HEADERS, 'Content-Security-Policy': csp }).end('not found');
      return;
    }
    response.writeHead(200, { ...HEADERS, 'Content-Security-Policy': csp, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
    response.end(readFileSync(path));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Records every securitypolicyviolation the document sees (workers report through report-uri). */
async function watchViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.effectiveDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
  });
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

async function download(page: Page, click: () => Promise<void>): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  expect(await file.failure()).toBeNull();
  return file;
}

test('under the shipped CSP header: a run, Learn, Planner, every export and a hostile link cause no violation', async ({ page }) => {
  test.setTimeout(180_000);
  await watchViolations(page);
  const response = await page.goto(`${origin}/`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  expect(response?.headers()['referrer-policy']).toBe('no-referrer');
  await runDone(page);

  // Every export: parameters file, per-path CSV, and each chart as SVG and PNG (PNG needs img-src blob:).
  await download(page, () => page.getByTestId('export-params').click());
  await download(page, () => page.getByTestId('export-csv').click());
  const cards = page.locator('figure.chart-card');
  await expect(cards.first().locator('svg').first()).toBeVisible({ timeout: 30_000 });
  const count = await cards.count();
  expect(count).toBeGreaterThan(2);
  let pngs = 0;
  for (let i = 0; i < count; i++) {
    const card = cards.nth(i);
    const toggle = card.getByRole('button', { name: /^Save “.*”…$/ });
    if ((await toggle.count()) === 0 || !(await toggle.isEnabled())) continue;
    // The Save button opens the formats; each format button saves and may close the menu again.
    const format = async (name: RegExp) => {
      const button = card.getByRole('button', { name });
      if (!(await button.isVisible())) await toggle.click();
      return button;
    };
    await download(page, async () => (await format(/as SVG$/)).click());
    const png = await download(page, async () => (await format(/as PNG$/)).click());
    const bytes = readFileSync(await png.path());
    expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    pngs++;
  }
  expect(pngs).toBeGreaterThan(2);

  // Learn: the trace worker.
  await page.getByRole('tab', { name: 'Learn' }).click();
  await expect(page.getByTestId('learn-status')).toContainText('events on this path', { timeout: 60_000 });

  // Planner: a small sweep on the planner workers, and the bundled ADL data (connect-src 'self').
  await page.getByRole('tab', { name: 'Planner' }).click();
  await expect(page.getByRole('heading', { name: 'Parameter sweep' })).toBeVisible();
  await page.getByLabel('Parameter', { exact: true }).selectOption('insuranceFund.initial');
  await page.locator('#sweep-from').fill('0');
  await page.locator('#sweep-to').fill('2000000');
  await page.locator('#sweep-points').fill('3');
  await page.locator('#sweep-paths').fill('100');
  await page.getByTestId('sweep-run').click();
  await expect(page.getByTestId('sweep-status')).toHaveAttribute('data-status', 'done', { timeout: 120_000 });
  await expect(page.getByTestId('adl-total-needed')).toHaveText('$15.08M');

  await page.waitForTimeout(500); // reports are sent asynchronously
  expect(await violations(page)).toEqual([]);
  expect(reports).toEqual([]);

  // A hostile link, opened fresh: refused with the banner, nothing executed or loaded.
  await page.goto('about:blank');
  await page.goto(`${origin}/#v=1&s=%00%ff<script>alert(1)</script><img src=https://example.com/x.png>`);
  await expect(page.getByTestId('link-banner')).toBeVisible();
  await runDone(page);
  await page.waitForTimeout(500);
  expect(await violations(page)).toEqual([]);
  expect(reports).toEqual([]);
});

test('the detector is live: a deliberate violation is reported both ways', async ({ browser }) => {
  const context = await browser.newContext();
  const probe = await context.newPage();
  await watchViolations(probe);
  await probe.goto(`${origin}/`);
  const before = reports.length;
  // (Code run by page.evaluate is exempt from script-src, so the probe loads a foreign image instead.)
  await probe.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'https://example.invalid/pixel.png';
    document.body.append(img);
  });
  // Reported once per policy that forbids it: the header's and the meta tag's.
  await expect.poll(async () => (await violations(probe)).length).toBeGreaterThan(0);
  for (const seen of await violations(probe)) expect(seen).toMatch(/^img-src blocked https:\/\/example\.invalid/);
  await expect.poll(() => reports.length).toBeGreaterThan(before);
  reports.splice(before);
  await context.close();
});
