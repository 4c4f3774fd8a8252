/** Price-path scenarios: prepare once per run, then draw path i into a reused buffer. */
export { prepareScenario, type PreparedScenario } from './prepareScenario';
export { drawPricePath } from './drawPricePath';
export { PricePathStore, PRICE_PATH_STORE_BYTES, PRICE_PATH_STORE_KEYS, type KeyedDrawer, type PathDrawer, type PricePathStoreStats } from './pricePathStore';
export {
  type ScenarioMarket,
  type PreparedPathBase,
  SECONDS_PER_YEAR,
  MIN_PRICE_RATIO,
  MAX_PRICE_RATIO,
} from './pathBase';
export type { PreparedGbm } from './gbm';
export type { PreparedJump } from './jumpDiffusion';
export { crashLogLevel, type PreparedCrash } from './crash';
export type { PreparedReplay } from './replay';
export type { PreparedBootstrap } from './bootstrap';
export type { NoiseStep } from './driftlessNoise';
export { MAX_JUMPS_PER_STEP } from './poissonTable';
export { CRASH_PRESETS, CRASH_PRESETS_BY_ID, crashPresetScenario, type CrashPreset } from './crashPresets';
