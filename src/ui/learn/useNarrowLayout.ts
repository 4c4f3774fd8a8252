import { useSyncExternalStore } from 'react';

/** The width below which Learn stacks into one column (learn.css uses the same breakpoint). */
export const NARROW_QUERY = '(max-width: 900px)';

function query(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(NARROW_QUERY) : null;
}

/**
 * True on a phone-sized window, following resizes. Learn renders its parts in a different order there (issue #21:
 * stepper and chart first), in the DOM and not only visually, so focus order and reading order match what is seen.
 */
export function useNarrowLayout(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const q = query();
      q?.addEventListener('change', onChange);
      return () => q?.removeEventListener('change', onChange);
    },
    () => query()?.matches ?? false,
    () => false,
  );
}
