import { useMemo } from 'react';
import type { LearnTrace } from '../../../workers/traceClient';
import { money } from './eventText';
import { Term } from './Term';

/**
 * The shown accounts at the current step: each an equity bar against its maintenance line (own scale: the most
 * it reaches on the path). Red: equity below maintenance (liquidatable). Grey: closed.
 */
export function AccountsGrid({ trace, step }: { trace: LearnTrace; step: number }) {
  const { count, side, index, entryPrice, equityQuote, maintenanceQuote, open } = trace.shown;
  const scale = useMemo(() => {
    const out = new Float64Array(count);
    for (let t = 0; t < trace.steps; t++) {
      for (let k = 0; k < count; k++) out[k] = Math.max(out[k]!, equityQuote[t * count + k]!, maintenanceQuote[t * count + k]!);
    }
    return out;
  }, [trace, count, equityQuote, maintenanceQuote]);
  let liquidatable = 0;
  let closed = 0;
  const tiles = [];
  for (let k = 0; k < count; k++) {
    const at = step * count + k;
    const equity = equityQuote[at]!;
    const maintenance = maintenanceQuote[at]!;
    const isOpen = open[at] === 1;
    const state = !isOpen ? 'closed' : equity < maintenance ? 'liquidatable' : 'healthy';
    if (state === 'closed') closed++;
    if (state === 'liquidatable') liquidatable++;
    const id = trace.ids[index[k]!] ?? `#${index[k]}`;
    const s = side[k]! > 0 ? 'long' : 'short';
    const max = scale[k]! || 1;
    const tip = `${id} · ${s} ${money(trace.shownSizeBase[k]!)} @ ${money(entryPrice[k]!)} · equity ${money(equity)}${isOpen ? ` · maintenance ${money(maintenance)}` : ' · closed'}`;
    tiles.push(
      <li key={k} className={`learn-account ${state}`} title={tip} data-testid={`learn-account-${id}`} data-state={state}>
        <span className="learn-account-bar" aria-hidden="true">
          <span className="learn-account-equity" style={{ height: `${Math.max(0, Math.min(100, (100 * equity) / max))}%` }} />
          {isOpen && <span className="learn-account-maint" style={{ bottom: `${Math.min(100, (100 * maintenance) / max)}%` }} />}
        </span>
        <span className="learn-account-id">{id}</span>
        <span className="learn-account-side">{s === 'long' ? 'L' : 'S'}</span>
        <span className="visually-hidden">{tip}</span>
      </li>,
    );
  }
  return (
    <section className="panel learn-card learn-accounts" aria-labelledby="learn-accounts-title">
      <h3 id="learn-accounts-title">Accounts ({count} shown)</h3>
      <p className="learn-readout">
        <span className="swatch swatch-healthy" /> equity above the <Term k="maintenance-margin" /> line
        <span className="swatch swatch-liquidatable" /> below it: liquidatable ({liquidatable})
        <span className="swatch swatch-closed" /> closed ({closed})
      </p>
      <ul className="learn-account-list">{tiles}</ul>
      <p className="muted small">Each bar on its own scale (the most that account’s equity reaches on the path). L long, S short. Hover for size and numbers.</p>
    </section>
  );
}
