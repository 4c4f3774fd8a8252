import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { riskStats } from './riskStats';
import { summarizeRun } from './summarizeRun';
import { wilsonInterval } from './wilson';
import { bootstrapIntervals, exceedanceCurve, fundEmptyCurve, tailSummary } from './tailSummary';
import { fakeRangeResult } from './testing/fakeRangeResult';

const lossy = (n: number, seed: number) => Float64Array.from({ length: n }, (_, i) => ((i * 7919 + seed) % 13 === 0 ? ((i * 104729 + seed) % 1000) * 1000 : 0));

describe('bootstrapIntervals', () => {
  it('is deterministic and brackets the point estimates', () => {
    const v = lossy(2000, 5);
    const a = bootstrapIntervals(v);
    expect(bootstrapIntervals(v)).toEqual(a);
    const s = riskStats(v);
    for (const k of ['mean', 'var95', 'var99', 'es95', 'es99'] as const) {
      expect(a[k][0]).toBeLessThanOrEqual(a[k][1]);
      expect(a[k][0]).toBeLessThanOrEqual(s[k] * 1.0000001 + 1e-9);
      expect(a[k][1]).toBeGreaterThanOrEqual(s[k] * 0.9999999 - 1e-9);
    }
  });

  it('narrows as paths grow (about 1/√n) and is a point where every value is equal', () => {
    const small = bootstrapIntervals(lossy(400, 1)).mean;
    const large = bootstrapIntervals(lossy(6400, 1)).mean;
    expect(large[1] - large[0]).toBeLessThan((small[1] - small[0]) / 2);
    expect(bootstrapIntervals(new Float64Array(50).fill(3))).toEqual({ mean: [3, 3], var95: [3, 3], var99: [3, 3], es95: [3, 3], es99: [3, 3] });
  });

  it('keeps lo ≤ hi and VaR ≤ ES intervals ordered for any sample (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 300 }), (xs) => {
        const r = bootstrapIntervals(Float64Array.from(xs), 1, 50);
        for (const k of ['mean', 'var95', 'var99', 'es95', 'es99'] as const) expect(r[k][0]).toBeLessThanOrEqual(r[k][1]);
        expect(r.var95[0]).toBeLessThanOrEqual(r.es95[0]);
        expect(r.var99[1]).toBeLessThanOrEqual(r.es99[1]);
        expect(r.mean[1]).toBeLessThanOrEqual(Math.max(...xs));
      }),
      { numRuns: 60 },
    );
  });
});

describe('exceedanceCurve', () => {
  it('opens at P(loss > 0), falls to 1/n at the largest loss, never rises', () => {
    const v = Float64Array.from([0, 0, 0, 0, 5, 10, 100, 1000]);
    const c = exceedanceCurve(v, 2);
    expect(c.positive).toBe(4);
    expect(c.p[0]).toBe(0.5);
    expect(c.x[c.x.length - 1]).toBeCloseTo(2000, 6);
    expect(c.p[c.p.length - 1]).toBe(1 / 8);
    for (let i = 1; i < c.p.length; i++) expect(c.p[i]!).toBeLessThanOrEqual(c.p[i - 1]!);
    expect(exceedanceCurve(new Float64Array(5))).toEqual({ x: [], p: [], positive: 0 });
  });

  it('matches a direct count at every level (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 200 }), (xs) => {
        const c = exceedanceCurve(Float64Array.from(xs));
        c.x.forEach((x, i) => expect(c.p[i]).toBe(xs.filter((v) => v >= x).length / xs.length));
      }),
      { numRuns: 60 },
    );
  });
});

describe('fundEmptyCurve and tailSummary', () => {
  it('counts paths emptied by each point, with Wilson intervals', () => {
    const c = fundEmptyCurve(Int32Array.from([-1, 3, 10, 10, -1]), Int32Array.from([0, 5, 10, 20]));
    expect(c.share).toEqual([0, 0.2, 0.6, 0.6]);
    c.share.forEach((s, i) => expect(c.lo[i]! <= s && s <= c.hi[i]!).toBe(true));
  });

  it('summarizes a fake run: conditional fan only over socialized paths, same numbers every time', () => {
    const r = fakeRangeResult({ seed: 4, from: 0, to: 400 });
    const t = tailSummary(r, 400);
    expect(tailSummary(r, 400)).toEqual(t);
    const socialized = Array.from(r.paths.socializedLossUnits).filter((v) => v > 0).length;
    expect(t.exceedance.socializedLoss.positive).toBe(socialized);
    if (socialized > 0) {
      expect(t.socializedFan?.paths).toBe(socialized);
      // Median cumulative socialized loss at the last point is positive over the paths that socialized.
      const median = t.socializedFan!.cumSocializedLossQuote[2]!;
      expect(median[median.length - 1]).toBeGreaterThan(0);
    } else expect(t.socializedFan).toBeNull();
    expect(t.fundEmpty.stepOfPoint).toEqual(Array.from(r.series.stepOfPoint));
  });

  it('gives the fund draw the same interval as bad debt when the fund paid every deficit, and its own otherwise', () => {
    const r = fakeRangeResult({ seed: 8, from: 0, to: 200 });
    r.paths.badDebtUnits = Float64Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? (i + 3) * 1_000_000 : 0));
    r.paths.fundDrawUnits = Float64Array.from(r.paths.badDebtUnits);
    const paid = tailSummary(r, 200).intervals;
    expect(paid.fundDraw).toEqual(bootstrapIntervals(r.paths.fundDrawUnits, 1e-6));
    expect(paid.fundDraw).toEqual(paid.badDebt);
    expect(paid.fundDraw).not.toBe(paid.badDebt); // a copy: the summary never aliases two fields
    r.paths.fundDrawUnits[0] = 1_000_000; // path 0: the fund paid 1 of the 3 quote of deficit
    const short = tailSummary(r, 200).intervals;
    expect(short.fundDraw).toEqual(bootstrapIntervals(r.paths.fundDrawUnits, 1e-6));
    expect(short.fundDraw).not.toEqual(short.badDebt);
  });

  it('gives every headline mean an interval: open deficit, vault result and ADL overshoot bracket their means; P(fund emptied) is Wilson', () => {
    const r = fakeRangeResult({ seed: 6, from: 0, to: 300 });
    r.paths.openDeficitUnits = Float64Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? (i + 1) * 1_000_000 : 0));
    r.paths.vaultPnlUnits = Float64Array.from({ length: 300 }, (_, i) => ((i % 5) - 2) * 3_000_000);
    r.paths.adlProfitClosedUnits = Float64Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 5_000_000 : 0));
    r.paths.adlNeededUnits = Float64Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 2_000_000 : 0));
    const t = tailSummary(r, 300);
    const s = summarizeRun(r, { explicit: false });
    for (const [key, mean] of [['openDeficit', s.openDeficit.mean], ['vaultPnl', s.vaultPnl.mean], ['adlOvershoot', s.adlOvershoot.mean]] as const) {
      const i = t.intervals[key]!;
      expect(i[0], key).toBeLessThanOrEqual(mean);
      expect(i[1], key).toBeGreaterThanOrEqual(mean);
      expect(i[1], key).toBeGreaterThan(i[0]);
    }
    const emptied = Array.from(r.paths.fundDepletedStep).filter((step) => step >= 0).length;
    expect(t.intervals.fundDepleted).toEqual(wilsonInterval(emptied, 300));
  });
});
