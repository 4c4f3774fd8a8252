import type { RiskParams } from '../params/riskParams';
import { canonicalJson } from './canonicalJson';
import { ENGINE_VERSION } from './engineVersion';
import { sha256Hex } from './sha256';

export interface RunIdentity {
  params: RiskParams;
  seed: number;
  paths: number;
  /**
   * Identity of data the run reads from outside the parameters (e.g. the sha-256 of a candle tape), or null when
   * everything is in `params` (replayed prices and imported positions are). Part of the hash so two runs over
   * different files never share an id.
   */
  data?: string | null;
}

/**
 * The run id: sha-256 of canonicalJson({engineVersion, params, seed, paths, data}). Equal ids promise equal
 * numbers, in Node and in any browser; a new ENGINE_VERSION gives new ids, so a stored number never passes for
 * one the current engine computed. The page, the workers and the CLI all call this one function.
 */
export function runIdOf(run: RunIdentity, engineVersion: string = ENGINE_VERSION): string {
  return sha256Hex(canonicalJson({ engineVersion, params: run.params, seed: run.seed, paths: run.paths, data: run.data ?? null }));
}

/** The first 12 hex digits, for labels; the full id is what verifies. */
export function shortRunId(id: string): string {
  return id.slice(0, 12);
}
