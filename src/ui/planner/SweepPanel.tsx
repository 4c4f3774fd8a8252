import { useEffect, useMemo, useState } from 'react';
import { SWEEPABLE_PARAMS, sweepableParam } from '../../engine/params/sweepableParams';
import { MAX_SWEEP_POINTS } from '../../share/validateShareState';
import type { SweepSpec } from '../../share/shareState';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatPercent, formatQuote, formatSeconds } from '../format';
import { applicableParams, defaultSweep, formatParamValue, formatP, invalidPoints, sweepRows, type SweepRow } from './plannerRows';
import { marginAxisNote } from './populationNote';
import { SweepCharts } from './SweepCharts';
import { SweepExpected } from './SweepExpected';

const FALLBACK: SweepSpec = { param: 'insuranceFund.initial', from: 0, to: 2_000_000, points: 10 };

interface FormText {
  param: string;
  from: string;
  to: string;
  points: string;
}

const toText = (s: SweepSpec): FormText => ({ param: s.param, from: String(s.from), to: String(s.to), points: String(s.points) });

function parseForm(f: FormText): { spec: SweepSpec | null; problem: string | null } {
  const from = Number(f.from);
  const to = Number(f.to);
  const points = Number(f.points);
  if (f.from.trim() === '' || !Number.isFinite(from)) return { spec: null, problem: 'From must be a number.' };
  if (f.to.trim() === '' || !Number.isFinite(to)) return { spec: null, problem: 'To must be a number.' };
  if (!Number.isInteger(points) || points < 2 || points > MAX_SWEEP_POINTS) return { spec: null, problem: `Points must be a whole number from 2 to ${MAX_SWEEP_POINTS}.` };
  return { spec: { param: f.param, from, to, points }, problem: null };
}

