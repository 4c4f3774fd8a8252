// The 10 Oct 2025 ADL report (Planner): the page fetches the bundled per-wave file and hands its text here; the
// store parses it (every problem named), keeps the per-wave report, the published overshoot estimates and the
// policy comparison for the waves chosen. A file that cannot be read or parsed leaves the reason in words.
import type { StateCreator } from 'zustand/vanilla';
import { ADL_OVERSHOOT_ESTIMATES, adlPolicyComparison, type AdlOvershootEstimate, type AdlPolicyComparison } from '../engine/reports/adlPolicies';
import { adlWaveReport, formatAdlProblems, parseAdlWaves, type AdlWave, type AdlWaveReport } from '../engine/reports/adlWaves';
import type { AppState } from './store';

export type AdlScope = number | 'all';

export type AdlReportState =
  | { kind: 'loading' }
  | {
      kind: 'ready';
      waves: AdlWave[];
      report: AdlWaveReport;
      /** Published estimates of the overshoot (method and source each). */
      estimates: readonly AdlOvershootEstimate[];
      /** Which waves the policy comparison covers, and the comparison on them. */
      scope: AdlScope;
      comparison: AdlPolicyComparison;
    }
  | { kind: 'unavailable'; message: string };

export interface AdlReportSlice {
  adlReport: AdlReportState;
  /** Parses the per-wave CSV text (policy_per_wave_metrics.csv) into the report, or keeps its problems. */
  readAdlWaves: (csvText: string) => void;
  /** The file could not be fetched: the reason, in words. */
  adlWavesUnavailable: (reason: string) => void;
  /** Compares the policies on one wave or on all of them. */
  setAdlScope: (scope: AdlScope) => void;
}

export const createAdlReportSlice: StateCreator<AppState, [], [], AdlReportSlice> = (set, get) => ({
  adlReport: { kind: 'loading' },
  readAdlWaves: (csvText) => {
    const parsed = parseAdlWaves(csvText);
    if (!parsed.ok) {
      set({ adlReport: { kind: 'unavailable', message: formatAdlProblems(parsed.problems) } });
      return;
    }
    const { waves } = parsed;
    set({ adlReport: { kind: 'ready', waves, report: adlWaveReport(waves), estimates: ADL_OVERSHOOT_ESTIMATES, scope: 'all', comparison: adlPolicyComparison(waves, 'all') } });
  },
  adlWavesUnavailable: (reason) => set({ adlReport: { kind: 'unavailable', message: `the data file could not be loaded (${reason})` } }),
  setAdlScope: (scope) => {
    const current = get().adlReport;
    if (current.kind !== 'ready' || current.scope === scope) return;
    set({ adlReport: { ...current, scope, comparison: adlPolicyComparison(current.waves, scope) } });
  },
});
