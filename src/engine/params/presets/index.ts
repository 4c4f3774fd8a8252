export { MARKET_PRESETS, marketPreset, presetIndex, presetParams, type MarketPreset, type PresetSource } from './marketPresets';
