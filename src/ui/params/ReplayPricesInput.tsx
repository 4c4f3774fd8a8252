import { useState } from 'react';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatInteger } from '../format';
import { describedBy } from './ParamField';
import { describeProblem } from './fieldText';
import { priceProblemLine, pricesToText, readPriceSeries } from './replayPrices';
import { sameValue, useDebouncedCommit, useDraftValue } from './useDraftValue';

const ID = 'param-scenario-prices';
const MAX_SHOWN_PROBLEMS = 5;

/**
 * The replay series: paste prices (one per line, or CSV rows with the price last) or upload a CSV. The horizon
 * follows the series (market.steps := number of prices); each price is judged by validateParams and its
 * problem shown with the line it came from.
 */
export function ReplayPricesInput() {
  const prices = useDraftValue(['scenario', 'prices']);
  const list = Array.isArray(prices) ? (prices as unknown[]).map(String) : [];
  const [text, setText] = useState(() => pricesToText(list));
  const [synced, setSynced] = useState<unknown>(prices);
  const [lineOf, setLineOf] = useState<number[]>(() => list.map((_, i) => i + 1));
  const [fileNote, setFileNote] = useState<string | null>(null);

  if (!sameValue(prices, synced)) {
    setSynced(prices);
    setText(pricesToText(list));
    setLineOf(list.map((_, i) => i + 1));
  }

  const problems = useAppStore((s) =>
    s.draftProblems
      .filter((p) => p.field === 'scenario.prices' || p.field.startsWith('scenario.prices['))
      .map((p) => `${p.field}\u0000${p.message}`)
      .join('\u0001'),
  );
  const shown = problems
    ? problems.split('\u0001').map((entry) => {
        const [field, message] = entry.split('\u0000') as [string, string];
        const line = priceProblemLine(field, lineOf);
        return `${line !== null ? `Line ${line}: ` : ''}${describeProblem(message, null)}`;
      })
    : [];

  const commit = (next: string) => {
    const series = readPriceSeries(next);
    setSynced(series.prices);
    setLineOf(series.lineOf);
    appStore.getState().editDraft([
      { path: ['scenario', 'prices'], value: series.prices },
      // The horizon follows the series; at least 2 points (a shorter series is refused at the prices).
      { path: ['market', 'steps'], value: Math.max(2, series.prices.length) },
      // The market starts at the series' first price (a replay elsewhere would liquidate the book at step 0).
      ...(series.prices[0] !== undefined ? [{ path: ['market', 'initialPrice'], value: series.prices[0] }] : []),
    ]);
  };
  const { schedule, flush } = useDebouncedCommit(commit);

  let min: number | null = null;
  let max: number | null = null;
  for (const cell of list) {
    const n = Number(cell);
    if (!Number.isFinite(n)) continue;
    min = min === null ? n : Math.min(min, n);
    max = max === null ? n : Math.max(max, n);
  }

  return (
    <div className={shown.length > 0 ? 'field invalid' : 'field'}>
      <label htmlFor={ID}>
        Prices <span className="unit">(quote per base, one per step)</span>
      </label>
      <textarea
        id={ID}
        rows={6}
        spellCheck={false}
        value={text}
        aria-invalid={shown.length > 0}
        aria-describedby={describedBy(ID, true, shown.length > 0)}
        onChange={(event) => {
          setText(event.target.value);
          schedule(event.target.value);
        }}
        onBlur={flush}
      />
      {shown.length > 0 && (
        <div id={`${ID}-problem`} className="field-problem" role="alert">
          <ul>
            {shown.slice(0, MAX_SHOWN_PROBLEMS).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {shown.length > MAX_SHOWN_PROBLEMS && <p>…and {shown.length - MAX_SHOWN_PROBLEMS} more.</p>}
        </div>
      )}
      <p id={`${ID}-hint`} className="field-hint">
        Paste one price per line, or CSV rows with the price in the last column (a header row is skipped). The horizon
        follows the series
        {min !== null && max !== null && `: ${formatInteger(list.length)} prices from ${min} to ${max}`}.
      </p>
      <div className="file-row">
        <label htmlFor={`${ID}-file`} className="file-label">
          Upload a CSV of prices
        </label>
        <input
          id={`${ID}-file`}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            const content = await file.text();
            setText(content);
            setFileNote(`Read ${file.name}.`);
            commit(content);
          }}
        />
        {fileNote && <span className="muted">{fileNote}</span>}
      </div>
    </div>
  );
}
