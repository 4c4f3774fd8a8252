// URL sync (STYLE.md §4, DESIGN.md §5 "The page"): the page's state lives in the URL fragment as a share link
// (`#v=1&s=…`, src/share/codec.ts). At boot the fragment is decoded and applied to the store before the first
// run starts, so a link's numbers are the first computed; a link that cannot be read leaves the defaults and
// raises a notice in plain words (never a console error). From then on every change of params, seed, paths,
// baseline or view is written back with history.replaceState (debounced), and each burst of edits that changes
// a number gets its own history entry, so back/forward step through proposals; popstate/hashchange decode again.
//
// Only fragments of the form `v=…&s=…` (or empty) are Haircut's: any other (`#results`, the skip link's) is
// left alone. The host (location, history, events, timers) is passed in, so the logic runs in Node tests.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { decodeShareState, encodeShareState } from '../share/codec';
import { normalizeLinkFragment } from '../share/linkFragment';
import type { ShareState } from '../share/shareState';
import type { AppState, AppStore } from './store';

/** The parts of `window` URL sync uses; `window` itself satisfies it. */
export interface UrlSyncHost {
  location: { readonly hash: string; readonly pathname: string; readonly search: string; readonly origin: string };
  history: {
    readonly state: unknown;
    replaceState(data: unknown, unused: string, url?: string): void;
    pushState(data: unknown, unused: string, url?: string): void;
  };
  addEventListener(type: 'popstate' | 'hashchange' | 'blur' | 'pagehide', listener: () => void): void;
  removeEventListener(type: 'popstate' | 'hashchange' | 'blur' | 'pagehide', listener: () => void): void;
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number | undefined): void;
}

/** A message about a link, shown in a dismissible banner. */
export interface LinkNotice {
  /** Changes with every notice, so the banner can take focus again. */
  id: number;
  tone: 'error' | 'info';
  title: string;
  /** What was wrong, in plain words (empty for info). */
  problems: string[];
}

export interface LinkNoticeState {
  notice: LinkNotice | null;
  show: (notice: Omit<LinkNotice, 'id'>) => void;
  dismiss: () => void;
}

export function createLinkNoticeStore(): StoreApi<LinkNoticeState> {
  let next = 1;
  return createStore<LinkNoticeState>()((set) => ({
    notice: null,
    show: (notice) => set({ notice: { ...notice, id: next++ } }),
    dismiss: () => set({ notice: null }),
  }));
}

/** The page's notices (the banner reads them). */
export const linkNoticeStore = createLinkNoticeStore();

/** At most this many problems are listed; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 8;

export const URL_SYNC_TIMING = {
  /** A change is written to the URL this long after the last one. */
  writeDebounceMs: 300,
  /** Edits this far apart are separate history entries (back/forward steps through them). */
  settleMs: 1000,
} as const;

/** The fragment without its '#'. */
export function fragmentOf(hash: string): string {
  return hash.startsWith('#') ? hash.slice(1) : hash;
}

/**
 * Whether a fragment is a Haircut link (or empty): one of its `&`-separated parts is `v=…` or `s=…`, after
 * undoing percent-encoding and trailing punctuation (normalizeLinkFragment) — an encoded link is still one.
 */
