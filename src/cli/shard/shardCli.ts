import { renameSync, writeFileSync } from 'node:fs';
import { UsageError } from '../args';
import { partText, type PartBody } from './partFile';
import { Progress } from './progress';
import { parseShard, shardRange, type ShardSpec } from './shardSpec';
import { simulateShard, type ShardRun } from './simulateShard';
import { gridSize, sweepShard, type SweepShardRun } from './sweepShard';

export const SHARD_USAGE = `  --shard i/n --out PART.json   compute only shard i of n (1 ≤ i ≤ n, contiguous ranges) and write a part file;
                                join the parts with: npm run merge -- PART... [--json]`;

/** `--shard i/n` and `--out F` come together; null when neither is given. Throws UsageError naming the flag. */
export function readShardFlags(flags: { shard?: string | undefined; out?: string | undefined; json?: boolean | undefined }): { shard: ShardSpec; out: string } | null {
  if (flags.shard === undefined && flags.out === undefined) return null;
  if (flags.shard === undefined) throw new UsageError('--out writes a shard\'s part file: it needs --shard i/n');
  if (flags.out === undefined) throw new UsageError('--shard i/n needs --out PART.json (where the part file goes)');
  if (flags.json) throw new UsageError('--json is for the merged result: pass it to npm run merge, not to a shard');
  return { shard: parseShard(flags.shard), out: flags.out };
}

/** Writes through a temporary name and renames, so a reader on a shared volume never sees half a part. */
function writePart(out: string, body: PartBody): void {
  const temporary = `${out}.tmp-${process.pid}`;
  writeFileSync(temporary, partText(body));
  renameSync(temporary, out);
  const { from, to } = body.range;
  process.stderr.write(`wrote ${out}: shard ${body.shard.index}/${body.shard.count}, ${body.command === 'simulate' ? 'paths' : 'sweep points'} [${from}, ${to}) of ${body.total}\n`);
}

function checkSplit(total: number, shard: ShardSpec, what: string): void {
  if (shard.count > total) throw new UsageError(`--shard ${shard.index}/${shard.count}: cannot split ${total} ${what} into ${shard.count} shards (n must be at most ${total})`);
}

export function runSimulateShard(run: ShardRun, out: string): number {
  checkSplit(run.paths, run.shard, 'paths');
  const { from, to } = shardRange(run.paths, run.shard);
  const progress = new Progress(`shard ${run.shard.index}/${run.shard.count}`, to - from, 'paths');
  const body = simulateShard(run, (done) => progress.update(done));
  writePart(out, body);
  return 0;
}

export function runSweepShard(run: SweepShardRun, out: string): number {
  checkSplit(gridSize(run.axes), run.shard, 'sweep points');
  const { from, to } = shardRange(gridSize(run.axes), run.shard);
  const progress = new Progress(`shard ${run.shard.index}/${run.shard.count}`, to - from, 'points');
  const body = sweepShard(run, (done) => progress.update(done));
  writePart(out, body);
  return 0;
}

/**
 * Why `npm run solve` takes no --shard: bisection is sequential — which value to probe next depends on the
 * previous probe's answer, and a probe's path count doubles only when its interval straddles the target — so
 * there is no fixed set of independent pieces to hand to n machines. The cluster route is a sharded sweep over
 * the lever (independent points), then solve on one machine inside the bracket the sweep found (--lo, --hi).
 */
export const SOLVE_SHARD_REFUSAL =
  '--shard: solve is a sequential bisection (each probe depends on the last), so it does not split into shards; ' +
  'sweep the lever with --shard to find the bracket on a cluster, then run solve with --lo/--hi on one machine';
