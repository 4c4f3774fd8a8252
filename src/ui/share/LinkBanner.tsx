import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { linkNoticeStore } from '../../state/urlSync';
import { HeavyRunPrompt } from './HeavyRunPrompt';
import './share.css';

/**
 * The message about a link that could not be opened (or was updated from an older version), in plain words,
 * dismissible. Problems are rendered as text: a hostile link's strings never become markup.
 */
export function LinkBanner() {
  const notice = useStore(linkNoticeStore, (s) => s.notice);
  const dismiss = useStore(linkNoticeStore, (s) => s.dismiss);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice?.tone === 'error') ref.current?.focus();
  }, [notice]);
  if (!notice) return <HeavyRunPrompt />;
  return (
    <>
    <HeavyRunPrompt />
    <div
      ref={ref}
      tabIndex={-1}
      className={notice.tone === 'error' ? 'link-banner error' : 'link-banner info'}
      role={notice.tone === 'error' ? 'alert' : 'status'}
      data-testid="link-banner"
    >
      <div className="link-banner-text">
        <strong>{notice.title}</strong>
        {notice.problems.length > 0 && (
          <ul>
            {notice.problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="secondary small" onClick={dismiss} aria-label="Dismiss this message">
        Dismiss
      </button>
    </div>
    </>
  );
}
