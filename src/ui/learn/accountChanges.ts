// What last happened to each shown account by a step (issue #21: after ADL, or a vault takeover, the accounts grid
// must show the account closed or reduced, not its opening size). Read from the path's events, which name accounts
// by population index.
import type { PathEvent } from '../../engine/index';

export type AccountChangeKind = 'liquidated' | 'partly-liquidated' | 'deleveraged' | 'taken-over';

export interface AccountChange {
  step: number;
  kind: AccountChangeKind;
}

/** Short labels for a 44-px tile, and the words for its description. */
export const CHANGE_LABELS: Record<AccountChangeKind, { short: string; words: string }> = {
  liquidated: { short: 'liq.', words: 'liquidated' },
  'partly-liquidated': { short: 'liq.', words: 'partly liquidated' },
  deleveraged: { short: 'ADL', words: 'auto-deleveraged' },
  'taken-over': { short: 'vault', words: 'taken over by the backstop vault' },
};

function changeOf(e: PathEvent): { account: number; kind: AccountChangeKind } | null {
  switch (e.kind) {
    case 'liquidation':
      return { account: e.account, kind: e.full ? 'liquidated' : 'partly-liquidated' };
    case 'adl':
      return { account: e.account, kind: 'deleveraged' };
    case 'takeover':
      return { account: e.account, kind: 'taken-over' };
    default:
      return null;
  }
}

/** Every change of each account, in event order (events are recorded in step order). */
export function accountChanges(events: readonly PathEvent[]): Map<number, AccountChange[]> {
  const out = new Map<number, AccountChange[]>();
  for (const e of events) {
    const c = changeOf(e);
    if (!c) continue;
    const list = out.get(c.account) ?? [];
    list.push({ step: e.step, kind: c.kind });
    out.set(c.account, list);
  }
  return out;
}

/** The account's last change at or before `step`, or null. */
export function lastChangeBy(changes: readonly AccountChange[] | undefined, step: number): AccountChange | null {
  if (!changes) return null;
  let last: AccountChange | null = null;
  for (const c of changes) {
    if (c.step > step) break;
    last = c;
  }
  return last;
}