/** The 1-D sweep: its form (view.sweep, in the share link), progress, the three curves and the points table. */
export function SweepPanel() {
  const sweep = useAppStore((s) => s.sweep);
  const setSweep = useAppStore((s) => s.setSweep);
  const params = useAppStore((s) => s.params);
  const seed = useAppStore((s) => s.seed);
  const paths = useAppStore((s) => s.paths);
  const setPaths = useAppStore((s) => s.setPaths);
  const run = useAppStore((s) => s.plannerSweep);
  const [form, setForm] = useState<FormText>(() => toText(sweep ?? FALLBACK));
  const [shown, setShown] = useState<SweepSpec | null>(sweep);
  const [pathsText, setPathsText] = useState(String(paths));
  const [shownPaths, setShownPaths] = useState(paths);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  if (sweep !== shown) {
    // Changed from outside (a link, another tab): show it in the form.
    setShown(sweep);
    if (sweep) setForm(toText(sweep));
  }
  if (paths !== shownPaths) {
    setShownPaths(paths);
    setPathsText(String(paths));
  }

  // Run the sweep whenever it or what it depends on changes (a change cancels the sweep in flight).
  useEffect(() => {
    if (sweep && sweepableParam(sweep.param)) appStore.getState().runSweep1d(sweep);
  }, [sweep, params, seed, paths]);
  useEffect(() => () => appStore.getState().cancelSweeps(), []);

  const options = useMemo(() => applicableParams(params, SWEEPABLE_PARAMS), [params]);
  const parsed = parseForm(form);
  const rows = useMemo(() => sweepRows(run?.points ?? []), [run?.points]);
  const invalid = useMemo(() => invalidPoints(run?.points ?? []), [run?.points]);
  const path = run?.path ?? sweep?.param ?? form.param;
  const spec = sweepableParam(path);
  const label = spec ? `${spec.label}${spec.unit ? ` (${spec.unit})` : ''}` : path;

  const start = () => {
    const pathsNumber = Number(pathsText);
    if (pathsNumber !== paths) setPaths(pathsNumber);
    if (parsed.spec) setSweep(parsed.spec);
  };
  const pick = (row: SweepRow) => {
    const problems = appStore.getState().loadIntoDashboard([{ path, valueText: row.valueText }]);
    setLoadProblem(problems.length > 0 ? `Could not load ${row.valueText}: ${problems.join('; ')}` : null);
  };
  const running = run?.status === 'running';
  const sweepSpec = sweepableParam(form.param);

  return (
    <section className="panel planner-section" aria-labelledby="sweep-heading">
      <h2 id="sweep-heading" className="panel-heading">
        Parameter sweep
      </h2>
      <p className="panel-intro">
        One parameter from → to, every point simulated on the <strong>same</strong> {paths.toLocaleString('en-US')} price paths (seed {seed}), so the differences between points are the parameter’s doing, not noise. The sweep
        is part of the share link.
      </p>
      <form
        className="planner-form"
        onSubmit={(event) => {
          event.preventDefault();
          start();
        }}
      >
        <div className="field planner-param">
          <label htmlFor="sweep-param">Parameter</label>
          <select
            id="sweep-param"
            value={form.param}
            onChange={(event) => {
              const d = defaultSweep(event.target.value);
              setForm(d ? toText(d) : { ...form, param: event.target.value });
            }}
          >
            {options.map((o) => (
              <option key={o.path} value={o.path}>
                {o.label}
                {o.lever ? ' — lever' : ''}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="sweep-from">
            From <span className="unit">{sweepSpec?.unit}</span>
          </label>
          <input id="sweep-from" type="text" inputMode="decimal" value={form.from} onChange={(e) => setForm({ ...form, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="sweep-to">
            To <span className="unit">{sweepSpec?.unit}</span>
          </label>
          <input id="sweep-to" type="text" inputMode="decimal" value={form.to} onChange={(e) => setForm({ ...form, to: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="sweep-points">Points</label>
          <input id="sweep-points" type="text" inputMode="numeric" value={form.points} onChange={(e) => setForm({ ...form, points: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="sweep-paths">
            Paths per point <span className="unit">(the run’s)</span>
          </label>
          <input id="sweep-paths" type="text" inputMode="numeric" value={pathsText} onChange={(e) => setPathsText(e.target.value)} />
        </div>
        <div className="planner-actions">
          <button type="submit" disabled={parsed.spec === null} data-testid="sweep-run">
            Run sweep
          </button>
          {running && (
            <button type="button" className="secondary" onClick={() => appStore.getState().cancelSweeps()} data-testid="sweep-cancel">
              Cancel
            </button>
          )}
        </div>
      </form>
      <SweepExpected points={Number(form.points)} paths={Number(pathsText)} />
      {parsed.problem && <p className="field-problem">{parsed.problem}</p>}
      {parsed.spec && marginAxisNote(params, parsed.spec.param, parsed.spec.from, parsed.spec.to) !== null && (
        <p className="small muted" data-testid="sweep-population-note">
          {marginAxisNote(params, parsed.spec.param, parsed.spec.from, parsed.spec.to)}
        </p>
      )}
      {loadProblem && (
        <p className="field-problem" role="alert">
          {loadProblem}
        </p>
      )}
      {run && <SweepProgress done={run.done} total={run.total} status={run.status} elapsedMs={run.elapsedMs} firstPointMs={run.firstPointMs} error={run.error} testid="sweep" />}
      {run && <SweepCharts rows={rows} path={path} label={label} paths={run.paths} onPick={pick} />}
      {invalid.length > 0 && (
        <div className="problem-summary" role="status">
          <p>{invalid.length} point(s) make invalid parameters and were not simulated:</p>
          <ul>
            {invalid.map((p) => (
              <li key={p.valueText}>
                {p.valueText}: {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {run && rows.length > 0 && (
        <details className="planner-table">
          <summary>The points as a table</summary>
          <div className="table-wrap" role="region" aria-label="Sweep points" tabIndex={0}>
            <table data-testid="sweep-table">
              <thead>
                <tr>
                  <th scope="col">{label}</th>
                  <th scope="col">P(socialized &gt; 0)</th>
                  <th scope="col">95 % CI</th>
                  <th scope="col">Mean socialized</th>
                  <th scope="col">ES99 socialized</th>
                  <th scope="col">Mean bad debt</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.index} data-testid="sweep-point" data-value={r.valueText} data-p={r.p} data-mean={r.socializedMean} data-es99={r.socializedEs99} data-baddebt={r.badDebtMean} data-worker-ms={Math.round(r.workerMs)}>
                    <td className="num">{formatParamValue(path, r.value)}</td>
                    <td className="num">{formatP(r.p)}</td>
                    <td className="num">
                      {formatPercent(r.ci[0])} – {formatPercent(r.ci[1])}
                    </td>
                    <td className="num">{formatQuote(r.socializedMean)}</td>
                    <td className="num">{formatQuote(r.socializedEs99)}</td>
                    <td className="num">{formatQuote(r.badDebtMean)}</td>
                    <td>
                      <button type="button" className="small secondary" onClick={() => pick(r)}>
                        Load
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}

export function SweepProgress({
  done,
  total,
  status,
  elapsedMs,
  firstPointMs,
  error,
  testid,
}: {
  done: number;
  total: number;
  status: string;
  elapsedMs: number;
  firstPointMs: number | null;
  error: string | null;
  testid: string;
}) {
  return (
    <div className="planner-progress" role="status" aria-live="polite">
      {status === 'running' && <progress max={Math.max(1, total)} value={done} data-testid={`${testid}-progress`} aria-label="points finished" />}
      <span data-testid={`${testid}-status`} data-status={status} data-elapsed-ms={Math.round(elapsedMs)} data-first-point-ms={firstPointMs === null ? '' : Math.round(firstPointMs)}>
        {status === 'running' && `${done} of ${total || '…'} points`}
        {status === 'done' && `done: ${total} points in ${formatSeconds(elapsedMs)}${firstPointMs !== null ? ` (first after ${formatSeconds(firstPointMs)})` : ''}`}
        {status === 'cancelled' && `cancelled after ${done} of ${total} points`}
        {status === 'error' && `failed: ${error ?? 'unknown error'}`}
      </span>
    </div>
  );
}
