import { describe, expect, it } from 'vitest';
import { ENGINE_VERSION, runIdOf } from '../engine/identity';
import { defaultParams } from '../engine/params/defaults';
import { runIdentityOf, selectRunIdentity } from './runIdentity';

describe('run identity', () => {
  it('is the run id simulate --json prints, with its short form and the engine version', () => {
    const params = defaultParams();
    const id = runIdOf({ params, seed: 7, paths: 100 });
    expect(runIdentityOf(params, 7, 100)).toEqual({ runId: id, shortId: id.slice(0, 12), engineVersion: ENGINE_VERSION });
  });

  it('keeps its answer while params, seed and paths are the same objects, and follows any change', () => {
    const params = defaultParams();
    const first = selectRunIdentity({ params, seed: 1, paths: 10 });
    expect(selectRunIdentity({ params, seed: 1, paths: 10 })).toBe(first);
    const reseeded = selectRunIdentity({ params, seed: 2, paths: 10 });
    expect(reseeded.runId).not.toBe(first.runId);
    expect(reseeded.runId).toBe(runIdOf({ params, seed: 2, paths: 10 }));
  });
});
