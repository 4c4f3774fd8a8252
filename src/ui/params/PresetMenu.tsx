import { useMemo, useState } from 'react';
import { MARKET_PRESETS, marketPreset, presetParams } from '../../engine/params/marketPresets';
import { sourcesSummary } from './sourcesSummary';
import type { RiskParams } from '../../engine/params/riskParams';
import { appStore, useAppStore } from '../../state/useAppStore';

const NONE = '';

/** JSON with object keys sorted, so two parameter objects compare by content whatever their key order. */
function sortedJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** A few words on the market a parameters file describes, to say what a preset replaced. */
export function describeMarket(p: RiskParams): string {
  const scenario = p.scenario.kind === 'crash' && p.scenario.preset ? `crash (${p.scenario.preset})` : p.scenario.kind;
  const population = p.population.kind === 'generated' ? `${p.population.accounts.toLocaleString('en-US')} accounts, OI ${Number(p.population.openInterest).toLocaleString('en-US')}` : `${p.population.accounts.length.toLocaleString('en-US')} imported accounts`;
  return (
    `${scenario} scenario, start ${p.market.initialPrice}, ${population}, IMR ${p.margin.initialMarginRatio * 100} % / MMR ${p.margin.maintenanceMarginRatio * 100} %, ` +
    `fund ${Number(p.insuranceFund.initial).toLocaleString('en-US')}, ${p.lossMechanism.kind}`
  );
}

/**
 * Market presets in one menu: loading one replaces every parameter in one step, says what it replaced, and
 * can be undone (back to the parameters in force before it).
 */
export function PresetMenu() {
  const [loaded, setLoaded] = useState<{ name: string; previous: RiskParams } | null>(null);
  const preset = loaded ? marketPreset(loaded.name) : undefined;
  // The menu names the preset the parameters are (the defaults are btc-binance), not only one loaded from it.
  const params = useAppStore((s) => s.params);
  const current = useMemo(() => {
    const text = sortedJson(params);
    return MARKET_PRESETS.find((p) => sortedJson(presetParams(p)) === text)?.name ?? NONE;
  }, [params]);
  return (
    <div className="field preset-menu">
      <label htmlFor="market-preset">Market preset</label>
      <select
        id="market-preset"
        data-testid="market-preset"
        value={loaded?.name ?? current}
        onChange={(event) => {
          const next = marketPreset(event.target.value);
          if (!next) return;
          const previous = appStore.getState().params;
          const problems = appStore.getState().setParams(presetParams(next));
          if (problems.length === 0) setLoaded({ name: next.name, previous });
        }}
      >
        <option value={NONE}>Choose a sourced market…</option>
        {MARKET_PRESETS.map((p) => (
          <option key={p.name} value={p.name}>
            {p.title}
          </option>
        ))}
      </select>
      <p className="field-hint">Every value of a preset cites a public source (venue docs, data, studies); see docs/calibration.md.</p>
      {loaded && preset && (
        <div className="preset-note" role="status" data-testid="preset-note">
          <p>
            Loaded <strong>{preset.title}</strong>. {preset.summary}
          </p>
          <p className="muted">Replaced: {describeMarket(loaded.previous)}.</p>
          <button
            type="button"
            className="secondary small"
            onClick={() => {
              appStore.getState().setParams(loaded.previous);
              setLoaded(null);
            }}
          >
            Undo
          </button>
          <details>
            <summary data-testid="preset-sources-summary">Sources ({sourcesSummary(preset)})</summary>
            <ul>
              {preset.sources.map((s) => (
                <li key={`${s.field}:${s.url}`} data-basis={s.basis}>
                  <code>{s.field}</code> = {s.value} <span className="muted">[{s.basis}]</span>: {s.note}{' '}
                  <a href={s.url} target="_blank" rel="noreferrer noopener">
                    source
                  </a>
                </li>
              ))}
            </ul>
          </details>
        </div>
      )}
    </div>
  );
}
