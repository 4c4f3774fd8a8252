// The proposals' IndexedDB adapter: one database, one object store keyed by id, each call its own transaction.
// Thin on purpose (no library: four calls do not need one); the logic is in proposals.ts, and the e2e suite
// covers this file against the real thing (save, reload, list).
import type { ProposalBackend, ProposalRecord } from './proposals';

export const DB_NAME = 'haircut';
export const DB_VERSION = 1;
export const STORE = 'proposals';

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

export function indexedDbBackend(factory: IDBFactory): ProposalBackend {
  let db: Promise<IDBDatabase> | null = null;
  const open = (): Promise<IDBDatabase> => {
    db ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = factory.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE, { keyPath: 'id' });
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
    }).catch((error: unknown) => {
      db = null;
      throw error;
    });
    return db;
  };

  const read = async <T,>(run: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const transaction = (await open()).transaction(STORE, 'readonly');
    return promised(run(transaction.objectStore(STORE)));
  };
  const write = async (run: (store: IDBObjectStore) => void): Promise<void> => {
    const transaction = (await open()).transaction(STORE, 'readwrite');
    run(transaction.objectStore(STORE));
    await done(transaction);
  };

  return {
    getAll: () => read((store) => store.getAll()),
    get: (id) => read((store) => store.get(id)),
    put: (record: ProposalRecord) => write((store) => store.put(record)),
    delete: (id) => write((store) => store.delete(id)),
  };
}
