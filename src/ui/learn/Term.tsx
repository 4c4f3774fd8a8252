import type { ReactNode } from 'react';
import { GLOSSARY, type GlossaryKey } from './glossary';

/** A glossary word: dotted underline, its definition on hover (title) and for screen readers. */
export function Term({ k, children }: { k: GlossaryKey; children?: ReactNode }) {
  const entry = GLOSSARY[k];
  return (
    <abbr className="learn-term" title={entry.definition}>
      {children ?? entry.term}
    </abbr>
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
