import { UsageError } from '../args';

/** Shard `index` of `count`, 1-based like a Slurm array task id (`--shard 3/8` is the third of eight). */
export interface ShardSpec {
  index: number;
  count: number;
}

/** Parses `--shard i/n` (1 ≤ i ≤ n); a bad value is a UsageError naming the flag. */
export function parseShard(raw: string): ShardSpec {
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  if (!match) throw new UsageError(`--shard must be i/n with whole numbers, like 3/8, got '${raw}'`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1) throw new UsageError(`--shard ${raw}: n must be at least 1`);
  if (index < 1 || index > count) throw new UsageError(`--shard ${raw}: i must be from 1 to ${count} (shards are numbered from 1, like Slurm array task ids)`);
  return { index, count };
}

/**
 * The fixed split of items 0..total−1 into `count` contiguous ranges: shard i (1-based) gets
 * [floor((i−1)·total/count), floor(i·total/count)). Sizes differ by at most one, every item is in exactly one
 * shard, and the ranges are in shard order, so concatenating shards 1..n in order gives 0..total−1.
 * Needs 1 ≤ count ≤ total: a shard with no work is refused rather than written as an empty part.
 */
export function shardRange(total: number, shard: ShardSpec): { from: number; to: number } {
  const { index, count } = shard;
  if (!(Number.isSafeInteger(total) && total >= 1)) throw new RangeError(`shardRange: total must be a whole number ≥ 1, got ${total}`);
  if (!(Number.isSafeInteger(count) && count >= 1 && count <= total)) {
    throw new RangeError(`cannot split ${total} into ${count} shards: n must be from 1 to ${total}`);
  }
  if (!(Number.isSafeInteger(index) && index >= 1 && index <= count)) throw new RangeError(`shard ${index}/${count}: i must be from 1 to ${count}`);
  // Exact in doubles: total and count are far below 2^26 (MAX_PATHS, MAX_SWEEP_CELLS), so the products are exact.
  return { from: Math.floor(((index - 1) * total) / count), to: Math.floor((index * total) / count) };
}
