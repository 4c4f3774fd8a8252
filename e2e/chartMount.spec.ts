import { expect, test } from './support/fixtures';

// Issue 20: the first run after load must not hold the main thread for more than 50 ms, and mounting a Recharts
// chart with its results took 50–140 ms. So the chart primer (chartPrimer.tsx) compiles Recharts' code in small
// pieces in a hidden root, and each card mounts its chart empty and hidden (its standby) before its results
// arrive: the results then update that chart. Here the page is watched from its first byte: every chart (Recharts'
// wrapper element) a card ever held, whether it first appeared hidden, and whether one was ever taken out again.

interface Watch {
  cards: Record<string, { first: Element; hiddenAtFirst: boolean }>;
  removedFromCards: number;
  primerSeen: boolean;
}

test('each card mounts its chart hidden before the results and draws them into that chart; the primer leaves nothing behind', async ({ page }) => {
  await page.addInitScript(() => {
    const watch: Watch = { cards: {}, removedFromCards: 0, primerSeen: false };
    (window as unknown as { __mount: Watch }).__mount = watch;
    const charts = (node: Node): Element[] =>
      node instanceof Element ? [...(node.matches('.recharts-wrapper') ? [node] : []), ...Array.from(node.querySelectorAll('.recharts-wrapper'))] : [];
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of Array.from(record.addedNodes)) {
          if (node instanceof Element && (node.matches('.chart-primer') || node.querySelector('.chart-primer'))) watch.primerSeen = true;
          for (const chart of charts(node)) {
            const card = chart.closest('figure.chart-card')?.getAttribute('data-testid');
            if (card && !watch.cards[card]) watch.cards[card] = { first: chart, hiddenAtFirst: chart.closest('.chart-unseen') !== null };
          }
        }
        // A removed node is detached already: whether it came out of a card is read from the record's target.
        if (record.target instanceof Element && record.target.closest('figure.chart-card')) {
          for (const node of Array.from(record.removedNodes)) watch.removedFromCards += charts(node).length;
        }
      }
    });
    document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { childList: true, subtree: true }));
  });

  await page.goto('/');
  await expect(page.getByTestId('run-status')).toHaveText('done', { timeout: 60_000 });
  // The default market's cards that draw a chart (the others say in a sentence why they have none).
  for (const id of ['chart-fan-fund', 'chart-fan-baddebt', 'chart-exceedance', 'chart-waterfall', 'chart-sample-path']) {
    await expect(page.getByTestId(id).locator('.recharts-wrapper > svg'), id).toBeVisible({ timeout: 30_000 });
  }

  const seen = await page.evaluate(() => {
    const watch = (window as unknown as { __mount: Watch }).__mount;
    const visible = Array.from(document.querySelectorAll('figure.chart-card')).flatMap((card) => {
      const chart = card.querySelector('.chart-body:not(.chart-unseen) .recharts-wrapper');
      const id = card.getAttribute('data-testid') ?? '';
      const first = watch.cards[id];
      return chart ? [{ id, sameAsFirst: first?.first === chart, hiddenAtFirst: first?.hiddenAtFirst ?? null }] : [];
    });
    return { visible, removedFromCards: watch.removedFromCards, primerSeen: watch.primerSeen, primerLeft: document.querySelectorAll('.chart-primer').length };
  });
  expect(seen.visible.length).toBeGreaterThanOrEqual(5);
  for (const card of seen.visible) {
    expect(card, card.id).toEqual({ id: card.id, sameAsFirst: true, hiddenAtFirst: true });
  }
  expect(seen.removedFromCards).toBe(0);
  expect(seen.primerSeen).toBe(true);
  expect(seen.primerLeft).toBe(0);

  // A card that shows a sentence keeps its standby chart out of sight, out of the accessibility tree and out of
  // the layout: the sentence is all there is to read.
  const standby = page.locator('figure.chart-card .chart-standby');
  // On the default market nobody bears a socialized loss: at least that card shows a sentence.
  expect(await standby.count()).toBeGreaterThanOrEqual(1);
  for (const body of await standby.all()) {
    await expect(body).toBeHidden();
    await expect(body).toHaveAttribute('aria-hidden', 'true');
  }
});
