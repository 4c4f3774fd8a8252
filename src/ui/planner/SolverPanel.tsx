import { useEffect, useState } from 'react';
import type { LeverComparison, LeverCosts, LeverKind, Probe, SolveResult } from '../../engine/planner/index';
import { LEVER_PATHS, sweepableParam } from '../../engine/params/sweepableParams';
import { SOLVER_MAX_PATHS_FACTOR, type PlannerTask } from '../../state/plannerSlice';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatPercent, formatQuote, formatSeconds } from '../format';
import { formatParamValue } from './plannerRows';
import { initialMarginNote } from './populationNote';
import { CompareProgressView } from './CompareProgressView';
import { CostRanking } from './CostRanking';

const LEVERS: { kind: LeverKind; label: string }[] = [
  { kind: 'fund', label: 'Starting insurance fund' },
  { kind: 'margin', label: 'Maintenance margin' },
  { kind: 'throughput', label: 'Liquidation throughput' },
];

const STATUS_WORDS: Record<SolveResult['status'], string> = {
  solved: 'solved',
  'met-at-lower-bound': 'met at the lower end',
  'not-reachable': 'not reachable',
  invalid: 'invalid parameters',
};

function valueOf(lever: LeverKind, value: number | null): string {
  const spec = sweepableParam(LEVER_PATHS[lever]);
  if (value === null) return spec?.nullMeans ?? '—';
  return formatParamValue(LEVER_PATHS[lever], value);
}

function probeText(p: Probe | null): string {
  if (!p) return '—';
  return `P = ${formatPercent(p.pSocialized)} (95 % CI ${formatPercent(p.pSocializedCI[0])} – ${formatPercent(p.pSocializedCI[1])}), ${p.paths.toLocaleString('en-US')} paths${p.undecided ? ', undecided' : ''}`;
}

function costText(lever: LeverKind, c: LeverCosts): string {
  switch (lever) {
    case 'fund':
      return `${formatQuote(c.fund.capitalQuote)} quote held in the fund = ${formatPercent(c.fund.shareOfOpenInterest)} of open interest; ${c.fund.changeQuote >= 0 ? '+' : '−'}${formatQuote(Math.abs(c.fund.changeQuote))} against today`;
    case 'margin': {
      const rebuilt = c.margin.initialMarginRatio !== c.margin.baseInitialMarginRatio;
      return `${formatQuote(c.margin.bufferCollateralQuote)} quote more collateral keeps every liquidation price where it is today; ${formatQuote(c.margin.extraCollateralQuote)} quote is needed just to stay above the new maintenance (${c.margin.accountsShort.toLocaleString('en-US')} of ${c.margin.accounts.toLocaleString('en-US')} accounts, the market maker included). ${
        rebuilt
          ? `Initial margin had to rise to ${formatPercent(c.margin.initialMarginRatio)} (maintenance would have reached it), so the simulated traders were rebuilt at ≤ ${c.margin.maxLeverage.toFixed(1)}× leverage (today ${c.margin.baseMaxLeverage.toFixed(1)}×).`
          : `Initial margin stays at ${formatPercent(c.margin.initialMarginRatio)}: the simulated traders are today’s (leverage cap ${c.margin.maxLeverage.toFixed(1)}×).`
      }`;
    }
    case 'throughput':
      return c.throughput.perStepQuote === null
        ? 'keeper capacity unlimited'
        : `keepers must close ${formatQuote(c.throughput.perMinuteQuote ?? 0)} quote notional per minute (${formatPercent(c.throughput.shareOfOpenInterestPerMinute ?? 0)} of open interest per minute)`;
  }
}

function Elapsed({ task }: { task: PlannerTask<unknown> }) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (task.status !== 'running') return;
    const id = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(id);
  }, [task.status]);
  if (task.status === 'running' && task.startedAt !== null) return <>running… {formatSeconds(now - task.startedAt)}</>;
  if (task.status === 'done') return <>done in {formatSeconds(task.elapsedMs)}</>;
  if (task.status === 'cancelled') return <>cancelled</>;
  if (task.status === 'error') return <>failed: {task.error}</>;
  return null;
}

