import { useRef } from 'react';
import { defaultParams } from '../../engine/params/defaults';
import type { CrashPresetId, ScenarioKind, ScenarioParams } from '../../engine/params/riskParams';
import type { CrashPreset } from '../../engine/scenario/crashPresets';
import { crashPresetDraft } from '../../state/crashPresetSlice';
import type { DraftEdit } from '../../state/paramsSlice';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatHorizon } from '../format';
import { BOOTSTRAP_FIELDS, CRASH_FIELDS, GBM_FIELDS, JUMP_FIELDS, MARKET_FIELDS, REPLAY_FIELDS } from './fieldSpecs';
import { ParamField, SelectField } from './ParamField';
import { ReplayPricesInput } from './ReplayPricesInput';
import { exampleReplayPrices } from './replayPrices';
import { Section } from './Section';
import { TapeInput } from './TapeInput';
import { useDraftValue } from './useDraftValue';

const KIND_OPTIONS: { value: ScenarioKind; label: string; hint: string }[] = [
  { value: 'gbm', label: 'Random walk (GBM)', hint: 'Geometric Brownian motion: steady volatility, no gaps.' },
  { value: 'jump', label: 'Random walk with gaps (jump diffusion)', hint: 'Merton jump diffusion: a random walk plus sudden price gaps, the moves that push positions past their bankruptcy price.' },
  { value: 'crash', label: 'Stylized crash', hint: 'A drawdown over a set time, a partial recovery and noise on top; presets follow documented events.' },
  { value: 'replay', label: 'Replay a price series', hint: 'Your own series (pasted or uploaded), optionally with noise so paths differ.' },
  { value: 'bootstrap', label: 'Historical bootstrap', hint: 'Each path strings together random blocks of a historical series’ returns, so the tails come from real data. Load a tape below and choose “Bootstrap this tape”.' },
];

/** The crash preset every fresh crash starts from: a one-day event, so the horizon need not change. */
const FIRST_CRASH: CrashPresetId = 'may-2021';
const CUSTOM = 'custom';

/** Clears the preset when a crash field is edited: the shape no longer is the documented one. */
const CLEAR_PRESET: DraftEdit[] = [{ path: ['scenario', 'preset'], value: null }];

function scenarioSummary(scenario: Partial<ScenarioParams> | undefined, steps: unknown, stepSeconds: unknown, presets: readonly CrashPreset[]): string {
  const horizon = typeof steps === 'number' && typeof stepSeconds === 'number' ? formatHorizon(steps, stepSeconds) : '';
  const kind = KIND_OPTIONS.find((o) => o.value === scenario?.kind)?.label ?? '';
  const named = scenario?.kind === 'crash' && scenario.preset ? presets.find((p) => p.id === scenario.preset) : undefined;
  const preset = named ? ` · ${named.label.split(' — ')[0]}` : '';
  return `${kind}${preset}${horizon ? ` · ${horizon}` : ''}`;
}

