// Which Chromium the end-to-end tests use; shared by playwright.config.ts and scripts/ensure-browser.mjs so
// both always agree. A system Chromium (HAIRCUT_CHROMIUM, else Debian's /usr/bin/chromium) wins; without one,
// Playwright's own downloaded browser is used.
import { existsSync } from 'node:fs';

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/** Flags that keep a system Chromium quiet and offline apart from the page under test. */
const SYSTEM_CHROMIUM_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** @returns {string | undefined} The system Chromium to use, or undefined for Playwright's own browser. */
export function systemChromiumPath() {
  const fromEnv = process.env.HAIRCUT_CHROMIUM;
  if (fromEnv) return fromEnv;
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

/** @returns {{ executablePath?: string, args?: string[] }} Launch options for Playwright's chromium. */
export function chromiumLaunchOptions() {
  const executablePath = systemChromiumPath();
  if (executablePath === undefined) return {};
  // Chromium refuses to start its sandbox as root (CI containers); Playwright's own browser handles this itself.
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return { executablePath, args: asRoot ? [...SYSTEM_CHROMIUM_ARGS, '--no-sandbox'] : SYSTEM_CHROMIUM_ARGS };
}
