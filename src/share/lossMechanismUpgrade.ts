/**
 * Links made before issue 14 with an `adl` or `backstop` mechanism decode to the new rules (the old ones were
 * bugs: ADL on top of a full book sale, a vault that was relabelled bad debt), so the page says so. A link is
 * "old" when its mechanism lacks every round-two field; the missing fields take FIELD_DEFAULTS.
 */
const ADL_FIELDS = ['size', 'closePrice', 'trigger'];
const BACKSTOP_FIELDS = ['takeoverEquityShare', 'unwindSteps'];

export const ADL_UPGRADE_NOTE =
  'this link was made before ADL replaced the book sale: it now closes what the fund cannot cover against the ranked winners instead of selling it first (only the contracts needed, at the bankruptcy price, once the fund is empty)';
export const BACKSTOP_UPGRADE_NOTE =
  'this link was made before the backstop vault held positions: the vault now takes over positions below 2/3 of maintenance with their margin and sells them back over 60 steps, so it can also gain';

function mechanismOf(params: unknown): Record<string, unknown> | null {
  if (typeof params !== 'object' || params === null) return null;
  const mechanism = (params as Record<string, unknown>).lossMechanism;
  return typeof mechanism === 'object' && mechanism !== null ? (mechanism as Record<string, unknown>) : null;
}

function noteFor(mechanism: Record<string, unknown> | null): string | null {
  if (mechanism === null) return null;
  if (mechanism.kind === 'adl' && ADL_FIELDS.every((f) => !Object.hasOwn(mechanism, f))) return ADL_UPGRADE_NOTE;
  if (mechanism.kind === 'backstop' && BACKSTOP_FIELDS.every((f) => !Object.hasOwn(mechanism, f))) return BACKSTOP_UPGRADE_NOTE;
  return null;
}

/** Notes for the parameters and the baseline of a decoded (not yet validated) link state. */
export function lossMechanismUpgradeNotes(state: unknown): string[] {
  if (typeof state !== 'object' || state === null) return [];
  const s = state as Record<string, unknown>;
  const notes = [noteFor(mechanismOf(s.params)), noteFor(mechanismOf(s.baseline))].filter((n): n is string => n !== null);
  return [...new Set(notes)];
}
