// Runs before `playwright test` (npm run test:e2e): makes sure a Chromium exists for the end-to-end tests, or
// fails loudly. Browser tests are never skipped silently.
//   1. HAIRCUT_CHROMIUM or Debian's /usr/bin/chromium → use it.
//   2. Playwright's own Chromium already downloaded → use it.
//   3. `npx playwright install chromium` (needs the Playwright CDN).
//   4. As root with apt-get: `apt-get update && apt-get install -y chromium` (Debian's package).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { DEBIAN_CHROMIUM, systemChromiumPath } from './chromium.mjs';

const say = (line) => console.log(`[ensure-browser] ${line}`);

function fail(message) {
  console.error(`[ensure-browser] ERROR: ${message}`);
  console.error(
    '[ensure-browser] The end-to-end tests need Chromium. Install one of:\n' +
      '  - Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n' +
      "  - Playwright's browser: npx playwright install chromium\n" +
      '  - or point HAIRCUT_CHROMIUM at a Chromium/Chrome executable.',
  );
  process.exit(1);
}

function versionOf(executable) {
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return result.status === 0 ? result.stdout.trim() : 'version unknown';
}

function useSystemChromium() {
  const path = systemChromiumPath();
  if (path === undefined) return false;
  if (!existsSync(path)) fail(`HAIRCUT_CHROMIUM is set to ${path}, which does not exist.`);
  const source = process.env.HAIRCUT_CHROMIUM ? 'HAIRCUT_CHROMIUM' : 'the system';
  say(`Using Chromium from ${source}: ${path} (${versionOf(path)})`);
  return true;
}

/** True when Playwright's own Chromium is installed: it launches. */
async function bundledChromiumLaunches() {
  try {
    const browser = await chromium.launch({ timeout: 60_000 });
    const version = browser.version();
    await browser.close();
    say(`Using Playwright's own Chromium ${version} (${chromium.executablePath()})`);
    return true;
  } catch {
    return false;
  }
}

function run(command, args, options = {}) {
  say(`Running: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) say(`  could not run it: ${result.error.message}`);
  else if (result.status !== 0) say(`  it exited with ${result.status ?? result.signal}`);
  return result.status === 0;
}

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

if (useSystemChromium()) process.exit(0);
if (await bundledChromiumLaunches()) process.exit(0);

say("No system Chromium and no Playwright browser yet: trying to download Playwright's Chromium.");
// Local CLI only (--no: never fetch another Playwright); 5 minutes at most, as the CDN may be unreachable.
if (run('npx', ['--no', 'playwright', 'install', 'chromium'], { timeout: 300_000 }) && (await bundledChromiumLaunches())) {
  process.exit(0);
}

if (isRoot && hasAptGet()) {
  say("The download failed. Installing Debian's chromium package with apt-get instead (about a minute).");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const installed =
    run('apt-get', ['update'], { env }) && run('apt-get', ['install', '-y', 'chromium'], { env });
  if (installed && useSystemChromium()) process.exit(0);
  fail(`apt-get could not install chromium (expected at ${DEBIAN_CHROMIUM}).`);
}

fail(
  isRoot
    ? 'Downloading Playwright\'s Chromium failed and apt-get is not available.'
    : 'Downloading Playwright\'s Chromium failed, and installing the system package needs root (apt-get).',
);
