import { describe, expect, it } from 'vitest';
import { summarizeRun } from '../metrics';
import { createSimulator } from '../sim/simulateRange';
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
