import { useMemo, useState } from 'react';
import type { ForumPost } from '../../report/forumPost';
import { renderForumPostMarkdown } from '../../report/forumPost';
import { encodeShareState } from '../../share/codec';
import { selectBaseline, selectBaselineSummary, selectComparison, selectParams, selectPaths, selectSeed, selectStatus, selectSummary } from '../../state/selectors';
import { pagePost, type PagePost, type PagePostInput } from '../../state/pagePost';
import { searchWithoutRunQuery } from '../../state/runQuery';
import { shareStateOf } from '../../state/urlSync';
import { appStore, useAppStore } from '../../state/useAppStore';
import { downloadBlob, downloadText } from '../share/download';
import { bundleZip, captureCharts, chartRefs } from './bundle';
import { currentPageLink } from './currentPageLink';
import { PrintableReport } from './PrintableReport';
import './report.css';

type Message = { tone: 'ok' | 'error'; text: string } | null;

/** The inputs of the post from the store, or null until a comparison has finished. */
function usePostInputs(): Omit<PagePostInput, 'link'> | null {
  const params = useAppStore(selectParams);
  const baseline = useAppStore(selectBaseline);
  const summary = useAppStore(selectSummary);
  const baselineSummary = useAppStore(selectBaselineSummary);
  const comparison = useAppStore(selectComparison);
  const status = useAppStore(selectStatus);
  const seed = useAppStore(selectSeed);
  const paths = useAppStore(selectPaths);
  return useMemo(
    () => (status === 'done' && baseline && summary && baselineSummary && comparison ? { params, baseline, summary, baselineSummary, comparison, seed, paths } : null),
    [status, params, baseline, summary, baselineSummary, comparison, seed, paths],
  );
}

/** The link as the page would write it now (for the preview; Copy and Download take a fresh one). */
function linkNow(): string {
  return `${location.origin}${location.pathname}${searchWithoutRunQuery(location.search)}#${encodeShareState(shareStateOf(appStore.getState()))}`;
}

const STEWARD_WORDS = { outside: 'outside the steward’s bounds', 'not-steward': 'not a parameter the steward may change' } as const;

function StewardFlags({ post }: { post: ForumPost }) {
  const flagged = post.steward.checks.filter((c) => c.status !== 'within');
  if (post.parameters.length === 0) return null;
  return flagged.length === 0 ? (
    <p className="steward-ok" data-testid="steward-flags" data-outside="0">
      Every change is within the risk steward’s bounds ({post.steward.name}).
    </p>
  ) : (
    <div className="steward-flags" role="note" data-testid="steward-flags" data-outside={flagged.length}>
      <strong>
        {flagged.length === 1 ? 'One change needs' : `${flagged.length} changes need`} a full vote under the risk steward’s bounds ({post.steward.name}):
      </strong>
      <ul>
        {flagged.map((c) => (
          <li key={c.field} data-field={c.field}>
            <code>{c.field}</code> is {STEWARD_WORDS[c.status as keyof typeof STEWARD_WORDS]}: {c.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The governance post of the comparison: copy it as Markdown, download it (alone or as a .zip with the charts),
 * print it. Appears under the comparison once a run against a pinned baseline has finished.
 */
export function ReportPanel() {
  const inputs = usePostInputs();
  // A message belongs to the post it was about: a new run's post shows none.
  const [said, setSaid] = useState<{ about: unknown; message: Message }>({ about: null, message: null });
  const message = said.about === inputs ? said.message : null;
  const setMessage = (m: Message) => setSaid({ about: inputs, message: m });
  const [fallback, setFallback] = useState<string | null>(null);
  const preview: PagePost | null = useMemo(() => (inputs ? pagePost({ ...inputs, link: linkNow() }) : null), [inputs]);

  if (!inputs || !preview) return null;
  if (!preview.ok) {
    return (
      <div className="report-panel" data-testid="post-refused" role="note">
        <p className="share-message error">No forum post for this comparison: {preview.problems.join('; ')}.</p>
      </div>
    );
  }

  /** A fresh post (the link settled now). */
  const fresh = (charts?: { file: string; title: string }[]): ForumPost => {
    const made = pagePost({ ...inputs, link: currentPageLink(), ...(charts ? { charts } : {}) });
    if (!made.ok) throw new Error(made.problems.join('; '));
    return made.post;
  };

  const copy = async () => {
    const markdown = renderForumPostMarkdown(fresh());
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(markdown);
      setFallback(null);
      setMessage({ tone: 'ok', text: 'Post copied as Markdown: paste it into the forum.' });
    } catch {
      setFallback(markdown);
      setMessage(null);
    }
  };

  const download = () => {
    downloadText(renderForumPostMarkdown(fresh()), 'haircut-post.md', 'text/markdown');
    setMessage({ tone: 'ok', text: 'Saved haircut-post.md.' });
  };

  const downloadBundle = async () => {
    setMessage(null);
    try {
      const images = await captureCharts();
      const zip = bundleZip(fresh(chartRefs(images)), images);
      downloadBlob(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), 'haircut-post.zip');
      setMessage({ tone: 'ok', text: `Saved haircut-post.zip: the post and ${images.length} charts it refers to by file name.` });
    } catch (error) {
      setMessage({ tone: 'error', text: `The bundle could not be made: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <div className="report-panel" data-testid="report-panel">
      <h3>Forum post</h3>
      <p className="muted small">
        The comparison as a governance post (Markdown): what changes, the results over {preview.post.horizon} with their 95 % intervals, the
        assumptions, the risk-steward check and the one command that reproduces every number.
      </p>
      <StewardFlags post={preview.post} />
      <div className="report-actions">
        <button type="button" onClick={() => void copy()} data-testid="copy-post">
          Copy Markdown
        </button>
        <button type="button" className="secondary" onClick={download} data-testid="download-post">
          Download post
        </button>
        <button type="button" className="secondary" onClick={() => void downloadBundle()} data-testid="download-bundle">
          Download with charts (.zip)
        </button>
        <button type="button" className="secondary" onClick={() => window.print()} data-testid="print-report-button">
          Print or save as PDF
        </button>
      </div>
      {message && (
        <p className={message.tone === 'error' ? 'share-message error' : 'share-message'} role={message.tone === 'error' ? 'alert' : 'status'} data-testid="post-status">
          {message.text}
        </p>
      )}
      {fallback !== null && (
        <div className="share-fallback">
          <label htmlFor="post-markdown-field">The clipboard is not available here: select the post and copy it.</label>
          <textarea id="post-markdown-field" readOnly rows={8} value={fallback} onFocus={(e) => e.currentTarget.select()} data-testid="post-markdown-field" />
          <button type="button" className="secondary small" onClick={() => setFallback(null)}>
            Close
          </button>
        </div>
      )}
      <PrintableReport post={preview.post} />
    </div>
  );
}
