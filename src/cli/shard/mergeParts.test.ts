import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION } from '../../engine/identity';
import { summarizeRun } from '../../engine/metrics';
import { PATH_COLUMN_KEYS } from '../../engine/results/rangeResultShape';
import type { RiskParams } from '../../engine/params/riskParams';
import { validateParams } from '../../engine/params/validateParams';
import { stormyWorld } from '../../engine/planner/testing/worlds';
import { mergeRangeResults } from '../../engine/results/mergeRangeResults';
import type { RangeResult } from '../../engine/results/pathResults';
import { createSimulator } from '../../engine/sim/simulateRange';
import { smallWorldArb } from '../../engine/testing/arbitraries';
import { finiteJson } from '../finiteJson';
import { MergeRefusal, mergeParts, partRangeResult, type NamedPart } from './mergeParts';
import { checksumOf, partText, type PartBody, type SimulatePartBody } from './partFile';
import { simulateShard } from './simulateShard';
import { sweepShard } from './sweepShard';

/** What `simulate --json` prints for the run in one process. */
function unshardedJson(params: RiskParams, seed: number, paths: number): string {
  const simulator = createSimulator(params, seed);
  const explicit = params.population.kind === 'explicit';
  return finiteJson(summarizeRun(simulator.run(0, paths), { explicit, ...(explicit ? { ids: simulator.population.ids } : {}) }));
}

function shards(params: RiskParams, seed: number, paths: number, count: number): SimulatePartBody[] {
  return Array.from({ length: count }, (_, i) => simulateShard({ params, paramsFile: 'p.json', seed, paths, shard: { index: i + 1, count } }));
}

const named = (bodies: PartBody[]): NamedPart[] => bodies.map((b) => ({ name: `part-${b.shard.index}.json`, text: partText(b) }));

function mergedJson(files: NamedPart[]): string {
  const merged = mergeParts(files);
  if (merged.command !== 'simulate') throw new Error('expected a simulate merge');
  return finiteJson(merged.summary);
}

/** The refusal's lines (fails the test if the merge did not refuse). */
function refusal(files: NamedPart[]): string {
  try {
    mergeParts(files);
  } catch (error) {
    if (error instanceof MergeRefusal) return error.problems.join('\n');
    throw error;
  }
  throw new Error('the merge did not refuse');
}

/** Small explicit worlds with every engine feature at random, on noisy replays so paths differ. */
const noisyWorldArb = smallWorldArb.map((w): RiskParams => ({ ...w, scenario: { ...w.scenario, noiseVolAnnual: 0.9 } as RiskParams['scenario'] }));

function columnsEqual(a: RangeResult, b: RangeResult): boolean {
  if (a.from !== b.from || a.to !== b.to) return false;
  const same = (x: ArrayLike<number>, y: ArrayLike<number>) => x.length === y.length && Array.from(x).every((v, i) => Object.is(v, y[i]));
  return PATH_COLUMN_KEYS.every((k) => same(a.paths[k], b.paths[k])) && same(a.lossByAccountUnits, b.lossByAccountUnits) && same(a.lossByDecileUnits, b.lossByDecileUnits);
}

