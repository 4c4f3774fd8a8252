import { useId, useState } from 'react';
import { useStore } from 'zustand';
import type { Interval } from '../../engine/metrics/tailSummary';
import type { RunSummary } from '../../engine/metrics/summarizeRun';
import type { PrecisionTarget } from '../../engine/metrics/pathsForPrecision';
import { pathTimingStore, trackPathTiming } from '../../state/pathTiming';
import { precisionProposal } from '../../state/precisionPlan';
import { formatDuration } from '../../state/runCost';
import { selectStatus, selectSummary } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatInteger, formatPercent, formatQuote } from '../format';
import './precision.css';

trackPathTiming(appStore);

interface Choice {
  id: string;
  label: string;
  format: (v: number) => string;
  pick: (s: RunSummary) => { estimate: number; interval: Interval } | null;
}

const withTail = (s: RunSummary, f: (t: NonNullable<RunSummary['tail']>) => Interval | undefined, estimate: number) => {
  const interval = s.tail ? f(s.tail) : undefined;
  return interval ? { estimate, interval } : null;
};

/** The headline numbers a user can ask a precision for, each with the interval the page shows for it. */
const CHOICES: Choice[] = [
  { id: 'pSocialized', label: 'Paths with socialized loss', format: formatPercent, pick: (s) => ({ estimate: s.pSocialized, interval: s.pSocializedCI }) },
  { id: 'socializedLoss.mean', label: 'Socialized loss, mean', format: formatQuote, pick: (s) => withTail(s, (t) => t.intervals.socializedLoss.mean, s.socializedLoss.mean) },
  { id: 'socializedLoss.es99', label: 'Socialized loss, ES 99 %', format: formatQuote, pick: (s) => withTail(s, (t) => t.intervals.socializedLoss.es99, s.socializedLoss.es99) },
  { id: 'badDebt.mean', label: 'Bad debt, mean', format: formatQuote, pick: (s) => withTail(s, (t) => t.intervals.badDebt.mean, s.badDebt.mean) },
  { id: 'badDebt.var99', label: 'Bad debt, VaR 99 %', format: formatQuote, pick: (s) => withTail(s, (t) => t.intervals.badDebt.var99, s.badDebt.var99) },
  { id: 'fundDraw.mean', label: 'Insurance-fund draw, mean', format: formatQuote, pick: (s) => withTail(s, (t) => t.intervals.fundDraw.mean, s.fundDraw.mean) },
];

type Kind = PrecisionTarget['kind'];

function targetOf(kind: Kind, text: string, percentNumber: boolean): PrecisionTarget | string {
  const value = Number(text.trim().replace(/,/g, ''));
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) return 'Enter a number above 0.';
  if (kind === 'relative') return { kind, share: value / 100 };
  // A probability's half-width is typed in percentage points.
  return { kind, halfWidth: percentNumber ? value / 100 : value };
}

/**
 * "How many paths for ±10 %?": the user names a headline number and a target (a share of the number, or a
 * half-width in its unit); the page proposes the paths (pathsForPrecision) and the time they take at the last
 * run's measured time per path, warns before a long run, and runs it on request.
 */
export function PrecisionPanel() {
  const summary = useAppStore(selectSummary);
  const status = useAppStore(selectStatus);
  const timing = useStore(pathTimingStore, (s) => s.last);
  const [choiceId, setChoiceId] = useState('socializedLoss.mean');
  const [kind, setKind] = useState<Kind>('relative');
  const [text, setText] = useState('10');
  const id = useId();
  if (!summary) return null;
  const choice = CHOICES.find((c) => c.id === choiceId) ?? CHOICES[0]!;
  const picked = choice.pick(summary);
  const isShare = choice.id === 'pSocialized';
  const target = targetOf(kind, text, isShare);

  let body: React.ReactNode;
  if (status === 'running') body = <>The proposal appears when the run has finished.</>;
  else if (typeof target === 'string') body = <span className="field-problem">{target}</span>;
  else if (!picked) body = <>This run has no interval for that number.</>;
  else {
    const { plan, seconds, long } = precisionProposal({ paths: summary.paths, estimate: picked.estimate, interval: picked.interval, target }, timing);
    const now = `${choice.label}: ${choice.format(picked.estimate)}, 95 % interval ${choice.format(picked.interval[0])} – ${choice.format(picked.interval[1])} on ${formatInteger(summary.paths)} paths.`;
    if (!plan.ok) body = <>{now} {plan.reason.charAt(0).toUpperCase() + plan.reason.slice(1)}.</>;
    else if (plan.met) body = <span data-testid="precision-plan" data-paths={String(plan.paths)} data-met="true">{now} The target (± {choice.format(plan.targetHalfWidth)}) is met already.</span>;
    else {
      body = (
        <>
          <span data-testid="precision-plan" data-paths={String(plan.paths)} data-met="false" data-seconds={seconds === null ? undefined : String(seconds)}>
            {now} For ± {choice.format(plan.targetHalfWidth)}: about <strong>{formatInteger(plan.paths)} paths</strong>
            {plan.capped ? ' (the most a run allows; the target stays out of reach)' : ''}
            {seconds !== null
              ? `, ${formatDuration(seconds)} at the last run’s ${timing!.msPerPath.toFixed(timing!.msPerPath < 10 ? 2 : 1)} ms per path${timing!.sides === 2 ? ' (both sides)' : ''}.`
              : '; its time is measured after the first run.'}{' '}
            Intervals narrow as 1/√paths, so this is an estimate: the next run re-measures.
          </span>
          {long && seconds !== null && (
            <span className="precision-long" role="note" data-testid="precision-long-run">
              {' '}
              A long run: {formatDuration(seconds)}. The page stays usable while it runs, and Cancel stops it.
            </span>
          )}{' '}
          <button type="button" className="secondary" data-testid="precision-apply" onClick={() => appStore.getState().setPaths(plan.paths)}>
            Run at {formatInteger(plan.paths)} paths{long && seconds !== null ? ` (${formatDuration(seconds)})` : ''}
          </button>
        </>
      );
    }
  }

  return (
    <section className="precision" aria-labelledby={`${id}-h`} data-testid="precision-panel">
      <h3 id={`${id}-h`}>How many paths for the precision you need?</h3>
      <div className="precision-form">
        <label>
          Number{' '}
          <select data-testid="precision-metric" value={choice.id} onChange={(e) => setChoiceId(e.target.value)}>
            {CHOICES.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Target ±{' '}
          <input data-testid="precision-target" type="text" inputMode="decimal" size={6} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <label>
          <span className="visually-hidden">Target unit</span>
          <select data-testid="precision-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)} aria-label="Target unit">
            <option value="relative">% of the number</option>
            <option value="absolute">{isShare ? 'percentage points' : 'quote (half-width)'}</option>
          </select>
        </label>
      </div>
      <p className="precision-answer" aria-live="polite">
        {body}
      </p>
    </section>
  );
}
