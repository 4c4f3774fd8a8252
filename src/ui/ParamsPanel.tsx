import { useState } from 'react';
import { selectParams, selectPaths, selectSeed, selectStatus } from '../state/selectors';
import { appStore, useAppStore } from '../state/useAppStore';
import { MECHANISM_OPTIONS, PARAM_FIELDS, RUN_FIELDS, mechanismValue } from './paramFields';
import { TextField } from './TextField';

/** The governance parameters and run options, and the button that runs them. */
export function ParamsPanel() {
  const params = useAppStore(selectParams);
  const paths = useAppStore(selectPaths);
  const seed = useAppStore(selectSeed);
  const running = useAppStore(selectStatus) === 'running';
  // Inputs keep their own text; after a reset they are remounted (new keys) to show the defaults again.
  const [generation, setGeneration] = useState(0);
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());

  const validity = (id: string) => (valid: boolean) =>
    setInvalid((current) => {
      if (valid === !current.has(id)) return current;
      const next = new Set(current);
      if (valid) next.delete(id);
      else next.add(id);
      return next;
    });

  const { setParams, setPaths, setSeed, resetParams, startRun } = appStore.getState();
  const mechanismId = `mechanism-${generation}`;

  return (
    <form
      className="panel"
      aria-labelledby="params-heading"
      onSubmit={(event) => {
        event.preventDefault();
        if (invalid.size === 0) void startRun();
      }}
    >
      <h2 id="params-heading">Parameters</h2>
      {PARAM_FIELDS.filter((field) => field.applies?.(params) ?? true).map((field) => (
        <TextField
          key={`${field.id}-${generation}`}
          label={field.label}
          hint={field.hint}
          initialText={field.read(params)}
          parse={field.parse}
          onValid={(value, text) => setParams(field.write(appStore.getState().params, value, text))}
          onValidity={validity(field.id)}
        />
      ))}
      <div className="field">
        <label htmlFor={mechanismId}>After the insurance fund</label>
        <select
          id={mechanismId}
          value={mechanismValue(params.lossMechanism)}
          onChange={(event) => {
            const option = MECHANISM_OPTIONS.find((o) => o.value === event.target.value);
            if (option) setParams({ ...appStore.getState().params, lossMechanism: option.mechanism });
          }}
        >
          {MECHANISM_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <small className="field-hint">Who bears a deficit the fund cannot pay.</small>
      </div>
      <div className="field-row">
        <TextField
          key={`paths-${generation}`}
          label={RUN_FIELDS.paths.label}
          hint={RUN_FIELDS.paths.hint}
          initialText={String(paths)}
          parse={RUN_FIELDS.paths.parse}
          onValid={setPaths}
          onValidity={validity('paths')}
          inputMode="numeric"
        />
        <TextField
          key={`seed-${generation}`}
          label={RUN_FIELDS.seed.label}
          hint={RUN_FIELDS.seed.hint}
          initialText={String(seed)}
          parse={RUN_FIELDS.seed.parse}
          onValid={setSeed}
          onValidity={validity('seed')}
          inputMode="numeric"
        />
      </div>
      <div className="actions">
        <button type="submit" disabled={running || invalid.size > 0}>
          {running ? 'Running…' : 'Run simulation'}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            resetParams();
            setInvalid(new Set());
            setGeneration((g) => g + 1);
          }}
        >
          Reset to defaults
        </button>
      </div>
      {invalid.size > 0 && <p className="field-problem">Fix the fields marked above to run.</p>}
    </form>
  );
}
