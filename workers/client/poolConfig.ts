// How many simulation workers the pool runs: one per core (navigator.hardwareConcurrency), capped; a page URL
// may force a count with `?workers=N` (1–16), e.g. to check that the numbers do not depend on it.

/** Cap of the default: more workers than this rarely help a page and cost memory (one simulator each). */
export const MAX_DEFAULT_WORKERS = 8;
/** Largest count `?workers=N` may force. */
export const MAX_FORCED_WORKERS = 16;

export function defaultWorkerCount(hardwareConcurrency: number | undefined): number {
  const cores = Number.isSafeInteger(hardwareConcurrency) && (hardwareConcurrency as number) > 0 ? (hardwareConcurrency as number) : 2;
  return Math.min(cores, MAX_DEFAULT_WORKERS);
}

/** The count `?workers=N` in `search` forces, if N is a whole number 1–16; otherwise the default. */
export function workerCountFrom(search: string, hardwareConcurrency: number | undefined): number {
  const forced = new URLSearchParams(search).get('workers');
  if (forced !== null && /^\d{1,2}$/.test(forced)) {
    const n = Number(forced);
    if (n >= 1 && n <= MAX_FORCED_WORKERS) return n;
  }
  return defaultWorkerCount(hardwareConcurrency);
}