/** The search's result in words, without engine field names. */
function answerSentence(r: SolveResult): string {
  const name = LEVERS.find((l) => l.kind === r.lever)?.label.toLowerCase() ?? r.lever;
  const target = formatPercent(r.target);
  switch (r.status) {
    case 'solved':
      return `The smallest ${name} that keeps socialized loss on at most ${target} of paths (the whole 95 % interval below it) is ${valueOf(r.lever, r.answer)}; one step less does not.`;
    case 'met-at-lower-bound':
      return `Even the lowest ${name} searched meets the target of ${target}.`;
    case 'not-reachable':
      return `No ${name} up to ${valueOf(r.lever, r.bound)} meets the target of ${target} on these paths.`;
    case 'invalid':
      return `The search stopped: a value of the ${name} made the parameters invalid (${r.problems.map((p) => p.message).join('; ')}).`;
  }
}

function SolveCard({ r, testid }: { r: SolveResult; testid: string }) {
  const answerProbe = r.bracket.firstPassing;
  const generated = useAppStore((s) => s.params.population.kind === 'generated');
  // What else the answer moves, said on the answer's own line (issue #21): the search's own initial margins.
  const alsoMoves = r.lever === 'margin' && r.cost ? initialMarginNote(r.cost.margin.baseInitialMarginRatio, r.cost.margin.initialMarginRatio, generated) : null;
  return (
    <div className="solve-card" data-testid={testid} data-status={r.status} data-answer={r.answerText ?? ''}>
      <h3>{LEVERS.find((l) => l.kind === r.lever)?.label}</h3>
      <p className="solve-answer">
        {r.answer !== null ? (
          <>
            <strong>{valueOf(r.lever, r.answer)}</strong> <span className="muted">({STATUS_WORDS[r.status]})</span>
          </>
        ) : (
          <strong>{STATUS_WORDS[r.status]}</strong>
        )}
      </p>
      <dl className="solve-facts">
        <dt>Today</dt>
        <dd>
          {valueOf(r.lever, r.current.value)}: {probeText(r.current)}
        </dd>
        <dt>Answer</dt>
        <dd data-testid={`${testid}-answer-line`}>
          {answerProbe ? `${valueOf(r.lever, answerProbe.value)}${alsoMoves ? ` (${alsoMoves})` : ''}: ${probeText(answerProbe)}` : '—'}
        </dd>
        <dt>Last failing</dt>
        <dd>{r.bracket.lastFailing ? `${valueOf(r.lever, r.bracket.lastFailing.value)}: ${probeText(r.bracket.lastFailing)}` : '—'}</dd>
        <dt>Cost</dt>
        <dd>{r.cost ? costText(r.lever, r.cost) : '—'}</dd>
        <dt>Search</dt>
        <dd>
          {r.evaluations} {r.evaluations === 1 ? 'probe' : 'probes'}, {r.pathsSimulated.toLocaleString('en-US')} paths simulated, tolerance {formatPercent(r.relTolerance)}
          {r.undecidedProbes > 0 ? `, ${r.undecidedProbes} undecided at the path limit (counted as failing)` : ''}
          {r.current.estimator === 'importance' ? '; rare-event mode: below a 2 % target the paths are importance-sampled (big jumps drawn more often, each path weighted back), intervals from the weighted paths' : ''}
        </dd>
      </dl>
      <p className="small muted">{answerSentence(r)}</p>
      {r.answerText !== null && (
        <button
          type="button"
          className="small secondary"
          data-testid={`${testid}-load`}
          onClick={() => appStore.getState().loadIntoDashboard([{ path: r.path, valueText: r.answerText as string }], answerProbe?.paths)}
        >
          Load the answer into the dashboard{answerProbe ? ` at the ${answerProbe.paths.toLocaleString('en-US')} paths that verified it` : ''}
        </button>
      )}
    </div>
  );
}

function comboSentence(combo: LeverComparison['combination']): string {
  switch (combo.status) {
    case 'solved':
      return `Moving each lever ${formatPercent(combo.fraction ?? 0)} of the way to its own answer meets the target; ${formatPercent(combo.lastFailingFraction ?? 0)} of the way does not.`;
    case 'already-met':
      return 'Today’s parameters already meet the target: nothing to combine.';
    case 'no-lever-alone':
      return 'No lever meets the target alone, so there is no answer to move towards.';
    case 'not-reachable':
      return 'Even all the solo answers together do not meet the target (the levers interact).';
  }
}

