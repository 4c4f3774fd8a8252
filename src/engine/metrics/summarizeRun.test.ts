import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { RangeResult } from '../results/pathResults';
import { fanBands } from './fanBands';
import { summarizeRun, type RunSummary } from './summarizeRun';
import { fakeRangeResult } from './testing/fakeRangeResult';
import { wilsonInterval } from './wilson';

const CONTRACT_KEYS = [
  'paths', 'pSocialized', 'pSocializedCI', 'badDebt', 'fundDraw', 'socializedLoss', 'vaultLoss', 'uncovered',
  'liquidations', 'adlNotional', 'ledgerBalanced',
];
const EXTRA_KEYS = ['fundDepletedShare', 'accountsHitMean', 'largestHaircutShareMax', 'liquidatedNotional', 'burdenByDecile', 'openDeficit', 'vaultPnl', 'adlOvershoot'];
const RISK_KEYS = ['mean', 'var95', 'var99', 'es95', 'es99', 'max'];

/** Four paths with hand-picked columns (money in units: 1 quote = 10^6). */
function fourPaths(): RangeResult {
  const r = fakeRangeResult({ seed: 1, from: 0, to: 4, accounts: 2 });
  const f = (xs: number[]) => Float64Array.from(xs);
  r.paths.badDebtUnits = f([0, 1e6, 2e6, 5e6]);
  r.paths.fundDrawUnits = f([0, 1e6, 1e6, 2e6]);
  r.paths.socializedLossUnits = f([0, 0, 0.5e6, 1.5e6]);
  r.paths.vaultLossUnits = f([0, 0, 0.5e6, 0]);
  r.paths.uncoveredUnits = f([0, 0, 0, 1.5e6]);
  r.paths.liquidations = f([1, 2, 3, 4]);
  r.paths.adlNotionalQuote = f([0, 0, 10, 30]);
  r.paths.liquidatedNotionalQuote = f([100, 200, 300, 400]);
  r.paths.accountsHit = f([0, 0, 1, 2]);
  r.paths.largestHaircutShare = f([0, 0, 0.2, 0.7]);
  r.paths.fundDepletedStep = Int32Array.from([-1, 3, -1, -1]);
  r.paths.ledgerBalanced = Uint8Array.from([1, 1, 1, 1]);
  r.lossByAccountUnits = f([4e6, 2e6]);
  r.lossByDecileUnits = f([0, 0, 0, 0, 0, 0, 0, 0, 1e6, 3e6]);
  return r;
}

function walkNumbers(value: unknown, visit: (n: number, path: string) => void, path = ''): void {
  if (typeof value === 'number') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walkNumbers(v, visit, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walkNumbers(v, visit, `${path}.${k}`);
  }
}

describe('summarizeRun on four hand-made paths', () => {
  const summary = summarizeRun(fourPaths(), { explicit: true, ids: ['alice', 'bob'] });

  it('reports the CLI contract in quote units', () => {
    expect(summary.paths).toBe(4);
    expect(summary.pSocialized).toBe(0.5);
    expect(summary.pSocializedCI).toEqual(wilsonInterval(2, 4));
    // 4 paths: the 95% and 99% tails are the single largest path.
    expect(summary.badDebt).toEqual({ mean: 2, var95: 5, var99: 5, es95: 5, es99: 5, max: 5 });
    expect(summary.fundDraw).toEqual({ mean: 1, var95: 2, var99: 2, es95: 2, es99: 2, max: 2 });
    expect(summary.socializedLoss).toEqual({ mean: 0.5, var95: 1.5, var99: 1.5, es95: 1.5, es99: 1.5, max: 1.5 });
    expect(summary.vaultLoss.mean).toBe(0.125);
    expect(summary.uncovered.max).toBe(1.5);
    expect(summary.liquidations).toBe(2.5);
    expect(summary.adlNotional).toBe(10);
    expect(summary.ledgerBalanced).toBe(true);
    expect(summary.lossByAccount).toEqual({ alice: 1, bob: 0.5 });
  });

  it('reports the additions', () => {
    expect(summary.fundDepletedShare).toBe(0.25);
    expect(summary.accountsHitMean).toBe(0.75);
    expect(summary.largestHaircutShareMax).toBe(0.7);
    expect(summary.liquidatedNotional).toBe(250);
    expect(summary.burdenByDecile.meanPerPathQuote.slice(8)).toEqual([0.25, 0.75]);
    expect(summary.burdenByDecile.share.slice(8)).toEqual([0.25, 0.75]);
  });

  it('has exactly the contract names plus the additions, and lossByAccount only for an explicit population', () => {
    expect(Object.keys(summary)).toEqual([...CONTRACT_KEYS, 'lossByAccount', ...EXTRA_KEYS]);
    for (const key of ['badDebt', 'fundDraw', 'socializedLoss', 'vaultLoss', 'uncovered', 'vaultPnl', 'adlOvershoot'] as const) {
      expect(Object.keys(summary[key])).toEqual(RISK_KEYS);
    }
    const generated = summarizeRun(fourPaths(), { explicit: false, ids: ['alice', 'bob'] });
    expect(Object.keys(generated)).toEqual([...CONTRACT_KEYS, ...EXTRA_KEYS]);
  });

  it('ledgerBalanced is false if any single path did not balance', () => {
    const r = fourPaths();
    r.paths.ledgerBalanced[2] = 0;
    expect(summarizeRun(r, { explicit: false }).ledgerBalanced).toBe(false);
  });

  it('survives a JSON round trip unchanged (no typed arrays, NaN or Infinity), with or without detail', () => {
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    const detailed = summarizeRun(fourPaths(), { explicit: true, ids: ['alice', 'bob'], detail: true });
    expect(JSON.parse(JSON.stringify(detailed))).toEqual(detailed);
  });

  it('keeps an id such as "__proto__" as an ordinary key', () => {
    const s = summarizeRun(fourPaths(), { explicit: true, ids: ['__proto__', 'constructor'] });
    expect(Object.keys(s.lossByAccount ?? {})).toEqual(['__proto__', 'constructor']);
    expect(JSON.parse(JSON.stringify(s)).lossByAccount).toEqual(JSON.parse('{"__proto__":1,"constructor":0.5}'));
  });
});

