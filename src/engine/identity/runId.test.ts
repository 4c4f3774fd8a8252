import { describe, expect, it } from 'vitest';
import { defaultParams } from '../params/defaults';
import { canonicalJson } from './canonicalJson';
import { ENGINE_VERSION } from './engineVersion';
import { runIdOf, shortRunId } from './runId';
import { sha256Hex } from './sha256';

describe('runIdOf', () => {
  const run = { params: defaultParams(), seed: 1, paths: 1000 };

  it('is the sha-256 of the canonical JSON of engine version, parameters, seed, paths and data', () => {
    const expected = sha256Hex(canonicalJson({ engineVersion: ENGINE_VERSION, params: run.params, seed: 1, paths: 1000, data: null }));
    expect(runIdOf(run)).toBe(expected);
    expect(runIdOf(run)).toMatch(/^[0-9a-f]{64}$/);
    expect(shortRunId(runIdOf(run))).toBe(expected.slice(0, 12));
  });

  it('ignores key order but changes with every input that can change a number', () => {
    const shuffled = Object.fromEntries(Object.entries(run.params).reverse()) as typeof run.params;
    expect(runIdOf({ ...run, params: shuffled })).toBe(runIdOf(run));
    const other = defaultParams();
    other.margin.maintenanceMarginRatio = 0.06;
    const ids = new Set([
      runIdOf(run),
      runIdOf({ ...run, params: other }),
      runIdOf({ ...run, seed: 2 }),
      runIdOf({ ...run, paths: 999 }),
      runIdOf({ ...run, data: 'sha256:abc' }),
      runIdOf(run, '0.0.0-other'),
    ]);
    expect(ids.size).toBe(6);
  });
});
