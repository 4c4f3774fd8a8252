// Whether the store holds work of the user's own (issue #21: a story never clobbers it without consent): its
// parameters are neither the defaults nor any of the given states' (the Learn stories), or its pinned baseline
// is none of theirs. Parameter sets compare by canonical JSON, the form a run id hashes.
import { canonicalJson } from '../engine/identity';
import { defaultParams } from '../engine/params/defaults';

export interface StateToKeep {
  params: unknown;
  baseline: unknown;
}

/** True when replacing `current` by any of `known` would throw away work. */
export function holdsOwnWork(current: StateToKeep, known: readonly StateToKeep[]): boolean {
  const knownParams = new Set([canonicalJson(defaultParams()), ...known.map((k) => canonicalJson(k.params))]);
  const knownBaselines = new Set(known.map((k) => (k.baseline === null ? null : canonicalJson(k.baseline))));
  const ownParams = !knownParams.has(canonicalJson(current.params));
  const ownBaseline = current.baseline !== null && !knownBaselines.has(canonicalJson(current.baseline));
  return ownParams || ownBaseline;
}