/** Market and price scenario: the model picker, its fields, crash presets with their facts, replay input. */
export function ScenarioSection() {
  const scenario = useDraftValue(['scenario']) as Partial<ScenarioParams> | undefined;
  const steps = useDraftValue(['market', 'steps']);
  const stepSeconds = useDraftValue(['market', 'stepSeconds']);
  const initialPrice = useAppStore((s) => s.params.market.initialPrice);
  const presets = useAppStore((s) => s.crashPresets);
  // The last scenario of each kind, so switching away and back restores what was there.
  const memory = useRef<Partial<Record<ScenarioKind, unknown>>>({});
  const kind = scenario?.kind ?? 'gbm';

  const switchKind = (next: ScenarioKind) => {
    if (next === kind) return;
    memory.current[kind] = scenario;
    const remembered = memory.current[next];
    const edits: DraftEdit[] = [];
    if (remembered) {
      edits.push({ path: ['scenario'], value: remembered });
      if (next === 'replay') {
        const prices = (remembered as { prices?: unknown[] }).prices;
        if (Array.isArray(prices)) edits.push({ path: ['market', 'steps'], value: prices.length });
      }
    } else if (next === 'gbm') {
      edits.push({ path: ['scenario'], value: { kind: 'gbm', driftAnnual: 0, volAnnual: 0.8 } });
    } else if (next === 'jump') {
      edits.push({ path: ['scenario'], value: defaultParams().scenario });
    } else if (next === 'crash') {
      const first = crashPresetDraft(FIRST_CRASH);
      edits.push({ path: ['scenario'], value: first.scenario }, { path: ['market', 'steps'], value: first.steps });
    } else if (next === 'bootstrap') {
      const n = typeof steps === 'number' && steps >= 2 ? steps : 1440;
      edits.push({ path: ['scenario'], value: { kind: 'bootstrap', prices: exampleReplayPrices(n, Number(initialPrice) || 100), blockSteps: 30 } });
    } else {
      const n = typeof steps === 'number' && steps >= 2 ? steps : 1440;
      edits.push({ path: ['scenario'], value: { kind: 'replay', prices: exampleReplayPrices(n, Number(initialPrice) || 100), noiseVolAnnual: 0.3 } });
    }
    appStore.getState().editDraft(edits);
  };

  const preset = scenario?.kind === 'crash' ? (scenario.preset ?? null) : null;
  const presetInfo = preset ? (presets.find((p) => p.id === preset) ?? null) : null;

  return (
    <Section id="section-scenario" title="Market & scenario" summary={scenarioSummary(scenario, steps, stepSeconds, presets)} fields={['market', 'scenario']} open phoneOpen={false}>
      <SelectField
        id="param-scenario-kind"
        label="Price model"
        hint={KIND_OPTIONS.find((o) => o.value === kind)?.hint ?? null}
        value={kind}
        options={KIND_OPTIONS}
        onChange={switchKind}
      />
      {kind === 'crash' && (
        <>
          <SelectField
            id="param-scenario-preset"
            label="Crash preset"
            hint="Fills the crash fields (and the horizon) with the shape of a documented event."
            value={preset ?? CUSTOM}
            options={[{ value: CUSTOM, label: 'Custom shape' }, ...presets.map((p) => ({ value: p.id, label: p.label }))]}
            onChange={(id) => {
              appStore.getState().applyCrashPreset(id === CUSTOM ? null : (id as CrashPresetId));
            }}
          />
          {presetInfo && (
            <aside className="preset-facts" aria-label="What this preset is based on">
              <p>
                <strong>{presetInfo.label}</strong>
              </p>
              <p>{presetInfo.facts}</p>
              <p data-testid="crash-preset-stylized-after">{presetInfo.stylizedAfter}</p>
              <ul className="preset-record" data-testid="crash-preset-record">
                <li>Worst minute: {presetInfo.record.worstMinute}</li>
                <li>Liquidity: {presetInfo.record.liquidityVacuum}</li>
                <li>Liquidation backlog: {presetInfo.record.keeperBacklog}</li>
              </ul>
              <p className="muted">
                Horizon {formatHorizon(presetInfo.steps, 60)} ({presetInfo.steps.toLocaleString('en-US')} one-minute steps). Sources:{' '}
                {presetInfo.sources} in the project’s research notes (mechanisms.md §11, §13). Stylized, not a replay.
              </p>
            </aside>
          )}
        </>
      )}
      {kind === 'bootstrap' && (
        <>
          <p className="muted" data-testid="bootstrap-summary">
            Resampling {Array.isArray((scenario as { prices?: unknown[] }).prices) ? (scenario as { prices: unknown[] }).prices.length.toLocaleString('en-US') : 0} historical prices.
          </p>
          {BOOTSTRAP_FIELDS.map((spec) => (
            <ParamField key={spec.path.join('.')} spec={spec} />
          ))}
        </>
      )}
      {kind === 'gbm' && GBM_FIELDS.map((spec) => <ParamField key={spec.path.join('.')} spec={spec} />)}
      {kind === 'jump' && JUMP_FIELDS.map((spec) => <ParamField key={spec.path.join('.')} spec={spec} />)}
      {kind === 'crash' && CRASH_FIELDS.map((spec) => <ParamField key={spec.path.join('.')} spec={spec} alsoEdit={CLEAR_PRESET} />)}
      {kind === 'replay' && (
        <>
          <ReplayPricesInput />
          {REPLAY_FIELDS.map((spec) => (
            <ParamField key={spec.path.join('.')} spec={spec} />
          ))}
        </>
      )}
      <TapeInput />
      <div className="field-group" role="group" aria-label="Market">
        {MARKET_FIELDS.map((spec) => (
          <ParamField key={spec.path.join('.')} spec={spec} />
        ))}
      </div>
    </Section>
  );
}
