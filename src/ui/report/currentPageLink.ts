// The share link of what the page shows, for the forum post (src/state/pagePost.ts builds the post itself).
import { encodeShareState } from '../../share/codec';
import { pageUrlSync, shareStateOf } from '../../state/urlSync';
import { appStore } from '../../state/useAppStore';

/** The share link of the current state, fresh (not waiting for the URL's debounce). */
export function currentPageLink(): string {
  const sync = pageUrlSync();
  if (sync) {
    sync.settle();
    return sync.currentLink();
  }
  return `${location.origin}${location.pathname}${location.search}#${encodeShareState(shareStateOf(appStore.getState()))}`;
}

