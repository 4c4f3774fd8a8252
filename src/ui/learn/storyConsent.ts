// Whether opening a story would replace the user's own work (issue #21: a story never clobbers without consent).
import { canonicalJson } from '../../engine/identity';
import { defaultParams } from '../../engine/params/defaults';
import { LEARN_PRESETS } from './presets';

/**
 * True when opening a story here would throw away work: parameters other than the defaults and other than every
 * story's, or a pinned baseline other than a story's.
 */
export function storyWouldReplaceWork(params: unknown, baseline: unknown): boolean {
  const known = new Set([canonicalJson(defaultParams()), ...LEARN_PRESETS.map((p) => canonicalJson(p.state.params))]);
  const storyBaselines = new Set(LEARN_PRESETS.map((p) => (p.state.baseline === null ? null : canonicalJson(p.state.baseline))));
  const ownParams = !known.has(canonicalJson(params));
  const ownBaseline = baseline !== null && !storyBaselines.has(canonicalJson(baseline));
  return ownParams || ownBaseline;
}
