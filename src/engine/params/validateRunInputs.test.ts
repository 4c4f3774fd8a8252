// The door every entry point (workers, CLI, share links) validates through: parameters and run options judged
// together, every problem named by its field and filed under the input it came from.
import { describe, expect, it } from 'vitest';
import { legacyDefaultParams } from './defaults';
import { requireRunInputs, validateRunInputs } from './validateRunInputs';

const params = legacyDefaultParams();
const badParams = { ...params, market: { ...params.market, steps: 0 } };

describe('validateRunInputs', () => {
  it('passes valid inputs, filling a run field left out from DEFAULT_RUN (paths 1000, seed 1)', () => {
    expect(validateRunInputs({ params, run: { seed: 7 } })).toEqual({ ok: true, params, run: { paths: 1000, seed: 7 } });
    expect(validateRunInputs({ params })).toEqual({ ok: true, params, run: { paths: 1000, seed: 1 } });
    expect(validateRunInputs({ params, run: { paths: '500', seed: 0 } })).toEqual({ ok: true, params, run: { paths: 500, seed: 0 } });
  });

  it.each([
    ['bad params, good run', badParams, { seed: 3 }, [], [{ field: 'market.steps', input: 'params' }], 'run'],
    ['good params, bad seed', params, { seed: -1 }, [], [{ field: 'seed', input: 'run' }], 'params'],
    ['both bad', badParams, { paths: 0, seed: 1.5 }, [], [{ field: 'market.steps', input: 'params' }, { field: 'paths', input: 'run' }, { field: 'seed', input: 'run' }], 'neither'],
    ['a required field missing', params, { seed: 2 }, ['paths', 'seed'] as const, [{ field: 'paths', input: 'run' }], 'params'],
    ['an unknown run field', params, { paths: 10, seed: 2, speed: 1 }, [], [{ field: 'speed', input: 'run' }], 'params'],
    ['a run that is not an object', params, [10, 2], ['paths'] as const, [{ field: '(root)', input: 'run' }], 'params'],
  ])('%s: names each problem by field and input, and keeps the input that passed', (_case, p, run, required, expected, passed) => {
    const result = validateRunInputs({ params: p, run, required });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.problems.map(({ field, input }) => ({ field, input }))).toEqual(expected);
    for (const problem of result.problems) expect(problem.message.length).toBeGreaterThan(0);
    expect(result.params).toEqual(passed === 'params' ? params : null);
    expect(result.run).toEqual(passed === 'run' ? { paths: 1000, seed: 3 } : null);
  });

  it('never throws, even on input that throws when read', () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new Error('boom'); } });
    const result = validateRunInputs({ params: hostile, run: hostile });
    expect(result.ok).toBe(false);
  });
});

describe('requireRunInputs', () => {
  it('returns the validated inputs, or throws listing every problem by field after the refusal', () => {
    expect(requireRunInputs({ params, run: { seed: 4 } })).toEqual({ params, run: { paths: 1000, seed: 4 } });
    expect(() => requireRunInputs({ params: badParams, run: { seed: -1 } }, 'Cannot trace this path')).toThrow(
      /^Cannot trace this path:\nmarket\.steps: .+\nseed: must be an integer from 0 to 9007199254740991, got -1$/,
    );
  });
});
