import type { RiskParams } from '../../engine/params/riskParams';
import { canonicalJson, emptyPathColumns, ENGINE_VERSION, mergeRangeResults, PATH_COLUMN_KEYS, sha256Hex, summarizeRun, sweepableParam, type PathColumns, type RangeResult, type RunSummary, type SweepPointResult } from '../../engine/index';
import type { Axis } from '../sweepOutput';
import { parsePart, type PartBody, type SimulatePartBody, type SweepPartBody } from './partFile';
import { shardRange } from './shardSpec';
import { decodeArray, arrayTypeOf } from './typedArrays';
import { noSeries } from './simulateShard';

/** A part file as read from disk: its name (for messages) and its text. */
export interface NamedPart {
  name: string;
  text: string;
}

/** The merge would not give the unsharded result; `problems` says why, one line each, naming the files. */
export class MergeRefusal extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

export type MergedRun =
  | { command: 'simulate'; file: string; seed: number; paths: number; params: RiskParams; summary: RunSummary }
  | { command: 'sweep'; file: string; seed: number; paths: number; axis: Axis; axis2: Axis | null; points: (SweepPointResult & { valueText2?: string })[]; seconds: number };

interface Parsed {
  name: string;
  body: PartBody;
  /** A simulate part's columns, decoded once while checking it. */
  range: RangeResult | null;
}

/** Fields every part of one run must share, with how to show them in a message. */
const SAME: [string, (b: PartBody) => unknown][] = [
  ['command', (b) => b.command],
  ['engine version', (b) => b.engineVersion],
  ['parameters (hash)', (b) => b.paramsHash],
  ['seed', (b) => b.seed],
  ['paths', (b) => b.paths],
  ['shard count n', (b) => b.shard?.count],
  ['sweep grid', (b) => (b.command === 'sweep' ? canonicalJson(b.axes) : null)],
];

/**
 * Checks a set of part files and joins them into the result the unsharded command would have computed, in any
 * order of the files. Refuses (MergeRefusal, every problem at once) a file that is truncated, not a part or
 * tampered with, parts of different runs (command, engine version, parameters, seed, paths, n, sweep grid), a
 * shard given twice and a missing shard.
 */
