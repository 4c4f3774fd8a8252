// URL sync in Node: a fake window (location, history, events, timers advanced by hand) and the real store with
// a fake engine. A link is applied before anything runs; a refused link raises a notice and keeps the defaults;
// edits are written debounced, each settled burst of number changes is its own history entry; popstate restores.
import { describe, expect, it } from 'vitest';
import type { RunEngine } from './engines';
import { encodeShareState } from '../share/codec';
import { defaultShareState, freshPageState, type ShareState } from '../share/shareState';
import { createAppStore } from './store';
import { createLinkNoticeStore, isHaircutFragment, listedProblems, MAX_LISTED_PROBLEMS, shareStateOf, startUrlSync, URL_SYNC_TIMING, type UrlSyncHost } from './urlSync';

const engine: RunEngine = { start: () => undefined, cancel: () => undefined, showPath: () => undefined, dispose: () => undefined };

function fakeHost(initialHash = '') {
  const entries: string[] = [initialHash];
  let index = 0;
  const listeners = new Map<string, Set<() => void>>();
  let clock = 0;
  let nextTimer = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const calls = { push: 0, replace: 0 };
  const hashOf = (url: string) => (url.includes('#') ? `#${url.split('#')[1]}` : '');
  const host: UrlSyncHost = {
    location: {
      get hash() {
        return entries[index]!;
      },
      pathname: '/',
      search: '?workers=2',
      origin: 'http://localhost:4181',
    },
    history: {
      state: null,
      replaceState: (_d, _u, url) => {
        calls.replace++;
        entries[index] = hashOf(url ?? '');
      },
      pushState: (_d, _u, url) => {
        calls.push++;
        entries.splice(index + 1);
        entries.push(hashOf(url ?? ''));
        index++;
      },
    },
    addEventListener: (type, listener) => {
      if (!listeners.has(type)) listeners.set(type, new Set());
      listeners.get(type)!.add(listener);
    },
    removeEventListener: (type, listener) => void listeners.get(type)?.delete(listener),
    setTimeout: (run, ms) => {
      const id = nextTimer++;
      timers.set(id, { at: clock + ms, run });
      return id;
    },
    clearTimeout: (id) => void (id !== undefined && timers.delete(id)),
  };
  const fire = (type: string) => listeners.get(type)?.forEach((l) => l());
  return {
    host,
    entries,
    calls,
    index: () => index,
    listenerCount: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
    advance(ms: number) {
      const until = clock + ms;
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        clock = due[1].at;
        due[1].run();
      }
      clock = until;
    },
    /** The browser's back button: the previous entry, then popstate. */
    back() {
      index--;
      fire('popstate');
    },
    forward() {
      index++;
      fire('popstate');
    },
    /** The user edits the address bar: a new entry, then hashchange. */
    navigate(hash: string) {
      entries.splice(index + 1);
      entries.push(hash);
      index++;
      fire('hashchange');
    },
    fire,
  };
}

/** The link of the page's default state (rare-event mode on auto) after `edit`. */
function linkOf(edit: (s: ShareState) => void): string {
  const state = freshPageState();
  edit(state);
  return `#${encodeShareState(state)}`;
}

const setup = (hash = '') => {
  const store = createAppStore({ run: engine }, { schedule: () => undefined });
  const fake = fakeHost(hash);
  const notices = createLinkNoticeStore();
  const sync = startUrlSync(store, fake.host, { notices });
  return { store, fake, notices, sync };
};

describe('which fragments are Haircut links', () => {
  it.each([
    ['', true],
    ['#', true],
    ['#v=1&s=abc', true],
    ['#v=9', true],
    ['#s=abc', true],
    ['#v=1&s=abc&x=1', true],
    ['#results', false],
    ['#section-v', false],
    ['#vx=1', false],
    ['#v%3D1%26s%3Dabc', true],
    ['#v%3D1%26s%3Dabc%E0%A4%A', true],
    ['#v=1&s=abc).', true],
  ])('%s → %s', (hash, expected) => expect(isHaircutFragment(hash)).toBe(expected));
});