describe('mergeParts: the merged result is the unsharded one', () => {
  it('for any world, any n ≤ paths and any order of the part files, to the last digit', () => {
    fc.assert(
      fc.property(
        noisyWorldArb,
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 24 }).chain((paths) => fc.tuple(fc.constant(paths), fc.integer({ min: 1, max: paths }))),
        fc.array(fc.double({ noNaN: true }), { minLength: 24, maxLength: 24 }),
        (world, seed, [paths, count], keys) => {
          const validated = validateParams(world);
          fc.pre(validated.ok);
          if (!validated.ok) return;
          const params = validated.params;
          const files = named(shards(params, seed, paths, count));
          const shuffled = files.map((f, i) => [keys[i]!, f] as const).sort((a, b) => a[0] - b[0]).map(([, f]) => f);
          expect(mergedJson(shuffled)).toBe(unshardedJson(params, seed, paths));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('on a generated population with socialized loss (stormy world), n = 1, 3, 7', () => {
    const params = stormyWorld({ accounts: 40, steps: 30 });
    const expected = unshardedJson(params, 11, 21);
    expect(JSON.parse(expected).pSocialized).toBeGreaterThan(0); // the comparison covers non-zero losses
    for (const count of [1, 3, 7]) expect(mergedJson(named(shards(params, 11, 21, count)).reverse())).toBe(expected);
  });

  it('is associative and order-free on the part contents: any grouping of merges gives the same columns', () => {
    const params = stormyWorld({ accounts: 30, steps: 20 });
    const whole = mergeRangeResults(shards(params, 5, 18, 6).map(partRangeResult));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.double({ noNaN: true }), { minLength: 6, maxLength: 6 }), (cut, keys) => {
        const parts = shards(params, 5, 18, 6).map(partRangeResult);
        const shuffled = parts.map((p, i) => [keys[i]!, p] as const).sort((a, b) => a[0] - b[0]).map(([, p]) => p);
        const left = mergeRangeResults(parts.slice(0, cut));
        const right = mergeRangeResults(parts.slice(cut));
        expect(columnsEqual(mergeRangeResults([right, left]), whole)).toBe(true); // (a·b)·c = a·(b·c), either side first
        expect(columnsEqual(mergeRangeResults(shuffled), whole)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});

describe('mergeParts refuses, naming the problem', () => {
  const params = stormyWorld({ accounts: 20, steps: 12 });
  const three = () => shards(params, 7, 9, 3);
  const texts = () => named(three());

  it('a missing shard', () => {
    const files = texts();
    expect(refusal([files[0]!, files[2]!])).toMatch(/missing shard 2\/3 \(have 2 of 3\)/);
    expect(refusal([files[1]!])).toMatch(/missing shards 1\/3, 3\/3/);
  });

  it('a duplicated shard', () => {
    const files = texts();
    expect(refusal([...files, { ...files[1]!, name: 'copy.json' }])).toMatch(/shard 2\/3 is given twice or more: part-2\.json, copy\.json/);
  });

  it('parts of different parameters, seed, paths or n', () => {
    const base = three();
    const other = stormyWorld({ accounts: 20, steps: 12, fund: '1000' });
    const cases: [SimulatePartBody, RegExp][] = [
      [simulateShard({ params: other, paramsFile: 'p.json', seed: 7, paths: 9, shard: { index: 2, count: 3 } }), /different runs: parameters \(hash\) differs/],
      [simulateShard({ params, paramsFile: 'p.json', seed: 8, paths: 9, shard: { index: 2, count: 3 } }), /different runs: seed differs \(part-1\.json: 7, part-2\.json: 8\)/],
      [simulateShard({ params, paramsFile: 'p.json', seed: 7, paths: 12, shard: { index: 2, count: 3 } }), /different runs: paths differs \(part-1\.json: 9, part-2\.json: 12\)/],
      [simulateShard({ params, paramsFile: 'p.json', seed: 7, paths: 9, shard: { index: 2, count: 4 } }), /different runs: shard count n differs \(part-1\.json: 3, part-2\.json: 4\)/],
    ];
    for (const [odd, message] of cases) expect(refusal(named([base[0]!, odd, base[2]!]))).toMatch(message);
  });

  it('parts of another engine version (mixed, or all made by another version than this merge)', () => {
    const old = three().map((b) => ({ ...b, engineVersion: '0.0.1' }));
    const current = three();
    expect(refusal(named([current[0]!, old[1]!, current[2]!]))).toMatch(/engine version differs \(part-1\.json: "[^"]+", part-2\.json: "0\.0\.1"\)/);
    expect(refusal(named(old))).toMatch(new RegExp(`made by engine 0\\.0\\.1; this merge is engine ${ENGINE_VERSION.replaceAll('.', '\\.')}`));
  });

  it('a simulate part mixed with a sweep part', () => {
    const sweep = sweepShard({ params, paramsFile: 'p.json', seed: 7, paths: 9, shard: { index: 2, count: 3 }, axes: [{ path: 'insuranceFund.initial', values: ['0', '10', '20'] }] });
    const files = texts();
    expect(refusal([files[0]!, { name: 'sweep-2.json', text: partText(sweep) }, files[2]!])).toMatch(/command differs \(part-1\.json: "simulate", sweep-2\.json: "sweep"\)/);
  });

  it('a truncated file', () => {
    const files = texts();
    const cut = { name: 'part-2.json', text: files[1]!.text.slice(0, files[1]!.text.length / 2) };
    expect(refusal([files[0]!, cut, files[2]!])).toMatch(/part-2\.json: truncated or not JSON/);
    expect(refusal([files[0]!, { name: 'part-2.json', text: '' }, files[2]!])).toMatch(/part-2\.json: truncated or not JSON/);
  });

  it('a tampered file: an edited value, an edited column byte, or a forged checksum over inconsistent content', () => {
    const files = texts();
    const edit = (text: string) => [files[0]!, { name: 'part-2.json', text }, files[2]!];
    expect(refusal(edit(files[1]!.text.replace('"seed":7', '"seed":8')))).toMatch(/part-2\.json: tampered or corrupted: its checksum does not match/);
    const file = JSON.parse(files[1]!.text) as { body: SimulatePartBody; checksum: string };
    const column = file.body.columns.socializedLossUnits!;
    const flipped = { ...file, body: { ...file.body, columns: { ...file.body.columns, socializedLossUnits: { ...column, base64: `${column.base64[0] === 'A' ? 'B' : 'A'}${column.base64.slice(1)}` } } } };
    expect(refusal(edit(JSON.stringify(flipped)))).toMatch(/part-2\.json: tampered or corrupted/);

    const forge = (body: SimulatePartBody) => JSON.stringify({ ...file, body, checksum: checksumOf(body) });
    expect(refusal(edit(forge({ ...file.body, params: { ...file.body.params, insuranceFund: { ...file.body.params.insuranceFund, initial: '5' } } })))).toMatch(
      /part-2\.json: its parameters do not match its parameters hash/,
    );
    expect(refusal(edit(forge({ ...file.body, shard: undefined as never })))).toMatch(/part-2\.json: shard\.index must be a whole number, got undefined/);
    expect(refusal(edit(forge({ ...file.body, seed: '7' as never })))).toMatch(/part-2\.json: seed must be a whole number, got "7"/);
    expect(refusal(edit(forge({ ...file.body, range: { from: 2, to: 6 } })))).toMatch(/part-2\.json: holds \[2, 6\) but shard 2\/3 of 9 is \[3, 6\)/);
    expect(refusal(edit(forge({ ...file.body, columns: { ...file.body.columns, ledgerBalanced: file.body.columns.fundDepletedStep! } })))).toMatch(
      /part-2\.json: column ledgerBalanced has type 'i32', expected 'u8'/,
    );
  });

  it('a file that is not a part, or of another part format version', () => {
    const files = texts();
    expect(refusal([files[0]!, { name: 'x.json', text: '{"paths":9}' }])).toMatch(/x\.json: not a Haircut part file/);
    const v2 = JSON.stringify({ ...JSON.parse(files[1]!.text), formatVersion: 2 });
    expect(refusal([files[0]!, { name: 'part-2.json', text: v2 }, files[2]!])).toMatch(/part-2\.json: part format version 2; this merge reads version 1/);
    expect(refusal([])).toMatch(/no part files given/);
  });
});
