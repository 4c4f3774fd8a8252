// Whether opening a story would replace the user's own work (issue #21: a story never clobbers without consent).
import { holdsOwnWork } from '../../state/ownWork';
import { LEARN_PRESETS } from './presets';

/**
 * True when opening a story here would throw away work: parameters other than the defaults and other than every
 * story's, or a pinned baseline other than a story's.
 */
export function storyWouldReplaceWork(params: unknown, baseline: unknown): boolean {
  return holdsOwnWork({ params, baseline }, LEARN_PRESETS.map((p) => p.state));
}
