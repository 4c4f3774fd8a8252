import { withLossMechanismDefaults } from '../../engine/params/lossMechanism';
import { describe, expect, it } from 'vitest';
import type { RunComparison } from '../../engine/metrics/compareRuns';
import type { PairedDifference } from '../../engine/metrics/pairedDifference';
import { paramChanges } from '../params/paramChanges';
import { costRows, comparisonRows, verdictLine } from './comparisonRows';
// Written against the pre-preset defaults (100-quote market, no tiers, socialize), set explicitly since the defaults became btc-binance.
import { legacyDefaultParams } from '../../engine/params/defaults';

const diff = (meanDiff: number, lo: number, hi: number, baselineMean = 100): PairedDifference => ({
  meanDiff,
  ci95: [lo, hi],
  baselineMean,
  proposalMean: baselineMean + meanDiff,
});

function aComparison(over: Partial<RunComparison> = {}): RunComparison {
  const none = diff(0, 0, 0, 0);
  return {
    paths: 1000,
    pSocialized: diff(-0.03, -0.05, -0.01, 0.1),
    badDebt: diff(-500, -700, -300, 2000),
    fundDraw: diff(200, 100, 300, 1000),
    socializedLoss: diff(-400, -600, -200, 900),
    vaultLoss: none,
    uncovered: none,
    liquidations: diff(12, 10, 14, 800),
    adlNotional: none,
    liquidatedNotional: none,
    fundInflow: diff(30, 20, 40, 100),
    ...over,
  };
}

describe('comparisonRows', () => {
  it('judges losses lower-is-better from the interval; liquidations and the fund draw only as more or fewer', () => {
    const rows = comparisonRows(aComparison());
    expect(rows.map((r) => [r.key, r.direction])).toEqual([
      ['pSocialized', 'better'],
      ['socializedLoss', 'better'],
      ['badDebt', 'better'],
      ['fundDraw', 'more'], // a larger draw from a larger fund is not "worse"
      ['liquidations', 'more'],
    ]);
    expect(rows[0]).toMatchObject({ proposal: '7.0 %', baseline: '10.0 %', difference: '−3.0 pp', interval: '−5.0 pp to −1.0 pp' });
    expect(rows[1]).toMatchObject({ proposal: '500.00', baseline: '900.00', difference: '−400.00' });
  });

  it('says no clear difference when the interval holds zero', () => {
    const rows = comparisonRows(aComparison({ badDebt: diff(-50, -120, 20) }));
    expect(rows.find((r) => r.key === 'badDebt')!.direction).toBe('no clear difference');
  });
});

describe('verdictLine', () => {
  it('gives the verdict on mean socialized loss with its interval', () => {
    const line = verdictLine(aComparison());
    expect(line.verdict).toBe('better');
    expect(line.metric).toBe('socializedLoss');
    expect(line.sentence).toBe(
      'Better: the proposal lowers the mean socialized loss by 400.00 quote per path (95 % interval −600.00 to −200.00 quote per path), on the same 1,000 paths.',
    );
  });

  it('is worse when the whole interval is above zero', () => {
    expect(verdictLine(aComparison({ socializedLoss: diff(30, 10, 50) })).sentence).toMatch(/^Worse: the proposal raises/);
  });

  it('is honest about an interval that holds zero', () => {
    const line = verdictLine(aComparison({ socializedLoss: diff(-30, -80, 20) }));
    expect(line.verdict).toBe('no clear difference');
    expect(line.sentence).toContain('could be zero');
  });

  it('judges bad debt when neither run socialized anything', () => {
    const line = verdictLine(aComparison({ socializedLoss: diff(0, 0, 0, 0) }));
    expect(line.metric).toBe('badDebt');
    expect(line.sentence).toContain('neither run socialized any loss');
  });

  it('says identical runs are the same on every path', () => {
    const line = verdictLine(aComparison({ socializedLoss: diff(0, 0, 0, 50) }));
    expect(line.sentence).toBe('No clear difference: the mean socialized loss is the same on every one of the 1,000 paths.');
  });
});

describe('paramChanges', () => {
  it('lists changed parameters in the form’s words', () => {
    const baseline = legacyDefaultParams();
    const proposal = legacyDefaultParams();
    proposal.margin.maintenanceMarginRatio = 0.08;
    proposal.insuranceFund.initial = '500000';
    proposal.insuranceFund.cap = '900000';
    proposal.lossMechanism = withLossMechanismDefaults({ kind: 'adl', ranking: 'random' });
    expect(paramChanges(baseline, proposal)).toEqual([
      { field: 'margin.maintenanceMarginRatio', label: 'Maintenance margin', from: '5 %', to: '8 %' },
      { field: 'insuranceFund.initial', label: 'Starting balance', from: '250000', to: '500000' },
      { field: 'insuranceFund.cap', label: 'Cap', from: 'no cap', to: '900000' },
      { field: 'lossMechanism.kind', label: 'After the insurance fund', from: 'socialize', to: 'adl' },
    ]);
  });

  it('summarises lists and is empty for equal parameters', () => {
    const baseline = legacyDefaultParams();
    const proposal = legacyDefaultParams();
    expect(paramChanges(baseline, proposal)).toEqual([]);
    proposal.margin.tiers = [{ notionalFloor: '1000000', maintenanceMarginRatio: 0.1, initialMarginRatio: 0.2 }];
    expect(paramChanges(baseline, proposal)).toEqual([{ field: 'margin.tiers', label: 'Margin tiers', from: '0 tiers', to: '1 tier' }]);
  });
});

describe('costRows', () => {
  it('lists liquidations, notional, penalties (paired) and idle fund capital beside the benefits', () => {
    const rows = costRows(aComparison(), 250_000, 1_000_000);
    expect(rows.map((r) => r.key)).toEqual(['liquidations', 'liquidatedNotional', 'penalties', 'idleCapital']);
    expect(rows[2]).toMatchObject({ proposal: '130.00', baseline: '100.00', difference: '+30.00 (+20.00 to +40.00)' });
    expect(rows[3]).toMatchObject({ baseline: '250,000', proposal: '1,000,000', difference: '+750,000' });
  });
});
