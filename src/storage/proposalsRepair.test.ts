// Saved proposals that cannot wedge (issue 18 §4): every kind of unreadable record is listed as damaged with a
// reason, can be deleted, and never counts toward the cap; the IndexedDB store is repaired on open (missing
// store, wrong key layout, a database from a newer build) with a note in plain words; storage errors are
// described in words, never as raw DOMException text. The IndexedDB cases run on fake-indexeddb (a dev
// dependency: Node has no IndexedDB, and these paths — upgrades, missing stores — are exactly what a Map cannot
// show).
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { defaultShareState } from '../share/shareState';
import { DB_NAME, STORE, indexedDbBackend } from './indexedDbBackend';
import { createProposals, MAX_PROPOSALS, memoryBackend, storageProblem, type ProposalRecord } from './proposals';

const good = (id: string, name = `proposal ${id}`): ProposalRecord => ({ id, name, savedAt: 1_700_000_000_000, state: defaultShareState() });

const badState = () => {
  const state = defaultShareState() as unknown as { run: { paths: number } };
  state.run.paths = -1;
  return state;
};

/** One stored value per way a record can be unreadable, with the words its reason must contain. */
const CORRUPTIONS: [string, unknown, RegExp][] = [
  ['a string', 'garbage', /not a saved proposal/],
  ['null', null, /not a saved proposal/],
  ['a list', [1, 2], /not a saved proposal/],
  ['no id', { name: 'x', savedAt: 1, state: defaultShareState() }, /identifier/],
  ['a numeric id', { id: 7, name: 'x', savedAt: 1, state: defaultShareState() }, /identifier/],
  ['an empty name', { id: 'e', name: '', savedAt: 1, state: defaultShareState() }, /name/],
  ['a name with control characters', { id: 'c', name: 'a\u0000b', savedAt: 1, state: defaultShareState() }, /name/],
  ['no date', { id: 'd', name: 'no date', state: defaultShareState() }, /date/],
  ['an infinite date', { id: 'i', name: 'inf', savedAt: Infinity, state: defaultShareState() }, /date/],
  ['no state', { id: 's', name: 'no state', savedAt: 1 }, /parameters are missing/],
  ['a state that does not validate', { id: 'v', name: 'bad paths', savedAt: 1, state: badState() }, /not valid in this version \(run\.paths/],
];

describe('unreadable records (each corruption)', () => {
  it.each(CORRUPTIONS)('%s is listed as damaged with its reason, and can be deleted', async (_name, value, reason) => {
    const backend = memoryBackend([good('ok'), value]);
    const proposals = createProposals(backend);
    const list = await proposals.list();
    expect(list.proposals.map((p) => p.id)).toEqual(['ok']);
    expect(list.damaged).toHaveLength(1);
    expect(list.damaged[0]!.reason).toMatch(reason);
    expect(list.skipped).toBe(1);
    await proposals.remove(list.damaged[0]!.key);
    const after = await proposals.list();
    expect(after.damaged).toEqual([]);
    expect(after.proposals.map((p) => p.id)).toEqual(['ok']);
  });

  it('a record stored under a key other than its id is damaged (it could not be renamed or deleted by id)', async () => {
    const backend = memoryBackend();
    backend.records.set('other-key', good('real-id'));
    const list = await createProposals(backend).list();
    expect(list.damaged).toEqual([{ key: 'other-key', name: 'proposal real-id', reason: 'it is stored under the wrong key' }]);
  });

  it('unreadable records do not count toward the cap (the issue: 201 listed + 413 unreadable → "at most 500")', async () => {
    const backend = memoryBackend();
    for (let i = 0; i < 201; i++) backend.records.set(`g${i}`, good(`g${i}`));
    for (let i = 0; i < 413; i++) backend.records.set(`b${i}`, { id: `b${i}`, name: 'broken', savedAt: 1, state: badState() });
    let n = 0;
    const proposals = createProposals(backend, { newId: () => `new-${++n}` });
    await expect(proposals.save('one more', defaultShareState())).resolves.toMatchObject({ name: 'one more' });
    const list = await proposals.list();
    expect(list.proposals).toHaveLength(202);
    expect(list.damaged).toHaveLength(413);
  });

  it('the cap still holds for readable proposals', async () => {
    const backend = memoryBackend();
    for (let i = 0; i < MAX_PROPOSALS; i++) backend.records.set(`g${i}`, good(`g${i}`));
    await expect(createProposals(backend).save('too many', defaultShareState())).rejects.toThrow(`At most ${MAX_PROPOSALS} proposals`);
  });
});

/** Creates the database in a given (broken) shape before the backend opens it. */
function prepare(factory: IDBFactory, version: number, shape: (db: IDBDatabase, tx: IDBTransaction) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, version);
    request.onupgradeneeded = () => shape(request.result, request.transaction!);
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

describe('the IndexedDB store is repaired on open', () => {
  it('a fresh browser: created, nothing to report', async () => {
    const proposals = createProposals(indexedDbBackend(new IDBFactory()), { newId: () => 'a' });
    await proposals.save('first', defaultShareState());
    const list = await proposals.list();
    expect(list.proposals.map((p) => p.name)).toEqual(['first']);
    expect(list.repaired).toBeNull();
  });

  it('a database whose object store is missing: recreated, with a note in plain words, and saving works', async () => {
    const factory = new IDBFactory();
    await prepare(factory, 1, (db) => db.createObjectStore('something-else'));
    const proposals = createProposals(indexedDbBackend(factory), { newId: () => 'a' });
    const list = await proposals.list();
    expect(list.repaired).toBe('The storage for saved proposals was missing in this browser and has been recreated; proposals saved before could not be recovered.');
    await proposals.save('after repair', defaultShareState());
    expect((await proposals.list()).proposals.map((p) => p.name)).toEqual(['after repair']);
  });

  it('a store with the wrong key layout: rebuilt, keeping every record with an id', async () => {
    const factory = new IDBFactory();
    await prepare(factory, 1, (db) => {
      const store = db.createObjectStore(STORE, { autoIncrement: true });
      store.put(good('kept-1'));
      store.put(good('kept-2'));
      store.put({ name: 'no id at all' });
    });
    const proposals = createProposals(indexedDbBackend(factory));
    const list = await proposals.list();
    expect(list.repaired).toMatch(/rebuilt; every proposal that could be read was kept/);
    expect(list.proposals.map((p) => p.id).sort()).toEqual(['kept-1', 'kept-2']);
    expect(list.damaged).toEqual([]);
  });

  it('a database left at a newer version by another build opens (no VersionError)', async () => {
    const factory = new IDBFactory();
    await prepare(factory, 7, (db) => db.createObjectStore(STORE, { keyPath: 'id' }).put(good('from-newer')));
    const list = await createProposals(indexedDbBackend(factory)).list();
    expect(list.proposals.map((p) => p.id)).toEqual(['from-newer']);
    expect(list.repaired).toBeNull();
  });

  it('damaged records in IndexedDB are listed and deleted by their own key', async () => {
    const factory = new IDBFactory();
    await prepare(factory, 1, (db) => {
      const store = db.createObjectStore(STORE, { keyPath: 'id' });
      store.put(good('fine'));
      store.put({ id: 42, name: 'numeric id' });
      store.put({ id: ['a', 1], junk: true });
    });
    const proposals = createProposals(indexedDbBackend(factory));
    const list = await proposals.list();
    expect(list.proposals.map((p) => p.id)).toEqual(['fine']);
    expect(list.damaged.map((d) => d.key)).toEqual([42, ['a', 1]]);
    for (const d of list.damaged) await proposals.remove(d.key);
    expect((await proposals.list()).damaged).toEqual([]);
  });
});

describe('storage errors in plain words', () => {
  const domError = (name: string) => Object.assign(new Error(`Failed to execute 'transaction' on 'IDBDatabase': raw ${name} text`), { name });
  it.each([
    ['QuotaExceededError', /storage for the site is full/],
    ['NotFoundError', /reload the page to repair them/],
    ['VersionError', /reload the page/],
    ['UnknownError', /try again/],
    ['SecurityError', /not available in this browser/],
  ])('%s', (name, words) => {
    const text = storageProblem(domError(name));
    expect(text).toMatch(words);
    expect(text).not.toMatch(/Failed to execute|raw/);
  });
});
