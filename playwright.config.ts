// End-to-end tests run against the BUILT site (`npm run build` first; `npm test` does), served by
// `vite preview`, in Chromium only. Which Chromium: see scripts/chromium.mjs.
import { defineConfig, devices } from '@playwright/test';
import { chromiumLaunchOptions } from './scripts/chromium.mjs';

// HAIRCUT_E2E_PORT / HAIRCUT_E2E_DIST let several checkouts or engineers run the suite at once without serving
// each other's build; CI uses the defaults (dist/ on 4173).
const PORT = Number(process.env.HAIRCUT_E2E_PORT ?? 4173);
const DIST = process.env.HAIRCUT_E2E_DIST ?? 'dist';
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  // Specs only: the shared helpers in e2e/support are imported by specs, never run as tests.
  testMatch: '*.spec.ts',
  testIgnore: 'support/**',
  outputDir: process.env.HAIRCUT_E2E_PORT ? `test-results-${PORT}` : 'test-results',
  fullyParallel: false,
  forbidOnly: isCI,
  retries: 0,
  workers: isCI ? 1 : 2,
  reporter: 'list',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    // Recording a trace costs every test ~15 % more CPU (measured: 5 tests, 43–46 s of CPU with it, 36–37 s
    // without), and on CI the files die with the machine: only the failure text in the log reaches anyone.
    trace: isCI ? 'off' : 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], launchOptions: chromiumLaunchOptions() },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --outDir ${DIST}`,
    port: PORT,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
