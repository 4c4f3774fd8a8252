// Opens a story in place: the same state its link carries (parameters, run, baseline, view), applied to the
// store now, so following a preset link works whether or not the page is listening to the URL fragment.
import { validateParams } from '../../engine/params/validateParams';
import type { ShareState } from '../../share/shareState';
import { appStore } from '../../state/useAppStore';

export function applyShareState(state: ShareState): void {
  const s = appStore.getState();
  s.setParams(state.params);
  s.setSeed(state.run.seed);
  s.setPaths(state.run.paths);
  const baseline = state.baseline === null ? null : validateParams(state.baseline);
  appStore.setState({ baseline: baseline?.ok ? baseline.params : null });
  s.setPathIndex(state.view.pathIndex);
  s.setTab(state.view.tab);
  s.setLearnPlaying(false);
  appStore.setState({ learnStep: 0 });
}
