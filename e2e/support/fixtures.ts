// Every spec imports `test` and `expect` from here, never from @playwright/test: a console error or an uncaught
// page error anywhere in a test fails that test, with the messages listed.
import { test as base, expect } from '@playwright/test';

interface PageProblems {
  /** Console errors and uncaught exceptions seen so far in this test. */
  pageProblems: string[];
}

export const test = base.extend<PageProblems>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() !== 'error') return;
        const where = message.location().url;
        problems.push(`console.error: ${message.text()}${where ? ` (${where})` : ''}`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught ${error.name}: ${error.message}`));
      await use(problems);
      expect(problems, 'console errors or uncaught page errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
