import { createHash } from 'node:crypto';
import { canonicalJson, type SweepPointResult } from '../../engine/index';
import type { RiskParams } from '../../engine/params/riskParams';
import type { EncodedArray } from './typedArrays';
import type { ShardSpec } from './shardSpec';

/**
 * A shard's partial result on disk ("part file"), version 1:
 *   { "format": "haircut-part", "formatVersion": 1, "checksum": "sha256:<hex>", "body": { … } }
 * The checksum is SHA-256 of canonicalJson(body), so a truncated file (not JSON), an edited number or a
 * reordered file that changes any value is refused by `npm run merge`. The body records what makes parts
 * mergeable: command, engine version, parameters (and their hash), seed, paths, shard i/n and the range of
 * items (paths for simulate, grid points for sweep) it holds.
 */
export const PART_FORMAT = 'haircut-part';
export const PART_FORMAT_VERSION = 1;

interface PartCommon {
  engineVersion: string;
  /** sha256Hex(canonicalJson(params)) — the same identity run ids use. */
  paramsHash: string;
  params: RiskParams;
  /** The --params argument as given, for the header line of the human-readable output. */
  paramsFile: string;
  seed: number;
  paths: number;
  shard: ShardSpec;
  /** Items split across shards (paths for simulate, grid points for sweep) and this shard's [from, to). */
  total: number;
  range: { from: number; to: number };
}

export interface SimulatePartBody extends PartCommon {
  command: 'simulate';
  /** Account ids of an explicit population (lossByAccount is keyed by them); null for a generated one. */
  accountIds: string[] | null;
  /** Every per-path column of the engine's RangeResult for this range (series are not kept: see docs/cluster.md). */
  columns: Record<string, EncodedArray>;
  lossByAccountUnits: EncodedArray;
  lossByDecileUnits: EncodedArray;
}

export interface SweepPartBody extends PartCommon {
  command: 'sweep';
  /** The grid: one or two axes (parameter path and exact values); points are numbered row-major. */
  axes: { path: string; values: string[] }[];
  points: (SweepPointResult & { valueText2?: string })[];
  /** Compute time of this shard; merge prints the sum where the sweep prints its time. */
  seconds: number;
}

export type PartBody = SimulatePartBody | SweepPartBody;

export interface PartFile {
  format: typeof PART_FORMAT;
  formatVersion: typeof PART_FORMAT_VERSION;
  checksum: string;
  body: PartBody;
}

export function checksumOf(body: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(body)).digest('hex')}`;
}

/** The text of a part file for `body` (one line of JSON). */
export function partText(body: PartBody): string {
  const file: PartFile = { format: PART_FORMAT, formatVersion: PART_FORMAT_VERSION, checksum: checksumOf(body), body };
  return `${JSON.stringify(file)}\n`;
}

/**
 * Reads a part file's text: the format, version and checksum are checked here; the body's own consistency
 * (columns fit the range, the hash fits the parameters) by the merge. Throws an Error saying what is wrong.
 */
export function parsePart(text: string): PartBody {
  let file: Partial<PartFile>;
  try {
    file = JSON.parse(text) as Partial<PartFile>;
  } catch (error) {
    throw new Error(`truncated or not JSON (${(error as Error).message})`, { cause: error });
  }
  if (typeof file !== 'object' || file === null || file.format !== PART_FORMAT) throw new Error(`not a Haircut part file (no "format": "${PART_FORMAT}")`);
  if (file.formatVersion !== PART_FORMAT_VERSION) throw new Error(`part format version ${String(file.formatVersion)}; this merge reads version ${PART_FORMAT_VERSION}`);
  if (typeof file.body !== 'object' || file.body === null) throw new Error('has no body');
  if (file.checksum !== checksumOf(file.body)) throw new Error('tampered or corrupted: its checksum does not match its content');
  return file.body;
}
