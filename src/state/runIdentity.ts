// The run id of what the page shows (the id `npm run simulate -- --json` prints as runId): a sha-256 over the
// engine version, the parameters, seed and paths. Hashing costs, so the selector keeps its last answer for as
// long as the store holds the same params, seed and paths (components call it on every store change).
import { ENGINE_VERSION, runIdOf, shortRunId } from '../engine/identity';
import type { RiskParams } from '../engine/params/riskParams';

export interface RunIdentity {
  /** 64 hex digits. */
  runId: string;
  /** Its first 12, as the page and the post show it. */
  shortId: string;
  engineVersion: string;
}

/** The identity of one side's run (a proposal's or a pinned baseline's). */
export function runIdentityOf(params: RiskParams, seed: number, paths: number): RunIdentity {
  const runId = runIdOf({ params, seed, paths });
  return { runId, shortId: shortRunId(runId), engineVersion: ENGINE_VERSION };
}

let last: { params: RiskParams; seed: number; paths: number; identity: RunIdentity } | null = null;

/** The identity of the proposal's run in the store (the same object while its inputs are the same). */
export function selectRunIdentity(s: { params: RiskParams; seed: number; paths: number }): RunIdentity {
  if (last && last.params === s.params && last.seed === s.seed && last.paths === s.paths) return last.identity;
  last = { params: s.params, seed: s.seed, paths: s.paths, identity: runIdentityOf(s.params, s.seed, s.paths) };
  return last.identity;
}
