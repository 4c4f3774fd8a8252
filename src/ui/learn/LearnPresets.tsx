import { useMemo, useState } from 'react';
import { encodeShareState } from '../../share/codec';
import { appStore } from '../../state/useAppStore';
import { LEARN_PRESETS, type LearnPreset } from './presets';
import { storyWouldReplaceWork } from './storyConsent';
import '../trust.css';

/**
 * The guided stories, each a share link. Following one opens it here at once when nothing would be lost; when the
 * dashboard holds the user's own parameters or baseline, it asks first: replace them, or open the story in a new
 * tab (its own workspace), or cancel.
 */
export function LearnPresets() {
  const links = useMemo(() => LEARN_PRESETS.map((p) => ({ preset: p, href: `#${encodeShareState(p.state)}` })), []);
  const [pending, setPending] = useState<{ preset: LearnPreset; href: string } | null>(null);
  return (
    <div className="learn-presets">
      <h3>Stories</h3>
      {pending && (
        <div className="story-confirm" role="alertdialog" aria-labelledby="story-confirm-text" data-testid="story-confirm">
          <p id="story-confirm-text">
            “{pending.preset.title}” sets its own parameters{pending.preset.state.baseline ? ' and baseline' : ''}. Your dashboard has parameters or a baseline of your own: replace
            them, or open the story in a new tab and keep them here?
          </p>
          <div className="actions">
            <a className="button-link" href={pending.href} target="_blank" rel="noopener" data-testid="story-new-tab" onClick={() => setPending(null)}>
              Open in a new tab
            </a>
            <button
              type="button"
              className="secondary small"
              data-testid="story-replace"
              onClick={() => {
                appStore.getState().applyShareState(pending.preset.state);
                setPending(null);
              }}
            >
              Replace my parameters
            </button>
            <button type="button" className="secondary small" data-testid="story-cancel" onClick={() => setPending(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <ol>
        {links.map(({ preset, href }) => (
          <li key={preset.id}>
            <a
              href={href}
              data-testid={`learn-preset-${preset.id}`}
              onClick={(event) => {
                const s = appStore.getState();
                if (storyWouldReplaceWork(s.params, s.baseline)) {
                  event.preventDefault();
                  setPending({ preset, href });
                  return;
                }
                appStore.getState().applyShareState(preset.state);
              }}
            >
              {preset.title}
            </a>
            <p>{preset.story}</p>
          </li>
        ))}
      </ol>
    </div>
  );
}
