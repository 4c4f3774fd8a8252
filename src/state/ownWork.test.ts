import { describe, expect, it } from 'vitest';
import { defaultParams, legacyDefaultParams } from '../engine/params/defaults';
import { holdsOwnWork } from './ownWork';

describe('holdsOwnWork', () => {
  const story = { params: legacyDefaultParams(), baseline: null };
  const pinned = { params: { ...legacyDefaultParams(), seedNote: 'x' }, baseline: legacyDefaultParams() };
  const own = { ...defaultParams(), insuranceFund: { ...defaultParams().insuranceFund, initial: '1234567' } };

  it('the defaults or a known state hold nothing of the user’s own, whatever the key order', () => {
    expect(holdsOwnWork({ params: defaultParams(), baseline: null }, [])).toBe(false);
    expect(holdsOwnWork(story, [story])).toBe(false);
    const reordered = Object.fromEntries(Object.entries(legacyDefaultParams()).reverse());
    expect(holdsOwnWork({ params: reordered, baseline: null }, [story])).toBe(false);
    expect(holdsOwnWork({ params: defaultParams(), baseline: legacyDefaultParams() }, [story, pinned])).toBe(false);
  });

  it('other parameters, or a baseline no known state pins, are the user’s own', () => {
    expect(holdsOwnWork({ params: own, baseline: null }, [story])).toBe(true);
    expect(holdsOwnWork({ params: defaultParams(), baseline: own }, [story, pinned])).toBe(true);
    expect(holdsOwnWork({ params: defaultParams(), baseline: legacyDefaultParams() }, [story])).toBe(true);
  });
});
