// Reading one value of the draft and its problems, and committing text edits after a pause in typing.
import { useCallback, useEffect, useRef } from 'react';
import type { ParamProblem } from '../../engine/params/riskParams';
import { getIn, type ParamPath } from '../../state/paramsSlice';
import { useAppStore } from '../../state/useAppStore';
import { pathKey } from './fieldSpecs';

/** Text inputs apply this long after the last keystroke (or at once on blur / Enter). */
export const TEXT_DEBOUNCE_MS = 300;

/** Equal values: the same primitive, or arrays with the same items (a validated copy of a list is "the same"). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return false;
}

/** The draft's value at `path` (re-renders only when it changes). */
export function useDraftValue(path: ParamPath): unknown {
  return useAppStore((s) => getIn(s.draft, path));
}

/** The validator's messages for exactly this field, joined; null when it has none. */
export function useFieldProblem(path: ParamPath): string | null {
  const key = pathKey(path);
  return useAppStore((s) => problemText(s.draftProblems, key));
}

export function problemText(problems: readonly ParamProblem[], key: string): string | null {
  const mine = problems.filter((p) => p.field === key).map((p) => p.message);
  return mine.length > 0 ? mine.join('; ') : null;
}

/**
 * A debounced commit: `schedule(x)` runs `commit(x)` after TEXT_DEBOUNCE_MS unless called again; `flush()`
 * runs a pending commit now. A pending commit is dropped on unmount (its field may no longer exist).
 */
export function useDebouncedCommit<T>(commit: (value: T) => void): { schedule: (value: T) => void; flush: () => void } {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<{ value: T } | null>(null);
  const latest = useRef(commit);
  useEffect(() => {
    latest.current = commit;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const p = pending.current;
    pending.current = null;
    if (p) latest.current(p.value);
  }, []);
  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, TEXT_DEBOUNCE_MS);
    },
    [flush],
  );
  return { schedule, flush };
}
