import { describe, expect, it } from 'vitest';
import { summarizeRun } from '../metrics';
import { createSimulator } from '../sim/simulateRange';
import { VENUE_LIQUIDATION } from './defaults';
import { validateParams } from './validateParams';
import { HYPERLIQUID_MARK_WEIGHT, MARKET_PRESETS, marketPreset, presetIndex, presetParams, type SourceBasis } from './marketPresets';

const BASES: readonly SourceBasis[] = ['sourced', 'derived', 'calibrated', 'assumption'];

/** Every leaf of a parameters file as a dotted path; an array (tiers, gaps) is one leaf. */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, prefix === '' ? key : `${prefix}.${key}`));
}

/** Whether a source entry's field (a path, a section, or a prefix ending in "*"; " (…)" is a label) covers `leaf`. */
function covers(field: string, leaf: string): boolean {
  const path = field.split(' (')[0]!;
  if (path.endsWith('*')) return leaf.startsWith(path.slice(0, -1));
  return leaf === path || leaf.startsWith(`${path}.`);
}


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

  it.each(MARKET_PRESETS.map((p) => [p.name, p] as const))('%s cites an https source, a basis and a note for every field of its file', (_name, preset) => {
    for (const source of preset.sources) {
      expect(source.url).toMatch(/^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//);
      expect(source.note.length).toBeGreaterThan(10);
      expect(BASES).toContain(source.basis);
      // The note opens with what the basis means where the value is not simply stated by the source.
      if (source.basis === 'assumption') expect(source.note, source.field).toMatch(/^Assumption/);
      if (source.basis === 'derived') expect(source.note, source.field).toMatch(/^Derived/);
      if (source.basis === 'calibrated') expect(source.note, source.field).toMatch(/^Calibrated/);
    }
    // `version` is the file format's, not a market value.
    const uncovered = leafPaths(preset.params).filter((leaf) => leaf !== 'version').filter((leaf) => !preset.sources.some((s) => covers(s.field, leaf)));
    expect(uncovered).toEqual([]);
  });

  it('the coverage check itself: a section, a path and a prefix with * cover their fields, and nothing else', () => {
    expect(covers('margin', 'margin.tiers')).toBe(true);
    expect(covers('scenario.jump*', 'scenario.jumpStdev')).toBe(true);
    expect(covers('liquidation.impact.thinning (the fall)', 'liquidation.impact.thinning')).toBe(true);
    expect(covers('liquidation.impact', 'liquidation.impactX')).toBe(false);
    expect(covers('scenario.recovery', 'scenario.recoveryMinutes')).toBe(false);
    expect(leafPaths({ a: { b: 1, c: [1, 2] }, d: null })).toEqual(['a.b', 'a.c', 'd']);
  });

  it("the mark weights are the venues' documented basis averages read at one 60 s step", () => {
    // Hyperliquid: a 150 s EMA carries 1 − e^(−60/150) of a displacement after one step; Binance's 30 s average all of it.
    expect(Math.round((1 - Math.exp(-60 / 150)) * 100) / 100).toBe(HYPERLIQUID_MARK_WEIGHT);
    expect(VENUE_LIQUIDATION.markImpactWeight).toBe(HYPERLIQUID_MARK_WEIGHT);
    for (const name of ['sol-hyperliquid', 'thin-alt', 'thin-alt-oct-2025']) expect(marketPreset(name)!.params.liquidation.markImpactWeight, name).toBe(HYPERLIQUID_MARK_WEIGHT);
    expect(marketPreset('btc-binance')!.params.liquidation.markImpactWeight).toBe(1);
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
