// Rare-event mode in a share link: `run.estimator`, a field links made before it lack (they mean plain sampling).
import { describe, expect, it } from 'vitest';
import { decodeShareState, encodeShareState } from './codec';
import { defaultShareState, freshPageState } from './shareState';

describe('run.estimator in a link', () => {
  it.each(['auto', 'plain', 'importance'] as const)("round-trips '%s'", (estimator) => {
    const state = defaultShareState();
    state.run = { ...state.run, estimator };
    const decoded = decodeShareState(encodeShareState(state));
    expect(decoded.ok && decoded.state.run.estimator).toBe(estimator);
  });

  it('is absent from a link made without it (old links keep plain sampling)', () => {
    const decoded = decodeShareState(encodeShareState(defaultShareState()));
    expect(decoded.ok).toBe(true);
    expect(Object.hasOwn(decoded.state.run, 'estimator')).toBe(false);
    // Recorded v1 link of the defaults (codec.test.ts): no estimator either.
    const v1 = decodeShareState('#v=1&s=q64FAA');
    expect(v1.ok && Object.hasOwn(v1.state.run, 'estimator')).toBe(false);
  });

  it('opens a page without a link on auto', () => {
    const decoded = decodeShareState('');
    expect(decoded.state.run.estimator).toBe('auto');
    expect(freshPageState().run.estimator).toBe('auto');
  });

  it('refuses an unknown mode, naming the field and the choices', () => {
    const state = defaultShareState();
    (state.run as unknown as Record<string, unknown>)['estimator'] = 'magic';
    const decoded = decodeShareState(encodeShareState(state));
    expect(decoded.ok).toBe(false);
    expect(!decoded.ok && decoded.problems).toEqual(["run.estimator: must be one of 'auto', 'plain', 'importance', got 'magic'"]);
  });
});
