import { useState } from 'react';
import { getIn } from '../../state/paramsSlice';
import { appStore } from '../../state/useAppStore';
import { FieldFrame, describedBy } from './ParamField';
import { fieldDomId } from './fieldSpecs';
import { describeProblem } from './fieldText';
import { POPULATION_SEED_PATH, populationSeedEdit, populationSeedText } from './populationSeed';
import { sameValue, useDebouncedCommit, useDraftValue, useFieldProblem } from './useDraftValue';

const PATH = [...POPULATION_SEED_PATH];
const HINT = 'Fixes which book is drawn, whatever the run seed (two run seeds then differ in price paths only). Empty: drawn from the run seed.';

/** population.seed: an optional integer; empty removes it from the parameters. */
export function PopulationSeedField() {
  const id = fieldDomId(PATH);
  const value = useDraftValue(PATH);
  const validatorProblem = useFieldProblem(PATH);
  const [text, setText] = useState(() => populationSeedText(value));
  const [synced, setSynced] = useState<unknown>(value);
  const [localProblem, setLocalProblem] = useState<string | null>(null);

  if (!sameValue(value, synced)) {
    setSynced(value);
    setText(populationSeedText(value));
    setLocalProblem(null);
  }

  const commit = (next: string) => {
    const { edit, problem } = populationSeedEdit(getIn(appStore.getState().draft, ['population']), next);
    setLocalProblem(problem);
    setSynced(next.trim() === '' ? undefined : (edit.value as { seed?: unknown }).seed);
    appStore.getState().editDraft([edit]);
  };
  const { schedule, flush } = useDebouncedCommit(commit);
  const problem = localProblem ?? (validatorProblem ? describeProblem(validatorProblem, 'integer') : null);

  return (
    <FieldFrame id={id} label="Population seed" unit="optional integer" hint={HINT} problem={problem}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder="from the run seed"
        aria-invalid={problem !== null}
        aria-describedby={describedBy(id, true, problem !== null)}
        onChange={(event) => {
          setText(event.target.value);
          schedule(event.target.value);
        }}
        onBlur={flush}
        onKeyDown={(event) => {
          if (event.key === 'Enter') flush();
        }}
      />
    </FieldFrame>
  );
}
