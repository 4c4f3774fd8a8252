import { basisCounts, type MarketPreset } from '../../engine/params/marketPresets';

/** "43 entries: 14 stated by a source, 10 derived, 1 calibrated, 18 assumptions": how much of a preset is evidence. */
export function sourcesSummary(preset: MarketPreset): string {
  const c = basisCounts(preset);
  const count = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;
  const entries = preset.sources.length === 1 ? '1 entry' : `${preset.sources.length} entries`;
  return `${entries}: ${c.sourced} stated by a source, ${c.derived} derived, ${c.calibrated} calibrated, ${count(c.assumption, 'assumption')}`;
}
