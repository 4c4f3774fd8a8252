import { describe, expect, it } from 'vitest';
import { marketPreset, type MarketPreset } from '../../engine/params/marketPresets';
import { sourcesSummary } from './sourcesSummary';

describe('sourcesSummary', () => {
  it('counts the entries of each basis, and the counts add up to the entries', () => {
    const preset = marketPreset('thin-alt')!;
    const text = sourcesSummary(preset);
    const [total, sourced, derived, calibrated, assumptions] = (text.match(/\d+/g) ?? []).map(Number);
    expect(total).toBe(preset.sources.length);
    expect(sourced! + derived! + calibrated! + assumptions!).toBe(total);
    expect(calibrated).toBe(1); // the leverage median, calibrated to the published liquidation rate
    expect(text).toMatch(/^\d+ entries: \d+ stated by a source, \d+ derived, 1 calibrated, \d+ assumptions$/);
  });

  it('says "entry" and "assumption" for one', () => {
    const one: MarketPreset = { ...marketPreset('btc-binance')!, sources: [{ field: 'market', basis: 'assumption', value: 'x', url: 'https://example.org/', note: 'Assumption: x.' }] };
    expect(sourcesSummary(one)).toBe('1 entry: 0 stated by a source, 0 derived, 0 calibrated, 1 assumption');
  });
});