describe('at boot', () => {
  it('applies a link before anything runs: params, seed, paths, baseline and view, as one update', () => {
    const hash = linkOf((s) => {
      s.run = { paths: 200, seed: 42 };
      s.params.margin.maintenanceMarginRatio = 0.0045;
      s.baseline = defaultShareState().params;
      s.view = { tab: 'dashboard', logHistogram: true, pathIndex: 7, sweep: null };
    });
    const { store, fake, notices } = setup(hash);
    const s = store.getState();
    expect(s.seed).toBe(42);
    expect(s.paths).toBe(200);
    expect(s.params.margin.maintenanceMarginRatio).toBe(0.0045);
    expect(s.draft).toBe(s.params);
    expect(s.baseline).not.toBeNull();
    expect(s.logHistogram).toBe(true);
    expect(s.pathIndex).toBe(7);
    expect(s.runId).toBe(0); // nothing has run: the page starts the first run after this
    expect(notices.getState().notice).toBeNull();
    fake.advance(5000);
    expect(fake.calls).toEqual({ push: 0, replace: 0 }); // opening a link writes nothing
  });

  it('refuses a damaged link with a notice in words, keeps the defaults, and does not throw', () => {
    const { store, notices } = setup('#v=1&s=%%%not-base64');
    expect(shareStateOf(store.getState())).toEqual(freshPageState());
    const notice = notices.getState().notice!;
    expect(notice.tone).toBe('error');
    expect(notice.title).toMatch(/could not be opened.*default parameters/);
    expect(notice.problems.join(' ')).toMatch(/damaged/);
    notices.getState().dismiss();
    expect(notices.getState().notice).toBeNull();
  });

  it.each([
    ['percent-encoded (mail and chat wrappers)', (f: string) => `#${encodeURIComponent(f)}`],
    ['followed by punctuation from prose', (f: string) => `#${f}).`],
  ])('opens a link %s with its numbers, not the defaults', (_name, hurt) => {
    const link = linkOf((s) => {
      s.run = { paths: 500, seed: 42 };
    }).slice(1);
    const { store, notices } = setup(hurt(link));
    expect(store.getState().seed).toBe(42);
    expect(store.getState().paths).toBe(500);
    expect(notices.getState().notice).toBeNull();
  });

  it('refuses a link with one character changed (the checksum) instead of opening another proposal', () => {
    const link = linkOf((s) => {
      s.run = { paths: 500, seed: 42 };
    });
    const at = link.indexOf('&c=') - 3;
    const changed = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
    const { store, notices } = setup(changed);
    expect(shareStateOf(store.getState())).toEqual(freshPageState());
    expect(notices.getState().notice!.tone).toBe('error');
    expect(notices.getState().notice!.problems.join(' ')).toMatch(/damaged/);
  });

  it('refuses a link from a newer version', () => {
    const { notices } = setup('#v=99&s=abc');
    expect(notices.getState().notice!.problems[0]).toMatch(/newer version/);
  });

  it('leaves a fragment that is not a Haircut link alone', () => {
    const { store, notices, fake } = setup('#results');
    expect(notices.getState().notice).toBeNull();
    expect(shareStateOf(store.getState())).toEqual(freshPageState());
    expect(fake.entries).toEqual(['#results']);
  });

  it('lists at most MAX_LISTED_PROBLEMS problems and counts the rest', () => {
    const many = Array.from({ length: MAX_LISTED_PROBLEMS + 3 }, (_, i) => `p${i}`);
    expect(listedProblems(many)).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(listedProblems(many).at(-1)).toBe('and 3 more problems');
  });
});

