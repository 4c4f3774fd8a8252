import { describe, expect, it } from 'vitest';
import { adlOvershootOfEvents, describeEvent, eventSteps, priceChartCaption } from './eventText';

const ids = ['t1', 't2', 't17'];

describe('describeEvent', () => {
  it('says each kind in plain words with its numbers', () => {
    expect(describeEvent({ kind: 'liquidation', step: 3, account: 2, side: 1, closedSizeBase: 2, fillPrice: 84.2, oraclePrice: 84.2, full: true, penaltyQuote: 3.1, penaltyToFundQuote: 3.1, markAfterPrice: 84.1 }, ids)).toBe(
      'account t17 (long) liquidated at 84.20, penalty 3.10 to the fund',
    );
    expect(describeEvent({ kind: 'deficit', step: 3, account: 0, deficitQuote: 12.4, bankruptcyPrice: 86, fillPrice: 84.2 }, ids)).toBe(
      'bad debt 12.40 on account t1 (bankruptcy price 86.00, filled at 84.20)',
    );
    expect(describeEvent({ kind: 'fund-draw', step: 3, account: 0, drawQuote: 10, fundAfterQuote: 0 }, ids)).toBe('fund paid 10.00 (fund now 0.00)');
    expect(describeEvent({ kind: 'haircut', step: 3, takenQuote: 2.4, profitQuote: 184.6, accounts: 214, largestAccount: -1, largestQuote: 0 }, ids)).toBe(
      '2.40 socialized: haircut 1.3% on 214 profitable accounts',
    );
    expect(describeEvent({ kind: 'adl', step: 3, account: 1, bankruptAccount: 0, contracts: 3, bankruptcyPrice: 90, markPrice: 89.2, lossQuote: 2.4, profitClosedQuote: 6.6, coveredQuote: 2.4 }, ids)).toBe(
      'ADL of account t2 at the bankruptcy price 90.00: 3.00 contracts, loss 2.40; profit closed out 6.60, 4.20 beyond the 2.40 it covers (overshoot)',
    );
    expect(describeEvent({ kind: 'adl', step: 3, account: 1, bankruptAccount: 0, contracts: 5, bankruptcyPrice: 90, markPrice: 89.2, lossQuote: 0, profitClosedQuote: 1, coveredQuote: 4 }, ids)).toBe(
      'ADL of account t2 at the mark 89.20: 5.00 contracts closed, no money taken; profit closed out 1.00',
    );
    expect(describeEvent({ kind: 'uncovered', step: 3, quote: 1 }, ids)).toMatch(/^1\.00 uncovered/);
  });

  it('explains slices, the keeper queue and the thinning book in plain words', () => {
    expect(describeEvent({ kind: 'slice', step: 4, account: 2, closedSizeBase: 200, restSizeBase: 800, nextStep: 5 }, ids)).toBe(
      'account t17 closed in a slice: 200.00 contracts now, the other 800.00 wait for the next slice (the next step), keeping their place in the queue',
    );
    expect(describeEvent({ kind: 'slice', step: 4, account: 0, closedSizeBase: 1, restSizeBase: 4, nextStep: 7 }, ids)).toMatch(/wait for the next slice \(step 7\)/);
    expect(describeEvent({ kind: 'keeper-queue', step: 9, accounts: 37, capacityQuote: 5_000_000 }, ids)).toBe(
      '37 accounts queued, keeper capacity 5,000,000.00/step used up: they wait for the next step, oldest first',
    );
    expect(describeEvent({ kind: 'keeper-queue', step: 9, accounts: 1, capacityQuote: 100 }, ids)).toMatch(/^1 account queued,/);
    expect(describeEvent({ kind: 'book', step: 9, depthShare: 0.4128 }, ids)).toMatch(/^book at 41 % of its depth: /);
  });

  it('sums the ADL overshoot of a path in money: profit closed out − what it covered', () => {
    const adl = (profitClosedQuote: number, coveredQuote: number) =>
      ({ kind: 'adl', step: 1, account: 1, bankruptAccount: 0, contracts: 1, bankruptcyPrice: 90, markPrice: 89, lossQuote: coveredQuote, profitClosedQuote, coveredQuote }) as const;
    expect(adlOvershootOfEvents([{ kind: 'vault', step: 1, quote: 1 }])).toBeNull();
    expect(adlOvershootOfEvents([adl(500, 400), { kind: 'vault', step: 2, quote: 1 }, adl(30, 30)])).toEqual({ profitClosedQuote: 530, coveredQuote: 430, overshootQuote: 100 });
  });

  it('lists each step with events once, in order', () => {
    expect(eventSteps([{ kind: 'vault', step: 5, quote: 1 }, { kind: 'uncovered', step: 2, quote: 1 }, { kind: 'vault', step: 5, quote: 2 }])).toEqual([2, 5]);
  });

  it('captions the price chart: the mark decides liquidations, the index is what the scenario draws', () => {
    expect(priceChartCaption(0.33, 0)).toBe(
      'Liquidations are decided at the mark (solid line). The dashed line is the external index the scenario draws; the mark is the index moved by 33 % of the price move the venue’s own sales left. Liquidations (×) fill in the venue’s own book, at the price of walking it.',
    );
    expect(priceChartCaption(0, 0)).toMatch(/the mark is the index itself, so the venue’s own forced sales cannot trigger/);
    expect(priceChartCaption(1, 0)).toMatch(/the mark is the venue’s own book, so its own forced sales can trigger/);
    expect(priceChartCaption(1, 2)).toMatch(/^Liquidations are decided at the mark \(solid line\), as the oracle saw it 2 steps earlier\./);
  });
});
