import { describe, expect, it } from 'vitest';
import type { PathEvent } from '../../engine/index';
import { accountChanges, lastChangeBy } from './accountChanges';

const liquidation = (step: number, account: number, full: boolean): PathEvent => ({
  kind: 'liquidation',
  step,
  account,
  side: 1,
  closedSizeBase: 1,
  fillPrice: 90,
  oraclePrice: 90,
  markAfterPrice: 90,
  full,
  penaltyQuote: 0,
  penaltyToFundQuote: 0,
});
const adl = (step: number, account: number): PathEvent => ({ kind: 'adl', step, account, bankruptAccount: 9, contracts: 2, bankruptcyPrice: 80, markPrice: 85, lossQuote: 10, profitClosedQuote: 30, coveredQuote: 10 });
const takeover = (step: number, account: number): PathEvent => ({ kind: 'takeover', step, account, side: -1, sizeBase: 3, markPrice: 85, marginQuote: 5 });

describe('accountChanges', () => {
  const events: PathEvent[] = [
    liquidation(3, 1, false),
    { kind: 'deficit', step: 4, account: 9, deficitQuote: 10, bankruptcyPrice: 80, fillPrice: 79 },
    adl(4, 2),
    liquidation(6, 1, true),
    takeover(7, 5),
    { kind: 'haircut', step: 8, takenQuote: 1, profitQuote: 10, accounts: 3, largestAccount: 2, largestQuote: 1 },
  ];
  const changes = accountChanges(events);

  it('names who was deleveraged, taken over, or liquidated in part or in full — not the bankrupt account of an ADL', () => {
    expect(changes.get(2)).toEqual([{ step: 4, kind: 'deleveraged' }]);
    expect(changes.get(5)).toEqual([{ step: 7, kind: 'taken-over' }]);
    expect(changes.get(1)).toEqual([
      { step: 3, kind: 'partly-liquidated' },
      { step: 6, kind: 'liquidated' },
    ]);
    expect(changes.has(9)).toBe(false);
  });

  it.each([
    { topic: 'before anything happened', step: 2, kind: null },
    { topic: 'the step of the partial liquidation', step: 3, kind: 'partly-liquidated' },
    { topic: 'between the two', step: 5, kind: 'partly-liquidated' },
    { topic: 'after the full one', step: 20, kind: 'liquidated' },
  ])('account 1 $topic', ({ step, kind }) => expect(lastChangeBy(changes.get(1), step)?.kind ?? null).toBe(kind));
});
