// Heavy runs (issue 18 §6): the cost of a run is estimated before it starts; a link asking for more than ~30 s
// is held until the visitor agrees (the page keeps its state meanwhile); large explicit populations are pointed
// to a parameters file or a saved proposal instead of a link.
import { describe, expect, it } from 'vitest';
import type { RunEngine } from './engines';
import { encodeShareState } from '../share/codec';
import { LINK_COMFORT_CHARS, linkAdvice } from '../share/linkBudget';
import { defaultShareState, type ShareState } from '../share/shareState';
import { createHeavyRunStore, heavyRunGate } from './heavyRunGate';
import { HEAVY_RUN_SECONDS, estimateRunCost, formatBytes, formatDuration } from './runCost';
import { createAppStore } from './store';
import { createLinkNoticeStore, startUrlSync, type UrlSyncHost } from './urlSync';

const engine: RunEngine = { start: () => undefined, cancel: () => undefined, showPath: () => undefined, dispose: () => undefined };

function host(hash: string): UrlSyncHost {
  return {
    location: { hash, pathname: '/', search: '', origin: 'http://localhost' },
    history: { state: null, replaceState: () => undefined, pushState: () => undefined },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    setTimeout: () => 0,
    clearTimeout: () => undefined,
  };
}

const state = (edit: (s: ShareState) => void): ShareState => {
  const s = defaultShareState();
  edit(s);
  return s;
};

/** The link: 10⁶ accounts × 10⁵ steps × 10⁵ paths (ETA 6.6 h, 1.7 GB, and no prompt). */
const MONSTER = state((s) => {
  if (s.params.population.kind === 'generated') s.params.population = { ...s.params.population, accounts: 1_000_000 };
  s.params.market = { ...s.params.market, steps: 100_000 };
  s.run = { paths: 100_000, seed: 42 };
});

describe('estimateRunCost', () => {
  it('the default run is light (well under the prompt threshold)', () => {
    expect(estimateRunCost(defaultShareState(), 2).seconds).toBeLessThan(2);
  });

  it('the issue\'s monster link costs hours and about a gigabyte', () => {
    const cost = estimateRunCost(MONSTER, 4);
    expect(cost.seconds).toBeGreaterThan(3600);
    expect(cost.bytes).toBeGreaterThan(5e8);
    expect(formatDuration(cost.seconds)).toMatch(/^about \d+\.\d h$/);
  });

  it('grows with paths, steps, accounts and a baseline; shrinks with workers', () => {
    const base = estimateRunCost(defaultShareState(), 2).seconds;
    expect(estimateRunCost(state((s) => (s.run.paths = 10_000)), 2).seconds).toBeGreaterThan(5 * base);
    expect(estimateRunCost(state((s) => (s.baseline = s.params)), 2).seconds).toBeGreaterThan(1.5 * base);
    expect(estimateRunCost(defaultShareState(), 8).seconds).toBeLessThan(base);
  });

  it('formats durations and sizes for people', () => {
    expect(formatDuration(0.2)).toBe('about 1 s');
    expect(formatDuration(45)).toBe('about 45 s');
    expect(formatDuration(600)).toBe('about 10 min');
    expect(formatDuration(23_760)).toBe('about 6.6 h');
    expect(formatBytes(1.7e9)).toBe('1.7 GB');
    expect(formatBytes(3.5e8)).toBe('350 MB');
  });
});

describe('a heavy link waits for the visitor', () => {
  const open = (share: ShareState) => {
    const store = createAppStore({ run: engine }, { schedule: () => undefined });
    const heavy = createHeavyRunStore();
    startUrlSync(store, host(`#${encodeShareState(share)}`), { notices: createLinkNoticeStore(), admit: heavyRunGate(2, heavy) });
    return { store, heavy };
  };

  it('holds a link estimated above 30 s: the page keeps the defaults and shows the cost', () => {
    const { store, heavy } = open(MONSTER);
    expect(store.getState().seed).toBe(defaultShareState().run.seed);
    expect(store.getState().params.market.steps).toBe(defaultShareState().params.market.steps);
    const pending = heavy.getState().pending;
    expect(pending?.cost.seconds).toBeGreaterThan(HEAVY_RUN_SECONDS);
    expect(pending?.cost).toMatchObject({ accounts: 1_000_000, steps: 100_000, paths: 100_000 });
  });

  it('applies it when the visitor agrees', () => {
    const { store, heavy } = open(MONSTER);
    heavy.getState().accept();
    expect(store.getState().seed).toBe(42);
    expect(store.getState().params.market.steps).toBe(100_000);
    expect(heavy.getState().pending).toBeNull();
  });

  it('drops it when the visitor declines', () => {
    const { store, heavy } = open(MONSTER);
    heavy.getState().decline();
    expect(heavy.getState().pending).toBeNull();
    expect(store.getState().seed).toBe(defaultShareState().run.seed);
  });

  it('opens a light link at once, without asking', () => {
    const { store, heavy } = open(state((s) => (s.run = { paths: 500, seed: 42 })));
    expect(store.getState().seed).toBe(42);
    expect(heavy.getState().pending).toBeNull();
  });
});

describe('large explicit populations travel in a file, and the page says so', () => {
  const explicit = (n: number) =>
    state((s) => {
      s.params.population = {
        kind: 'explicit',
        accounts: Array.from({ length: n }, (_, i) => ({ id: `a${i}`, side: i % 2 ? 'long' : 'short', size: String(1 + (i % 97)), entryPrice: '100', collateral: String(500 + i) })),
      };
    });

  it('a small state: the link is fine', () => {
    expect(linkAdvice(defaultShareState(), 40)).toEqual({ kind: 'fine' });
  });

  it('a link past the comfortable length names the population and the way to share it', () => {
    const big = explicit(20_000);
    const link = encodeShareState(big);
    expect(link.length).toBeGreaterThan(LINK_COMFORT_CHARS);
    const advice = linkAdvice(big, link.length);
    expect(advice.kind).toBe('long');
    expect(advice.kind !== 'fine' && advice.text).toMatch(/explicit population of 20,000 accounts.*parameters file \(Export parameters\) or save it as a proposal/);
  });

  it('past the decoder\'s limit the state is too large for a link at all', () => {
    const advice = linkAdvice(explicit(3), 2_500_000);
    expect(advice.kind).toBe('too-long');
    expect(advice.kind !== 'fine' && advice.text).toMatch(/too large for a link \(2,500 kB/);
  });
});
