import { describe, expect, it } from 'vitest';
import { summarizeRun } from '../metrics';
import { createSimulator } from '../sim/simulateRange';
import { VENUE_LIQUIDATION } from './defaults';
import { validateParams } from './validateParams';
import { MARKET_PRESETS, marketPreset, presetIndex, presetParams } from './marketPresets';

const SECTIONS = ['market', 'scenario', 'population', 'margin', 'liquidation', 'insuranceFund', 'lossMechanism'] as const;

describe('market presets', () => {
  it('offers a major, a mid-cap alt, a thin listing and a stress case, with unique names', () => {
    const names = MARKET_PRESETS.map((p) => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['btc-binance', 'sol-hyperliquid', 'thin-alt', 'thin-alt-oct-2025']);
    expect(MARKET_PRESETS.filter((p) => p.stress).map((p) => p.name)).toEqual(['thin-alt-oct-2025']);
  });

  it.each(MARKET_PRESETS.map((p) => [p.name, p] as const))('%s is a valid, complete parameters file', (_name, preset) => {
    const checked = validateParams(preset.params);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    // Complete: validation added no defaults, so every field is set by the preset itself.
    expect(checked.params).toEqual(preset.params);
    expect(preset.params.population.kind).toBe('generated');
    expect(preset.params.liquidation.maxNotionalPerStep).not.toBeNull();
  });

  it.each(MARKET_PRESETS.map((p) => [p.name, p] as const))('%s cites an https source for every section and a note for every value', (_name, preset) => {
    for (const source of [...preset.sources, ...preset.roundTwo]) {
      expect(source.url).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
      expect(source.note.length).toBeGreaterThan(10);
    }
    const covered = new Set(preset.sources.map((s) => s.field.split('.')[0]));
    for (const section of SECTIONS.filter((s) => s !== 'market')) expect(covered, section).toContain(section);
    expect(preset.roundTwo.length).toBeGreaterThan(0);
  });

  it('the stress case carries its stress scenario (a crash with gaps, stylized after 10 Oct 2025) and socializes on ≥ 5 % of paths', () => {
    const preset = marketPreset('thin-alt-oct-2025')!;
    expect(preset.params.scenario.kind).toBe('crash');
    expect(preset.summary).toMatch(/^Stylized after 10 Oct 2025/);
    const result = createSimulator(preset.params, 1).run(0, 20);
    const summary = summarizeRun(result, { explicit: false });
    expect(summary.ledgerBalanced).toBe(true);
    expect(summary.pSocialized).toBeGreaterThanOrEqual(0.05);
  });

  it("every preset's thinning is the documented calculation: BTC's Kaiko reading, the depth left at the bottom of each market's own 10 Oct 2025 fall", () => {
    const left = Math.exp(-VENUE_LIQUIDATION.thinning * 0.12); // ≈ 9 % of the ±1 % depth at the bottom of BTC's 12 % fall
    const derived = (fall: number) => Math.round((Math.log(1 / left) / fall) * 10) / 10;
    // The falls: BTC −12 % and SOL −31 % in the same 45 minutes; thin alts −63 % open-to-low on average.
    const expected = { 'btc-binance': [0.12, 20], 'sol-hyperliquid': [0.31, 7.7], 'thin-alt': [0.63, 3.8], 'thin-alt-oct-2025': [0.63, 3.8] } as const;
    for (const [name, [fall, thinning]] of Object.entries(expected)) {
      const preset = marketPreset(name)!;
      expect(derived(fall), name).toBe(thinning);
      expect(preset.params.liquidation.impact.thinning, name).toBe(thinning);
      expect(preset.sources.find((s) => s.field === 'liquidation.impact.thinning')?.value, name).toBe(String(thinning));
    }
    // The stress preset's own fall leaves the Kaiko reading at its bottom: about 9 % of its (quartered) depth.
    expect(Math.exp(-3.8 * 0.63)).toBeCloseTo(left, 2);
  });

  it("thin-alt's mark weight is the venue reading of Hyperliquid's three-input mark, and every thin-alt value is sourced, derived or marked an assumption with the range tried", () => {
    for (const name of ['thin-alt', 'thin-alt-oct-2025']) {
      expect(marketPreset(name)!.params.liquidation.markImpactWeight).toBe(VENUE_LIQUIDATION.markImpactWeight);
    }
    const thinAlt = marketPreset('thin-alt')!;
    const note = (field: string) => thinAlt.sources.find((s) => s.field === field)?.note ?? '';
    for (const field of ['scenario', 'population.openInterest', 'population.accounts', 'population.longShare', 'population.paretoAlpha', 'population.leverageSigma', 'population.entrySpread', 'liquidation.impact.depth', 'liquidation.impact.halfLifeSteps', 'insuranceFund.initial']) {
      expect(note(field), field).toMatch(/^Assumption/);
    }
    for (const field of ['scenario', 'population.longShare', 'population.paretoAlpha', 'population.leverageMedian', 'population.leverageSigma', 'liquidation.impact.depth', 'liquidation.markImpactWeight', 'insuranceFund.initial']) {
      expect(note(field), field).toContain('Range tried');
    }
    expect(note('population.leverageMedian')).toMatch(/^Calibrated/);
    expect(note('liquidation.impact.thinning')).toMatch(/^Derived/);
    expect(thinAlt.sources.map((s) => s.field)).toContain('outcome (target)');
  });

  it("thin-alt's ordinary day socializes rarely: at most 1 of 100 paths (it was about 1 day in 10 before 6 Dec 2026)", () => {
    const result = createSimulator(marketPreset('thin-alt')!.params, 1).run(0, 100);
    const summary = summarizeRun(result, { explicit: false });
    expect(summary.ledgerBalanced).toBe(true);
    expect(summary.pSocialized).toBeLessThanOrEqual(0.01);
  });

  it('presetParams is an editable copy; presetIndex lists name, title and distinct URLs', () => {
    const copy = presetParams(MARKET_PRESETS[0]!);
    copy.market.steps = 7;
    expect(MARKET_PRESETS[0]!.params.market.steps).toBe(1440);
    for (const entry of presetIndex()) {
      expect(Object.keys(entry)).toEqual(['name', 'title', 'sources']);
      expect(new Set(entry.sources).size).toBe(entry.sources.length);
    }
    expect(marketPreset('nope')).toBeUndefined();
  });
});
