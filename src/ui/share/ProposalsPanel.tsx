import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { indexedDbBackend } from '../../storage/indexedDbBackend';
import { createProposals, memoryBackend, nameProblem, storageProblem, type DamagedProposal, type Proposal, type Proposals } from '../../storage/proposals';
import { shareStateOf } from '../../state/urlSync';
import { appStore } from '../../state/useAppStore';
import './share.css';

let shared: Proposals | null = null;
/** The page's proposals store: IndexedDB, or (without it) memory for this tab only. */
function proposals(): Proposals {
  shared ??= createProposals(typeof indexedDB === 'undefined' ? memoryBackend() : indexedDbBackend(indexedDB));
  return shared;
}

const messageOf = (error: unknown) => storageProblem(error);

const savedAtText = (ms: number) =>
  new Date(ms).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

function ProposalRow({ proposal, onChanged, onMessage }: { proposal: Proposal; onChanged: () => void; onMessage: (text: string, error?: boolean) => void }) {
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(proposal.name);
  const problem = renaming ? nameProblem(name) : null;
  const inputId = `proposal-rename-${proposal.id}`;
  const { params, run, baseline } = proposal.state;

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (problem) return;
    try {
      await proposals().rename(proposal.id, name);
      setRenaming(false);
      onChanged();
    } catch (error) {
      onMessage(messageOf(error), true);
    }
  };
  const remove = async () => {
    try {
      await proposals().remove(proposal.id);
      onMessage(`Deleted “${proposal.name}”.`);
      onChanged();
    } catch (error) {
      onMessage(messageOf(error), true);
    }
  };

  return (
    <li className="proposal" data-testid="proposal">
      {renaming ? (
        <form className="proposal-rename" onSubmit={(e) => void rename(e)}>
          <label htmlFor={inputId} className="visually-hidden">
            New name for {proposal.name}
          </label>
          <input id={inputId} value={name} onChange={(e) => setName(e.currentTarget.value)} aria-invalid={problem !== null} autoFocus />
          <button type="submit" className="small" disabled={problem !== null}>
            Save name
          </button>
          <button type="button" className="secondary small" onClick={() => setRenaming(false)}>
            Cancel
          </button>
          {problem && <span className="proposal-problem">{problem}</span>}
        </form>
      ) : (
        <div className="proposal-main">
          <span className="proposal-name" data-testid="proposal-name">
            {proposal.name}
          </span>
          <span className="proposal-meta muted">
            {savedAtText(proposal.savedAt)} · {params.scenario.kind} · {params.lossMechanism.kind} · seed {run.seed} · {run.paths} paths
            {baseline ? ' · with baseline' : ''}
          </span>
        </div>
      )}
      {!renaming && (
        <div className="proposal-actions">
          <button type="button" className="small" onClick={() => appStore.getState().openProposal(proposal.state)} aria-label={`Open ${proposal.name}`}>
            Open
          </button>
          <button
            type="button"
            className="secondary small"
            onClick={() => {
              setName(proposal.name);
              setRenaming(true);
            }}
            aria-label={`Rename ${proposal.name}`}
          >
            Rename
          </button>
          <button type="button" className="secondary small danger" onClick={() => void remove()} aria-label={`Delete ${proposal.name}`}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

/** A stored record that cannot be read: said plainly, with the one thing to do about it. */
function DamagedRow({ damaged, onChanged, onMessage }: { damaged: DamagedProposal; onChanged: () => void; onMessage: (text: string, error?: boolean) => void }) {
  const label = damaged.name ? `“${damaged.name}”` : 'A saved proposal';
  const remove = async () => {
    try {
      await proposals().remove(damaged.key);
      onMessage(`Deleted the damaged proposal${damaged.name ? ` “${damaged.name}”` : ''}.`);
      onChanged();
    } catch (error) {
      onMessage(messageOf(error), true);
    }
  };
  return (
    <li className="proposal damaged" data-testid="proposal-damaged">
      <div className="proposal-main">
        <span className="proposal-name">{label} is damaged</span>
        <span className="proposal-meta muted">It cannot be opened: {damaged.reason}. It does not count toward the limit.</span>
      </div>
      <div className="proposal-actions">
        <button type="button" className="secondary small danger" onClick={() => void remove()} aria-label={`Delete the damaged proposal ${damaged.name ?? ''}`.trim()}>
          Delete
        </button>
      </div>
    </li>
  );
}

/** Named proposals saved in this browser (IndexedDB): save the current state, open, rename, delete. */
export function ProposalsPanel() {
  const [list, setList] = useState<Proposal[] | null>(null);
  const [damaged, setDamaged] = useState<DamagedProposal[]>([]);
  const [name, setName] = useState('');
  const [tried, setTried] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const problem = useMemo(() => nameProblem(name), [name]);

  const refresh = useCallback(() => {
    proposals()
      .list()
      .then((result) => {
        setList(result.proposals);
        setDamaged(result.damaged);
        if (result.repaired) setMessage({ text: result.repaired, error: false });
      })
      .catch((error: unknown) => {
        setList([]);
        setMessage({ text: messageOf(error), error: true });
      });
  }, []);
  useEffect(refresh, [refresh]);

  const onMessage = (text: string, error = false) => setMessage({ text, error });

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problem) return;
    try {
      const saved = await proposals().save(name, shareStateOf(appStore.getState()));
      setName('');
      setTried(false);
      onMessage(`Saved “${saved.name}”.`);
      refresh();
    } catch (error) {
      onMessage(messageOf(error), true);
    }
  };

  const count = list?.length ?? 0;
  return (
    <details className="proposals" data-testid="proposals">
      <summary>
        Saved proposals <span className="proposals-count">({list === null ? '…' : count})</span>
      </summary>
      <div className="proposals-body">
        <form className="proposal-save" onSubmit={(e) => void save(e)} noValidate>
          <label htmlFor="proposal-name">Save the current parameters, seed, paths and baseline as</label>
          <div className="proposal-save-row">
            <input
              id="proposal-name"
              value={name}
              placeholder="e.g. MMR 6 %, fund 500k"
              maxLength={200}
              onChange={(e) => setName(e.currentTarget.value)}
              aria-invalid={tried && problem !== null}
              aria-describedby={tried && problem ? 'proposal-name-problem' : undefined}
            />
            <button type="submit">Save proposal</button>
          </div>
          {tried && problem && (
            <p id="proposal-name-problem" className="proposal-problem">
              {problem}
            </p>
          )}
        </form>
        {message && (
          <p className={message.error ? 'share-message error' : 'share-message'} role={message.error ? 'alert' : 'status'}>
            {message.text}
          </p>
        )}
        {list !== null && count === 0 && damaged.length === 0 && <p className="muted proposals-empty">No saved proposals yet. They are kept in this browser only.</p>}
        {count > 0 && (
          <ul className="proposal-list" aria-label="Saved proposals">
            {list!.map((p) => (
              <ProposalRow key={p.id} proposal={p} onChanged={refresh} onMessage={onMessage} />
            ))}
          </ul>
        )}
        {damaged.length > 0 && (
          <ul className="proposal-list" aria-label="Damaged saved proposals">
            {damaged.map((d, i) => (
              <DamagedRow key={`${String(d.key)}-${i}`} damaged={d} onChanged={refresh} onMessage={onMessage} />
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}
