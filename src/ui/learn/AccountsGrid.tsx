import { useMemo } from 'react';
import type { LearnTrace } from '../../state/engines';
import { accountChanges, CHANGE_LABELS, lastChangeBy } from './accountChanges';
import { money } from './eventText';
import { Term } from './Term';

/**
 * The shown accounts at the current step: each an equity bar against its maintenance line (own scale: the most
 * it reaches on the path). Red: equity below maintenance (liquidatable). Grey: closed. A position that ADL, a
 * vault takeover or a liquidation closed or shrank says so on its tile, with its size now against its opening size.
 */
export function AccountsGrid({ trace, step }: { trace: LearnTrace; step: number }) {
  const { count, side, index, entryPrice, equityQuote, maintenanceQuote, open, sizeBase } = trace.shown;
  const changes = useMemo(() => accountChanges(trace.events), [trace]);
  const scale = useMemo(() => {
    const out = new Float64Array(count);
    for (let t = 0; t < trace.steps; t++) {
      for (let k = 0; k < count; k++) out[k] = Math.max(out[k]!, equityQuote[t * count + k]!, maintenanceQuote[t * count + k]!);
    }
    return out;
  }, [trace, count, equityQuote, maintenanceQuote]);
  let liquidatable = 0;
  let closed = 0;
  let reduced = 0;
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
    const openingSize = trace.shownSizeBase[k]!;
    const sizeNow = sizeBase[at]!;
    const change = lastChangeBy(changes.get(index[k]!), step);
    const shrunk = isOpen && sizeNow < openingSize * (1 - 1e-12);
    if (shrunk) reduced++;
    const changeWords = change ? `${CHANGE_LABELS[change.kind].words} at step ${change.step}` : '';
    const sizeWords = isOpen ? (shrunk ? `${money(sizeNow)} of ${money(openingSize)} left` : money(openingSize)) : `${money(openingSize)} closed`;
    const tip = `${id} · ${s} ${sizeWords} @ ${money(entryPrice[k]!)} · equity ${money(equity)}${isOpen ? ` · maintenance ${money(maintenance)}` : ''}${changeWords ? ` · ${changeWords}` : ''}`;
    tiles.push(
      <li
        key={k}
        className={`learn-account ${state}${shrunk ? ' reduced' : ''}`}
        title={tip}
        data-testid={`learn-account-${id}`}
        data-state={state}
        data-change={change?.kind ?? ''}
        data-size={String(sizeNow)}
        data-opening-size={String(openingSize)}
      >
        <span className="learn-account-bar" aria-hidden="true">
          <span className="learn-account-equity" style={{ height: `${Math.max(0, Math.min(100, (100 * equity) / max))}%` }} />
          {isOpen && <span className="learn-account-maint" style={{ bottom: `${Math.min(100, (100 * maintenance) / max)}%` }} />}
        </span>
        <span className="learn-account-id">{id}</span>
        <span className="learn-account-side">
          {s === 'long' ? 'L' : 'S'}
          {change && (!isOpen || shrunk) ? ` ${CHANGE_LABELS[change.kind].short}` : ''}
        </span>
        {shrunk && (
          <span className="learn-account-left" aria-hidden="true">
            {Math.round((100 * sizeNow) / openingSize)} %
          </span>
        )}
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
        <span className="swatch swatch-reduced" /> reduced by ADL or a partial liquidation ({reduced})
      </p>
      <ul className="learn-account-list">{tiles}</ul>
      <p className="muted small">Each bar on its own scale (the most that account’s equity reaches on the path). L long, S short; “ADL”, “liq.” or “vault” says what closed or shrank it, and a shrunk position shows the share of its opening size left. Hover for size and numbers.</p>
    </section>
  );
}
