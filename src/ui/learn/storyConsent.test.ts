import { describe, expect, it } from 'vitest';
import { defaultParams } from '../../engine/params/defaults';
import { storyWouldReplaceWork } from './storyConsent';
import { LEARN_PRESETS } from './presets';

describe('storyWouldReplaceWork', () => {
  it('asks only when the dashboard holds parameters or a baseline of the user’s own', () => {
    expect(storyWouldReplaceWork(defaultParams(), null)).toBe(false);
    const story = LEARN_PRESETS[0]!.state;
    expect(storyWouldReplaceWork(story.params, story.baseline)).toBe(false);
    const own = { ...defaultParams(), insuranceFund: { ...defaultParams().insuranceFund, initial: '1234567' } };
    expect(storyWouldReplaceWork(own, null)).toBe(true);
    expect(storyWouldReplaceWork(defaultParams(), own)).toBe(true);
  });
});
