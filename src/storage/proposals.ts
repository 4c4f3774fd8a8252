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

/** The storage under the logic: IndexedDB on the page, a Map in tests. */
export interface ProposalBackend {
  getAll(): Promise<unknown[]>;
  get(id: string): Promise<unknown>;
  put(record: ProposalRecord): Promise<void>;
  delete(id: string): Promise<void>;
}

export type Proposal = ProposalRecord;

export interface ProposalList {
  /** Newest first. */
  proposals: Proposal[];
  /** Records that could not be read (damaged or from an incompatible build). */
  skipped: number;
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

/** A stored value as a proposal, or null when it is not one (validated like a share link). */
export function readRecord(value: unknown): Proposal | null {
  if (!isJsonObject(value)) return null;
  const { id, name, savedAt, state } = value as Record<string, unknown>;
  if (typeof id !== 'string' || id === '' || id.length > 100) return null;
  if (typeof name !== 'string' || nameProblem(name) !== null) return null;
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return null;
  if (!isJsonObject(state)) return null;
  const checked = validateShareState(state);
  if (!checked.ok) return null;
  return { id, name: name.trim(), savedAt, state: checked.state };
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
    const raw = await backend.getAll();
    const proposals: Proposal[] = [];
    let skipped = 0;
    for (const value of raw) {
      const proposal = readRecord(value);
      if (proposal) proposals.push(proposal);
      else skipped++;
    }
    proposals.sort((a, b) => b.savedAt - a.savedAt || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    return { proposals, skipped };
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
      if ((await backend.getAll()).length >= MAX_PROPOSALS) {
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
    async remove(id: string): Promise<void> {
      await backend.delete(id);
    },
  };
}

export type Proposals = ReturnType<typeof createProposals>;

/** A backend over a Map (tests, and a page without IndexedDB: proposals then last until the tab closes). */
export function memoryBackend(initial: unknown[] = []): ProposalBackend & { records: Map<string, unknown> } {
  const records = new Map<string, unknown>();
  initial.forEach((value, i) => {
    const id = isJsonObject(value) && typeof value.id === 'string' ? value.id : `raw-${i}`;
    records.set(id, value);
  });
  const clone = <T,>(value: T): T => structuredClone(value);
  return {
    records,
    getAll: () => Promise.resolve([...records.values()].map(clone)),
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
