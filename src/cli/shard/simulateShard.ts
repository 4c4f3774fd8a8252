import { canonicalJson, createSimulator, ENGINE_VERSION, mergeRangeResults, PATH_COLUMN_KEYS, sha256Hex, type RangeResult, type SeriesColumns } from '../../engine/index';
import type { RiskParams } from '../../engine/params/riskParams';
import type { SimulatePartBody } from './partFile';
import { shardRange, type ShardSpec } from './shardSpec';
import { encodeArray, type EncodedArray } from './typedArrays';

export interface ShardRun {
  params: RiskParams;
  paramsFile: string;
  seed: number;
  paths: number;
  shard: ShardSpec;
}

/**
 * A RangeResult without its downsampled series (zero points). The CLI's summary never reads the series (only the
 * page's fan chart does), and they are 5.8 KB per path — 580 MB for 100k paths — so parts do not carry them.
 */
export function withoutSeries(result: RangeResult): RangeResult {
  return { ...result, series: noSeries() };
}

export function noSeries(): SeriesColumns {
  const none = new Float64Array(0);
  return { points: 0, stepOfPoint: new Int32Array(0), price: none, fundBalanceQuote: none, cumBadDebtQuote: none, cumSocializedLossQuote: none, cumLiquidatedNotionalQuote: none };
}

/** Paths per engine call: small enough for frequent progress, large enough that the per-call cost vanishes. */
export function chunkSize(count: number): number {
  return Math.max(1, Math.min(2_000, Math.ceil(count / 100)));
}

/**
 * Simulates this shard's paths (shardRange of paths) in chunks, reporting paths done after each, and returns the
 * part body. Chunks are joined with the engine's exact mergeRangeResults, so the columns are those one call over
 * the whole range would give.
 */
export function simulateShard(run: ShardRun, onProgress: (done: number, total: number) => void = () => {}): SimulatePartBody {
  const { from, to } = shardRange(run.paths, run.shard);
  const simulator = createSimulator(run.params, run.seed);
  const chunk = chunkSize(to - from);
  const chunks: RangeResult[] = [];
  for (let start = from; start < to; start += chunk) {
    const end = Math.min(to, start + chunk);
    chunks.push(withoutSeries(simulator.run(start, end)));
    onProgress(end - from, to - from);
  }
  const result = mergeRangeResults(chunks);
  const columns: Record<string, EncodedArray> = {};
  for (const key of PATH_COLUMN_KEYS) columns[key] = encodeArray(result.paths[key]);
  return {
    command: 'simulate',
    engineVersion: ENGINE_VERSION,
    paramsHash: sha256Hex(canonicalJson(run.params)),
    params: run.params,
    paramsFile: run.paramsFile,
    seed: run.seed,
    paths: run.paths,
    shard: run.shard,
    total: run.paths,
    range: { from, to },
    accountIds: run.params.population.kind === 'explicit' ? [...simulator.population.ids] : null,
    columns,
    lossByAccountUnits: encodeArray(result.lossByAccountUnits),
    lossByDecileUnits: encodeArray(result.lossByDecileUnits),
  };
}
