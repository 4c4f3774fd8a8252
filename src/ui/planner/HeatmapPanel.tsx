import { useEffect, useMemo, useState } from 'react';
import { SWEEPABLE_PARAMS, paramPathProblem, readParam, sweepableParam } from '../../engine/params/sweepableParams';
import type { RiskParams } from '../../engine/params/riskParams';
import '../trust.css';
import type { HeatmapSpec } from '../../state/plannerSlice';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatPercent, formatQuote } from '../format';
import { applicableParams, defaultSweep, formatParamTick, formatParamValue, formatP, HEAT_LEGEND_STOPS, heatColor, heatTextColor, nearestIndex } from './plannerRows';
import { marginAxisNote } from './populationNote';
import { SweepProgress } from './SweepPanel';

type FormText = Record<keyof HeatmapSpec, string>;
const toText = (h: HeatmapSpec): FormText => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, String(v)])) as FormText;
const MAX_AXIS = 20;

function parse(f: FormText): HeatmapSpec | null {
  const n = (s: string) => (s.trim() === '' ? NaN : Number(s));
  const spec: HeatmapSpec = { param: f.param, from: n(f.from), to: n(f.to), points: n(f.points), param2: f.param2, from2: n(f.from2), to2: n(f.to2), points2: n(f.points2) };
  const finite = [spec.from, spec.to, spec.from2, spec.to2].every(Number.isFinite);
  const counts = [spec.points, spec.points2].every((p) => Number.isInteger(p) && p >= 2 && p <= MAX_AXIS);
  return finite && counts && spec.param !== spec.param2 ? spec : null;
}

function todayValue(params: RiskParams, path: string): number | null {
  return paramPathProblem(params, path) === null ? readParam(params, path) : null;
}

