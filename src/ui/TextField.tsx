import { useId, useState } from 'react';

interface TextFieldProps {
  label: string;
  hint: string;
  initialText: string;
  /** Returns the parsed value, or a string saying what is wrong. */
  parse: (text: string) => number | string;
  onValid: (value: number, text: string) => void;
  onValidity: (valid: boolean) => void;
  inputMode?: 'decimal' | 'numeric';
}

/** A labelled text input that commits only values that parse, and says why others do not. */
export function TextField({ label, hint, initialText, parse, onValid, onValidity, inputMode = 'decimal' }: TextFieldProps) {
  const id = useId();
  const [text, setText] = useState(initialText);
  const [problem, setProblem] = useState<string | null>(null);

  const change = (next: string) => {
    setText(next);
    const parsed = parse(next);
    if (typeof parsed === 'string') {
      setProblem(parsed);
      onValidity(false);
    } else {
      setProblem(null);
      onValidity(true);
      onValid(parsed, next.trim());
    }
  };

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={`${id}-hint`}
        onChange={(event) => change(event.target.value)}
      />
      <small id={`${id}-hint`} className={problem ? 'field-problem' : 'field-hint'}>
        {problem ?? hint}
      </small>
    </div>
  );
}
