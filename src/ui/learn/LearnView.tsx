// Learn mode (issue #9): one path of the current parameters, traced in a worker, stepped through minute by
// minute — the price, a few accounts against their maintenance margin, the insurance fund, and the loss
// waterfall (bad debt → fund → haircuts/ADL → vault → uncovered) as it happens.
import { useEffect, useMemo, useState } from 'react';
import { selectBaseline, selectParams, selectPaths, selectSeed } from '../../state/selectors';
import { useAppStore } from '../../state/useAppStore';
import { AccountsGrid } from './AccountsGrid';
import { EventLog } from './EventLog';
import { adlOvershootOfEvents, eventSteps, money } from './eventText';
import { FundWaterfall } from './FundWaterfall';
import './learn.css';
import '../trust.css';
import { LearnPresets } from './LearnPresets';
import { PriceChart } from './PriceChart';
import { Term, Glossary } from './Term';
import { Timeline } from './Timeline';
import { useNarrowLayout } from './useNarrowLayout';
import { useTrace } from './useTrace';

export function LearnView() {
  const params = useAppStore(selectParams);
  const baseline = useAppStore(selectBaseline);
  const seed = useAppStore(selectSeed);
  const paths = useAppStore(selectPaths);
  const pathIndex = useAppStore((s) => s.pathIndex);
  const setPathIndex = useAppStore((s) => s.setPathIndex);
  const rawStep = useAppStore((s) => s.learnStep);
  const traced = useTrace('current', params, seed, pathIndex);
  const baselineTraced = useTrace('baseline', baseline, seed, pathIndex);
  const trace = traced?.trace ?? null;
  const step = trace ? Math.min(rawStep, trace.steps - 1) : 0;
  const stepsWithEvents = useMemo(() => (trace ? eventSteps(trace.events) : []), [trace]);
  const adlMoney = useMemo(() => (trace ? adlOvershootOfEvents(trace.events) : null), [trace]);
  const baselineTrace = baselineTraced?.status === 'ready' && baselineTraced.trace.steps === trace?.steps ? baselineTraced.trace : null;
  const search = useFirstPathWithEvents(traced, pathIndex, paths, setPathIndex);
  // On a phone the stepper and the chart come first; the explanation and the stories follow the charts (issue #21).
  const narrow = useNarrowLayout();

  return (
    <main className="learn" id="results" tabIndex={-1} aria-labelledby="learn-title">
      {narrow ? (
        <div className="panel learn-intro">
          <h2 id="learn-title">Learn: watch one path, step by step</h2>
          <p className="small">
            Step through the path below. <a href="#learn-stories">Stories and how it works</a> follow the charts.
          </p>
        </div>
      ) : (
        <div className="panel learn-intro">
          <h2 id="learn-title">Learn: watch one path, step by step</h2>
          <LearnExplainer />
          <LearnPresets />
        </div>
      )}

      <div className="panel learn-path">
        <div className="learn-path-row">
          <label className="learn-path-picker">
            Path
            <input
              type="number"
              min={1}
              max={paths}
              value={pathIndex + 1}
              onChange={(e) => {
                search.stop();
                setPathIndex(Math.round(Number(e.target.value)) - 1);
              }}
              className="field-input"
            />
            <span className="muted">of {paths} (seed {seed})</span>
          </label>
          <span className="learn-trace-status" data-testid="learn-status" role="status">
            {traced?.status === 'loading' ? 'Tracing the path in the engine worker…' : traced?.status === 'error' ? '' : trace ? `${trace.events.length} events on this path` : ''}
          </span>
        </div>
        {search.note && (
          <p className="muted small" data-testid="learn-path-note">
            {search.note}
          </p>
        )}
        {adlMoney && (
          <p className="learn-adl-overshoot" data-testid="learn-adl-overshoot" data-value={String(adlMoney.overshootQuote)}>
            ADL on this path closed out {money(adlMoney.profitClosedQuote)} of winners’ profit to cover {money(adlMoney.coveredQuote)} of deficits: an overshoot of{' '}
            <strong>{money(adlMoney.overshootQuote)}</strong> quote.
          </p>
        )}
        {traced?.status === 'error' && (
          <p className="learn-error" role="alert" data-testid="learn-error">
            The path could not be traced: {traced.error}
          </p>
        )}
        {baselineTraced?.status === 'error' && (
          <p className="learn-error" role="alert">
            The baseline’s path could not be traced: {baselineTraced.error}
          </p>
        )}
        {trace && <Timeline steps={trace.steps} step={step} stepSeconds={trace.stepSeconds} eventSteps={stepsWithEvents} />}
      </div>

      {trace && (
        <div className="learn-grid">
          <PriceChart trace={trace} step={step} markImpactWeight={params.liquidation.markImpactWeight} oracleDelaySteps={params.liquidation.oracleDelaySteps} />
          <FundWaterfall trace={trace} baseline={baselineTrace} step={step} />
          <AccountsGrid trace={trace} step={step} />
          <EventLog trace={trace} step={step} />
        </div>
      )}

      {narrow && (
        <div className="panel learn-intro" id="learn-stories" tabIndex={-1}>
          <LearnExplainer />
          <LearnPresets />
        </div>
      )}

      <details className="panel learn-glossary-panel">
        <summary>Glossary</summary>
        <Glossary />
      </details>
      <KeyboardHint />
    </main>
  );
}

function LearnExplainer() {
  return (
    <p>
      A trader whose equity falls below the <Term k="maintenance-margin" /> is liquidated. Closed worse than their <Term k="bankruptcy-price" />, they leave{' '}
      <Term k="bad-debt" />: the <Term k="insurance-fund" /> pays what it can, and the rest becomes a <Term k="socialized-loss" /> — a <Term k="haircut" /> on everyone in
      profit, or <Term k="adl" /> of the top-ranked winners. Pick a story, or trace any path of your own parameters.
    </p>
  );
}

/** Paths searched ahead when Learn opens on a path without events. */
const SEARCH_LIMIT = 50;

/**
 * Learn opens on a path where something happens (issue #21): when the path it opens on has no events, it steps to
 * the next path until one has, at most SEARCH_LIMIT paths, and says so in words. A path the user picks is kept.
 */
function useFirstPathWithEvents(traced: ReturnType<typeof useTrace>, pathIndex: number, paths: number, setPathIndex: (i: number) => void) {
  const [state, setState] = useState<{ active: boolean; from: number; note: string | null }>(() => ({ active: true, from: pathIndex, note: null }));
  const ready = state.active && traced?.status === 'ready' ? traced.trace : null;
  let next: number | null = null;
  if (ready) {
    if (ready.events.length > 0) {
      const note = pathIndex === state.from ? null : `Path ${state.from + 1} has no liquidations or losses, so this is path ${pathIndex + 1}, the first path after it with events (${ready.events.length}).`;
      setState({ active: false, from: state.from, note });
    } else if (pathIndex + 1 >= paths || pathIndex - state.from + 1 >= SEARCH_LIMIT) {
      setState({ active: false, from: state.from, note: `No events on paths ${state.from + 1} to ${pathIndex + 1}: the market stayed calm there.` });
    } else next = pathIndex + 1;
  }
  useEffect(() => {
    if (next !== null) setPathIndex(next);
  }, [next, setPathIndex]);
  return { note: state.note, stop: () => setState((s) => ({ ...s, active: false, note: null })) };
}

function KeyboardHint() {
  return <p className="muted small learn-keys">Keys: ← → one step · Space play/pause · Home/End first/last step · the timeline also takes the keys when focused.</p>;
}
