// The params and view slices on their own (no run slice): an invalid value never reaches `params`, the draft
// keeps it with the problems, and the baseline is a copy of a valid proposal.
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { defaultParams, legacyDefaultParams } from '../engine/params/defaults';
import { applyEdits, createParamsSlice, getIn, setIn } from './paramsSlice';
import type { AppState } from './store';
import { createViewSlice } from './viewSlice';

function aStore() {
  return createStore<AppState>()((...a) => ({ ...createParamsSlice(...a), ...createViewSlice(...a) }) as AppState);
}

/** A store on the pre-preset defaults (no tiers, maintenance 5 % of 10 %), which the margin edits below are written against. */
function aLegacyStore() {
  const store = aStore();
  if (store.getState().setParams(legacyDefaultParams()).length > 0) throw new Error('legacy defaults refused');
  return store;
}

describe('setIn / getIn', () => {
  it('copies along the path and shares the rest', () => {
    const root = { a: { b: [1, 2, 3] }, c: { d: 1 } };
    const next = setIn(root, ['a', 'b', 1], 9) as typeof root;
    expect(next.a.b).toEqual([1, 9, 3]);
    expect(root.a.b).toEqual([1, 2, 3]);
    expect(next.c).toBe(root.c);
    expect(getIn(next, ['a', 'b', 1])).toBe(9);
    expect(getIn(next, ['a', 'x', 'y'])).toBeUndefined();
    expect(getIn({}, ['__proto__'])).toBeUndefined();
  });

  it('applies edits in order', () => {
    expect(applyEdits({ x: 1 }, [{ path: ['x'], value: 2 }, { path: ['y'], value: 3 }])).toEqual({ x: 2, y: 3 });
  });
});

describe('params slice', () => {
  it('starts with valid defaults, 1,000 paths and no baseline', () => {
    const s = aStore().getState();
    expect(s.paths).toBe(1000);
    expect(s.seed).toBe(1);
    expect(s.baseline).toBeNull();
    expect(s.draftProblems).toEqual([]);
    expect(s.draft).toEqual(s.params);
  });

  it('applies a valid edit to params at once', () => {
    const store = aLegacyStore();
    const problems = store.getState().editDraft([{ path: ['margin', 'maintenanceMarginRatio'], value: 0.07 }]);
    expect(problems).toEqual([]);
    expect(store.getState().params.margin.maintenanceMarginRatio).toBe(0.07);
  });

  it('keeps an invalid edit in the draft only, with the problem at its field', () => {
    const store = aLegacyStore();
    const before = store.getState().params;
    const problems = store.getState().editDraft([{ path: ['margin', 'maintenanceMarginRatio'], value: 0.2 }]);
    expect(problems.map((p) => p.field)).toEqual(['margin.maintenanceMarginRatio']);
    const s = store.getState();
    expect(s.params).toBe(before);
    expect(getIn(s.draft, ['margin', 'maintenanceMarginRatio'])).toBe(0.2);
    expect(s.draftProblems).toEqual(problems);

    // A valid edit elsewhere does not slip through while the draft is invalid...
    store.getState().editDraft([{ path: ['insuranceFund', 'initial'], value: '1' }]);
    expect(store.getState().params).toBe(before);
    // ...and applies with the fix.
    store.getState().editDraft([{ path: ['margin', 'maintenanceMarginRatio'], value: 0.06 }]);
    expect(store.getState().draftProblems).toEqual([]);
    expect(store.getState().params.insuranceFund.initial).toBe('1');
    expect(store.getState().params.margin.maintenanceMarginRatio).toBe(0.06);
  });

  it('setParams refuses invalid parameters and keeps the old ones', () => {
    const store = aStore();
    const before = store.getState().params;
    const bad = { ...before, margin: { ...before.margin, initialMarginRatio: 2 } };
    expect(store.getState().setParams(bad).length).toBeGreaterThan(0);
    expect(store.getState().params).toBe(before);
  });

  it('setParams replaces a broken draft with valid parameters', () => {
    const store = aStore();
    store.getState().editDraft([{ path: ['margin', 'maintenanceMarginRatio'], value: 'abc' }]);
    expect(store.getState().setParams(defaultParams())).toEqual([]);
    expect(store.getState().draftProblems).toEqual([]);
  });

  it('pins the valid proposal as the baseline, and clears it', () => {
    const store = aLegacyStore();
    store.getState().editDraft([{ path: ['margin', 'maintenanceMarginRatio'], value: 0.2 }]);
    store.getState().pinBaseline();
    expect(store.getState().baseline).toBe(store.getState().params);
    expect(store.getState().baseline?.margin.maintenanceMarginRatio).toBe(0.05);
    store.getState().clearBaseline();
    expect(store.getState().baseline).toBeNull();
  });

  it('validates seed and paths, and keeps the sample path below paths', () => {
    const store = aStore();
    expect(store.getState().setSeed(-1)).toHaveLength(1);
    expect(store.getState().setSeed(42)).toEqual([]);
    expect(store.getState().seed).toBe(42);
    expect(store.getState().setPaths(0)).toHaveLength(1);
    expect(store.getState().setPaths(100_001)).toHaveLength(1);
    store.getState().setPathIndex(900);
    expect(store.getState().pathIndex).toBe(900);
    store.getState().setPaths(500);
    expect(store.getState().paths).toBe(500);
    expect(store.getState().pathIndex).toBe(499);
    store.getState().setPathIndex(500);
    expect(store.getState().pathIndex).toBe(499);
  });

  it('reset restores defaults and clears problems, keeping the baseline', () => {
    const store = aLegacyStore();
    store.getState().pinBaseline();
    store.getState().editDraft([{ path: ['margin', 'maintenanceMarginRatio'], value: 'abc' }]);
    store.getState().setPaths(10);
    store.getState().resetParams();
    const s = store.getState();
    expect(s.draftProblems).toEqual([]);
    expect(s.paths).toBe(1000);
    expect(s.params).toEqual(defaultParams());
    expect(s.baseline).not.toBeNull();
  });
});
