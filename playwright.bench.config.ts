// Browser benchmarks (`npm run bench:planner`): the same setup as the end-to-end tests, but only *.bench.ts
// files, which `npm test` never runs. They log timings; they assert behaviour, never speed.
import base from './playwright.config';
import { defineConfig } from '@playwright/test';

export default defineConfig({ ...base, testMatch: '**/*.bench.ts', reporter: 'list' });