export function mergeParts(files: readonly NamedPart[]): MergedRun {
  if (files.length === 0) throw new MergeRefusal(['no part files given']);
  const problems: string[] = [];
  const parsed: Parsed[] = [];
  for (const { name, text } of files) {
    try {
      const body = parsePart(text);
      parsed.push({ name, body, range: checkOwnConsistency(body) });
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new MergeRefusal(problems);

  const first = parsed[0] as Parsed;
  for (const [what, get] of SAME) {
    const odd = parsed.find((p) => get(p.body) !== get(first.body));
    if (odd) problems.push(`parts are of different runs: ${what} differs (${first.name}: ${show(what, get(first.body))}, ${odd.name}: ${show(what, get(odd.body))})`);
  }
  if (first.body.engineVersion !== ENGINE_VERSION) {
    problems.push(`${first.name}: made by engine ${first.body.engineVersion}; this merge is engine ${ENGINE_VERSION} — rerun the shards with this version`);
  }
  if (problems.length > 0) throw new MergeRefusal(problems);

  const count = first.body.shard.count;
  const byIndex = new Map<number, string[]>();
  for (const p of parsed) byIndex.set(p.body.shard.index, [...(byIndex.get(p.body.shard.index) ?? []), p.name]);
  for (const [index, names] of [...byIndex].sort((a, b) => a[0] - b[0])) {
    if (names.length > 1) problems.push(`shard ${index}/${count} is given twice or more: ${names.join(', ')}`);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) problems.push(`missing shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${count}`).join(', ')} (have ${byIndex.size} of ${count})`);
  if (problems.length > 0) throw new MergeRefusal(problems);

  const ordered = [...parsed].sort((a, b) => a.body.shard.index - b.body.shard.index);
  return first.body.command === 'simulate' ? mergeSimulate(ordered) : mergeSweep(ordered.map((p) => p.body as SweepPartBody));
}

function show(what: string, value: unknown): string {
  if (what === 'parameters (hash)') return `${String(value).slice(0, 12)}…`;
  if (what === 'sweep grid') return String(value);
  return JSON.stringify(value);
}

/**
 * A part must agree with itself: known command, header types, hash of its own parameters, the range its shard i/n
 * gets, columns that fit it. Returns a simulate part's decoded columns (null for a sweep part).
 */
function checkOwnConsistency(body: PartBody): RangeResult | null {
  if (body.command !== 'simulate' && body.command !== 'sweep') throw new Error(`unknown command '${String((body as { command: unknown }).command)}'`);
  checkHeaderShape(body);
  if (sha256Hex(canonicalJson(body.params)) !== body.paramsHash) throw new Error('its parameters do not match its parameters hash');
  const expected = shardRange(body.total, body.shard);
  if (body.range?.from !== expected.from || body.range?.to !== expected.to) {
    throw new Error(`holds [${body.range?.from}, ${body.range?.to}) but shard ${body.shard.index}/${body.shard.count} of ${body.total} is [${expected.from}, ${expected.to})`);
  }
  const size = expected.to - expected.from;
  if (body.command === 'simulate') {
    if (body.total !== body.paths) throw new Error(`splits ${body.total} items but the run has ${body.paths} paths`);
    return partRangeResult(body);
  }
  if (body.points.length !== size) throw new Error(`holds ${body.points.length} sweep points, its range [${expected.from}, ${expected.to}) has ${size}`);
  return null;
}

/** The header fields have the types the checks below rely on (a part forged with a valid checksum may not). */
function checkHeaderShape(body: PartBody): void {
  const wholes: [string, unknown][] = [['seed', body.seed], ['paths', body.paths], ['total', body.total], ['shard.index', body.shard?.index], ['shard.count', body.shard?.count], ['range.from', body.range?.from], ['range.to', body.range?.to]];
  for (const [field, value] of wholes) {
    if (!(typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)) throw new Error(`${field} must be a whole number, got ${JSON.stringify(value)}`);
  }
  for (const [field, value] of [['engineVersion', body.engineVersion], ['paramsHash', body.paramsHash], ['paramsFile', body.paramsFile]] as const) {
    if (typeof value !== 'string') throw new Error(`${field} must be a string, got ${JSON.stringify(value)}`);
  }
  if (typeof body.params !== 'object' || body.params === null) throw new Error('has no parameters');
  if (body.command === 'sweep' && !(Array.isArray(body.points) && Array.isArray(body.axes) && typeof body.seconds === 'number')) throw new Error('sweep part without points, axes or seconds');
}

const EMPTY = emptyPathColumns(0);

/** The engine RangeResult (without series) a simulate part holds; throws naming a column that does not fit. */
export function partRangeResult(body: SimulatePartBody): RangeResult {
  const { from, to } = body.range;
  const paths = {} as Record<keyof PathColumns, PathColumns[keyof PathColumns]>;
  for (const key of PATH_COLUMN_KEYS) {
    const column = decodeArray(body.columns[key], `column ${key}`, arrayTypeOf(EMPTY[key]));
    if (column.length !== to - from) throw new Error(`column ${key} has ${column.length} values for ${to - from} paths`);
    paths[key] = column;
  }
  const extra = Object.keys(body.columns).filter((key) => !(PATH_COLUMN_KEYS as string[]).includes(key));
  if (extra.length > 0) throw new Error(`unknown column${extra.length > 1 ? 's' : ''} ${extra.join(', ')} (made by another engine?)`);
  const lossByAccountUnits = decodeArray(body.lossByAccountUnits, 'lossByAccountUnits', 'f64') as Float64Array;
  const lossByDecileUnits = decodeArray(body.lossByDecileUnits, 'lossByDecileUnits', 'f64') as Float64Array;
  if (body.accountIds !== null && body.accountIds.length !== lossByAccountUnits.length) {
    throw new Error(`${body.accountIds.length} account ids for ${lossByAccountUnits.length} accounts`);
  }
  return { from, to, paths: paths as PathColumns, series: noSeries(), lossByAccountUnits, lossByDecileUnits };
}

function mergeSimulate(parts: Parsed[]): MergedRun {
  const first = (parts[0] as Parsed).body as SimulatePartBody;
  const merged = mergeRangeResults(parts.map((p) => p.range as RangeResult));
  const explicit = first.accountIds !== null;
  const summary = summarizeRun(merged, { explicit, ...(explicit ? { ids: first.accountIds as string[] } : {}) });
  return { command: 'simulate', file: first.paramsFile, seed: first.seed, paths: first.paths, params: first.params, summary };
}

function mergeSweep(parts: SweepPartBody[]): MergedRun {
  const first = parts[0] as SweepPartBody;
  const axes = first.axes.map((a): Axis => {
    const spec = sweepableParam(a.path);
    if (spec === undefined) throw new MergeRefusal([`sweep parameter '${a.path}' is not sweepable in this version`]);
    return { spec, values: a.values };
  });
  return {
    command: 'sweep',
    file: first.paramsFile,
    seed: first.seed,
    paths: first.paths,
    axis: axes[0] as Axis,
    axis2: axes[1] ?? null,
    points: parts.flatMap((p) => p.points),
    seconds: parts.reduce((s, p) => s + p.seconds, 0),
  };
}
