import { useId, useState, type ReactNode } from 'react';
import { GLOSSARY, type GlossaryKey } from './glossary';
import '../trust.css';

/**
 * A glossary word: a button (so it works on tap and from the keyboard, not only on hover) that shows its
 * definition inline next to it; Escape or a second press hides it. The title still shows it on hover.
 */
export function Term({ k, children }: { k: GlossaryKey; children?: ReactNode }) {
  const entry = GLOSSARY[k];
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        className="learn-term learn-term-button"
        title={entry.definition}
        aria-expanded={open}
        aria-controls={id}
        data-testid={`term-${k}`}
        onClick={() => setOpen(!open)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
      >
        {children ?? entry.term}
      </button>
      <span id={id} className="learn-term-definition" role="note" hidden={!open} data-testid={`term-${k}-definition`}>
        {entry.definition}
      </span>
    </>
  );
}

/** The whole glossary as a definition list (the one place every term is defined in full). */
export function Glossary() {
  return (
    <dl className="learn-glossary">
      {(Object.keys(GLOSSARY) as GlossaryKey[]).map((k) => (
        <div key={k} id={`glossary-${k}`}>
          <dt>
            <dfn>{GLOSSARY[k].term}</dfn>
          </dt>
          <dd>{GLOSSARY[k].definition}</dd>
        </div>
      ))}
    </dl>
  );
}
