import { describe, expect, it } from 'vitest';
import { CRASH_PRESET_IDS } from '../params/riskParams';
import { CRASH_PRESETS, CRASH_PRESETS_BY_ID, NO_MINUTE_SOURCE, STYLIZED_GAP, citedUrls, crashPresetScenario } from './crashPresets';
import { drawPricePath } from './drawPricePath';
import { prepareScenario } from './prepareScenario';

const minuteMarket = (steps: number) => ({ initialPrice: 100, steps, stepSeconds: 60 });

describe('CRASH_PRESETS', () => {
  it('lists every preset id once, in CRASH_PRESET_IDS order', () => {
    expect(CRASH_PRESETS.map((p) => p.id)).toEqual([...CRASH_PRESET_IDS]);
    for (const id of CRASH_PRESET_IDS) expect(CRASH_PRESETS_BY_ID[id].id).toBe(id);
  });

  // The documented shape of each event (mechanisms.md §11) and the trough / end level it must give.
  it.each([
    { id: 'mar-2020', asset: 'BTC', trough: 0.5, troughMinute: 60 + 960, end: 0.625 },
    { id: 'may-2021', asset: 'BTC', trough: 0.69, troughMinute: 60 + 240, end: 0.845 },
    { id: 'luna-2022', asset: 'LUNA', trough: 0.01, troughMinute: 60 + 7200, end: 0.01 },
    { id: 'ftx-2022', asset: 'FTT', trough: 0.1, troughMinute: 60 + 2880, end: 0.1 },
    { id: 'oct-2025', asset: 'BTC', trough: 0.88, troughMinute: 60 + 45, end: 0.928 },
  ] as const)('$id: $asset down to $trough of the start at minute $troughMinute, ending at $end', (expected) => {
    const preset = CRASH_PRESETS_BY_ID[expected.id];
    expect(preset.scenario.kind).toBe('crash');
    expect(preset.scenario.preset).toBe(expected.id);
    expect(preset.label).toMatch(/\(stylized\)$/);
    expect(preset.label).toContain(expected.asset);
    expect(preset.facts).toMatch(/^Stylized: /);
    expect(preset.sources).toMatch(/^(\[[A-Z]+\d+[a-z]?\])+$/);

    const prepared = prepareScenario(preset.scenario, minuteMarket(preset.steps));
    if (prepared.kind !== 'crash') throw new Error('wrong kind');
    const shape = Array.from(prepared.skeletonPrices, (price) => price / 100);
    const lowest = Math.min(...shape);
    expect(lowest).toBeCloseTo(expected.trough, 10);
    expect(shape.indexOf(lowest)).toBe(expected.troughMinute);
    expect(shape[shape.length - 1]).toBeCloseTo(expected.end, 10);
    // The horizon shows the whole event: calm first, and the end level reached before the last step.
    expect(shape[59]).toBe(1);
    const { startMinute, crashMinutes, recoveryMinutes } = preset.scenario;
    expect(preset.steps).toBeGreaterThan(startMinute + crashMinutes + recoveryMinutes);
  });

  // The record as found (research notes and public pages, Dec 2026): no source gives a per-minute price move for
  // four of the five events, so they carry no gaps and say so; for 10 Oct 2025 the peak liquidation minute and
  // Hyperliquid's 12-minute BTC move are documented, and the gap derived from them says what it assumes.
  it.each(CRASH_PRESETS.map((p) => [p.id, p] as const))('%s: stylized after a cited source, the record noted with URLs', (_id, preset) => {
    expect(preset.stylizedAfter).toMatch(/^Stylized after .+: https:\/\/\S+$/);
    expect(preset.sourceUrls.length).toBeGreaterThanOrEqual(2);
    for (const url of preset.sourceUrls) expect(url).toMatch(/^https:\/\/[^\s]+[^\s).,;]$/);
    const { worstMinute, liquidityVacuum, keeperBacklog } = preset.record;
    for (const note of [worstMinute, liquidityVacuum, keeperBacklog]) expect(note.length).toBeGreaterThan(20);
    expect(citedUrls(worstMinute).length).toBeGreaterThan(0);
    if (preset.id === 'oct-2025') {
      expect(worstMinute.startsWith(STYLIZED_GAP)).toBe(true);
      expect(worstMinute).toMatch(/Documented: .*Assumed: /);
      expect(preset.scenario.gaps).toEqual([{ minute: 25, drop: 0.055 }]);
    } else {
      expect(worstMinute.startsWith(NO_MINUTE_SOURCE)).toBe(true);
      expect('gaps' in preset.scenario).toBe(false);
    }
  });

  it('citedUrls keeps each https URL once, without the punctuation that closes its sentence', () => {
    expect(citedUrls('see (https://a.example/x). Also https://b.example/y, and https://a.example/x', 'http://old.example')).toEqual([
      'https://a.example/x',
      'https://b.example/y',
    ]);
  });

  it('draws finite prices > 0 for every preset over its horizon, even the −99 % one with noise', () => {
    for (const preset of CRASH_PRESETS) {
      const prepared = prepareScenario(preset.scenario, minuteMarket(preset.steps));
      const out = new Float64Array(preset.steps);
      for (const path of [0, 1, 2]) {
        drawPricePath(prepared, 1, path, out);
        expect(out.every((price) => Number.isFinite(price) && price > 0)).toBe(true);
      }
    }
  });
});

describe('crashPresetScenario', () => {
  it('returns an editable copy of the preset scenario', () => {
    const scenario = crashPresetScenario('oct-2025');
    expect(scenario).toEqual(CRASH_PRESETS_BY_ID['oct-2025'].scenario);
    scenario.drawdown = 0.5;
    expect(CRASH_PRESETS_BY_ID['oct-2025'].scenario.drawdown).toBe(0.12);
  });
});
