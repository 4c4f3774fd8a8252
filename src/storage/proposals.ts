// Named saved proposals (issue #8): a delegate saves the current state under a name, lists, opens, renames and
// deletes them; they live in IndexedDB and survive a reload. The logic (names, validation on the way in and
// out, order) is here and tested in Node against a Map; the IndexedDB adapter (indexedDbBackend.ts) is thin.
// A stored record is untrusted on the way out (another tab, an older build, a hand edit): it is validated like
// a share link and a record that does not validate is skipped and counted, never applied.
import { isJsonObject } from '../share/jsonPatch';
import type { ShareState } from '../share/shareState';
import { validateShareState } from '../share/validateShareState';

/** What is stored: one record per proposal, keyed by id. */
export interface ProposalRecord {
  id: string;
  name: string;
  /** ms since the epoch. */
  savedAt: number;
  state: ShareState;
}

/** A stored record's key (a damaged record's may be any IndexedDB key, not our string id). */
export type ProposalKey = IDBValidKey;

/** The storage under the logic: IndexedDB on the page, a Map in tests. */
export interface ProposalBackend {
  /** Every stored record with its key, in one consistent read. */
  entries(): Promise<{ key: ProposalKey; value: unknown }[]>;
  get(id: string): Promise<unknown>;
  put(record: ProposalRecord): Promise<void>;
  delete(key: ProposalKey): Promise<void>;
  /** What opening the store had to repair, in plain words; null when it opened as it was. */
  repairNote?(): string | null;
}

export type Proposal = ProposalRecord;

/** A stored record that cannot be read: shown as damaged, with a delete action; never counted toward the cap. */
export interface DamagedProposal {
  key: ProposalKey;
  /** The record's name if it has a readable one, for the list. */
  name: string | null;
  /** Why it cannot be read, in plain words. */
  reason: string;
}

export interface ProposalList {
  /** Newest first. */
  proposals: Proposal[];
  /** Records that could not be read (damaged or from an incompatible build): damaged.length. */
  skipped: number;
  damaged: DamagedProposal[];
  /** What opening the store repaired, in plain words, or null. */
  repaired: string | null;
}

export const MAX_NAME_CHARS = 120;
export const MAX_PROPOSALS = 500;

/** The problem with a proposal name in words, or null when it is fine. */
export function nameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'Give the proposal a name.';
  if (trimmed.length > MAX_NAME_CHARS) return `A name can be at most ${MAX_NAME_CHARS} characters (this one has ${trimmed.length}).`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(trimmed)) return 'A name cannot contain control characters.';
  return null;
}

/** A stored value as a proposal, or why it is not one (validated like a share link). */
export function examineRecord(value: unknown): { ok: true; proposal: Proposal } | { ok: false; reason: string } {
  const refuse = (reason: string) => ({ ok: false as const, reason });
  if (!isJsonObject(value)) return refuse('it is not a saved proposal at all');
  const { id, name, savedAt, state } = value as Record<string, unknown>;
  if (typeof id !== 'string' || id === '' || id.length > 100) return refuse('its identifier is missing or malformed');
  if (typeof name !== 'string' || nameProblem(name) !== null) return refuse('its name is missing or malformed');
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return refuse('its date is missing or malformed');
  if (!isJsonObject(state)) return refuse('its parameters are missing');
  const checked = validateShareState(state);
  if (!checked.ok) return refuse(`its parameters are not valid in this version (${checked.problems[0] ?? 'unknown problem'})`);
  return { ok: true, proposal: { id, name: name.trim(), savedAt, state: checked.state } };
}

/** A stored value as a proposal, or null when it is not one. */
export function readRecord(value: unknown): Proposal | null {
  const examined = examineRecord(value);
  return examined.ok ? examined.proposal : null;
}

/** A readable name of a damaged record, if it has one. */
function nameOf(value: unknown): string | null {
  if (!isJsonObject(value)) return null;
  const name = (value as Record<string, unknown>).name;
  return typeof name === 'string' && nameProblem(name) === null ? name.trim() : null;
}

/**
 * An error of the browser's storage in plain words (the raw DOMException text means nothing to a reader):
 * what happened and what to do.
 */