function ComparisonView({ c }: { c: LeverComparison }) {
  const combo = c.combination;
  return (
    <div data-testid="compare-result">
      <div className="solve-grid">
        {LEVERS.map((l) => (
          <SolveCard key={l.kind} r={c.levers[l.kind]} testid={`compare-${l.kind}`} />
        ))}
      </div>
      <div className="solve-card combo">
        <h3>A combination</h3>
        <p>{comboSentence(combo)}</p>
        {combo.values && combo.atAnswer && (
          <p>
            {LEVERS.map((l) => `${l.label.toLowerCase()} ${valueOf(l.kind, combo.values![l.kind].value)}${combo.values![l.kind].moved ? '' : ' (unchanged)'}`).join(' · ')} — P = {formatPercent(combo.atAnswer.pSocialized)} (95 % CI{' '}
            {formatPercent(combo.atAnswer.pSocializedCI[0])} – {formatPercent(combo.atAnswer.pSocializedCI[1])})
          </p>
        )}
        <p className="small muted">
          How it is built: every lever that meets the target alone moves the same share of the way from today’s value to its own answer; the smallest share that meets
          the target (to 1/64) is kept, half-way tried first. Levers that cannot meet the target alone stay where they are.
        </p>
        <p className="small muted">
          In all {c.evaluations} {c.evaluations === 1 ? 'probe' : 'probes'}, {c.pathsSimulated.toLocaleString('en-US')} paths.
        </p>
      </div>
      <CostRanking c={c} />
    </div>
  );
}

/** The solver (one lever) and the three levers side by side, both on the planner's solver worker. */
export function SolverPanel() {
  const lever = useAppStore((s) => s.solverLever);
  const setLever = useAppStore((s) => s.setSolverLever);
  const target = useAppStore((s) => s.solverTarget);
  const setTarget = useAppStore((s) => s.setSolverTarget);
  const paths = useAppStore((s) => s.paths);
  const solver = useAppStore((s) => s.solverTask);
  const compare = useAppStore((s) => s.compareTask);
  const [targetText, setTargetText] = useState(String(target * 100));
  const parsedTarget = Number(targetText) / 100;
  const targetOk = targetText.trim() !== '' && parsedTarget > 0 && parsedTarget < 1;
  const busy = solver.status === 'running' || compare.status === 'running';
  const commitTarget = () => {
    if (targetOk) setTarget(parsedTarget);
    return targetOk;
  };

  return (
    <section className="panel planner-section" aria-labelledby="solver-heading">
      <h2 id="solver-heading" className="panel-heading">
        Solver: the smallest lever that meets a target
      </h2>
      <p className="panel-intro">
        The smallest value of a lever for which P(socialized loss &gt; 0) ≤ target, with the upper end of its 95 % interval under the target. Probes start at {paths.toLocaleString('en-US')} paths (the run’s) on the
        same paths and double, up to {(SOLVER_MAX_PATHS_FACTOR * paths).toLocaleString('en-US')}, where the interval straddles the target.
      </p>
      <div className="planner-form">
        <div className="field planner-param">
          <label htmlFor="solver-lever">Lever</label>
          <select id="solver-lever" value={lever} onChange={(e) => setLever(e.target.value as LeverKind)}>
            {LEVERS.map((l) => (
              <option key={l.kind} value={l.kind}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="solver-target">
            Target <span className="unit">% of paths</span>
          </label>
          <input id="solver-target" type="text" inputMode="decimal" value={targetText} aria-invalid={!targetOk} onChange={(e) => setTargetText(e.target.value)} />
        </div>
        <div className="planner-actions">
          <button type="button" disabled={!targetOk} onClick={() => commitTarget() && appStore.getState().runSolver()} data-testid="solver-run">
            Solve
          </button>
          <button type="button" className="secondary" disabled={!targetOk} onClick={() => commitTarget() && appStore.getState().runCompare()} data-testid="compare-run">
            Compare all three levers
          </button>
          {busy && (
            <button type="button" className="secondary" onClick={() => appStore.getState().cancelSolver()}>
              Cancel
            </button>
          )}
        </div>
      </div>
      {!targetOk && <p className="field-problem">The target must be a percentage strictly between 0 and 100.</p>}
      {solver.status !== 'idle' && (
        <div className="planner-subsection">
          <p className="planner-progress" role="status" data-testid="solver-status" data-status={solver.status}>
            {solver.status === 'running' && <progress aria-label="solving" />} Solver: <Elapsed task={solver} />
          </p>
          {solver.result && <SolveCard r={solver.result} testid="solver-result" />}
        </div>
      )}
      {compare.status !== 'idle' && (
        <div className="planner-subsection">
          <p className="planner-progress" role="status" data-testid="compare-status" data-status={compare.status}>
            Three levers: <Elapsed task={compare} />
          </p>
          {compare.status === 'running' && <CompareProgressView task={compare} card={(r) => <SolveCard r={r} testid={`compare-${r.lever}`} />} />}
          {compare.result && <ComparisonView c={compare.result} />}
        </div>
      )}
    </section>
  );
}
