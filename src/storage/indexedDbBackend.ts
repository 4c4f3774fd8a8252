// The proposals' IndexedDB adapter: one database, one object store keyed by id, each call its own transaction.
// Thin on purpose (no library: four calls do not need one); the logic is in proposals.ts. Opening repairs what
// it can (issue 18): the database is opened at whatever version it has (an older or newer build's, so never a
// VersionError), and a missing object store, or one with the wrong key, is rebuilt in an upgrade — keeping every
// record it can — with a note in plain words for the page. indexedDbBackend.test.ts runs it on fake-indexeddb.
import type { ProposalBackend, ProposalKey, ProposalRecord } from './proposals';

export const DB_NAME = 'haircut';
/** The version a new database is created at; an existing one is opened at its own version. */
export const DB_VERSION = 1;
export const STORE = 'proposals';
const KEY_PATH = 'id';

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
  });
}

/** Whether the database's proposals store is as this build writes it. */
function storeIsSound(db: IDBDatabase): 'sound' | 'missing' | 'wrong-key' {
  if (!db.objectStoreNames.contains(STORE)) return 'missing';
  const store = db.transaction(STORE, 'readonly').objectStore(STORE);
  return store.keyPath === KEY_PATH && !store.autoIncrement ? 'sound' : 'wrong-key';
}

/** In an upgrade: (re)creates the store, moving over every record that has a usable string id. */
function rebuildStore(db: IDBDatabase, transaction: IDBTransaction): void {
  if (!db.objectStoreNames.contains(STORE)) {
    db.createObjectStore(STORE, { keyPath: KEY_PATH });
    return;
  }
  const old = transaction.objectStore(STORE);
  if (old.keyPath === KEY_PATH && !old.autoIncrement) return;
  const all = old.getAll();
  all.onsuccess = () => {
    db.deleteObjectStore(STORE);
    const fresh = db.createObjectStore(STORE, { keyPath: KEY_PATH });
    for (const value of all.result as unknown[]) {
      const id = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[KEY_PATH] : undefined;
      if (typeof id === 'string' && id !== '') fresh.put(value);
    }
  };
}

export function indexedDbBackend(factory: IDBFactory): ProposalBackend {
  let db: Promise<IDBDatabase> | null = null;
  let repaired: string | null = null;

  const openAt = (version: number | undefined): Promise<IDBDatabase> =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = version === undefined ? factory.open(DB_NAME) : factory.open(DB_NAME, version);
      request.onupgradeneeded = () => {
        if (request.transaction) rebuildStore(request.result, request.transaction);
      };
      request.onsuccess = () => {
        const database = request.result;
        database.onversionchange = () => {
          database.close();
          db = null;
        };
        resolve(database);
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB could not be opened'));
      request.onblocked = () => reject(new Error('IndexedDB is blocked by another tab; close it and try again'));
    });

  const open = (): Promise<IDBDatabase> => {
    db ??= openAt(undefined)
      .then((database) => {
        const state = storeIsSound(database);
        if (state === 'sound') return database;
        // Repair in an upgrade (the only time stores can change): one version up from whatever this one is.
        const next = database.version + 1;
        database.close();
        repaired =
          state === 'missing'
            ? 'The storage for saved proposals was missing in this browser and has been recreated; proposals saved before could not be recovered.'
            : 'The storage for saved proposals was in an old or damaged layout and has been rebuilt; every proposal that could be read was kept.';
        return openAt(next);
      })
      .catch((error: unknown) => {
        db = null;
        throw error;
      });
    return db;
  };

  const write = async (run: (store: IDBObjectStore) => void): Promise<void> => {
    const transaction = (await open()).transaction(STORE, 'readwrite');
    run(transaction.objectStore(STORE));
    await done(transaction);
  };

  return {
    entries: async () => {
      const store = (await open()).transaction(STORE, 'readonly').objectStore(STORE);
      // Both requests in one transaction: keys and values in the same (key) order, from the same snapshot.
      const [keys, values] = await Promise.all([promised(store.getAllKeys()), promised(store.getAll())]);
      return keys.map((key, i) => ({ key, value: values[i] as unknown }));
    },
    get: async (id) => promised((await open()).transaction(STORE, 'readonly').objectStore(STORE).get(id)),
    put: (record: ProposalRecord) => write((store) => store.put(record)),
    delete: (key: ProposalKey) => write((store) => store.delete(key)),
    repairNote: () => repaired,
  };
}
