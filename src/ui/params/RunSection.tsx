import { useState } from 'react';
import type { ParamProblem } from '../../engine/params/riskParams';
import { selectPaths, selectSeed } from '../../state/selectors';
import { appStore, useAppStore } from '../../state/useAppStore';
import { formatInteger } from '../format';
import { RUN_FIELDS } from './fieldSpecs';
import { describedBy, FieldFrame } from './ParamField';
import { describeProblem } from './fieldText';
import { Section } from './Section';
import { useDebouncedCommit } from './useDraftValue';
import { EstimatorField } from './EstimatorField';

/** A run option (paths or seed) as a text input, validated by validateRunOptions through the store. */
function RunOptionField({ name, value, set }: { name: 'paths' | 'seed'; value: number; set: (n: number) => ParamProblem[] }) {
  const id = `run-${name}`;
  const spec = RUN_FIELDS[name];
  const [text, setText] = useState(String(value));
  const [synced, setSynced] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  if (value !== synced) {
    setSynced(value);
    setText(String(value));
    setProblem(null);
  }
  const commit = (next: string) => {
    const trimmed = next.trim().replace(/[,_\s]/g, '');
    if (!/^\d{1,16}$/.test(trimmed)) {
      setProblem('Enter a whole number.');
      return;
    }
    const n = Number(trimmed);
    const problems = set(n);
    if (problems.length > 0) {
      setProblem(describeProblem(problems[0]!.message, 'integer'));
      return;
    }
    setSynced(n);
    setProblem(null);
  };
  const { schedule, flush } = useDebouncedCommit(commit);
  return (
    <FieldFrame id={id} label={spec.label} unit={spec.unit} hint={spec.hint} problem={problem}>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
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

/** How many paths to run and from which seed. */
export function RunSection() {
  const paths = useAppStore(selectPaths);
  const seed = useAppStore(selectSeed);
  const { setPaths, setSeed } = appStore.getState();
  return (
    <Section id="section-run" title="Simulation" summary={`${formatInteger(paths)} paths · seed ${seed}`} fields={[]} open>
      <div className="field-pair">
        <RunOptionField name="paths" value={paths} set={setPaths} />
        <RunOptionField name="seed" value={seed} set={setSeed} />
      </div>
      <EstimatorField />
    </Section>
  );
}
