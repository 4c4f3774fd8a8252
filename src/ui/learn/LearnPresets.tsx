import { useMemo } from 'react';
import { encodeShareState } from '../../share/codec';
import { applyShareState } from './applyPreset';
import { LEARN_PRESETS } from './presets';

/** The guided stories, each a share link; following one opens it here at once. */
export function LearnPresets() {
  const links = useMemo(() => LEARN_PRESETS.map((p) => ({ preset: p, href: `#${encodeShareState(p.state)}` })), []);
  return (
    <div className="learn-presets">
      <h3>Stories</h3>
      <ol>
        {links.map(({ preset, href }) => (
          <li key={preset.id}>
            <a href={href} data-testid={`learn-preset-${preset.id}`} onClick={() => applyShareState(preset.state)}>
              {preset.title}
            </a>
            <p>{preset.story}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