export function storageProblem(error: unknown): string {
  if (error instanceof ProposalError) return error.message;
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? (error as Error).name : '';
  switch (name) {
    case 'QuotaExceededError':
      return "This browser's storage for the site is full; delete some saved proposals (or free space) and try again.";
    case 'VersionError':
    case 'InvalidStateError':
    case 'NotFoundError':
    case 'TransactionInactiveError':
      return 'Saved proposals could not be opened; reload the page to repair them.';
    case 'UnknownError':
    case 'AbortError':
      return 'The browser could not read or write saved proposals just now; try again, or reload the page.';
    default:
      return 'Saved proposals are not available in this browser (storage may be turned off, as in some private windows).';
  }
}

export class ProposalError extends Error {
  override name = 'ProposalError';
}

export interface ProposalsOptions {
  now?: () => number;
  newId?: () => string;
}

export function createProposals(backend: ProposalBackend, options: ProposalsOptions = {}) {
  const now = options.now ?? (() => Date.now());
  const newId = options.newId ?? (() => crypto.randomUUID());

  const checkedName = (name: string): string => {
    const problem = nameProblem(name);
    if (problem) throw new ProposalError(problem);
    return name.trim();
  };

  const list = async (): Promise<ProposalList> => {
    const entries = await backend.entries();
    const proposals: Proposal[] = [];
    const damaged: DamagedProposal[] = [];
    for (const { key, value } of entries) {
      const examined = examineRecord(value);
      // A record stored under another key than its id cannot be renamed or deleted by id: damaged too.
      if (examined.ok && examined.proposal.id === key) proposals.push(examined.proposal);
      else damaged.push({ key, name: nameOf(value), reason: examined.ok ? 'it is stored under the wrong key' : examined.reason });
    }
    proposals.sort((a, b) => b.savedAt - a.savedAt || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return { proposals, skipped: damaged.length, damaged, repaired: backend.repairNote?.() ?? null };
  };

  const get = async (id: string): Promise<Proposal> => {
    const proposal = readRecord(await backend.get(id));
    if (!proposal) throw new ProposalError('This proposal could not be read; it may have been deleted in another tab or saved by an incompatible version.');
    return proposal;
  };

  return {
    list,
    get,
    /** Saves `state` under `name` as a new proposal. The state must be valid (as the store holds it). */
    async save(name: string, state: ShareState): Promise<Proposal> {
      const trimmed = checkedName(name);
      const checked = validateShareState(JSON.parse(JSON.stringify(state)) as Parameters<typeof validateShareState>[0]);
      if (!checked.ok) throw new ProposalError(`This state cannot be saved: ${checked.problems.slice(0, 3).join('; ')}`);
      // Only readable proposals count: damaged records can be deleted from the list, but never block a save.
      if ((await list()).proposals.length >= MAX_PROPOSALS) {
        throw new ProposalError(`At most ${MAX_PROPOSALS} proposals can be saved; delete some first.`);
      }
      const record: ProposalRecord = { id: newId(), name: trimmed, savedAt: now(), state: checked.state };
      await backend.put(record);
      return record;
    },
    async rename(id: string, name: string): Promise<Proposal> {
      const trimmed = checkedName(name);
      const proposal = await get(id);
      const renamed = { ...proposal, name: trimmed };
      await backend.put(renamed);
      return renamed;
    },
    /** Deletes a proposal by id, or a damaged record by its key. */
    async remove(key: ProposalKey): Promise<void> {
      await backend.delete(key);
    },
  };
}

export type Proposals = ReturnType<typeof createProposals>;

/** A backend over a Map (tests, and a page without IndexedDB: proposals then last until the tab closes). */
export function memoryBackend(initial: unknown[] = []): ProposalBackend & { records: Map<ProposalKey, unknown> } {
  const records = new Map<ProposalKey, unknown>();
  initial.forEach((value, i) => {
    const id = isJsonObject(value) && typeof value.id === 'string' ? value.id : `raw-${i}`;
    records.set(id, value);
  });
  const clone = <T,>(value: T): T => structuredClone(value);
  return {
    records,
    entries: () => Promise.resolve([...records].map(([key, value]) => ({ key, value: clone(value) }))),
    get: (id) => Promise.resolve(records.has(id) ? clone(records.get(id)) : undefined),
    put: (record) => {
      records.set(record.id, clone(record));
      return Promise.resolve();
    },
    delete: (id) => {
      records.delete(id);
      return Promise.resolve();
    },
  };
}