/** A 2-D sweep as a heatmap of P(socialized loss > 0): hover for the values, click to load a cell. */
export function HeatmapPanel() {
  const spec = useAppStore((s) => s.heatmapSpec);
  const setSpec = useAppStore((s) => s.setHeatmapSpec);
  const params = useAppStore((s) => s.params);
  const run = useAppStore((s) => s.plannerHeatmap);
  const [form, setForm] = useState<FormText>(() => toText(spec));
  const [hover, setHover] = useState<number | null>(null);
  const [started, setStarted] = useState(false);
  const options = useMemo(() => applicableParams(params, SWEEPABLE_PARAMS), [params]);
  const parsed = parse(form);
  useEffect(() => {
    if (started) appStore.getState().runHeatmap();
  }, [started, spec, params]);

  const rows = run?.rows ?? [];
  const columns = run?.columns ?? [];
  const todayRow = run ? nearestIndex(rows, todayValue(params, run.path)) : -1;
  const todayColumn = run ? nearestIndex(columns, todayValue(params, run.path2 ?? '')) : -1;
  const hovered = hover !== null ? (run?.points[hover] ?? null) : null;
  const field = (key: keyof HeatmapSpec, label: string) => (
    <div className="field">
      <label htmlFor={`heat-${key}`}>{label}</label>
      <input id={`heat-${key}`} type="text" inputMode="decimal" value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </div>
  );
  const select = (key: 'param' | 'param2', label: string) => (
    <div className="field planner-param">
      <label htmlFor={`heat-${key}`}>{label}</label>
      <select
        id={`heat-${key}`}
        value={form[key]}
        onChange={(e) => {
          const d = defaultSweep(e.target.value);
          const suffix = key === 'param' ? '' : '2';
          setForm({ ...form, [key]: e.target.value, ...(d ? { [`from${suffix}`]: String(d.from), [`to${suffix}`]: String(d.to) } : {}) });
        }}
      >
        {options.map((o) => (
          <option key={o.path} value={o.path}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const label = (path: string) => sweepableParam(path)?.label ?? path;

  return (
    <section className="panel planner-section" aria-labelledby="heat-heading">
      <h2 id="heat-heading" className="panel-heading">
        Two parameters at once
      </h2>
      <p className="panel-intro">Every cell of the grid on the same paths. Colour: P(socialized loss &gt; 0), white = never. Hover a cell for its numbers; click it to load both values into the dashboard.</p>
      <form
        className="planner-form heat-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!parsed) return;
          setSpec(parsed);
          if (started) appStore.getState().runHeatmap(true);
          setStarted(true);
        }}
      >
        {select('param', 'Rows')}
        {field('from', 'from')}
        {field('to', 'to')}
        {field('points', 'points')}
        {select('param2', 'Columns')}
        {field('from2', 'from')}
        {field('to2', 'to')}
        {field('points2', 'points')}
        <div className="planner-actions">
          <button type="submit" disabled={!parsed} data-testid="heat-run">
            Run grid
          </button>
          {run?.status === 'running' && (
            <button type="button" className="secondary" onClick={() => appStore.getState().cancelSweeps()}>
              Cancel
            </button>
          )}
        </div>
      </form>
      {!parsed && <p className="field-problem">Two different parameters, finite bounds and 2–{MAX_AXIS} points per axis.</p>}
      {parsed && <PopulationNotes params={params} spec={parsed} />}
      {run && <SweepProgress done={run.done} total={run.total} status={run.status} elapsedMs={run.elapsedMs} firstPointMs={run.firstPointMs} error={run.error} testid="heat" />}
      {run && rows.length > 0 && run.columns && (
        <div className="heatmap-wrap">
          <div className="heatmap-scroll">
            <table className="heatmap" data-testid="heatmap" aria-label={`P(socialized loss > 0) by ${label(run.path)} and ${label(run.path2 ?? '')}`}>
              <thead>
                <tr>
                  <th scope="col" className="heat-corner">
                    {label(run.path)} ↓ / {label(run.path2 ?? '')} →
                  </th>
                  {columns.map((c) => (
                    <th key={c} scope="col">
                      {formatParamTick(run.path2 ?? '', Number(c))}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r, ri) => (
                  <tr key={r}>
                    <th scope="row">{formatParamTick(run.path, Number(r))}</th>
                    {columns.map((c, ci) => {
                      const index = ri * columns.length + ci;
                      const p = run.points[index];
                      const ok = p?.ok === true;
                      const prob = ok ? p.pSocialized : 0;
                      return (
                        <td
                          key={c}
                          className={`heat-cell${p ? '' : ' pending'}${p && !p.ok ? ' invalid' : ''}${hover === index ? ' hovered' : ''}${ri === todayRow && ci === todayColumn ? ' today' : ''}`}
                          data-today={ri === todayRow && ci === todayColumn ? 'true' : undefined}
                          data-row={r}
                          data-column={c}
                          style={ok ? { background: heatColor(prob), color: heatTextColor(prob) } : undefined}
                          data-testid="heat-cell"
                          data-p={ok ? prob : ''}
                          data-mean={ok ? p.socializedLossMean : ''}
                          data-bad-debt={ok ? p.badDebtMean : ''}
                          tabIndex={ok ? 0 : -1}
                          onMouseEnter={() => setHover(index)}
                          onFocus={() => setHover(index)}
                          onClick={() => ok && appStore.getState().loadIntoDashboard([{ path: run.path, valueText: r }, { path: run.path2 ?? '', valueText: c }])}
                          onKeyDown={(e) => {
                            if (ok && (e.key === 'Enter' || e.key === ' ')) appStore.getState().loadIntoDashboard([{ path: run.path, valueText: r }, { path: run.path2 ?? '', valueText: c }]);
                          }}
                        >
                          {p ? (p.ok ? formatP(prob) : 'invalid') : '…'}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="heat-legend" data-testid="heat-legend">
            <span>P(socialized loss &gt; 0):</span>
            <span className="heat-legend-ramp" aria-hidden="true">
              {HEAT_LEGEND_STOPS.map((p) => (
                <span key={p} style={{ background: heatColor(p), color: heatTextColor(p) }}>
                  {formatPercent(p)}
                </span>
              ))}
            </span>
            <span className="visually-hidden">from white at 0 % to dark red at 100 %.</span>
            {todayRow >= 0 && todayColumn >= 0 && (
              <span data-testid="heat-today">
                Outlined: the cell nearest today’s values ({formatParamValue(run.path, todayValue(params, run.path) ?? 0)} × {formatParamValue(run.path2 ?? '', todayValue(params, run.path2 ?? '') ?? 0)}).
              </span>
            )}
          </div>
          <div className="heat-hover" data-testid="heat-hover" aria-live="polite">
            {hovered && hovered.ok ? (
              <>
                <strong>
                  {formatParamValue(run.path, hovered.value)} × {formatParamValue(run.path2 ?? '', hovered.value2 ?? 0)}
                </strong>
                <div>
                  P(socialized &gt; 0) {formatP(hovered.pSocialized)} (95 % CI {formatPercent(hovered.pSocializedCI[0])} – {formatPercent(hovered.pSocializedCI[1])})
                </div>
                <div>
                  mean socialized {formatQuote(hovered.socializedLossMean)} · ES99 {formatQuote(hovered.socializedLossEs99)} · mean bad debt {formatQuote(hovered.badDebtMean)}
                </div>
              </>
            ) : hovered && !hovered.ok ? (
              <>invalid: {hovered.problems.map((q) => `${q.field}: ${q.message}`).join('; ')}</>
            ) : (
              <span className="muted">Hover a cell to see its numbers.</span>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

/** What else the grid's axes move (issue #21): a maintenance-margin axis that reaches initial margin rebuilds the traders. */
function PopulationNotes({ params, spec }: { params: RiskParams; spec: HeatmapSpec }) {
  const notes = [marginAxisNote(params, spec.param, spec.from, spec.to), marginAxisNote(params, spec.param2, spec.from2, spec.to2)].filter((n): n is string => n !== null);
  return notes.map((n) => (
    <p key={n} className="small muted" data-testid="heat-population-note">
      {n}
    </p>
  ));
}
