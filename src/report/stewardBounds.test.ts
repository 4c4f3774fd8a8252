import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withLossMechanismDefaults } from '../engine/params/lossMechanism';
import { DEFAULT_STEWARD_BOUNDS, checkAgainstBounds, checkChange, limitOf, parseStewardBounds } from './stewardBounds';
// Written against the pre-preset defaults (100-quote market, no tiers, socialize), set explicitly since the defaults became btc-binance.
import { legacyDefaultParams } from '../engine/params/defaults';

describe('risk-steward bounds', () => {
  it('the documented default parses, and every limit says where it comes from', () => {
    const parsed = parseStewardBounds(JSON.parse(JSON.stringify(DEFAULT_STEWARD_BOUNDS)));
    expect(parsed.ok).toBe(true);
    for (const limit of Object.values(DEFAULT_STEWARD_BOUNDS.limits)) expect(limit.source.length).toBeGreaterThan(10);
  });

  it('absolute limits like Aave’s liquidation threshold: 2 points either way, the edge included', () => {
    expect(checkChange(DEFAULT_STEWARD_BOUNDS, 'margin.maintenanceMarginRatio', 0.05, 0.07).status).toBe('within');
    expect(checkChange(DEFAULT_STEWARD_BOUNDS, 'margin.maintenanceMarginRatio', 0.05, 0.03).status).toBe('within');
    expect(checkChange(DEFAULT_STEWARD_BOUNDS, 'margin.maintenanceMarginRatio', 0.05, 0.0701).status).toBe('outside');
    expect(checkChange(DEFAULT_STEWARD_BOUNDS, 'margin.tiers[3].maintenanceMarginRatio', 0.05, 0.08).status).toBe('outside');
    expect(limitOf(DEFAULT_STEWARD_BOUNDS, 'margin.tiers[12].initialMarginRatio')).toBe(DEFAULT_STEWARD_BOUNDS.limits['margin.tiers[*].initialMarginRatio']);
  });

  it('relative limits like Aave’s caps: up to double or down to zero; from zero or to "none" needs a vote', () => {
    expect(checkChange(DEFAULT_STEWARD_BOUNDS, 'insuranceFund.initial', '250000', '500000').status).toBe('within');
    expect(checkChange(DEFAULT_STEWARD_BOUNDS, 'insuranceFund.initial', '250000', '500001').status).toBe('outside');
    expect(checkChange(DEFAULT_STEWARD_BOUNDS, 'insuranceFund.feeInflowPerStep', '0', '1').status).toBe('outside');
    const toNull = checkChange(DEFAULT_STEWARD_BOUNDS, 'insuranceFund.cap', '1000000', null);
    expect(toNull.status).toBe('outside');
    expect(toNull.reason).toContain('null');
  });

  it('parameters outside the steward’s list (the loss mechanism, the market) need a full vote', () => {
    const a = legacyDefaultParams();
    const b = legacyDefaultParams();
    b.lossMechanism = withLossMechanismDefaults({ kind: 'adl', ranking: 'random' });
    b.liquidation.oracleDelaySteps = 2;
    b.insuranceFund.initial = '300000';
    const checks = checkAgainstBounds(DEFAULT_STEWARD_BOUNDS, a, b);
    expect(checks.map((c) => [c.field, c.status])).toEqual([
      ['liquidation.oracleDelaySteps', 'not-steward'],
      ['insuranceFund.initial', 'within'],
      ['lossMechanism', 'not-steward'],
    ]);
  });

  it('a change within an absolute limit is within whatever the start (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (from, t) => {
        const to = from + t * 0.02;
        expect(checkChange(DEFAULT_STEWARD_BOUNDS, 'margin.initialMarginRatio', from, to).status).toBe('within');
        expect(checkChange(DEFAULT_STEWARD_BOUNDS, 'margin.initialMarginRatio', from, from + 0.0201 * (t < 0 ? -1 : 1)).status).toBe('outside');
      }),
    );
  });

  it('a bounds file with problems names each field', () => {
    const parsed = parseStewardBounds({ version: 2, name: '', minDelayDays: -1, limits: { 'margin.x': { maxRelativeChange: 'big', source: 1 }, 'bad path!': {}, 'a.b': { extra: 1, source: 's' } } });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      'version: must be 1, got 2',
      "name: must be a non-empty string, got ''",
      'minDelayDays: must be a number ≥ 0, got -1',
      "limits.margin.x.maxRelativeChange: must be a number ≥ 0, got 'big'",
      'limits.margin.x.source: must say where the limit comes from, got 1',
      'limits.bad path!: is not a parameter path like "margin.maintenanceMarginRatio"',
      'limits.bad path!: needs maxAbsoluteChange or maxRelativeChange',
      'limits.bad path!.source: must say where the limit comes from, got nothing',
      'limits.a.b.extra: unknown field (known: maxAbsoluteChange, maxRelativeChange, source)',
      'limits.a.b: needs maxAbsoluteChange or maxRelativeChange',
    ]);
  });
});
