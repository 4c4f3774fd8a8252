// A dropped candle tape through the store, in Node: refusals name the row and column and leave the parameters
// alone; a good tape becomes the replay (market starting at its first open, four sub-steps per candle), and the
// "depth follows volume" switch edits the field and the replay's volumes together.
import { describe, expect, it } from 'vitest';
import { legacyDefaultParams } from '../engine/params/defaults';
import type { RunEngine } from './engines';
import { createAppStore } from './store';

const idle: RunEngine = { start: () => undefined, cancel: () => undefined, showPath: () => undefined, dispose: () => undefined };

function store() {
  const s = createAppStore({ run: idle });
  expect(s.getState().setParams(legacyDefaultParams())).toEqual([]);
  return s;
}

const HEADER = 'time,open,high,low,close';
/** Three 1-minute candles falling from 50; `volume` adds the column. */
const tape = (volume: boolean) =>
  [volume ? `${HEADER},volume` : HEADER, ...[0, 1, 2].map((i) => `${60 * (i + 1)},${50 - i},${50.5 - i},${48 - i},${49 - i}${volume ? `,${100 + i}` : ''}`)].join('\n');

describe('tape slice', () => {
  it('refuses a bad file naming the row and column, and changes nothing', () => {
    const s = store();
    const before = s.getState().params;
    s.getState().loadTape('bad.csv', `${HEADER}\n60,1,1,1,1\n120,1,1,1,1\n120,1,1,1,1\n`);
    expect(s.getState().tape.loaded).toBeNull();
    expect(s.getState().tape.problems.join('\n')).toContain('row 4, column time: duplicate time 120');
    expect(s.getState().params).toBe(before);
  });

  it('turns a good tape into the replay the run uses', () => {
    const s = store();
    s.getState().loadTape('crash.csv', tape(false));
    expect(s.getState().tape).toMatchObject({ problems: [], loaded: { name: 'crash.csv', candles: 3, intervalSeconds: 60, stepSeconds: 15, hasVolume: false } });
    expect(s.getState().tape.loaded!.prices).toHaveLength(12);
    const { market, scenario } = s.getState().params;
    expect(market).toEqual({ initialPrice: '50', steps: 12, stepSeconds: 15 });
    expect(scenario).toMatchObject({ kind: 'replay', noiseVolAnnual: 0 });
    expect('volumes' in scenario).toBe(false);
  });

  it('the volume switch carries the volumes and the field together, and refuses a tape without volumes', () => {
    const s = store();
    s.getState().loadTape('no-volume.csv', tape(false));
    s.getState().setTapeFollowsVolume(true);
    expect(s.getState().tape.problems[0]).toContain('the tape has no volume column');
    expect(s.getState().tape.loaded).not.toBeNull();
    expect(s.getState().params.liquidation.impact.volumeExponent).toBeUndefined();

    s.getState().loadTape('volume.csv', tape(true));
    s.getState().setTapeFollowsVolume(true);
    const exponent = s.getState().tapeLimits.volumeExponent;
    expect(s.getState().params.liquidation.impact.volumeExponent).toBe(exponent);
    expect(s.getState().params.scenario).toMatchObject({ kind: 'replay', volumes: [100, 100, 100, 100, 101, 101, 101, 101, 102, 102, 102, 102] });
    s.getState().setTapeFollowsVolume(false);
    expect(s.getState().params.liquidation.impact.volumeExponent).toBeUndefined();
    expect('volumes' in s.getState().params.scenario).toBe(false);
  });
});
