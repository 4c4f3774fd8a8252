import { useMemo, useState } from 'react';
import type { PathEvent } from '../../engine/index';
import type { LearnTrace } from '../../state/engines';
import { useAppStore } from '../../state/useAppStore';
import { describeEvent, LOSS_KINDS } from './eventText';

/** Steps shown on either side of the cursor (the nearest that have events). */
const NEAR = 3;

/** Events listed per step until the reader asks for all (a crash step can hold hundreds: a phone page of metres). */
const PER_STEP = 12;

/** Events per step in words; the steps nearest the cursor. Each event moves the timeline to its step. */
export function EventLog({ trace, step }: { trace: LearnTrace; step: number }) {
  const onlyLosses = useAppStore((s) => s.learnOnlyLosses);
  const setOnlyLosses = useAppStore((s) => s.setLearnOnlyLosses);
  const setStep = useAppStore((s) => s.setLearnStep);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const groups = useMemo(() => {
    const byStep = new Map<number, PathEvent[]>();
    for (const e of trace.events) {
      if (onlyLosses && !LOSS_KINDS.has(e.kind)) continue;
      const list = byStep.get(e.step) ?? [];
      list.push(e);
      byStep.set(e.step, list);
    }
    return [...byStep.entries()].sort((a, b) => a[0] - b[0]);
  }, [trace, onlyLosses]);
  const before = groups.filter(([t]) => t <= step).slice(-NEAR);
  const after = groups.filter(([t]) => t > step).slice(0, NEAR);
  const shown = [...before, ...after];
  const hiddenBefore = groups.filter(([t]) => t <= step).length - before.length;
  const hiddenAfter = groups.filter(([t]) => t > step).length - after.length;
  return (
    <section className="panel learn-card learn-events" aria-labelledby="learn-events-title">
      <div className="learn-events-head">
        <h3 id="learn-events-title">What happened</h3>
        <label className="check-row">
          <input type="checkbox" checked={onlyLosses} onChange={(e) => setOnlyLosses(e.target.checked)} /> only losses
        </label>
      </div>
      {groups.length === 0 && <p className="muted">{onlyLosses ? 'No losses on this path.' : 'Nothing happened on this path: no account was liquidated.'}</p>}
      {hiddenBefore > 0 && <p className="muted small">… {hiddenBefore} earlier step{hiddenBefore === 1 ? '' : 's'} with events</p>}
      <ol className="learn-event-steps" data-testid="learn-events">
        {shown.map(([t, events]) => (
          <li key={t} className={t === step ? 'current' : t < step ? 'past' : 'future'} aria-current={t === step ? 'step' : undefined}>
            <span className="learn-event-step">step {t}</span>
            <ul>
              {(expanded.has(t) ? events : events.slice(0, PER_STEP)).map((e, i) => (
                <li key={i} className={`ev ev-${e.kind}`}>
                  <button type="button" className="learn-event" onClick={() => setStep(t)} data-step={t}>
                    {describeEvent(e, trace.ids)}
                  </button>
                </li>
              ))}
            </ul>
            {events.length > PER_STEP && !expanded.has(t) && (
              <button type="button" className="link-button small" data-testid="learn-events-more" onClick={() => setExpanded(new Set([...expanded, t]))}>
                Show all {events.length} events of step {t} ({events.length - PER_STEP} more)
              </button>
            )}
          </li>
        ))}
      </ol>
      {hiddenAfter > 0 && <p className="muted small">… {hiddenAfter} later step{hiddenAfter === 1 ? '' : 's'} with events</p>}
    </section>
  );
}
