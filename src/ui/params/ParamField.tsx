import { useState, type ReactNode } from 'react';
import type { DraftEdit } from '../../state/paramsSlice';
import { appStore } from '../../state/useAppStore';
import { fieldDomId, type FieldSpec } from './fieldSpecs';
import { describeProblem, formatFieldValue, parseFieldText } from './fieldText';
import { sameValue, useDebouncedCommit, useDraftValue, useFieldProblem } from './useDraftValue';

interface ParamFieldProps {
  spec: FieldSpec;
  /** More edits to make with this one (e.g. a crash field clears the preset it no longer matches). */
  alsoEdit?: DraftEdit[];
  /** Hide the one-line hint (tier rows, where the table header explains the columns). */
  hideHint?: boolean;
}

/** Label, unit, input, hint and — when the draft is refused here — the reason, linked for assistive tech. */
export function FieldFrame({
  id,
  label,
  unit,
  hint,
  problem,
  children,
  after,
}: {
  id: string;
  label: string;
  unit: string;
  hint: string | null;
  problem: string | null;
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <div className={problem ? 'field invalid' : 'field'}>
      <label htmlFor={id}>
        {label} <span className="unit">({unit})</span>
      </label>
      <div className="field-input">
        {children}
        {after}
      </div>
      {problem && (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

export const describedBy = (id: string, hint: boolean, problem: boolean): string | undefined =>
  [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;

/**
 * One parameter as a text input. What is typed goes into the draft 300 ms after the last keystroke (or on
 * blur / Enter); validateParams judges the whole draft and this field shows its own problem, if any. A value
 * changed elsewhere (reset, a preset, a link) replaces the text.
 */
export function ParamField({ spec, alsoEdit, hideHint = false }: ParamFieldProps) {
  const id = fieldDomId(spec.path);
  const value = useDraftValue(spec.path);
  const validatorProblem = useFieldProblem(spec.path);
  const [text, setText] = useState(() => formatFieldValue(value, spec.kind));
  const [synced, setSynced] = useState<unknown>(value);
  const [localProblem, setLocalProblem] = useState<string | null>(null);
  /** What unticking "unlimited"/"none" restores: the last value this field had. */
  const [lastValue, setLastValue] = useState<string>(() => (typeof value === 'string' ? value : (spec.nullable?.restore ?? '')));

  if (!sameValue(value, synced)) {
    // Changed from outside this input: show the new value.
    setSynced(value);
    setText(formatFieldValue(value, spec.kind));
    setLocalProblem(null);
    if (typeof value === 'string' && value !== '') setLastValue(value);
  }

  const commit = (next: string) => {
    const parsed = parseFieldText(next, spec.kind);
    setLocalProblem(parsed.problem);
    setSynced(parsed.value);
    if (typeof parsed.value === 'string' && parsed.value !== '') setLastValue(parsed.value);
    appStore.getState().editDraft([{ path: spec.path, value: parsed.value }, ...(alsoEdit ?? [])]);
  };
  const { schedule, flush } = useDebouncedCommit(commit);

  const isNull = spec.nullable !== undefined && value === null;
  const problem = localProblem ?? (validatorProblem ? describeProblem(validatorProblem, spec.kind) : null);
  const showHint = !hideHint;

  const nullToggle = spec.nullable && (
    <label className="inline-toggle">
      <input
        type="checkbox"
        checked={isNull}
        onChange={(event) => {
          const edits: DraftEdit[] = [{ path: spec.path, value: event.target.checked ? null : lastValue }];
          appStore.getState().editDraft([...edits, ...(alsoEdit ?? [])]);
        }}
      />
      {spec.nullable.word}
    </label>
  );

  return (
    <FieldFrame id={id} label={spec.label} unit={spec.unit} hint={showHint ? spec.hint : null} problem={problem} after={nullToggle}>
      <input
        id={id}
        type="text"
        inputMode={spec.kind === 'integer' ? 'numeric' : 'decimal'}
        autoComplete="off"
        spellCheck={false}
        value={isNull ? '' : text}
        placeholder={isNull ? spec.nullable!.word.toLowerCase() : undefined}
        disabled={isNull}
        aria-invalid={problem !== null}
        aria-describedby={describedBy(id, showHint, problem !== null)}
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

interface Option<T extends string> {
  value: T;
  label: string;
}

/** A labelled select that applies at once. */
export function SelectField<T extends string>({
  id,
  label,
  unit,
  hint,
  value,
  options,
  onChange,
  problem = null,
}: {
  id: string;
  label: string;
  unit?: string;
  hint: string | null;
  value: T;
  options: readonly Option<T>[];
  onChange: (value: T) => void;
  problem?: string | null;
}) {
  return (
    <div className={problem ? 'field invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {unit && <span className="unit"> ({unit})</span>}
      </label>
      <select
        id={id}
        value={value}
        aria-describedby={describedBy(id, hint !== null, problem !== null)}
        onChange={(event) => onChange(event.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {problem && (
        <p id={`${id}-problem`} className="field-problem" role="alert">
          {problem}
        </p>
      )}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A labelled checkbox that applies at once. */
export function CheckField({ id, label, hint, checked, onChange }: { id: string; label: string; hint: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="field check-field">
      <div className="check-row">
        <input id={id} type="checkbox" checked={checked} aria-describedby={`${id}-hint`} onChange={(event) => onChange(event.target.checked)} />
        <label htmlFor={id}>{label}</label>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
    </div>
  );
}
