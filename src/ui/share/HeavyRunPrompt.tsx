import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { heavyRunStore } from '../../state/heavyRunGate';
import { formatBytes, formatDuration } from '../../state/runCost';
import { formatInteger } from '../format';
import './share.css';

/** Asks before a link's heavy run starts: what it would cost, and the choice to run it or not. */
export function HeavyRunPrompt() {
  const pending = useStore(heavyRunStore, (s) => s.pending);
  const accept = useStore(heavyRunStore, (s) => s.accept);
  const decline = useStore(heavyRunStore, (s) => s.decline);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (pending) ref.current?.focus();
  }, [pending]);
  if (!pending) return null;
  const { cost } = pending;
  return (
    <div ref={ref} tabIndex={-1} className="link-banner info" role="alertdialog" aria-labelledby="heavy-run-title" data-testid="heavy-run-prompt">
      <div className="link-banner-text">
        <strong id="heavy-run-title">This link asks for a long run: {formatDuration(cost.seconds)} on this computer, using about {formatBytes(cost.bytes)}.</strong>
        <p>
          {formatInteger(cost.accounts)} accounts × {formatInteger(cost.steps)} steps × {formatInteger(cost.paths)} paths
          {cost.sides > 1 ? ', with a baseline run on the same paths' : ''}. Nothing has started: the page still shows what it showed before.
        </p>
      </div>
      <div className="heavy-run-actions">
        <button type="button" className="small" onClick={accept} data-testid="heavy-run-accept">
          Open and run it
        </button>
        <button type="button" className="secondary small" onClick={decline} data-testid="heavy-run-decline">
          Don’t open it
        </button>
      </div>
    </div>
  );
}