describe('writing the URL', () => {
  it('debounces writes and pushes one history entry per settled burst of number changes', () => {
    const { store, fake } = setup();
    store.getState().setSeed(2);
    store.getState().setSeed(3);
    fake.advance(URL_SYNC_TIMING.writeDebounceMs - 1);
    expect(fake.calls).toEqual({ push: 0, replace: 0 });
    fake.advance(1);
    expect(fake.calls).toEqual({ push: 1, replace: 0 });
    store.getState().setSeed(4); // same burst (not settled yet): replaces
    fake.advance(URL_SYNC_TIMING.writeDebounceMs);
    expect(fake.calls).toEqual({ push: 1, replace: 1 });
    fake.advance(URL_SYNC_TIMING.settleMs);
    store.getState().setSeed(5); // a new burst: a new entry
    fake.advance(URL_SYNC_TIMING.settleMs);
    expect(fake.calls.push).toBe(2);
    expect(fake.entries).toHaveLength(3);
    expect(fake.entries[0]).toBe('');
    expect(fake.entries[2]).toBe(linkOf((s) => (s.run.seed = 5)));
  });

  it('view-only changes replace the current entry instead of adding one', () => {
    const { store, fake } = setup();
    store.getState().setLogHistogram(true);
    fake.advance(URL_SYNC_TIMING.settleMs);
    expect(fake.calls).toEqual({ push: 0, replace: 1 });
    expect(fake.entries).toEqual([linkOf((s) => (s.view.logHistogram = true))]);
  });

  it('ignores store changes that a link does not carry (run progress)', () => {
    const { store, fake } = setup();
    store.setState({ stale: true });
    fake.advance(5000);
    expect(fake.calls).toEqual({ push: 0, replace: 0 });
  });

  it('blur settles at once: the pending change is written and the next edit is a new entry', () => {
    const { store, fake } = setup();
    store.getState().setSeed(9);
    fake.fire('blur');
    expect(fake.calls.push).toBe(1);
    store.getState().setSeed(10);
    fake.advance(URL_SYNC_TIMING.writeDebounceMs);
    expect(fake.calls.push).toBe(2);
  });

  it('currentLink is the full URL of the current state, fresh', () => {
    const { store, sync } = setup();
    store.getState().setSeed(77);
    expect(sync.currentLink()).toBe(`http://localhost:4181/?workers=2${linkOf((s) => (s.run.seed = 77))}`);
  });
});

describe('back, forward and the address bar', () => {
  it('back and forward restore each settled state', () => {
    const { store, fake } = setup();
    store.getState().setSeed(7);
    fake.advance(URL_SYNC_TIMING.settleMs);
    store.getState().setPaths(300);
    fake.advance(URL_SYNC_TIMING.settleMs);
    expect(fake.entries).toHaveLength(3);
    fake.back();
    expect([store.getState().seed, store.getState().paths]).toEqual([7, 1000]);
    fake.back();
    expect(shareStateOf(store.getState())).toEqual(freshPageState());
    fake.forward();
    fake.forward();
    expect([store.getState().seed, store.getState().paths]).toEqual([7, 300]);
    // Restoring writes nothing and adds no entry.
    fake.advance(5000);
    expect(fake.entries).toHaveLength(3);
  });

  it('a second event for the same entry (popstate, then hashchange) changes nothing', () => {
    const { store, fake } = setup();
    store.getState().setSeed(7);
    fake.advance(URL_SYNC_TIMING.settleMs);
    fake.back();
    const params = store.getState().params;
    fake.fire('hashchange');
    expect(store.getState().params).toBe(params);
  });

  it('a refused link typed into the address bar raises a notice and changes nothing', () => {
    const { store, fake, notices } = setup();
    store.getState().setSeed(7);
    fake.advance(URL_SYNC_TIMING.settleMs);
    fake.navigate('#v=1&s=AAAA');
    expect(store.getState().seed).toBe(7);
    expect(notices.getState().notice!.title).toMatch(/nothing was changed/);
    fake.navigate(linkOf((s) => (s.run.seed = 8)));
    expect(store.getState().seed).toBe(8);
    expect(notices.getState().notice).toBeNull();
  });

  it('stop() removes every listener and timer', () => {
    const { store, fake, sync } = setup();
    store.getState().setSeed(7);
    sync.stop();
    expect(fake.listenerCount()).toBe(0);
    fake.advance(5000);
    expect(fake.calls).toEqual({ push: 0, replace: 0 });
  });

  it('apply() is an edit: written to the URL as a new entry', () => {
    const { store, fake, sync } = setup();
    const state = defaultShareState();
    state.run.seed = 11;
    sync.apply(state);
    expect(store.getState().seed).toBe(11);
    fake.advance(URL_SYNC_TIMING.settleMs);
    expect(fake.calls.push).toBe(1);
  });
});
