import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import type { ParamProblem } from '../../engine/params/riskParams';
import { selectParams, selectSeed, selectStatus } from '../../state/selectors';
import { pageUrlSync, shareStateOf } from '../../state/urlSync';
import { appStore, useAppStore } from '../../state/useAppStore';
import { encodeShareState } from '../../share/codec';
import { linkAdvice } from '../../share/linkBudget';
import { downloadText } from './download';
import { MAX_PARAMS_FILE_BYTES, PARAMS_FILE_NAME, paramsFileText, readParamsFile, type ParamsFileResult } from './paramsFile';
import { ProposalsPanel } from './ProposalsPanel';
import './share.css';

/** The share link of the current state, fresh (not waiting for the URL's debounce). */
function currentLink(): string {
  const sync = pageUrlSync();
  if (sync) {
    sync.settle();
    return sync.currentLink();
  }
  return `${location.origin}${location.pathname}${location.search}#${encodeShareState(shareStateOf(appStore.getState()))}`;
}

type Message = { tone: 'ok' | 'error'; text: string } | null;

function CopyLink() {
  const [copied, setCopied] = useState(false);
  const [fallback, setFallback] = useState<string | null>(null);
  const [advice, setAdvice] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 4000);
    return () => clearTimeout(timer);
  }, [copied]);
  useEffect(() => {
    if (fallback !== null) field.current?.select();
  }, [fallback]);

  const copy = async () => {
    const link = currentLink();
    const hash = link.indexOf('#');
    const verdict = linkAdvice(shareStateOf(appStore.getState()), hash < 0 ? 0 : link.length - hash - 1);
    setAdvice(verdict.kind === 'fine' ? null : verdict.text);
    if (verdict.kind === 'too-long') {
      setCopied(false);
      setFallback(null);
      return;
    }
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setFallback(null);
      setCopied(true);
    } catch {
      setCopied(false);
      setFallback(link);
    }
  };

  return (
    <>
      <button type="button" onClick={() => void copy()} data-testid="copy-link">
        Copy link
      </button>
      <span className="share-status" role="status" data-testid="copy-status">
        {copied ? 'Link copied' : ''}
      </span>
      {advice !== null && (
        <p className="share-message" role="status" data-testid="link-advice">
          {advice}
        </p>
      )}
      {fallback !== null && (
        <div className="share-fallback">
          <label htmlFor="share-link-field">The clipboard is not available here: select the link and copy it.</label>
          <div className="share-fallback-row">
            <input id="share-link-field" ref={field} readOnly value={fallback} onFocus={(e) => e.currentTarget.select()} data-testid="share-link-field" />
            <button type="button" className="secondary small" onClick={() => setFallback(null)}>
              Close
            </button>
          </div>
        </div>
      )}
    </>
  );
}

function ImportParams({ onMessage }: { onMessage: (m: Message) => void }) {
  const [problems, setProblems] = useState<{ file: string; list: ParamProblem[] } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const read = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = ''; // choosing the same file again reads it again
    if (!file) return;
    setProblems(null);
    onMessage(null);
    const result: ParamsFileResult =
      file.size > MAX_PARAMS_FILE_BYTES
        ? { ok: false, problems: [{ field: '(file)', message: `is larger than ${MAX_PARAMS_FILE_BYTES / 1_000_000} MB; it was not read` }] }
        : readParamsFile(await file.text());
    if (!result.ok) {
      setProblems({ file: file.name, list: result.problems });
      return;
    }
    const refused = appStore.getState().setParams(result.params);
    if (refused.length > 0) setProblems({ file: file.name, list: refused });
    else onMessage({ tone: 'ok', text: `Imported the parameters from ${file.name}.` });
  };

  return (
    <>
      <button type="button" className="secondary" onClick={() => input.current?.click()}>
        Import parameters…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Parameters file to import"
        data-testid="import-params-input"
        onChange={(e) => void read(e)}
      />
      {problems && (
        <div className="import-problems" role="alert" data-testid="import-problems">
          <div>
            <strong>
              {problems.file} was not imported: {problems.list.length === 1 ? 'one problem' : `${problems.list.length} problems`}. Nothing was changed.
            </strong>
            <ul>
              {problems.list.slice(0, 20).map((p, i) => (
                <li key={i}>
                  <code>{p.field}</code>: {p.message}
                </li>
              ))}
              {problems.list.length > 20 && <li>and {problems.list.length - 20} more</li>}
            </ul>
          </div>
          <button type="button" className="secondary small" onClick={() => setProblems(null)}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}

/** Share the state: copy its link, export parameters / per-path results, import parameters, saved proposals. */
export function ShareBar() {
  const params = useAppStore(selectParams);
  const seed = useAppStore(selectSeed);
  const status = useAppStore(selectStatus);
  const [message, setMessage] = useState<Message>(null);

  const exportParams = () => {
    downloadText(paramsFileText(params), PARAMS_FILE_NAME, 'application/json');
    setMessage({ tone: 'ok', text: `Saved ${PARAMS_FILE_NAME}: run it with npm run simulate -- --params ${PARAMS_FILE_NAME} --seed ${seed}.` });
  };

  const exportCsv = async () => {
    setMessage(null);
    try {
      const csv = await appStore.getState().readPathsCsv();
      if (csv === null) {
        setMessage({ tone: 'error', text: 'The per-path results are not available; run the parameters again.' });
        return;
      }
      const { paths } = appStore.getState();
      downloadText(csv, `haircut-paths-seed${seed}-${paths}.csv`, 'text/csv');
    } catch (error) {
      setMessage({ tone: 'error', text: `The per-path results could not be read: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <section className="share-bar" aria-label="Share and save">
      <div className="share-actions">
        <CopyLink />
        <button type="button" className="secondary" onClick={exportParams} data-testid="export-params">
          Export parameters
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void exportCsv()}
          disabled={status !== 'done'}
          title={status === 'done' ? undefined : 'Available when the run has finished'}
          data-testid="export-csv"
        >
          Per-path CSV
        </button>
        <ImportParams onMessage={setMessage} />
      </div>
      {message && (
        <p className={message.tone === 'error' ? 'share-message error' : 'share-message'} role={message.tone === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <ProposalsPanel />
    </section>
  );
}
