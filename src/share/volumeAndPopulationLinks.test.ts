// Two link fields added in stop 24 (issue 15): run.populationCi (the interval that includes population
// resampling is shown) and a replay's volumes with liquidation.impact.volumeExponent (book depth follows volume).
// Links made before them must open exactly as they did: OLD_REPLAY_LINK below was produced by encodeShareState on
// main at 85f7294 (before either field existed) and pasted here as a literal.
import { describe, expect, it } from 'vitest';
import { legacyDefaultParams } from '../engine/params/defaults';
import { decodeShareState, encodeShareState } from './codec';
import { defaultShareState, type ShareState } from './shareState';
import { shareStateOf, storePatchOf } from '../state/urlSync';
import type { AppState } from '../state/store';

const OLD_REPLAY_LINK =
  'v=2&s=dZUxDoQgEEUvtDGuLpvdI3gCKwsLo0RFo7bc3T-MRJGxgWIGGJL__r9S-EieuoAHUgLq3kqmTogvd83nj0VRDCkoPNi-VP5xT_WKYg6jBwzfnS5AOi6KfMttDLtcO9i_F2PhSxL2qOOPp2S3ThvjEinDF-dmGWsDer0NMJ994frLRrcdTqVJDqBXeLhz0lEb_xYb5aFZsMLjpElGXj0NFOieGxsLjyZg2eXW7g&c=23ec3dda3c3a';
const PRICES = ['50', '49', '51', '50.5', '50.5', '50.6', '48', '49'];

function replayState(): ShareState {
  const state = defaultShareState();
  const params = legacyDefaultParams();
  params.market = { initialPrice: '50', steps: 8, stepSeconds: 15 };
  params.scenario = { kind: 'replay', prices: [...PRICES], noiseVolAnnual: 0 };
  state.params = params;
  state.run = { paths: 20, seed: 3 };
  return state;
}

describe('run.populationCi in a link', () => {
  it('round-trips on; off is never written, so the link of a state without it is unchanged', () => {
    const on = replayState();
    on.run = { ...on.run, populationCi: true };
    const decoded = decodeShareState(encodeShareState(on));
    expect(decoded.ok && decoded.state.run.populationCi).toBe(true);
    expect(encodeShareState(replayState())).toBe(OLD_REPLAY_LINK);
  });

  it('an old link opens with it off, and the store maps it both ways', () => {
    const old = decodeShareState(OLD_REPLAY_LINK);
    expect(old.ok).toBe(true);
    expect(Object.hasOwn(old.state.run, 'populationCi')).toBe(false);
    expect(storePatchOf(old.state).populationCi).toBe(false);
    const on = replayState();
    on.run = { ...on.run, populationCi: true };
    expect(storePatchOf(on).populationCi).toBe(true);
    const store = { ...storePatchOf(on), estimator: 'plain' } as AppState;
    expect(shareStateOf(store).run).toEqual({ paths: 20, seed: 3, populationCi: true });
    expect(shareStateOf({ ...store, populationCi: false }).run).toEqual({ paths: 20, seed: 3 });
  });

  it('false in a link reads as off; anything else is refused, naming the field', () => {
    const off = replayState();
    (off.run as unknown as Record<string, unknown>)['populationCi'] = false;
    const decoded = decodeShareState(encodeShareState(off));
    expect(decoded.ok && Object.hasOwn(decoded.state.run, 'populationCi')).toBe(false);
    const bad = replayState();
    (bad.run as unknown as Record<string, unknown>)['populationCi'] = 'yes';
    const refused = decodeShareState(encodeShareState(bad));
    expect(!refused.ok && refused.problems).toEqual(["run.populationCi: must be true or false, got 'yes'"]);
  });
});

describe('a replay’s volumes and liquidation.impact.volumeExponent in a link', () => {
  it('an old replay link opens exactly as it was made: no volumes, no exponent', () => {
    const old = decodeShareState(OLD_REPLAY_LINK);
    if (!old.ok) throw new Error(old.problems.join('\n'));
    expect(old.state.params.scenario).toEqual({ kind: 'replay', prices: PRICES, noiseVolAnnual: 0 });
    expect(Object.hasOwn(old.state.params.liquidation.impact, 'volumeExponent')).toBe(false);
    expect(old.state).toEqual(replayState());
  });

  it('round-trips both fields', () => {
    const state = replayState();
    state.params.scenario = { kind: 'replay', prices: [...PRICES], noiseVolAnnual: 0, volumes: [5, 5, 5, 5, 0, 0, 0.5, 20] };
    state.params.liquidation.impact = { ...state.params.liquidation.impact, volumeExponent: 0.75 };
    const decoded = decodeShareState(encodeShareState(state));
    if (!decoded.ok) throw new Error(decoded.problems.join('\n'));
    expect(decoded.state.params).toEqual(state.params);
  });

  it('a link with bad volumes is refused, naming the field', () => {
    const state = replayState();
    state.params.scenario = { kind: 'replay', prices: [...PRICES], noiseVolAnnual: 0, volumes: [1, 2, 3] };
    const decoded = decodeShareState(encodeShareState(state));
    expect(!decoded.ok && decoded.problems.join('\n')).toContain('params.scenario.volumes: has 3 volumes but prices has 8');
  });
});