export function isHaircutFragment(hash: string): boolean {
  const normalized = normalizeLinkFragment(fragmentOf(hash));
  // Badly percent-encoded but meant as a link: it is one, and gets refused in words.
  if (!normalized.ok && /^#?(v|s)%3d/i.test(hash)) return true;
  const fragment = normalized.ok ? normalized.fragment : fragmentOf(hash);
  if (fragment.trim() === '') return true;
  return fragment.split('&').some((piece) => {
    const key = piece.split('=', 1)[0];
    return (key === 'v' || key === 's') && piece.includes('=');
  });
}

/** The link's state of the store. */
export function shareStateOf(s: AppState): ShareState {
  return {
    params: s.params,
    run: { paths: s.paths, seed: s.seed, ...(s.estimator === 'plain' ? {} : { estimator: s.estimator }), ...(s.populationCi ? { populationCi: true as const } : {}) },
    baseline: s.baseline,
    view: { tab: s.tab, logHistogram: s.logHistogram, pathIndex: s.pathIndex, sweep: s.sweep },
  };
}

/** The store fields a link carries, from a (validated) link state: one update, so one run. */
export function storePatchOf(share: ShareState): Partial<AppState> {
  return {
    params: share.params,
    draft: share.params,
    draftProblems: [],
    seed: share.run.seed,
    paths: share.run.paths,
    estimator: share.run.estimator ?? 'plain',
    populationCi: share.run.populationCi === true,
    baseline: share.baseline,
    tab: share.view.tab,
    logHistogram: share.view.logHistogram,
    pathIndex: share.view.pathIndex,
    sweep: share.view.sweep,
  };
}

/** Whether a store change touches what a link carries; `numbers` when it can change a number. */
export function linkChange(state: AppState, prev: AppState): { link: boolean; numbers: boolean } {
  const numbers = state.params !== prev.params || state.seed !== prev.seed || state.paths !== prev.paths || state.baseline !== prev.baseline;
  const view = state.estimator !== prev.estimator || state.populationCi !== prev.populationCi || state.tab !== prev.tab || state.logHistogram !== prev.logHistogram || state.pathIndex !== prev.pathIndex || state.sweep !== prev.sweep;
  return { link: numbers || view, numbers };
}

/** Words for a list of problems: at most MAX_LISTED_PROBLEMS, then "and N more". */
export function listedProblems(problems: readonly string[]): string[] {
  if (problems.length <= MAX_LISTED_PROBLEMS) return [...problems];
  const rest = problems.length - MAX_LISTED_PROBLEMS;
  return [...problems.slice(0, MAX_LISTED_PROBLEMS), `and ${rest} more problem${rest === 1 ? '' : 's'}`];
}

export interface UrlSync {
  /** The share link of the store's current state (fresh, not waiting for the debounce). */
  currentLink(): string;
  /** Writes any pending change now and ends the burst (the next edit gets its own history entry). */
  settle(): void;
  /** Applies a share state from elsewhere (a saved proposal, an import) as one store update. */
  apply(share: ShareState): void;
  stop(): void;
}

export interface UrlSyncOptions {
  notices?: StoreApi<LinkNoticeState>;
  /**
   * Asked before a link's state is applied: return true to apply it now, or false to hold it — then call
   * `apply` if and when the visitor agrees (a heavy run from a link, heavyRunGate.ts). Absent: always apply.
   */
  admit?: (share: ShareState, apply: () => void) => boolean;
}

/**
 * Starts URL sync: decodes the current fragment and applies it (call before the first run), then keeps the URL
 * and the store in step until stop().
 */
export function startUrlSync(store: AppStore, host: UrlSyncHost, options: UrlSyncOptions = {}): UrlSync {
  const notices = options.notices ?? linkNoticeStore;
  const encode = (): string => encodeShareState(shareStateOf(store.getState()));
  const urlOf = (fragment: string): string => `${host.location.pathname}${host.location.search}#${fragment}`;

  /** What the current history entry's state encodes to (as far as this module knows). */
  let entryFragment: string | null = null;
  /** The current entry holds a settled state: the next number-changing edit pushes a new entry. */
  let settled = true;
  let burstChangesNumbers = false;
  let writeTimer: number | undefined;
  let settleTimer: number | undefined;
  let applying = false;

  const clearTimers = () => {
    host.clearTimeout(writeTimer);
    host.clearTimeout(settleTimer);
    writeTimer = undefined;
    settleTimer = undefined;
  };

  const applyState = (share: ShareState) => {
    if (encodeShareState(share) === encode()) return; // already shown: no new objects, no rerun
    applying = true;
    try {
      store.setState(storePatchOf(share));
    } finally {
      applying = false;
    }
  };

  /** Decodes the fragment and applies it; `boot` says whether a refused link leaves the defaults. */
  const readLocation = (boot: boolean) => {
    const hash = host.location.hash;
    if (!isHaircutFragment(hash)) return;
    const result = decodeShareState(hash);
    if (!result.ok) {
      notices.getState().show({
        tone: 'error',
        title: boot
          ? 'This link could not be opened, so the page shows the default parameters.'
          : 'This link could not be opened; nothing was changed.',
        problems: listedProblems(result.problems),
      });
      entryFragment = null;
      return;
    }
    const apply = () => {
      applyState(result.state);
      entryFragment = encode();
      if (result.notes.length > 0) notices.getState().show({ tone: 'info', title: result.notes.join('; '), problems: [] });
      else if (!boot) notices.getState().dismiss();
    };
    if (!options.admit || options.admit(result.state, apply)) apply();
    else entryFragment = null;
  };

  const write = () => {
    host.clearTimeout(writeTimer);
    writeTimer = undefined;
    const fragment = encode();
    if (fragment === entryFragment && fragmentOf(host.location.hash) === fragment) return;
    if (settled && burstChangesNumbers) {
      host.history.pushState(null, '', urlOf(fragment));
      settled = false;
    } else {
      host.history.replaceState(host.history.state, '', urlOf(fragment));
    }
    entryFragment = fragment;
  };

  const settle = () => {
    host.clearTimeout(settleTimer);
    settleTimer = undefined;
    if (writeTimer !== undefined) write();
    settled = true;
    burstChangesNumbers = false;
  };

  const onNavigate = () => {
    clearTimers();
    settled = true;
    burstChangesNumbers = false;
    readLocation(false);
  };

  // Boot: the link's state reaches the store before anything subscribes or runs.
  readLocation(true);

  const unsubscribe = store.subscribe((state, prev) => {
    if (applying) return;
    const change = linkChange(state, prev);
    if (!change.link) return;
    if (change.numbers) burstChangesNumbers = true;
    host.clearTimeout(writeTimer);
    writeTimer = host.setTimeout(write, URL_SYNC_TIMING.writeDebounceMs);
    host.clearTimeout(settleTimer);
    settleTimer = host.setTimeout(settle, URL_SYNC_TIMING.settleMs);
  });

  host.addEventListener('popstate', onNavigate);
  host.addEventListener('hashchange', onNavigate);
  host.addEventListener('blur', settle);
  host.addEventListener('pagehide', settle);

  return {
    currentLink: () => `${host.location.origin}${urlOf(encode())}`,
    settle,
    apply: (share) => {
      // Not `applying`: a proposal or an import is an edit like any other, written to the URL and history.
      store.setState(storePatchOf(share));
    },
    stop: () => {
      clearTimers();
      unsubscribe();
      host.removeEventListener('popstate', onNavigate);
      host.removeEventListener('hashchange', onNavigate);
      host.removeEventListener('blur', settle);
      host.removeEventListener('pagehide', settle);
    },
  };
}

let pageSync: UrlSync | null = null;

/** Starts the page's URL sync once (main.tsx) and keeps it for the share controls. */
export function startPageUrlSync(store: AppStore, host: UrlSyncHost, options: UrlSyncOptions = {}): UrlSync {
  pageSync ??= startUrlSync(store, host, options);
  return pageSync;
}

/** The page's URL sync, or null before main.tsx started it (tests, storybook-like mounts). */
export function pageUrlSync(): UrlSync | null {
  return pageSync;
}
