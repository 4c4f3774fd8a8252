// The ADL report's store actions in Node, on the bundled per-wave file: parsed into the report with the
// comparison for all waves, one wave chosen, and a broken or missing file kept as a reason in words.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adlPolicyComparison } from '../engine/reports/adlPolicies';
import type { RunEngine } from './engines';
import { createAppStore } from './store';

const idle: RunEngine = { start: () => undefined, cancel: () => undefined, showPath: () => undefined, dispose: () => undefined };
const CSV = readFileSync('public/data/chitra-adl/policy_per_wave_metrics.csv', 'utf8');

describe('ADL report slice', () => {
  it('parses the 16 waves of 10 Oct 2025 and compares the policies on all, then on one', () => {
    const store = createAppStore({ run: idle });
    expect(store.getState().adlReport).toEqual({ kind: 'loading' });
    store.getState().readAdlWaves(CSV);
    const ready = store.getState().adlReport;
    if (ready.kind !== 'ready') throw new Error(`not ready: ${JSON.stringify(ready)}`);
    expect(ready.waves).toHaveLength(16);
    expect(ready.report.totals.waves).toBe(16);
    expect(ready.estimates.length).toBeGreaterThan(1);
    expect(ready.scope).toBe('all');
    expect(ready.comparison).toEqual(adlPolicyComparison(ready.waves, 'all'));
    const wave = ready.waves[2]!.wave;
    store.getState().setAdlScope(wave);
    const one = store.getState().adlReport;
    expect(one.kind === 'ready' && [one.scope, one.comparison]).toEqual([wave, adlPolicyComparison(ready.waves, wave)]);
  });

  it('keeps the problems of a broken file, and why a file could not be fetched', () => {
    const store = createAppStore({ run: idle });
    store.getState().readAdlWaves('wave,t_start\n1,x\n');
    expect(store.getState().adlReport).toMatchObject({ kind: 'unavailable' });
    expect((store.getState().adlReport as { message: string }).message).toMatch(/\S/);
    store.getState().setAdlScope(1);
    expect(store.getState().adlReport.kind).toBe('unavailable');
    store.getState().adlWavesUnavailable('HTTP 404');
    expect(store.getState().adlReport).toEqual({ kind: 'unavailable', message: 'the data file could not be loaded (HTTP 404)' });
  });
});
