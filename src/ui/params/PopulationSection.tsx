import { useRef, useState } from 'react';
import type { ExplicitAccount, PopulationParams } from '../../engine/params/riskParams';
import { EXAMPLE_POSITIONS_CSV, freshPopulation } from '../../state/positionsSlice';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatInteger, formatQuote } from '../format';
import { GENERATED_POPULATION_FIELDS } from './fieldSpecs';
import { ParamField, SelectField } from './ParamField';
import { PopulationSeedField } from './PopulationSeedField';
import { Section } from './Section';
import { useDraftValue } from './useDraftValue';

type PopulationKind = PopulationParams['kind'];

const KIND_OPTIONS: { value: PopulationKind; label: string }[] = [
  { value: 'generated', label: 'Generated from a few parameters' },
  { value: 'explicit', label: 'Imported positions (CSV)' },
];

const TABLE_ROWS = 8;
const MAX_SHOWN_PROBLEMS = 8;

function notional(accounts: readonly ExplicitAccount[], side: 'long' | 'short'): number {
  let sum = 0;
  for (const a of accounts) if (a.side === side) sum += Number(a.size) * Number(a.entryPrice);
  return sum;
}

/** CSV import of a position snapshot: paste or upload, line/column problems, and a table of what was imported. */
function PositionsImport({ accounts }: { accounts: readonly ExplicitAccount[] }) {
  const [text, setText] = useState('');
  const outcome = useAppStore((s) => s.positionsImport);
  const problems = outcome && 'problems' in outcome ? outcome.problems : [];
  const note = outcome === null ? null : 'problems' in outcome ? `${outcome.source} was not imported; the positions below are unchanged.` : `Imported ${formatInteger(outcome.imported)} positions from ${outcome.source}.`;
  const importCsv = (csv: string, source: string) => appStore.getState().importPositionsCsv(csv, source);

  const longs = notional(accounts, 'long');
  const shorts = notional(accounts, 'short');
  return (
    <>
      <div className={problems.length > 0 ? 'field invalid' : 'field'}>
        <label htmlFor="param-population-csv">
          Positions CSV <span className="unit">(id, side, size, entryPrice, collateral)</span>
        </label>
        <textarea
          id="param-population-csv"
          rows={5}
          spellCheck={false}
          value={text}
          placeholder={EXAMPLE_POSITIONS_CSV.split('\n').slice(0, 3).join('\n')}
          aria-invalid={problems.length > 0}
          aria-describedby={`param-population-csv-hint${problems.length > 0 ? ' param-population-csv-problem' : ''}`}
          onChange={(event) => setText(event.target.value)}
        />
        {problems.length > 0 && (
          <div id="param-population-csv-problem" className="field-problem" role="alert">
            <ul>
              {problems.slice(0, MAX_SHOWN_PROBLEMS).map((p) => (
                <li key={`${p.line}-${p.column}-${p.message}`}>
                  Line {p.line}
                  {p.column && `, column ${p.column}`}: {p.message}
                </li>
              ))}
            </ul>
            {problems.length > MAX_SHOWN_PROBLEMS && <p>…and {problems.length - MAX_SHOWN_PROBLEMS} more.</p>}
          </div>
        )}
        <p id="param-population-csv-hint" className="field-hint">
          One account per line after a header row; size in base units, entry price and collateral in quote. Taken as
          given (the book need not balance).
        </p>
        <div className="file-row">
          <button type="button" className="secondary" disabled={text.trim() === ''} onClick={() => importCsv(text, 'the pasted text')}>
            Import pasted CSV
          </button>
          <label htmlFor="param-population-file" className="file-label">
            Upload positions CSV
          </label>
          <input
            id="param-population-file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (!file) return;
              const content = await file.text();
              setText(content);
              importCsv(content, file.name);
            }}
          />
        </div>
        {note && (
          <p className="muted small" role="status">
            {note}
          </p>
        )}
      </div>
      <div className="table-wrap" role="region" aria-label="Imported accounts" tabIndex={0}>
        <table className="accounts">
          <caption>
            {formatInteger(accounts.length)} accounts · long notional {formatQuote(longs)} · short notional {formatQuote(shorts)} (quote, at entry)
          </caption>
          <thead>
            <tr>
              <th scope="col">id</th>
              <th scope="col">side</th>
              <th scope="col">size</th>
              <th scope="col">entry</th>
              <th scope="col">collateral</th>
            </tr>
          </thead>
          <tbody>
            {accounts.slice(0, TABLE_ROWS).map((a) => (
              <tr key={a.id}>
                <td>{a.id}</td>
                <td>{a.side}</td>
                <td className="num">{a.size}</td>
                <td className="num">{a.entryPrice}</td>
                <td className="num">{a.collateral}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {accounts.length > TABLE_ROWS && <p className="muted small">…and {formatInteger(accounts.length - TABLE_ROWS)} more.</p>}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setText(appStore.getState().editPositionsAsCsv(accounts));
          }}
        >
          Edit these positions as CSV
        </button>
      </div>
    </>
  );
}

/** Who holds positions: a generated book (count, open interest, leverage, concentration) or an imported one. */
export function PopulationSection() {
  const population = useDraftValue(['population']) as Partial<PopulationParams> | undefined;
  const memory = useRef<Partial<Record<PopulationKind, unknown>>>({});
  const kind = population?.kind ?? 'generated';
  const accounts = kind === 'explicit' && Array.isArray((population as { accounts?: unknown }).accounts) ? ((population as { accounts: ExplicitAccount[] }).accounts) : [];
  const count = kind === 'generated' ? (population as { accounts?: unknown }).accounts : accounts.length;

  return (
    <Section
      id="section-population"
      title="Population"
      summary={`${kind === 'generated' ? 'Generated' : 'Imported'} · ${typeof count === 'number' ? formatInteger(count) : '?'} accounts`}
      fields={['population']}
      open={false}
    >
      <SelectField
        id="param-population-kind"
        label="Positions"
        hint={kind === 'generated' ? 'A zero-sum book drawn from the parameters below; a market maker holds the residual.' : 'A snapshot of real or hand-made positions.'}
        value={kind}
        options={KIND_OPTIONS}
        onChange={(next) => {
          if (next === kind) return;
          memory.current[kind] = population;
          const value = memory.current[next] ?? freshPopulation(next);
          appStore.getState().editDraft([{ path: ['population'], value }]);
        }}
      />
      {kind === 'generated' && GENERATED_POPULATION_FIELDS.map((spec) => <ParamField key={spec.path.join('.')} spec={spec} />)}
      {kind === 'generated' && <PopulationSeedField />}
      {kind === 'explicit' && <PositionsImport accounts={accounts} />}
    </Section>
  );
}