describe('summarizeRun detail', () => {
  const run = fakeRangeResult({ seed: 9, from: 0, to: 50, points: 7 });

  it('adds fan bands and log histograms only when asked', () => {
    const plain = summarizeRun(run, { explicit: false });
    expect(plain.fan).toBeUndefined();
    expect(plain.histograms).toBeUndefined();
    expect(plain.tail).toBeUndefined();
    const detailed = summarizeRun(run, { explicit: false, detail: true, histogramBins: 12 });
    expect(Object.keys(detailed)).toEqual([...CONTRACT_KEYS, ...EXTRA_KEYS, 'fan', 'histograms', 'tail']);
    const fan = detailed.fan!;
    expect(fan.stepOfPoint).toEqual(Array.from(run.series.stepOfPoint));
    for (const key of ['fundBalanceQuote', 'cumBadDebtQuote', 'cumSocializedLossQuote', 'price'] as const) {
      expect(fan[key].quantiles).toEqual([0.05, 0.25, 0.5, 0.75, 0.95]);
      expect(fan[key].bands).toEqual(fanBands(run.series[key], 50, 7).bands.map((b) => Array.from(b)));
    }
    const { socializedLoss, badDebt } = detailed.histograms!;
    expect(socializedLoss.log).toBe(true);
    expect(socializedLoss.counts).toHaveLength(12);
    expect(socializedLoss.zeroCount).toBe(run.paths.socializedLossUnits.filter((u) => u === 0).length);
    expect(socializedLoss.counts.reduce((a, b) => a + b, 0) + socializedLoss.zeroCount).toBe(50);
    expect(badDebt.edges.at(-1)).toBe(Math.max(...run.paths.badDebtUnits) / 1e6);
  });
});

describe('summarizeRun refuses', () => {
  it.each([
    { name: 'zero paths', run: () => fakeRangeResult({ seed: 1, from: 3, to: 3 }), options: { explicit: false }, message: /zero paths/ },
    { name: 'an explicit population without ids', run: fourPaths, options: { explicit: true }, message: /ids/ },
    { name: 'ids that do not match the accounts', run: fourPaths, options: { explicit: true, ids: ['a'] }, message: /1 account ids for 2 accounts/ },
    { name: 'duplicate ids', run: fourPaths, options: { explicit: true, ids: ['a', 'a'] }, message: /unique/ },
    {
      name: 'a column shorter than the range',
      run: () => {
        const r = fourPaths();
        r.paths.fundDrawUnits = new Float64Array(3);
        return r;
      },
      options: { explicit: false },
      message: /fundDrawUnits has 3 values, expected 4/,
    },
    {
      name: 'a non-finite value',
      run: () => {
        const r = fourPaths();
        r.paths.liquidations[1] = Number.NaN;
        return r;
      },
      options: { explicit: false },
      message: /not finite/,
    },
  ])('$name', ({ run, options, message }) => {
    expect(() => summarizeRun(run(), options)).toThrow(message);
  });
});

describe('summarizeRun properties', () => {
  it('every number is finite, pSocialized lies in its interval, and var ≤ es ≤ max', () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 120 }), fc.double({ min: 0, max: 0.5, noNaN: true }), (seed, n, unbalanced) => {
        const run = fakeRangeResult({ seed, from: 0, to: n, unbalancedShare: unbalanced });
        const s: RunSummary = summarizeRun(run, { explicit: true, ids: ['a', 'b', 'c', 'd', 'e'], detail: true });
        walkNumbers(s, (v, path) => expect(Number.isFinite(v), path).toBe(true));
        expect(s.pSocializedCI[0]).toBeLessThanOrEqual(s.pSocialized);
        expect(s.pSocialized).toBeLessThanOrEqual(s.pSocializedCI[1]);
        for (const key of ['badDebt', 'fundDraw', 'socializedLoss', 'vaultLoss', 'uncovered'] as const) {
          expect(s[key].var95).toBeLessThanOrEqual(s[key].es95);
          expect(s[key].es99).toBeLessThanOrEqual(s[key].max);
          expect(s[key].mean).toBeLessThanOrEqual(s[key].max);
        }
        expect(s.ledgerBalanced).toBe(run.paths.ledgerBalanced.every((f) => f === 1));
      }),
      { numRuns: 60 },
    );
  });
});
