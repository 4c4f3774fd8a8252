import { describe, expect, it } from 'vitest';
import { CRASH_PRESET_IDS } from '../engine/params/riskParams';
import { CRASH_PRESETS_BY_ID } from '../engine/scenario/crashPresets';
import { crashPresetDraft } from './crashPresetSlice';
import type { RunEngine } from './engines';
import { createAppStore } from './store';

const idle: RunEngine = { start: () => undefined, cancel: () => undefined, showPath: () => undefined, dispose: () => undefined };

describe('crash preset slice', () => {
  it('offers every preset, in the order of their ids', () => {
    const store = createAppStore({ run: idle });
    expect(store.getState().crashPresets.map((p) => p.id)).toEqual([...CRASH_PRESET_IDS]);
  });

  it('applying one sets its shape and its one-minute horizon in one edit; null makes the shape custom', () => {
    const store = createAppStore({ run: idle });
    store.getState().editDraft([{ path: ['market', 'stepSeconds'], value: 15 }]);
    const edits: unknown[] = [];
    store.subscribe((s, prev) => s.params !== prev.params && edits.push(s.params));
    store.getState().applyCrashPreset('ftx-2022');
    const { scenario, market } = store.getState().params;
    expect(edits).toHaveLength(1);
    expect(scenario).toEqual({ ...CRASH_PRESETS_BY_ID['ftx-2022'].scenario });
    expect([market.steps, market.stepSeconds]).toEqual([CRASH_PRESETS_BY_ID['ftx-2022'].steps, 60]);
    store.getState().applyCrashPreset(null);
    expect(store.getState().params.scenario).toMatchObject({ kind: 'crash', preset: null });
    expect({ ...store.getState().params.scenario, preset: 'ftx-2022' }).toEqual(scenario);
  });

  it('a draft is a fresh copy: editing it does not touch the preset', () => {
    const draft = crashPresetDraft('may-2021');
    (draft.scenario as { drawdown: number }).drawdown = 0.99;
    expect(CRASH_PRESETS_BY_ID['may-2021'].scenario.drawdown).not.toBe(0.99);
  });
});
