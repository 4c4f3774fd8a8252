import { performance } from 'node:perf_hooks';
import { canonicalJson, createSimulator, ENGINE_VERSION, mergeRangeResults, preparePoint, preparePoint2, sha256Hex, summarizePoint, type PreparedPoint, type RangeResult, type SweepPointResult } from '../../engine/index';
import type { RiskParams } from '../../engine/params/riskParams';
import type { SweepPartBody } from './partFile';
import { shardRange, type ShardSpec } from './shardSpec';
import { chunkSize, withoutSeries } from './simulateShard';

export interface SweepShardRun {
  params: RiskParams;
  paramsFile: string;
  seed: number;
  paths: number;
  shard: ShardSpec;
  /** One axis (1-D) or two (rows, columns); grid points are numbered row-major, as sweep2d's cells are. */
  axes: { path: string; values: string[] }[];
}

export function gridSize(axes: SweepShardRun['axes']): number {
  return axes.reduce((n, a) => n * a.values.length, 1);
}

/** Paths [0, paths) of one point, in chunks without series (the sweep summary reads only per-path columns). */
function runPoint(prepared: PreparedPoint, seed: number, paths: number): SweepPointResult {
  if (!prepared.ok) return prepared;
  const simulator = createSimulator(prepared.params, seed);
  const chunk = chunkSize(paths);
  const chunks: RangeResult[] = [];
  for (let start = 0; start < paths; start += chunk) chunks.push(withoutSeries(simulator.run(start, Math.min(paths, start + chunk))));
  return summarizePoint(prepared, mergeRangeResults(chunks));
}

/**
 * Grid point `k` exactly as sweep1d / sweep2d build it (same fields in the same order, so the merged JSON is
 * byte for byte the unsharded one): a 2-D cell adds value2 and valueText2 after the point's own fields.
 */
export function sweepGridPoint(run: Omit<SweepShardRun, 'shard' | 'paramsFile'>, k: number): SweepPointResult & { value2?: number; valueText2?: string } {
  const [rows, columns] = run.axes as [SweepShardRun['axes'][number], SweepShardRun['axes'][number] | undefined];
  if (columns === undefined) return runPoint(preparePoint(run.params, rows.path, rows.values[k]!), run.seed, run.paths);
  const row = rows.values[Math.floor(k / columns.values.length)]!;
  const column = columns.values[k % columns.values.length]!;
  const prepared = preparePoint2(run.params, rows.path, row, columns.path, column);
  return { ...runPoint(prepared, run.seed, run.paths), value2: Number(column), valueText2: column };
}

/** This shard's grid points (shardRange of the grid, row-major) and the part body holding them. */
export function sweepShard(run: SweepShardRun, onProgress: (done: number, total: number) => void = () => {}): SweepPartBody {
  const total = gridSize(run.axes);
  const { from, to } = shardRange(total, run.shard);
  const t0 = performance.now();
  const points: (SweepPointResult & { valueText2?: string })[] = [];
  for (let k = from; k < to; k++) {
    points.push(sweepGridPoint(run, k));
    onProgress(k + 1 - from, to - from);
  }
  return {
    command: 'sweep',
    engineVersion: ENGINE_VERSION,
    paramsHash: sha256Hex(canonicalJson(run.params)),
    params: run.params,
    paramsFile: run.paramsFile,
    seed: run.seed,
    paths: run.paths,
    shard: run.shard,
    total,
    range: { from, to },
    axes: run.axes.map((a) => ({ path: a.path, values: [...a.values] })),
    points,
    seconds: (performance.now() - t0) / 1000,
  };
}
