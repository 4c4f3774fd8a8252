/**
 * Crash presets: shapes taken from documented events (research/mechanisms.md §11). They are stylized, not
 * replays: one linear leg in log price, a linear partial recovery, GBM noise. The drawdowns and durations
 * follow the public facts cited; the noise volatility, the hour of calm before the fall and (where the table
 * gives none) the recovery are our choices, said so in each preset's facts.
 */
import { CRASH_PRESET_IDS, type CrashPresetId, type CrashScenario } from '../params/riskParams';

export interface CrashPreset {
  readonly id: CrashPresetId;
  /** Short name for a picker, ending "(stylized)". */
  readonly label: string;
  /** The public stylized facts the shape follows, and what was chosen rather than documented. */
  readonly facts: string;
  /** Source keys of research/mechanisms.md §13. */
  readonly sources: string;
  readonly scenario: Readonly<CrashScenario>;
  /** Suggested horizon in 1-minute steps (stepSeconds 60), long enough to show the recovery. */
  readonly steps: number;
}

/** Every preset starts after an hour of calm, so accounts are open and solvent at the first steps. */
const CALM_MINUTES = 60;

type CrashShape = Omit<CrashScenario, 'kind' | 'preset'>;

function preset(fields: Omit<CrashPreset, 'scenario'> & { shape: CrashShape }): CrashPreset {
  const { shape, ...rest } = fields;
  return Object.freeze({ ...rest, scenario: Object.freeze({ kind: 'crash', preset: fields.id, ...shape }) });
}

/** The five presets keyed by id. */
export const CRASH_PRESETS_BY_ID: Readonly<Record<CrashPresetId, CrashPreset>> = Object.freeze({
  'mar-2020': preset({
    id: 'mar-2020',
    label: '12 Mar 2020 — Black Thursday, BTC (stylized)',
    facts:
      'Stylized: BTC fell about 50 % (≈ $7,900 → ≈ $3,800; BitMEX XBTUSD −51 %) in two legs over about 16 ' +
      'hours; here one leg of −50 % over 16 h, then a quarter of the drop regained over 8 h (the rebound is our ' +
      'choice).',
    sources: '[BM12][CR2][CR1][CR7a][BM4][CR3]',
    steps: 1800,
    shape: {
      drawdown: 0.5,
      startMinute: CALM_MINUTES,
      crashMinutes: 960,
      recovery: 0.25,
      recoveryMinutes: 480,
      volAnnual: 1.5,
    },
  }),
  'may-2021': preset({
    id: 'may-2021',
    label: '19 May 2021 — intraday crash, BTC (stylized)',
    facts:
      'Stylized: BTC fell about 31 % from the day high (≈ $43 k → $30,202) within one session, then rebounded; ' +
      'here −31 % over 4 h, then half of the drop regained over 6 h (duration and rebound size are our ' +
      'choices).',
    sources: '[CR4a][CR4b][CR4c][CR7a]',
    steps: 1440,
    shape: {
      drawdown: 0.31,
      startMinute: CALM_MINUTES,
      crashMinutes: 240,
      recovery: 0.5,
      recoveryMinutes: 360,
      volAnnual: 1.2,
    },
  }),
  'luna-2022': preset({
    id: 'luna-2022',
    label: '7–13 May 2022 — LUNA collapse, LUNA perp (stylized)',
    facts:
      'Stylized: LUNA fell from $80 to $0.69 in five days (about −99 %) as UST lost its peg; here a LUNA ' +
      'perpetual bleeding −99 % over 5 days with no recovery (BTC itself fell about 25 % over three days).',
    sources: '[CR5a][CR5b][CR5c][CR5d][DR10]',
    steps: 8640,
    shape: {
      drawdown: 0.99,
      startMinute: CALM_MINUTES,
      crashMinutes: 7200,
      recovery: 0,
      recoveryMinutes: 0,
      volAnnual: 3,
    },
  }),
  'ftx-2022': preset({
    id: 'ftx-2022',
    label: '8–10 Nov 2022 — FTX collapse, FTT perp (stylized)',
    facts:
      "Stylized: FTX's token FTT lost about 90 % in the main leg of 8–10 Nov 2022 (BTC fell a more moderate ≈ " +
      '26 % over two weeks); here an FTT perpetual falling −90 % over 2 days with no recovery.',
    sources: '[CR6a][CR6b][CR6c][CR7a]',
    steps: 4320,
    shape: {
      drawdown: 0.9,
      startMinute: CALM_MINUTES,
      crashMinutes: 2880,
      recovery: 0,
      recoveryMinutes: 0,
      volAnnual: 2.5,
    },
  }),
  'oct-2025': preset({
    id: 'oct-2025',
    label: '10 Oct 2025 — 45-minute cascade, BTC (stylized)',
    facts:
      'Stylized: BTC fell about 12 % in 45 minutes (≈ $122 k → under $107 k) while many alts fell 70–90 %; here ' +
      'BTC −12 % over 45 min, then 40 % of the drop regained over 4 h (the rebound is our choice).',
    sources: '[CR7a][CR7b][CR7c][CR7d][HL9][HL6][HL8]',
    steps: 1440,
    shape: {
      drawdown: 0.12,
      startMinute: CALM_MINUTES,
      crashMinutes: 45,
      recovery: 0.4,
      recoveryMinutes: 240,
      volAnnual: 1,
    },
  }),
});

/** The presets in CRASH_PRESET_IDS order (chronological), for pickers and tables. */
export const CRASH_PRESETS: readonly CrashPreset[] = Object.freeze(
  CRASH_PRESET_IDS.map((id) => CRASH_PRESETS_BY_ID[id]),
);

/** A fresh, editable copy of a preset's crash scenario (preset set to its id). */
export function crashPresetScenario(id: CrashPresetId): CrashScenario {
  return { ...CRASH_PRESETS_BY_ID[id].scenario };
}
