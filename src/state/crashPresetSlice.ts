// Crash presets on the page: the catalogue the picker offers (labels, the public record and its sources, each
// preset's horizon) and applying one — the crash fields and the horizon in one edit, so one run.
import type { StateCreator } from 'zustand/vanilla';
import type { CrashPresetId, CrashScenario } from '../engine/params/riskParams';
import { CRASH_PRESETS, CRASH_PRESETS_BY_ID, crashPresetScenario, type CrashPreset } from '../engine/scenario/crashPresets';
import type { AppState } from './store';

/** Presets are one-minute shapes: their horizons count one-minute steps. */
const PRESET_STEP_SECONDS = 60;

export interface CrashPresetSlice {
  crashPresets: readonly CrashPreset[];
  /** Fills the crash fields and the horizon with a preset's shape; null keeps the fields and clears the preset
   * (a custom shape). */
  applyCrashPreset: (id: CrashPresetId | null) => void;
}

/** A fresh, editable copy of a preset's scenario and its horizon in steps (a new crash starts from one). */
export function crashPresetDraft(id: CrashPresetId): { scenario: CrashScenario; steps: number } {
  return { scenario: crashPresetScenario(id), steps: CRASH_PRESETS_BY_ID[id].steps };
}

export const createCrashPresetSlice: StateCreator<AppState, [], [], CrashPresetSlice> = (_set, get) => ({
  crashPresets: CRASH_PRESETS,
  applyCrashPreset: (id) => {
    if (id === null) {
      get().editDraft([{ path: ['scenario', 'preset'], value: null }]);
      return;
    }
    const { scenario, steps } = crashPresetDraft(id);
    get().editDraft([
      { path: ['scenario'], value: scenario },
      { path: ['market', 'steps'], value: steps },
      { path: ['market', 'stepSeconds'], value: PRESET_STEP_SECONDS },
    ]);
  },
});
